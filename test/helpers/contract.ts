/**
 * The contract hook: every request that nock answers is checked against the official API
 * description (test/contract), request and reply alike. Installed once per test file from
 * setup.ts; a violation fails the test that made the request (see setup.ts's afterEach).
 *
 * How it sees every request: nock 14 intercepts through @mswjs/interceptors, whose interceptors
 * are process-wide singletons. Listening to the 'response' event of the same preset instances
 * nock applied gives the Fetch Request (method, full URL, headers, body) and the Response
 * (status, headers, body) of each mocked exchange, whatever the test wrote.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';

import nock from 'nock';

import { checkExchange, type ContractResult, formatViolation } from '../contract/validator';

interface ResponseEvent {
	request: Request;
	response: Response;
	isMockedResponse: boolean;
}
interface PresetInterceptor {
	on(event: 'response', listener: (event: ResponseEvent) => unknown): unknown;
}

const pending = new Set<Promise<void>>();
const violations: string[] = [];
let installed = false;

export function installContractHook(): void {
	if (installed) return;
	installed = true;
	if (!nock.isActive()) nock.activate();
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const interceptors = require('@mswjs/interceptors/presets/node') as PresetInterceptor[];
	for (const interceptor of interceptors) {
		interceptor.on('response', (event) => {
			if (!event.isMockedResponse) return; // a real request to localhost, not an API call
			const check = inspect(event);
			pending.add(check);
			void check.finally(() => pending.delete(check));
		});
	}
}

async function inspect({ request, response }: ResponseEvent): Promise<void> {
	let result: ContractResult;
	try {
		const [body, reply] = await Promise.all([request.clone().text(), response.clone().text()]);
		result = checkExchange({
			method: request.method,
			url: request.url,
			headers: Object.fromEntries(request.headers),
			body,
			response: { status: response.status, headers: Object.fromEntries(response.headers), body: reply },
		});
	} catch (error) {
		violations.push(`${request.method} ${request.url}: the contract check itself failed: ${(error as Error).stack}`);
		return;
	}
	violations.push(...result.violations.map(formatViolation));
	record({
		kind: 'exchange',
		api: result.api,
		operation: result.skipped ? undefined : result.operation,
		skipped: result.skipped,
		responseSkipped: result.responseSkipped,
	});
}

/** One JSON line per event for the end-of-run summary (test/contract/reporter.js). */
function record(line: object): void {
	const directory = process.env.CONTRACT_STATS_DIR;
	if (directory) appendFileSync(path.join(directory, `${process.pid}.jsonl`), JSON.stringify(line) + '\n');
}

/**
 * Waits for the checks still running, then returns and forgets the violations found since the
 * last call. For tests that provoke a violation on purpose; those are not counted as violations.
 */
export async function takeContractViolations(): Promise<string[]> {
	while (pending.size) await Promise.all([...pending]);
	return violations.splice(0);
}

/** setup.ts, after each test: fails the test on any violation nobody took, and counts them. */
export async function assertNoContractViolations(): Promise<void> {
	const found = await takeContractViolations();
	if (!found.length) return;
	record({ kind: 'failure', violations: found.length });
	throw new Error(`Requests or replies break the API contract (test/contract):\n  ${found.join('\n  ')}`);
}
