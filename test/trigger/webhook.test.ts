/**
 * Deliveries through n8n-core's real WebhookContext: signature checks against a JWKS served by
 * nock (keys generated here), the answers a caller gets, and the items the workflow starts with.
 */
import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { clearReplayCache } from '../../nodes/ShipEngine/trigger/receive';
import { clearJwksCache } from '../../nodes/ShipEngine/trigger/signature';
import trackingFixture from '../fixtures/shipengine/tracking-get.json';
import { API_KEY, triggerHarness, type Delivery } from './context';
import { ecJwk, makeKey, serveJwks, SHIPENGINE, signHeaders } from './signing';

const KEY_A = makeKey('key-a');
const KEY_B = makeKey('key-b');
const IMPOSTOR = makeKey('key-a'); // same key id, different private key
const EC = ecJwk('ec-key');

const TRACKING_NUMBER = '9400111899223197428490';
const RESOURCE_URL = `https://api.shipengine.com/v1/tracking?carrier_code=stamps_com&tracking_number=${TRACKING_NUMBER}`;
const trackPayload = {
	resource_url: RESOURCE_URL,
	resource_type: 'API_TRACK',
	data: { label_url: null, tracking_number: TRACKING_NUMBER, status_code: 'IT', status_description: 'In Transit', events: [] },
};

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

function signed(payload: object, key = KEY_A, options: Parameters<typeof signHeaders>[2] = {}): Delivery {
	const rawBody = JSON.stringify(payload);
	return { rawBody, headers: signHeaders(key, rawBody, options) };
}

const trigger = (parameters: INodeParameters = { events: ['track'] }) => triggerHarness({ parameters });

/** What a rejected delivery looks like from outside: an answer, no workflow, nothing explained. */
function expectRejected(outcome: Awaited<ReturnType<ReturnType<typeof trigger>['deliver']>>, status: number, text: string) {
	expect(outcome.result).toEqual({ noWebhookResponse: true });
	expect(outcome.items).toBeUndefined();
	expect(outcome.res.statusCode).toBe(status);
	expect(outcome.res.body).toEqual({ message: text });
	expect(outcome.res.ended).toBe(true);
}

beforeEach(() => {
	clearJwksCache();
	clearReplayCache();
});

describe('ShipEngine Trigger: accepted deliveries', () => {
	it('verifies a signed track delivery, starts the workflow with the payload, and lets n8n answer 200', async () => {
		const jwks = serveJwks([EC, KEY_A.jwk]);
		const delivery = signed(trackPayload);
		const { result, res, items } = await trigger().deliver(delivery);

		expect(jwks.isDone()).toBe(true);
		expect(result.noWebhookResponse).toBeUndefined();
		expect(res.statusCode).toBeUndefined(); // n8n writes the 200 itself (responseMode onReceived)
		expect(items).toEqual([
			{
				event: 'track',
				...trackPayload,
				delivery: {
					signatureVerified: true,
					keyId: 'key-a',
					timestamp: delivery.headers['X-ShipEngine-Timestamp'],
					receivedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
				},
			},
		]);
	});

	it('fetches the signing keys once and serves later deliveries from the cache', async () => {
		serveJwks([KEY_A.jwk]);
		const node = trigger();
		for (const n of [1, 2, 3]) {
			const { items } = await node.deliver(signed({ ...trackPayload, n }));
			expect(items?.[0]).toMatchObject({ n });
		}
	});

	it('accepts a base64url signature and an ISO timestamp with an offset', async () => {
		serveJwks([KEY_A.jwk]);
		const at = new Date();
		const offset = new Date(at.getTime() + 2 * 3600_000).toISOString().replace('Z', '+02:00');
		const { items } = await trigger().deliver(signed(trackPayload, KEY_A, { encoding: 'base64url', timestamp: offset }));
		expect(items).toHaveLength(1);
	});

	it('accepts epoch-second timestamps and timestamps a little in the future (clock skew)', async () => {
		serveJwks([KEY_A.jwk]);
		const node = trigger();
		const epoch = String(Math.floor(Date.now() / 1000));
		expect((await node.deliver(signed(trackPayload, KEY_A, { timestamp: epoch }))).items).toHaveLength(1);
		expect((await node.deliver(signed({ ...trackPayload, n: 2 }, KEY_A, { timestamp: minutes(4) }))).items).toHaveLength(1);
	});

	it('picks up a rotated key: an unknown key id triggers one JWKS refetch', async () => {
		serveJwks([KEY_A.jwk]);
		serveJwks([KEY_A.jwk, KEY_B.jwk]);
		const node = trigger();
		await node.deliver(signed(trackPayload));
		const { items } = await node.deliver(signed({ ...trackPayload, rotated: true }, KEY_B));
		expect(items?.[0]).toMatchObject({ rotated: true, delivery: { keyId: 'key-b' } });
	});

	it('honours a wider timestamp tolerance when the user sets one', async () => {
		serveJwks([KEY_A.jwk]);
		const node = trigger({ events: ['track'], options: { timestampToleranceSeconds: 900 } });
		expect((await node.deliver(signed(trackPayload, KEY_A, { timestamp: minutes(-10) }))).items).toHaveLength(1);
	});

	it.each([
		['batch', 'API_BATCH', '/v1/batches/se-1'],
		['carrier_connected', 'API_CARRIER_CONNECTED', '/v1/carriers/se-2'],
		['order_source_refresh_complete', 'API_ORDER_SOURCE_REFRESH_COMPLETE', '/v-beta/order_sources/se-3'],
		['rate', 'API_RATE', '/v1/rates/se-4'],
		['report_complete', 'API_REPORT_COMPLETE', '/v1/reports/se-5'],
		['sales_orders_imported', 'API_SALES_ORDERS_IMPORTED', '/v-beta/sales_orders?ids=se-6'],
		['track', 'API_TRACK', '/v1/tracking?carrier_code=ups&tracking_number=1Z'],
	])('names the %s event from resource_type %s and passes the payload through', async (event, resourceType, path) => {
		serveJwks([KEY_A.jwk]);
		const payload = { resource_url: `https://api.shipengine.com${path}`, resource_type: resourceType };
		const { items } = await trigger({ events: [event] }).deliver(signed(payload));
		expect(items).toEqual([{ event, ...payload, delivery: expect.objectContaining({ signatureVerified: true }) }]);
	});

	it('passes an unknown resource_type through with event null', async () => {
		serveJwks([KEY_A.jwk]);
		const payload = { resource_url: 'https://api.shipengine.com/v1/something/se-9', resource_type: 'API_SOMETHING_NEW' };
		const { items } = await trigger().deliver(signed(payload));
		expect(items).toEqual([{ event: null, ...payload, delivery: expect.any(Object) }]);
	});
});

