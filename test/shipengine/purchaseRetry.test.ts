/**
 * Label > Create when n8n itself falters around the purchase, as it did in the queue-mode scale
 * test (scale/README.md): a worker whose PostgreSQL pool is saturated fails to load the
 * credential ("timeout exceeded when trying to connect", before anything is sent) or to store
 * the label file (binary data mode `database`, after ShipEngine sold the label). Neither may
 * lose an item or buy twice: a purchase that never left n8n is sent once n8n can send it; a
 * label that was sold is found by its external shipment ID and returned with its file.
 * Lookups wait behind the shared rate-limit gate like every other request.
 *
 * The failures are injected where n8n's database sits: its credentials helper (getDecrypted)
 * and its binary data service (store). HTTP goes through n8n's real request helper to nock.
 */
import { BinaryDataService } from 'n8n-core';
import nock from 'nock';

import { resetRateLimits } from '../../nodes/shared/retry';
import { ShipEngine } from '../../nodes/ShipEngine/ShipEngine.node';
import { failCredentialLoads, POOL_TIMEOUT } from '../helpers/credentialFaults';
import { runNode } from '../helpers/engine';
import { startShipEngineMock } from '../mock';
import { API, apiPackages, apiShipFrom, apiShipTo, errorBody, fixture, headers, packagesParam, run, shipFromParam, shipToParam } from './labelHelpers';

const labelInline = fixture('label-inline.json');

const createParams = {
	resource: 'label',
	operation: 'create',
	carrierId: 'se-456789',
	serviceCode: 'usps_priority_mail',
	shipTo: shipToParam,
	shipFrom: shipFromParam,
	packages: packagesParam,
	additionalFields: { externalShipmentId: '={{ $json.order }}' },
};

const createBody = (order: string) => ({
	shipment: {
		carrier_id: 'se-456789',
		service_code: 'usps_priority_mail',
		external_shipment_id: order,
		ship_to: apiShipTo,
		ship_from: apiShipFrom,
		packages: apiPackages,
	},
	label_download_type: 'inline',
});

const lookupPath = (order: string) => `/v1/labels/external_shipment_id/${order}`;
const notFound = errorBody('invalid_identifier', 'Label not found');

/** n8n's binary data service failing the first `count` stores (database mode, pool exhausted). */
function failFileStores(count: number): { stores: () => number } {
	const original = BinaryDataService.prototype.store;
	let stores = 0;
	jest.spyOn(BinaryDataService.prototype, 'store').mockImplementation(async function (this: BinaryDataService, ...args) {
		stores++;
		if (stores <= count) throw new Error(POOL_TIMEOUT);
		return await original.apply(this, args);
	});
	return { stores: () => stores };
}

beforeEach(() => resetRateLimits());
afterEach(() => jest.restoreAllMocks());

describe('Label > Create when n8n fails before sending', () => {
	it('a purchase whose credential n8n could not load was never sent: after a lookup finds nothing it is sent again, and bought once', async () => {
		const credentials = failCredentialLoads((load) => load === 3);
		const purchases: unknown[] = [];
		const api = nock(API, headers)
			.get(lookupPath('order-1'))
			.query({ label_download_type: 'inline' })
			.times(2)
			.reply(404, notFound)
			.post('/v1/labels', (body: unknown) => (purchases.push(body), true))
			.reply(200, { ...labelInline, external_shipment_id: 'order-1' });

		const { items, error } = await run(createParams, { input: [{ json: { order: 'order-1' } }] });
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
		expect(purchases).toEqual([createBody('order-1')]);
		expect(credentials.loads()).toBe(5);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ label_id: 'se-test-147980607', reused_existing_label: false });
		expect(items[0].binary?.data.fileName).toBe('label-9400111899223197428490.pdf');
	});

	it('a lookup whose credential n8n could not load is tried again (a read), then the label is bought once', async () => {
		const credentials = failCredentialLoads((load) => load === 2);
		const api = nock(API, headers)
			.get(lookupPath('order-2'))
			.query({ label_download_type: 'inline' })
			.reply(404, notFound)
			.post('/v1/labels', createBody('order-2'))
			.reply(200, { ...labelInline, external_shipment_id: 'order-2' });

		const { items, error } = await run(createParams, { input: [{ json: { order: 'order-2' } }] });
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
		expect(credentials.loads()).toBe(4);
		expect(items[0].json).toMatchObject({ external_shipment_id: 'order-2', reused_existing_label: false });
	});

	it('when the purchase never gets its credential, the item gets a clear error that nothing was bought, after bounded attempts and no POST', async () => {
		// Load 1 is the routing node's, then lookup, purchase, lookup, purchase, ...: every purchase fails.
		const credentials = failCredentialLoads((load) => load >= 3 && load % 2 === 1);
		const api = nock(API, headers).get(lookupPath('order-3')).query(true).times(4).reply(404, notFound);

		const { items, error } = await run(createParams, {
			input: [{ json: { order: 'order-3' } }],
			settings: { continueOnFail: true },
		});
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
		expect(credentials.loads()).toBe(1 + 4 + 4);
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json.error).toBe(`n8n could not send the purchase (${POOL_TIMEOUT})`);
		expect(String(items[0].json.errorDescription)).toContain('n8n failed before the purchase was sent, so no label was bought (4 attempts)');
		expect(items[0].json.purchaseState).toBe('not_sent');
	});

	it('when the lookup never gets its credential, nothing is sent or bought and the item says so', async () => {
		const credentials = failCredentialLoads((load) => load >= 2);
		const { items, error } = await run(createParams, {
			input: [{ json: { order: 'order-7' } }],
			settings: { continueOnFail: true },
		});
		expect(error).toBeUndefined();
		expect(credentials.loads()).toBe(1 + 4);
		expect(items[0].json.error).toBe(`n8n could not check whether this item already bought a label (${POOL_TIMEOUT})`);
		expect(String(items[0].json.errorDescription)).toContain(
			'n8n failed before the lookup was sent, so no label was bought (4 attempts)',
		);
	});

	it('a dropped connection after sending is still never repeated (only n8n\'s own failures before sending are)', async () => {
		// On a real socket: nock's replyWithError leaves n8n's HTTP client hanging (test/shared/retry.test.ts).
		const mock = await startShipEngineMock();
		try {
			mock.script('POST', /^\/v1\/labels$/, { status: 200, destroySocket: true });
			const { items, error } = await runNode({
				node: new ShipEngine(),
				parameters: { ...createParams, carrierId: 'se-100002', serviceCode: 'ups_ground' },
				credentials: { shipEngineApi: { apiKey: 'TEST_purchase_retry', baseUrl: mock.url } },
				input: [{ json: { order: 'order-6' } }],
				settings: { continueOnFail: true },
			});
			expect(error).toBeUndefined();
			expect(mock.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/v1/labels']);
			expect(mock.requests.filter((r) => r.path.startsWith('/v1/labels/external_shipment_id/'))).toHaveLength(1);
			expect(mock.purchases).toBe(0);
			expect(String(items[0].json.errorDescription)).toContain('was not repeated automatically');
		} finally {
			await mock.close();
		}
	});
});

