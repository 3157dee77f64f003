/**
 * "Fetch Full Resource" for every event the trigger offers, not only tracking: a processed batch
 * comes with the batch (its label file links), sales-order deliveries with the orders (ShipEngine's
 * sales-order API lives under /v-beta/, not /v1/).
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { clearReplayCache, resourcePath } from '../../nodes/ShipEngine/trigger/receive';
import { clearJwksCache } from '../../nodes/ShipEngine/trigger/signature';
import { API_KEY, triggerHarness } from './context';
import { makeKey, serveJwks, SHIPENGINE, signHeaders } from './signing';

const KEY = makeKey('key-fetch');

const processedBatch = {
	batch_id: 'se-1013119',
	batch_number: '1013119',
	external_batch_id: 'eod-2026-12-07',
	batch_notes: 'End of day',
	created_at: '2026-12-07T18:00:00Z',
	processed_at: '2026-12-07T18:01:10Z',
	errors: 0,
	process_errors: [],
	warnings: 0,
	completed: 2,
	forms: 0,
	count: 2,
	batch_shipments_url: { href: 'https://api.shipengine.com/v1/shipments?batch_id=se-1013119' },
	batch_labels_url: { href: 'https://api.shipengine.com/v1/labels?batch_id=se-1013119' },
	batch_errors_url: { href: 'https://api.shipengine.com/v1/batches/se-1013119/errors' },
	label_download: {
		href: 'https://api.shipengine.com/v1/downloads/1/uthOa1LAM0SXGqxnAM_AvA/labels-1013119.pdf',
		pdf: 'https://api.shipengine.com/v1/downloads/1/uthOa1LAM0SXGqxnAM_AvA/labels-1013119.pdf',
	},
	form_download: { href: 'https://api.shipengine.com/v1/downloads/1/uthOa1LAM0SXGqxnAM_AvA/form-1013119.pdf' },
	paperless_download: {},
	status: 'completed',
	label_layout: '4x6',
	label_format: 'pdf',
};

function deliver(events: string[], payload: IDataObject) {
	serveJwks([KEY.jwk]);
	const rawBody = JSON.stringify(payload);
	return triggerHarness({ parameters: { events, options: { fetchResource: true } } }).deliver({ rawBody, headers: signHeaders(KEY, rawBody) });
}

beforeEach(() => {
	clearJwksCache();
	clearReplayCache();
});

describe('ShipEngine Trigger: Fetch Full Resource beyond tracking', () => {
	it('Batch Processed: adds the processed batch with its label file links', async () => {
		nock(SHIPENGINE, { reqheaders: { 'api-key': API_KEY } }).get('/v1/batches/se-1013119').reply(200, processedBatch);
		const payload = { resource_url: `${SHIPENGINE}/v1/batches/se-1013119`, resource_type: 'API_BATCH' };
		const { items } = await deliver(['batch'], payload);
		expect(items).toEqual([{ event: 'batch', ...payload, resource: processedBatch, delivery: expect.any(Object) }]);
		expect(((items as IDataObject[])[0].resource as IDataObject).label_download).toMatchObject({ pdf: expect.stringMatching(/\.pdf$/) });
	});

	it('Sales Orders Imported: loads the /v-beta/ sales-order URL with the API key', async () => {
		const orders = { sales_orders: [{ sales_order_id: 'se-6', order_number: '1001' }], total: 1, page: 1, pages: 1 };
		nock(SHIPENGINE, { reqheaders: { 'api-key': API_KEY } }).get('/v-beta/sales_orders').query({ sales_order_ids: 'se-6' }).reply(200, orders);
		const payload = { resource_url: `${SHIPENGINE}/v-beta/sales_orders?sales_order_ids=se-6`, resource_type: 'API_SALES_ORDERS_IMPORTED' };
		const { items } = await deliver(['sales_orders_imported'], payload);
		expect(items).toEqual([{ event: 'sales_orders_imported', ...payload, resource: orders, delivery: expect.any(Object) }]);
	});

	it.each([
		['https://api.shipengine.com/v-beta/sales_orders?sales_order_ids=se-6', '/v-beta/sales_orders?sales_order_ids=se-6'],
		['https://api.shipengine.com/v1/batches/se-1', '/v1/batches/se-1'],
		['https://api.shipengine.com/v2/anything', undefined],
		['https://evil.example.com/v-beta/sales_orders', undefined],
	])('resource path of %s is %p', (url, path) => {
		expect(resourcePath(url, 'https://api.shipengine.com')).toBe(path);
	});
});
