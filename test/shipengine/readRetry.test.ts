/**
 * A read that n8n itself failed to send is sent again. In queue mode a worker whose PostgreSQL
 * pool is saturated fails to load the credential ("timeout exceeded when trying to connect",
 * scale/README.md) before anything leaves n8n; for a read that is as safe to repeat as a dropped
 * connection. Our own input checks (NodeOperationError) are never retried, and a purchase is
 * never retried by the shared policy (nodes/ShipEngine/shared/purchase.ts decides, after a lookup).
 * The failure is injected where n8n's database sits: its credentials helper (getDecrypted).
 */
import nock from 'nock';

import { resetRateLimits } from '../../nodes/shared/retry';
import { failCredentialLoads, POOL_TIMEOUT } from '../helpers/credentialFaults';
import { API, fixture, headers, run } from './labelHelpers';

const TRACK = { resource: 'tracking', operation: 'get', carrierCode: 'stamps_com', trackingNumber: '9400111899223197428490' };

beforeEach(() => resetRateLimits());
afterEach(() => {
	jest.restoreAllMocks();
	nock.cleanAll();
});

describe('a read n8n failed to send', () => {
	it('is sent again when n8n could not load the credential, and the item succeeds with one request', async () => {
		const credentials = failCredentialLoads((load) => load === 2);
		const api = nock(API, headers).get('/v1/tracking').query({ carrier_code: 'stamps_com', tracking_number: TRACK.trackingNumber }).once().reply(200, fixture('tracking-get.json'));

		const { items, error } = await run(TRACK);

		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
		expect(credentials.loads()).toBe(3);
		expect(items).toHaveLength(1);
		expect(items[0].json.tracking_number).toBe(TRACK.trackingNumber);
	});

	it('gives up after the policy\'s 4 attempts with n8n\'s own message, nothing sent', async () => {
		// No interceptor: a request would fail with nock's "Nock: Disallowed net connect" instead.
		const credentials = failCredentialLoads((load) => load >= 2);

		const { items, error } = await run(TRACK, { settings: { continueOnFail: true } });

		expect(error).toBeUndefined();
		expect(credentials.loads()).toBe(1 + 4);
		expect(items[0].json.error).toBe(POOL_TIMEOUT);
		expect(items[0].json).toMatchObject({ httpCode: null, errorCode: null });
	});

	it('an input the node refuses is not tried again (its check runs once, no request)', async () => {
		const credentials = failCredentialLoads(() => false);
		const { items } = await run({ ...TRACK, trackingNumber: '   ' }, { settings: { continueOnFail: true } });
		expect(items[0].json.error).toMatch(/Tracking Number/);
		expect(credentials.loads()).toBe(1);
	});
});