describe('Label > Create when n8n fails after ShipEngine sold the label', () => {
	it('storing the label file failed: the label is found by its external shipment ID and returned with its file, bought once', async () => {
		const files = failFileStores(1);
		const purchases: unknown[] = [];
		const api = nock(API, headers)
			.get(lookupPath('order-4'))
			.query({ label_download_type: 'inline' })
			.reply(404, notFound)
			.post('/v1/labels', (body: unknown) => (purchases.push(body), true))
			.reply(200, { ...labelInline, external_shipment_id: 'order-4' })
			.get(lookupPath('order-4'))
			.query({ label_download_type: 'inline' })
			.reply(200, { ...labelInline, external_shipment_id: 'order-4' });

		const { items, error } = await run(createParams, { input: [{ json: { order: 'order-4' } }] });
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
		expect(purchases).toHaveLength(1);
		expect(files.stores()).toBe(2);
		expect(items[0].json).toMatchObject({ external_shipment_id: 'order-4', reused_existing_label: true });
		expect(items[0].binary?.data.fileName).toBe('label-9400111899223197428490.pdf');
	});

	it('storing the file keeps failing: a clear per-item error says the label was bought and is not bought again', async () => {
		failFileStores(Infinity);
		const purchases: unknown[] = [];
		const api = nock(API, headers)
			.get(lookupPath('order-5'))
			.query(true)
			.reply(404, notFound)
			.post('/v1/labels', (body: unknown) => (purchases.push(body), true))
			.reply(200, { ...labelInline, external_shipment_id: 'order-5' })
			.get(lookupPath('order-5'))
			.query(true)
			.reply(200, { ...labelInline, external_shipment_id: 'order-5' });

		const { items, error } = await run(createParams, {
			input: [{ json: { order: 'order-5' } }],
			settings: { continueOnFail: true },
		});
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
		expect(purchases).toHaveLength(1);
		expect(items[0].json.error).toBe(`Label se-test-147980607 was bought, but n8n could not store its file (${POOL_TIMEOUT})`);
		expect(String(items[0].json.errorDescription)).toContain(
			'Running this item again returns this label (found by its external shipment ID) instead of buying another',
		);
	});
});

describe('lookups and the shared rate-limit gate', () => {
	it('a lookup retried after a 503 waits until the Retry-After a purchase of another item was given', async () => {
		const sentAt: Record<string, number[]> = {};
		const note = (name: string) => (sentAt[name] ??= []).push(Date.now());
		const api = nock(API, headers)
			.get(lookupPath('order-a'))
			.query(true)
			.reply(() => (note('lookup a'), [404, notFound]))
			.post('/v1/labels', (body: { shipment?: { external_shipment_id?: string } }) => body.shipment?.external_shipment_id === 'order-a')
			.reply(() => (note('purchase a'), [429, errorBody('rate_limit_exceeded', 'Too many requests'), { 'Retry-After': '1' }]))
			.post('/v1/labels', (body: { shipment?: { external_shipment_id?: string } }) => body.shipment?.external_shipment_id === 'order-a')
			.reply(() => (note('purchase a'), [200, { ...labelInline, external_shipment_id: 'order-a' }]))
			.get(lookupPath('order-b'))
			.query(true)
			.delay(50)
			.reply(() => (note('lookup b'), [503, errorBody('unspecified', 'Service unavailable')]))
			.get(lookupPath('order-b'))
			.query(true)
			.reply(() => (note('lookup b'), [404, notFound]))
			.post('/v1/labels', (body: { shipment?: { external_shipment_id?: string } }) => body.shipment?.external_shipment_id === 'order-b')
			.reply(() => (note('purchase b'), [200, { ...labelInline, external_shipment_id: 'order-b' }]));

		const { items, error } = await run(createParams, { input: [{ json: { order: 'order-a' } }, { json: { order: 'order-b' } }] });
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
		expect(items.map((item) => item.json.external_shipment_id)).toEqual(['order-a', 'order-b']);
		const refusedAt = sentAt['purchase a'][0];
		expect(sentAt['lookup b'][0]).toBeLessThan(refusedAt + 500);
		expect(sentAt['lookup b'][1]).toBeGreaterThanOrEqual(refusedAt + 950);
	});
});
