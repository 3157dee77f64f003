import nock from 'nock';

import {
	API,
	apiPackages,
	apiShipFrom,
	apiShipTo,
	errorBody,
	fixture,
	headers,
	packagesParam,
	run,
	shipFromParam,
	shipToParam,
} from './labelHelpers';

const shipment = fixture('shipment.json');
const rates = fixture('shipment-rates.json');
const created = (n: number, extra: Record<string, unknown> = {}) => ({
	...shipment,
	shipment_id: `se-${2000 + n}`,
	external_shipment_id: `order-${n}`,
	errors: [],
	...extra,
});
const updated = {
	...shipment,
	errors: [],
	address_validation: { status: 'verified', original_address: shipment.ship_to, matched_address: shipment.ship_to, messages: [] },
};
const page = (shipments: unknown[], pageNo: number, pages: number, total: number) => ({
	shipments,
	total,
	page: pageNo,
	pages,
	links: { first: { href: `${API}/v1/shipments?page=1` }, last: { href: `${API}/v1/shipments?page=${pages}` }, prev: {}, next: {} },
});

const createParams = {
	resource: 'shipment',
	operation: 'create',
	carrierId: 'se-456789',
	serviceCode: 'usps_priority_mail',
	shipTo: { address: { ...shipToParam.address, name: '={{ $json.name }}' } },
	shipFrom: shipFromParam,
	packages: packagesParam,
	additionalFields: { externalShipmentId: '={{ $json.order }}', confirmation: 'signature', shipDate: '2026-04-10T17:30:00' },
};
const apiShipment = (n: number, name: string) => ({
	carrier_id: 'se-456789',
	service_code: 'usps_priority_mail',
	external_shipment_id: `order-${n}`,
	confirmation: 'signature',
	ship_date: '2026-04-10T00:00:00.000Z',
	ship_to: { ...apiShipTo, name },
	ship_from: apiShipFrom,
	packages: apiPackages,
});
const orders = (count: number) => Array.from({ length: count }, (_, i) => ({ json: { name: `Customer ${i}`, order: `order-${i}` } }));

describe('Shipment > Create', () => {
	it('sends every item\'s shipment in one request and pairs each result with its item', async () => {
		nock(API, headers)
			.post('/v1/shipments', { shipments: [0, 1, 2].map((n) => apiShipment(n, `Customer ${n}`)) })
			.reply(200, { has_errors: false, shipments: [0, 1, 2].map((n) => created(n)) });
		const { items, error } = await run(createParams, { input: orders(3) });
		expect(error).toBeUndefined();
		expect(items).toEqual([0, 1, 2].map((n) => ({ json: created(n), pairedItem: { item: n } })));
	});

	it('101 items → 2 requests (100 + 1), results paired in order', async () => {
		nock(API, headers)
			.post('/v1/shipments', (body) => body.shipments.length === 100 && body.shipments[99].external_shipment_id === 'order-99')
			.reply(200, { has_errors: false, shipments: Array.from({ length: 100 }, (_, n) => created(n)) })
			.post('/v1/shipments', { shipments: [apiShipment(100, 'Customer 100')] })
			.reply(200, { has_errors: false, shipments: [created(100)] });
		const { items, error } = await run(createParams, { input: orders(101) });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(101);
		expect(items[100]).toEqual({ json: created(100), pairedItem: { item: 100 } });
		expect(items.every((item, i) => item.json.external_shipment_id === `order-${i}` && (item.pairedItem as { item: number }).item === i)).toBe(true);
	});

	it('a warehouse instead of Ship From, no carrier (chosen later): only what was given is sent', async () => {
		nock(API, headers)
			.post('/v1/shipments', { shipments: [{ warehouse_id: 'se-77', ship_to: apiShipTo, packages: apiPackages }] })
			.reply(200, { has_errors: false, shipments: [created(0)] });
		const { error } = await run({
			resource: 'shipment',
			operation: 'create',
			shipTo: shipToParam,
			packages: packagesParam,
			additionalFields: { warehouseId: ' se-77 ' },
		});
		expect(error).toBeUndefined();
	});

	it('bad input on one item stops everything before any request and names the item', async () => {
		const input = orders(3);
		input[2].json.name = '';
		const { error } = await run(createParams, { input });
		expect(error?.message).toBe('Ship To > Name: is required (item 2)');
	});

	it('with Continue On Fail the bad item gets an error item, the others one request', async () => {
		const input = orders(3);
		input[1].json.name = '';
		nock(API, headers)
			.post('/v1/shipments', { shipments: [apiShipment(0, 'Customer 0'), apiShipment(2, 'Customer 2')] })
			.reply(200, { has_errors: false, shipments: [created(0), created(2)] });
		const { items, error } = await run(createParams, { input, settings: { continueOnFail: true } });
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.pairedItem, i.json.external_shipment_id ?? i.json.error])).toEqual([
			[{ item: 0 }, 'order-0'],
			[{ item: 1 }, 'Ship To > Name: is required (item 1)'],
			[{ item: 2 }, 'order-2'],
		]);
	});

	it('maps an API error and never repeats the create after a 500', async () => {
		nock(API, headers)
			.post('/v1/shipments')
			.reply(500, errorBody('unspecified', 'Internal error', 'd1d2e3f4-0000-4000-8000-000000000010'));
		const { error } = await run(createParams, { input: orders(1) });
		expect(error?.message).toBe('Internal error');
		expect(error?.httpCode).toBe('500');
	});

	it('refuses an answer whose shipments cannot be matched to the items', async () => {
		nock(API, headers).post('/v1/shipments').reply(200, { has_errors: false, shipments: [created(0)] });
		const { error } = await run(createParams, { input: orders(2) });
		expect(error?.message).toBe('ShipEngine returned 1 results for 2 shipments');
	});
});

