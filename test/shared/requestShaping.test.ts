/**
 * Paths, trimmed identifiers, lists and the Base URL override, built in plain code instead of
 * n8n expressions (nodes/shared/requestShaping.ts, ShipEngineApi.authenticate), through the
 * real engine with nock at the HTTP boundary.
 */
import nock from 'nock';

import { API, API_KEY, fixture, headers, run as runShipEngine } from '../shipengine/labelHelpers';
import { ShipEngine } from '../../nodes/ShipEngine/ShipEngine.node';
import { runNode } from '../helpers/engine';
import { BEARER, STAGING_API, fixture as seraFixture, run as runStampsCom } from '../stampscom/helpers';

describe('path parameters are trimmed and URL-encoded', () => {
	it('ShipEngine: an ID pasted with spaces and a line break is trimmed', async () => {
		const label = fixture('label-inline.json');
		const api = nock(API, headers).get('/v1/labels/se-123').query(true).reply(200, label);
		const { error } = await runShipEngine({ resource: 'label', operation: 'get', labelId: '  se-123\n', downloadLabel: false });
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
	});

	it('ShipEngine: every item gets its own path', async () => {
		const api = nock(API, headers)
			.put('/v1/labels/se-1/void')
			.reply(200, { approved: true, message: 'voided' })
			.put('/v1/labels/se-2/void')
			.reply(200, { approved: true, message: 'voided' });
		const { items, error } = await runShipEngine(
			{ resource: 'label', operation: 'void', labelId: '={{ $json.id }}' },
			{ input: [{ json: { id: 'se-1' } }, { json: { id: ' se-2' } }] },
		);
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('Stamps.com: Label > Void encodes the label ID', async () => {
		const api = nock(STAGING_API, { reqheaders: { authorization: BEARER } })
			.put('/sera/v1/labels/lbl%20%3F1%2Fx/void')
			.reply(200, {});
		const { error } = await runStampsCom({ resource: 'label', operation: 'void', labelId: ' lbl ?1/x ' });
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
	});
});

describe('values reshaped without expressions', () => {
	it('Tracking > Get trims the carrier code and tracking number', async () => {
		const api = nock(API, headers)
			.get('/v1/tracking')
			.query({ carrier_code: 'stamps_com', tracking_number: '9400111899223197428490' })
			.reply(200, fixture('tracking-get.json'));
		const { error } = await runShipEngine({ resource: 'tracking', operation: 'get', carrierCode: ' stamps_com', trackingNumber: '9400111899223197428490\n' });
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
	});

	it('Stamps.com Tracking > Get trims the tracking number', async () => {
		const api = nock(STAGING_API, { reqheaders: { authorization: BEARER } })
			.get('/sera/v1/tracking')
			.query((query) => query.tracking_number === '9400111899223197428490')
			.reply(200, seraFixture('tracking.json'));
		const { error } = await runStampsCom({ resource: 'tracking', operation: 'get', trackingNumber: ' 9400111899223197428490 ', carrier: 'usps' });
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
	});

	it('Label > Get Many sends the refund statuses as one comma-separated value', async () => {
		const api = nock(API, headers)
			.get('/v1/labels')
			.query((query) => query.refund_status === 'pending,approved')
			.reply(200, { labels: [], total: 0, page: 1, pages: 0, links: { first: { href: `${API}/v1/labels?page=1` }, last: { href: `${API}/v1/labels?page=1` }, prev: { href: `${API}/v1/labels?page=1` }, next: { href: `${API}/v1/labels?page=1` } } });
		const { error } = await runShipEngine({
			resource: 'label',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filters: { refundStatus: ['pending', 'approved'] },
		});
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
	});
});

describe('ShipEngine credential: Base URL override and API key without expressions', () => {
	const runWith = (baseUrl: string) =>
		runNode({
			node: new ShipEngine(),
			parameters: { resource: 'tracking', operation: 'get', carrierCode: 'ups', trackingNumber: '1Z' },
			credentials: { shipEngineApi: { apiKey: API_KEY, baseUrl } },
		});
	const tracked = fixture('tracking-get.json');

	it('sends the node to the configured host (trailing slash and path prefix kept)', async () => {
		const proxy = nock('http://proxy.internal:8080', headers).get('/shipengine/v1/tracking').query(true).reply(200, tracked);
		const { error } = await runWith('http://proxy.internal:8080/shipengine/');
		expect(error).toBeUndefined();
		expect(proxy.isDone()).toBe(true);
	});

	it('uses ShipEngine when the Base URL is empty', async () => {
		const api = nock(API, headers).get('/v1/tracking').query(true).reply(200, tracked);
		const { error } = await runWith('  ');
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
	});
});
