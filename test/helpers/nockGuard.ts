/** Records requests that no nock interceptor matched, so the suite can fail on them. */
import nock from 'nock';

const unmatched: string[] = [];
let installed = false;

export function installNockGuard(): void {
	if (installed) return;
	installed = true;
	nock.emitter.on('no match', (req: { method?: string; path?: string; options?: { href?: string } }) => {
		unmatched.push(`${req.method ?? '?'} ${req.options?.href ?? req.path ?? '?'}`);
	});
}

/** Returns and forgets the requests nobody expected since the last call. */
export function takeUnmatchedRequests(): string[] {
	return unmatched.splice(0);
}