describe('Shipment > Get / Get By External ID / Update / Cancel', () => {
	it('gets a shipment by ID', async () => {
		nock(API, headers).get('/v1/shipments/se-1040151').reply(200, shipment);
		const { items, error } = await run({ resource: 'shipment', operation: 'get', shipmentId: ' se-1040151 ' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: shipment, pairedItem: { item: 0 } }]);
	});

	it('gets a shipment by external ID (URL-encoded)', async () => {
		nock(API, headers).get('/v1/shipments/external_shipment_id/order%2F1001').reply(200, shipment);
		const { items, error } = await run({ resource: 'shipment', operation: 'getByExternalId', externalShipmentId: 'order/1001' });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual(shipment);
	});

	it('refuses an empty shipment ID', async () => {
		const { error } = await run({ resource: 'shipment', operation: 'get', shipmentId: '  ' });
		expect(error?.message).toBe('Shipment ID: is required (item 0)');
	});

	it('update sends the whole shipment with PUT', async () => {
		nock(API, headers)
			.put('/v1/shipments/se-1040151', {
				carrier_id: 'se-456789',
				service_code: 'usps_priority_mail',
				ship_to: apiShipTo,
				ship_from: apiShipFrom,
				packages: apiPackages,
			})
			.reply(200, updated);
		const { items, error } = await run({
			resource: 'shipment',
			operation: 'update',
			shipmentId: 'se-1040151',
			carrierId: 'se-456789',
			serviceCode: 'usps_priority_mail',
			shipTo: shipToParam,
			shipFrom: shipFromParam,
			packages: packagesParam,
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: updated, pairedItem: { item: 0 } }]);
	});

	it('cancel: PUT …/cancel without a body, says what was cancelled', async () => {
		nock(API, headers)
			.put('/v1/shipments/se-1040151/cancel', (body) => body === '' || body === undefined)
			.reply(204, '', { 'Content-Type': 'text/plain' });
		const { items, error } = await run({ resource: 'shipment', operation: 'cancel', shipmentId: 'se-1040151' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { success: true, shipment_id: 'se-1040151', shipment_status: 'cancelled' }, pairedItem: { item: 0 } }]);
	});

	it('maps a 404', async () => {
		nock(API, headers)
			.get('/v1/shipments/se-9')
			.reply(404, errorBody('invalid_identifier', 'Shipment se-9 not found.', 'd1d2e3f4-0000-4000-8000-000000000011'));
		const { error } = await run({ resource: 'shipment', operation: 'get', shipmentId: 'se-9' });
		expect(error?.message).toBe('Shipment se-9 not found.');
	});
});

