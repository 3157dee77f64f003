/**
 * The retry policy decides what may be sent again. These cases pin the decisions that protect
 * money: only a real network failure or a retryable status repeats a request.
 */
import { NodeOperationError } from 'n8n-workflow';

import { describeFailure, isNetworkFailure, parseRetryAfter, retryDelay } from '../../nodes/shared/retry';
import { ShipEngine } from '../../nodes/ShipEngine/ShipEngine.node';
import { runNode } from '../helpers/engine';
import { startShipEngineMock, type MockServer } from '../mock';

const node = { id: '1', name: 'n', type: 't', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };

describe('retry policy', () => {
	it('never treats an error thrown by our own code as a network failure', () => {
		const failure = describeFailure(new NodeOperationError(node, 'No usable rate was returned'));
		expect(isNetworkFailure(failure)).toBe(false);
		expect(retryDelay(failure, 1, true)).toBeUndefined();
		expect(retryDelay(describeFailure(new Error('boom')), 1, true)).toBeUndefined();
	});

	it('treats resets, refusals and timeouts as network failures', () => {
		for (const code of ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ERR_NETWORK']) {
			const error = Object.assign(new Error(code), { code });
			expect(isNetworkFailure(describeFailure(error))).toBe(true);
			expect(retryDelay(describeFailure(error), 1, true)).toBeGreaterThan(0);
			expect(retryDelay(describeFailure(error), 1, false)).toBeUndefined();
		}
	});

	it('waits Retry-After on a 429 even for a purchase, and gives up after the last attempt', () => {
		const failure = { status: 429, headers: { 'Retry-After': '2' } };
		expect(retryDelay(failure, 1, false)).toBe(2000);
		expect(retryDelay(failure, 4, false)).toBeUndefined();
		expect(retryDelay({ status: 429, headers: { 'retry-after': '3600' } }, 1, true)).toBeUndefined();
	});

	it('retries 5xx only when repeating is safe, and never a 400', () => {
		expect(retryDelay({ status: 503 }, 1, true)).toBeGreaterThan(0);
		expect(retryDelay({ status: 503 }, 1, false)).toBeUndefined();
		expect(retryDelay({ status: 400 }, 1, true)).toBeUndefined();
	});

	it('reads Retry-After as seconds or an HTTP date', () => {
		const now = Date.parse('2026-11-23T10:00:00Z');
		expect(parseRetryAfter('5', now)).toBe(5000);
		expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:07 GMT', now)).toBe(7000);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
	});
});

describe('retry policy through the engine, on real sockets', () => {
	// nock's replyWithError leaves n8n's HTTP client hanging until its 300 s timeout, so network
	// faults are produced by the local mock server, which really drops the connection.
	let mock: MockServer;
	beforeAll(async () => {
		mock = await startShipEngineMock();
	});
	afterAll(async () => mock.close());
	beforeEach(() => mock.reset());
	const run = () =>
		runNode({
			node: new ShipEngine(),
			parameters: { resource: 'carrier', operation: 'getAll' },
			credentials: { shipEngineApi: { apiKey: 'TEST_retry', baseUrl: mock.url } },
		});

	it('sends a read again after a dropped connection', async () => {
		mock.script('GET', /^\/v1\/carriers$/, { status: 200, destroySocket: true });
		const { error, items } = await run();
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		expect(mock.requests.filter((r) => r.path === '/v1/carriers')).toHaveLength(2);
	});

	it('gives up on a read after the last attempt with an error that says so', async () => {
		mock.script('GET', /^\/v1\/carriers$/, { status: 200, destroySocket: true }, 4);
		const { error } = await run();
		expect(error).toBeDefined();
		expect(mock.requests.filter((r) => r.path === '/v1/carriers')).toHaveLength(4);
	});

	it('does not send a label purchase again after a dropped connection', async () => {
		mock.script('POST', /^\/v1\/labels\/rates\//, { status: 200, destroySocket: true });
		const { error } = await runNode({
			node: new ShipEngine(),
			parameters: { resource: 'label', operation: 'createFromRate', rateId: 'se-1000002' },
			credentials: { shipEngineApi: { apiKey: 'TEST_retry', baseUrl: mock.url } },
		});
		expect(error).toBeDefined();
		expect(mock.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
	});
});
