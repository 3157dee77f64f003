/**
 * The Stamps.com node sends each request to the credential's host without an n8n expression:
 * a first preSend reads the credential once per node run (n8n reads it from its database and
 * decrypts it on every read). A read that fails (queue mode: "timeout exceeded when trying to
 * connect" from a saturated PostgreSQL pool, scale/README.md) is tried again like any request
 * n8n failed to send. Failures are injected where n8n's database sits: its credentials helper.
 */
import nock from 'nock';

import { resetRateLimits } from '../../nodes/shared/retry';
import { failCredentialLoads, POOL_TIMEOUT } from '../helpers/credentialFaults';
import { BEARER, STAGING_API, fixture, run } from './helpers';

const TRACK = { resource: 'tracking', operation: 'get', carrier: 'usps', trackingNumber: '9405511899560772485630' };
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ json: { i } }));

const tracking = (times: number) =>
	nock(STAGING_API, { reqheaders: { authorization: BEARER } })
		.get('/sera/v1/tracking')
		.query({ carrier: 'usps', tracking_number: TRACK.trackingNumber })
		.times(times)
		.reply(200, fixture('tracking.json'));

beforeEach(() => resetRateLimits());
afterEach(() => {
	jest.restoreAllMocks();
	nock.cleanAll();
});

describe('Stamps.com: the credential\'s host', () => {
	it('is read once per node run: 5 items add 1 credential load to n8n\'s own (1 + 1 per request)', async () => {
		const { loads } = failCredentialLoads(() => false);
		const api = tracking(5);
		const result = await run(TRACK, { input: items(5) });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(5);
		expect(api.isDone()).toBe(true);
		expect(loads()).toBe(1 + 1 + 5);
	});

	it('is read again when n8n could not load the credential, and the item succeeds with one request', async () => {
		const { loads } = failCredentialLoads((load) => load === 2);
		const api = tracking(1);
		const result = await run(TRACK);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(api.isDone()).toBe(true);
		expect(loads()).toBe(1 + 2 + 1);
	});

	it('gives up after 4 reads with n8n\'s own message, nothing sent', async () => {
		// No interceptor: a request would fail with nock's "Disallowed net connect" instead.
		const { loads } = failCredentialLoads((load) => load >= 2);
		const result = await run(TRACK, { settings: { continueOnFail: true } });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.error).toBe(POOL_TIMEOUT);
		expect(loads()).toBe(1 + 4);
	});
});
