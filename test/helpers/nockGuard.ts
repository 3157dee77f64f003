/** Records requests that no nock interceptor matched, so the suite can fail on them. */
import nock from 'nock';

const unmatched: string[] = [];
let installed = false;

export function installNockGuard(): void {
	if (installed) return;
	installed = true;
	nock.emitter.on('no match', (req: { method?: string; path?: string; hostname?: string; options?: { href?: string } }) => {
		// Requests to the local mock servers (test/mock, 127.0.0.1) are real by design, not stray.
		if (/^(127\.0\.0\.1|localhost)$/.test(req.hostname ?? '')) return;
		unmatched.push(`${req.method ?? '?'} ${req.options?.href ?? req.path ?? '?'}`);
	});
}

/** Returns and forgets the requests nobody expected since the last call. */
export function takeUnmatchedRequests(): string[] {
	return unmatched.splice(0);
}