describe('Shipment > Get Many', () => {
	it('Return All: reads every page with the filters, one item per shipment', async () => {
		const one = { ...shipment, shipment_id: 'se-1' };
		const two = { ...shipment, shipment_id: 'se-2' };
		const filters = { shipment_status: 'pending', batch_id: 'se-55', tag: 'Fragile', created_at_start: '2026-04-01T00:00:00.000Z', sort_by: 'created_at' };
		nock(API, headers)
			.get('/v1/shipments')
			.query({ ...filters, page: 1, page_size: 5000 })
			.reply(200, page([one], 1, 2, 2))
			.get('/v1/shipments')
			.query({ ...filters, page: 2, page_size: 5000 })
			.reply(200, page([two], 2, 2, 2));
		const { items, error } = await run({
			resource: 'shipment',
			operation: 'getAll',
			returnAll: true,
			filters: { shipmentStatus: 'pending', batchId: ' se-55 ', tag: 'Fragile', createdAtStart: '2026-04-01T00:00:00Z', sortBy: 'created_at' },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([one, two].map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('Limit: asks for that many', async () => {
		nock(API, headers).get('/v1/shipments').query({ page: 1, page_size: 1 }).reply(200, page([shipment], 1, 3, 3));
		const { items } = await run({ resource: 'shipment', operation: 'getAll', limit: 1 });
		expect(items).toHaveLength(1);
	});
});

describe('Shipment > Get Rates', () => {
	it('full response by default', async () => {
		nock(API, headers).get('/v1/shipments/se-1040151/rates').reply(200, rates);
		const { items, error } = await run({ resource: 'shipment', operation: 'getRates', shipmentId: 'se-1040151' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: rates, pairedItem: { item: 0 } }]);
	});

	it('cheapest rate only, with the time filter', async () => {
		nock(API, headers)
			.get('/v1/shipments/se-1040151/rates')
			.query({ created_at_start: '2026-04-08T00:00:00.000Z' })
			.reply(200, rates);
		const { items, error } = await run({
			resource: 'shipment',
			operation: 'getRates',
			shipmentId: 'se-1040151',
			output: 'cheapest',
			createdAtStart: '2026-04-08T00:00:00Z',
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ shipment_id: 'se-1040151', rate_id: 'se-rate-2' });
	});
});

describe('Shipment > Parse', () => {
	it('sends the text and the known values', async () => {
		const parsed = { score: 0.9, shipment: { ship_to: apiShipTo }, entities: [] };
		nock(API, headers)
			.put('/v1/shipments/recognize', { text: 'ship 2 lb to Jane Doe', shipment: { ship_from: apiShipFrom } })
			.reply(200, parsed);
		const { items, error } = await run({
			resource: 'shipment',
			operation: 'parse',
			text: ' ship 2 lb to Jane Doe ',
			knownShipment: JSON.stringify({ ship_from: apiShipFrom }),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: parsed, pairedItem: { item: 0 } }]);
	});

	it('names bad JSON before any request', async () => {
		const { error } = await run({ resource: 'shipment', operation: 'parse', text: 'x', knownShipment: '{nope' });
		expect(error?.message).toMatch(/^Known Shipment Values \(JSON\): is not valid JSON/);
	});
});

describe('Shipment > tags', () => {
	it('adds a tag (POST, tag URL-encoded)', async () => {
		nock(API, headers).post('/v1/shipments/se-1040151/tags/Black%20Friday').reply(200, { tags: ['Black Friday'] });
		const { items, error } = await run({ resource: 'shipment', operation: 'addTag', shipmentId: 'se-1040151', tagName: 'Black Friday' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { tags: ['Black Friday'] }, pairedItem: { item: 0 } }]);
	});

	it('removes a tag', async () => {
		nock(API, headers).delete('/v1/shipments/se-1040151/tags/Fragile').reply(204, '', { 'Content-Type': 'text/plain' });
		const { items, error } = await run({ resource: 'shipment', operation: 'removeTag', shipmentId: 'se-1040151', tagName: 'Fragile' });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ success: true, shipment_id: 'se-1040151', removed_tag: 'Fragile' });
	});

	it('lists the tags', async () => {
		nock(API, headers).get('/v1/shipments/se-1040151/tags').reply(200, { tags: ['Fragile'] });
		const { items } = await run({ resource: 'shipment', operation: 'getTags', shipmentId: 'se-1040151' });
		expect(items[0].json).toEqual({ tags: ['Fragile'] });
	});

	it('replaces the tags', async () => {
		nock(API, headers)
			.put('/v1/shipments/tags', { shipments_tags: [{ shipment_id: 'se-1040151', tags: ['Fragile', 'International'] }] })
			.reply(204, '', { 'Content-Type': 'text/plain' });
		const { items, error } = await run({ resource: 'shipment', operation: 'replaceTags', shipmentId: 'se-1040151', tags: 'Fragile, International' });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ success: true, shipment_id: 'se-1040151', tags: ['Fragile', 'International'] });
	});

	it('refuses a tag that would change the path', async () => {
		const { error } = await run({ resource: 'shipment', operation: 'addTag', shipmentId: 'se-1', tagName: 'a/b' });
		expect(error?.message).toBe('Tag: "a/b" cannot be a tag name (1-100 characters, no / \\ ? #) (item 0)');
	});
});