describe('ShipEngine Trigger: rejected deliveries never start the workflow', () => {
	it('rejects a tampered body (401) without saying why', async () => {
		serveJwks([KEY_A.jwk]);
		const delivery = signed(trackPayload);
		const tampered = { ...delivery, rawBody: delivery.rawBody.replace('"IT"', '"DE"') };
		expectRejected(await trigger().deliver(tampered), 401, 'Unauthorized');
	});

	it('rejects a signature made with another key under a known key id (401)', async () => {
		serveJwks([KEY_A.jwk]);
		expectRejected(await trigger().deliver(signed(trackPayload, IMPOSTOR)), 401, 'Unauthorized');
	});

	it('rejects a signature over another timestamp than the header (401)', async () => {
		serveJwks([KEY_A.jwk]);
		const delivery = signed(trackPayload);
		delivery.headers['X-ShipEngine-Timestamp'] = minutes(-1);
		expectRejected(await trigger().deliver(delivery), 401, 'Unauthorized');
	});

	it('unknown key id: refetches the JWKS once, rejects, and does not refetch for the next unknown id', async () => {
		serveJwks([KEY_A.jwk]);
		serveJwks([KEY_A.jwk]); // the one refetch; a third fetch would be an unexpected request
		const node = trigger();
		await node.deliver(signed(trackPayload));
		expectRejected(await node.deliver(signed(trackPayload, KEY_B)), 401, 'Unauthorized');
		expectRejected(await node.deliver(signed(trackPayload, KEY_B, { kid: 'key-c' })), 401, 'Unauthorized');
	});

	it.each([
		['stale', -6],
		['future', 6],
	])('rejects a %s timestamp (400) before fetching any key', async (_label, offset) => {
		expectRejected(await trigger().deliver(signed(trackPayload, KEY_A, { timestamp: minutes(offset) })), 400, 'Bad Request');
	});

	it('rejects an unreadable timestamp (400)', async () => {
		expectRejected(await trigger().deliver(signed(trackPayload, KEY_A, { timestamp: 'yesterday' })), 400, 'Bad Request');
	});

	it.each(['X-ShipEngine-RSA-SHA256-Key-ID', 'X-ShipEngine-RSA-SHA256-Signature', 'X-ShipEngine-Timestamp'])(
		'answers 404 when %s is missing',
		async (header) => {
			const delivery = signed(trackPayload);
			delete delivery.headers[header];
			expectRejected(await trigger().deliver(delivery), 404, 'Not Found');
		},
	);

	it('answers 404 to an unsigned request even with no options set (verification is on by default)', async () => {
		const rawBody = JSON.stringify(trackPayload);
		expectRejected(await trigger().deliver({ rawBody, headers: { 'Content-Type': 'application/json' } }), 404, 'Not Found');
	});

	it('answers 503 when the signing keys cannot be loaded, then does not hammer the JWKS', async () => {
		nock(SHIPENGINE).get('/jwks').times(2).reply(500, 'down'); // one retry, then give up
		const node = trigger();
		expectRejected(await node.deliver(signed(trackPayload)), 503, 'Service Unavailable');
		expectRejected(await node.deliver(signed({ ...trackPayload, n: 2 })), 503, 'Service Unavailable');
	});
});

