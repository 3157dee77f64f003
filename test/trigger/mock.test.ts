/**
 * End to end against the local ShipEngine mock (test/mock, a real HTTP server on 127.0.0.1):
 * activation, a delivery signed with the mock's key and verified against its GET /jwks, the
 * tracking resource loaded through the credential's base URL, then deactivation.
 */
import type { INodeParameters } from 'n8n-workflow';

import { clearReplayCache } from '../../nodes/ShipEngine/trigger/receive';
import { clearJwksCache } from '../../nodes/ShipEngine/trigger/signature';
import { signDelivery, startShipEngineMock, WEBHOOK_KEY_ID } from '../mock';
import type { ShipEngineMockServer } from '../mock/shipEngine';
import { PRODUCTION_URL, TEST_URL, triggerHarness } from './context';

let se: ShipEngineMockServer;

/** The mock's signing headers as the plain header record a delivery carries. */
const signedHeaders = (rawBody: string): Record<string, string> => ({ ...signDelivery(rawBody) });

beforeAll(async () => {
	se = await startShipEngineMock();
});
afterAll(async () => {
	await se.close();
});
beforeEach(() => {
	se.reset();
	clearJwksCache();
	clearReplayCache();
});

const node = (options: INodeParameters = {}) =>
	triggerHarness({
		parameters: { events: ['track', 'batch'], options },
		credentials: { apiKey: 'TEST_mock_key', baseUrl: se.url },
	});

describe('ShipEngine Trigger against the ShipEngine mock', () => {
	it('activates, receives a signed tracking update with its full resource, and deactivates cleanly', async () => {
		const trigger = node({ fetchResource: true });
		await expect(trigger.activate()).resolves.toEqual({ existed: false });
		const ids = trigger.staticData().webhookIds as Record<string, string>;
		expect(Object.keys(ids).sort()).toEqual(['batch', 'track']);
		expect(se.requests.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
			{ event: 'track', url: PRODUCTION_URL },
			{ event: 'batch', url: PRODUCTION_URL },
		]);

		// A second activation (n8n restart) finds its own webhooks instead of registering again.
		await expect(node().activate()).resolves.toEqual({ existed: true });

		const rawBody = JSON.stringify({
			resource_url: `${se.url}/v1/tracking?carrier_code=stamps_com&tracking_number=9400111899223197428490`,
			resource_type: 'API_TRACK',
			data: { tracking_number: '9400111899223197428490', status_code: 'IT' },
		});
		const { items } = await trigger.deliver({ rawBody, headers: signedHeaders(rawBody) });
		expect(items).toHaveLength(1);
		expect(items?.[0]).toMatchObject({
			event: 'track',
			data: { status_code: 'IT' },
			resource: { tracking_number: '9400111899223197428490' },
			delivery: { signatureVerified: true, keyId: WEBHOOK_KEY_ID },
		});
		expect(se.requests.filter((r) => r.path === '/jwks')).toHaveLength(1);
		expect(se.requests.find((r) => r.path === '/jwks')?.headers['api-key']).toBeUndefined();

		await expect(trigger.deactivate()).resolves.toBe(true);
		expect(trigger.staticData()).toEqual({});
		await expect(node().checkExists()).resolves.toBe(false);
	});

	it('a test listener cannot take an event the active workflow owns, and leaves nothing behind', async () => {
		await node().activate();
		const listener = triggerHarness({
			parameters: { events: ['rate', 'track'] },
			credentials: { apiKey: 'TEST_mock_key', baseUrl: se.url },
		});
		await expect(listener.activate('test')).rejects.toThrow(
			`ShipEngine already sends the "track" event to another URL (${PRODUCTION_URL})`,
		);
		// The rate webhook it had registered for the test URL was rolled back.
		const deletes = se.requests.filter((r) => r.method === 'DELETE');
		expect(deletes).toHaveLength(1);
		expect(listener.staticData()).toEqual({});
		expect(se.requests.some((r) => r.method === 'POST' && (r.body as { url?: string }).url === TEST_URL)).toBe(true);
	});

	it('rejects a delivery signed for another body', async () => {
		const rawBody = JSON.stringify({ resource_url: `${se.url}/v1/batches/se-1`, resource_type: 'API_BATCH' });
		const { items, res } = await node().deliver({ rawBody: rawBody.replace('se-1', 'se-2'), headers: signedHeaders(rawBody) });
		expect(items).toBeUndefined();
		expect(res.statusCode).toBe(401);
	});
});