describe('ShipEngine Trigger: replays and filtering', () => {
	it('drops a replayed delivery (same signature inside the window) with a 200 and no workflow run', async () => {
		serveJwks([KEY_A.jwk]);
		const node = trigger();
		const delivery = signed(trackPayload);
		expect((await node.deliver(delivery)).items).toHaveLength(1);
		const replay = await node.deliver(delivery);
		expect(replay.result).toEqual({ noWebhookResponse: true });
		expect(replay.items).toBeUndefined();
		expect(replay.res).toMatchObject({ statusCode: 200, body: { message: 'OK' } });
	});

	it('answers 200 and does not start the workflow for an event the node did not choose', async () => {
		serveJwks([KEY_A.jwk]);
		const outcome = await trigger({ events: ['track'] }).deliver(
			signed({ resource_url: 'https://api.shipengine.com/v1/batches/se-1', resource_type: 'API_BATCH' }),
		);
		expect(outcome.items).toBeUndefined();
		expect(outcome.res).toMatchObject({ statusCode: 200, body: { message: 'OK' } });
	});
});

describe('ShipEngine Trigger: verification switched off', () => {
	it('accepts an unsigned delivery only when the user turned verification off, and says so in the item', async () => {
		const rawBody = JSON.stringify(trackPayload);
		const node = trigger({ events: ['track'], options: { verifySignature: false } });
		const { items } = await node.deliver({ rawBody, headers: { 'Content-Type': 'application/json' } });
		expect(items).toEqual([
			{ event: 'track', ...trackPayload, delivery: expect.objectContaining({ signatureVerified: false, keyId: null, timestamp: null }) },
		]);
	});

	it('shows a warning notice in the editor when verification is off', () => {
		const notice = triggerHarness({ parameters: { events: ['track'] } }).workflow.nodeTypes
			.getByNameAndVersion('x')
			.description.properties.find((p) => p.type === 'notice');
		expect(notice).toMatchObject({ displayOptions: { show: { '/options.verifySignature': [false] } } });
		expect(notice?.displayName).toMatch(/anyone who learns this URL can start the workflow/);
	});
});

describe('ShipEngine Trigger: Fetch Full Resource', () => {
	const withFetch = () => trigger({ events: ['track'], options: { fetchResource: true } });

	it('loads resource_url with the API key and adds it to the item', async () => {
		serveJwks([KEY_A.jwk]);
		nock(SHIPENGINE, { reqheaders: { 'api-key': API_KEY } })
			.get('/v1/tracking')
			.query({ carrier_code: 'stamps_com', tracking_number: TRACKING_NUMBER })
			.reply(200, trackingFixture);
		const { items } = await withFetch().deliver(signed(trackPayload));
		expect(items).toEqual([{ event: 'track', ...trackPayload, resource: trackingFixture, delivery: expect.any(Object) }]);
	});

	it('never sends the API key to a host named by the payload', async () => {
		serveJwks([KEY_A.jwk]);
		const payload = { ...trackPayload, resource_url: 'https://attacker.example.com/v1/tracking?x=1' };
		const { items } = await withFetch().deliver(signed(payload));
		expect((items as IDataObject[])[0]).toMatchObject({
			resource_url: 'https://attacker.example.com/v1/tracking?x=1',
			resourceError: { message: 'resource_url is not a ShipEngine API address, so it was not requested' },
		});
		expect((items as IDataObject[])[0].resource).toBeUndefined();
	});

	it('still starts the workflow when the resource cannot be loaded, with the reason in resourceError', async () => {
		serveJwks([KEY_A.jwk]);
		nock(SHIPENGINE, { reqheaders: { 'api-key': API_KEY } })
			.get('/v1/tracking')
			.query(true)
			.reply(404, {
				request_id: 'aa3d8e8e-462b-4476-9618-72db7f7b7009',
				errors: [{ error_source: 'shipengine', error_type: 'validation', error_code: 'invalid_identifier', message: 'Tracking number not found' }],
			});
		const { items } = await withFetch().deliver(signed(trackPayload));
		expect((items as IDataObject[])[0]).toMatchObject({
			event: 'track',
			resourceError: { message: 'Tracking number not found', httpCode: 404 },
		});
	});
});
