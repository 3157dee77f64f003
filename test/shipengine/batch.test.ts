import nock from 'nock';

import { ShipEngine } from '../../nodes/ShipEngine/ShipEngine.node';
import { runNode } from '../helpers/engine';
import { startShipEngineMock } from '../mock';
import { API, errorBody, fixture, headers, run } from './labelHelpers';

const MOCK_SHIPMENT = {
	carrier_id: 'se-100001',
	service_code: 'usps_ground_advantage',
	ship_to: { name: 'Jane Doe', address_line1: '525 S Winchester Blvd', city_locality: 'San Jose', state_province: 'CA', postal_code: '95128', country_code: 'US' },
	ship_from: { name: 'Warehouse A', address_line1: '4009 Marathon Blvd', city_locality: 'Austin', state_province: 'TX', postal_code: '78756', country_code: 'US' },
	packages: [{ weight: { value: 1, unit: 'pound' } }],
};

const batch = fixture('batch.json');
const processed = (status = 'completed') => ({
	...batch,
	status,
	processed_at: '2026-04-10T18:00:00Z',
	completed: 2,
	label_download: { href: `${API}/v1/downloads/10/batch/se-28529731.pdf`, pdf: `${API}/v1/downloads/10/batch/se-28529731.pdf` },
});
const PDF = Buffer.from('%PDF-1.4\n% two labels\n%%EOF\n', 'latin1');
const page = (batches: unknown[], pageNo: number, pages: number, total: number) => ({
	batches,
	total,
	page: pageNo,
	pages,
	links: { first: { href: `${API}/v1/batches?page=1` }, last: { href: `${API}/v1/batches?page=${pages}` }, prev: {}, next: {} },
});
const DEFAULT_RENDERING = { label_format: 'pdf', label_layout: '4x6' };
const empty = [204, '', { 'Content-Type': 'text/plain' }] as const;

describe('Batch > Create', () => {
	it('from every input item\'s shipment ID: one request, one batch paired with all items', async () => {
		nock(API, headers)
			.post('/v1/batches', { shipment_ids: ['se-1', 'se-2', 'se-3'], external_batch_id: 'eod-2026-04-10', batch_notes: 'Evening run' })
			.reply(200, batch);
		const { items, error } = await run(
			{ resource: 'batch', operation: 'create', additionalFields: { externalBatchId: 'eod-2026-04-10', batchNotes: 'Evening run' } },
			{ input: ['se-1', ' se-2 ', 'se-3'].map((id) => ({ json: { shipment_id: id } })) },
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: batch, pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }] }]);
	});

	it('input items: a missing shipment ID stops everything before any request and names the item', async () => {
		const { error } = await run({ resource: 'batch', operation: 'create' }, { input: [{ json: { shipment_id: 'se-1' } }, { json: {} }] });
		expect(error?.message).toBe('Shipment ID: is required (item 1)');
	});

	it('input items with Continue On Fail: the bad item is an error item, the rest one batch', async () => {
		nock(API, headers).post('/v1/batches', { shipment_ids: ['se-1', 'se-3'] }).reply(200, batch);
		const { items, error } = await run(
			{ resource: 'batch', operation: 'create' },
			{ input: [{ json: { shipment_id: 'se-1' } }, { json: { shipment_id: 'bad#1' } }, { json: { shipment_id: 'se-3' } }], settings: { continueOnFail: true } },
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.pairedItem)).toEqual([[{ item: 0 }, { item: 2 }], { item: 1 }]);
		expect(items[1].json.error).toMatch(/^Shipment ID: "bad#1" is not an ID/);
	});

	it('from rate IDs, one batch per item', async () => {
		nock(API, headers).post('/v1/batches', { rate_ids: ['se-rate-1', 'se-rate-2'] }).reply(200, batch);
		const { items, error } = await run({ resource: 'batch', operation: 'create', batchSource: 'rateIds', rateIds: 'se-rate-1, se-rate-2' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: batch, pairedItem: { item: 0 } }]);
	});

	it('from shipment IDs: an empty list is refused', async () => {
		const { error } = await run({ resource: 'batch', operation: 'create', batchSource: 'shipmentIds', shipmentIds: ' ' });
		expect(error?.message).toBe('Shipment IDs: give at least one ID (item 0)');
	});
});

describe('Batch > Get / Get By External ID / Get Many / Delete / Add To / Remove From / Get Errors', () => {
	it('gets a batch', async () => {
		nock(API, headers).get('/v1/batches/se-28529731').reply(200, batch);
		const { items } = await run({ resource: 'batch', operation: 'get', batchId: 'se-28529731' });
		expect(items).toEqual([{ json: batch, pairedItem: { item: 0 } }]);
	});

	it('gets a batch by external ID', async () => {
		nock(API, headers).get('/v1/batches/external_batch_id/eod-2026-04-10').reply(200, batch);
		const { items } = await run({ resource: 'batch', operation: 'getByExternalId', externalBatchId: 'eod-2026-04-10' });
		expect(items[0].json).toEqual(batch);
	});

	it('Return All with filters', async () => {
		const two = { ...batch, batch_id: 'se-2' };
		const q = { status: 'completed', batch_number: 'B1', processed_at_start: '2026-04-01T00:00:00.000Z', sort_by: 'processed_at' };
		nock(API, headers)
			.get('/v1/batches')
			.query({ ...q, page: 1, page_size: 5000 })
			.reply(200, page([batch], 1, 2, 2))
			.get('/v1/batches')
			.query({ ...q, page: 2, page_size: 5000 })
			.reply(200, page([two], 2, 2, 2));
		const { items, error } = await run({
			resource: 'batch',
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'completed', batchNumber: 'B1', processedAtStart: '2026-04-01T00:00:00Z', sortBy: 'processed_at' },
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.batch_id)).toEqual(['se-28529731', 'se-2']);
	});

	it('deletes a batch', async () => {
		nock(API, headers).delete('/v1/batches/se-28529731').reply(...empty);
		const { items, error } = await run({ resource: 'batch', operation: 'delete', batchId: 'se-28529731' });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ success: true, batch_id: 'se-28529731', deleted: true });
	});

	it('adds shipments and rates', async () => {
		nock(API, headers).post('/v1/batches/se-28529731/add', { shipment_ids: ['se-1', 'se-2'], rate_ids: ['se-rate-9'] }).reply(...empty);
		const { items, error } = await run({ resource: 'batch', operation: 'addTo', batchId: 'se-28529731', shipmentIds: 'se-1,se-2', rateIds: 'se-rate-9' });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ success: true, batch_id: 'se-28529731', added_shipment_ids: ['se-1', 'se-2'], added_rate_ids: ['se-rate-9'] });
	});

	it('removes shipments; nothing given is refused', async () => {
		nock(API, headers).post('/v1/batches/se-28529731/remove', { shipment_ids: ['se-1'] }).reply(...empty);
		const { items } = await run({ resource: 'batch', operation: 'removeFrom', batchId: 'se-28529731', shipmentIds: 'se-1' });
		expect(items[0].json).toMatchObject({ success: true, removed_shipment_ids: ['se-1'], removed_rate_ids: [] });
		const { error } = await run({ resource: 'batch', operation: 'removeFrom', batchId: 'se-28529731' });
		expect(error?.message).toBe('Shipment IDs: give at least one shipment ID or rate ID (item 0)');
	});

	it('Get Errors, Return All: one item per error (its errors list is data, not a failure)', async () => {
		const errors = [
			{ error: 'Recipient address has not been verified.', shipment_id: 'se-1', external_shipment_id: 'order-1' },
			{ error: 'Insufficient funds.', shipment_id: 'se-2', external_shipment_id: 'order-2' },
		];
		const links = { first: { href: `${API}/v1/batches/se-28529731/errors?page=1` }, last: { href: `${API}/v1/batches/se-28529731/errors?page=1` }, prev: {}, next: {} };
		nock(API, headers)
			.get('/v1/batches/se-28529731/errors')
			.query({ page: 1, pagesize: 5000 })
			.reply(200, { errors, links })
			.get('/v1/batches/se-28529731/errors')
			.query({ page: 2, pagesize: 5000 })
			.reply(200, { errors: [], links });
		const { items, error } = await run({ resource: 'batch', operation: 'getErrors', batchId: 'se-28529731', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toEqual(errors.map((json) => ({ json, pairedItem: { item: 0 } })));
	});
});

describe('Batch > Process: never buys twice', () => {
	const params = { resource: 'batch', operation: 'process', batchId: 'se-28529731' };

	it('reads the status, processes an open batch with the label options, waits until completed', async () => {
		nock(API, headers)
			.get('/v1/batches/se-28529731')
			.reply(200, batch)
			.post('/v1/batches/se-28529731/process/labels', { label_format: 'pdf', label_layout: 'letter', ship_date: '2026-04-10T00:00:00.000Z' })
			.reply(...empty)
			.get('/v1/batches/se-28529731')
			.reply(200, { ...batch, status: 'processing' })
			.get('/v1/batches/se-28529731')
			.reply(200, processed());
		const { items, error } = await run({
			...params,
			labelLayout: 'letter',
			options: { shipDate: '2026-04-10', pollSeconds: 0.1 },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { ...processed(), process_started: true }, pairedItem: { item: 0 } }]);
	});

	it.each(['queued', 'processing', 'completed', 'completed_with_errors', 'notifying'])('a %s batch is returned as it is, without a process request', async (status) => {
		nock(API, headers).get('/v1/batches/se-28529731').reply(200, { ...batch, status });
		const { items, error } = await run({ ...params, options: { waitUntilProcessed: false } });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status, process_skipped: true });
		expect(items[0].json.process_note).toBe(`Batch se-28529731 was already ${status}: it was not processed again (no label bought twice).`);
	});

	it('an archived batch is refused with the reason', async () => {
		nock(API, headers).get('/v1/batches/se-28529731').reply(200, { ...batch, status: 'archived' });
		const { error } = await run(params);
		expect(error?.message).toBe('Batch se-28529731 cannot be processed: its status is archived');
	});

	it('a 500 on process is not repeated and says so; Retry On Fail re-reads the status and does not process again', async () => {
		nock(API, headers)
			.get('/v1/batches/se-28529731')
			.reply(200, batch)
			.post('/v1/batches/se-28529731/process/labels', DEFAULT_RENDERING)
			.reply(500, errorBody('unspecified', 'Internal error', 'd1d2e3f4-0000-4000-8000-000000000020'))
			// the retry of the node: ShipEngine had started processing after all; it is waited for, not processed again
			.get('/v1/batches/se-28529731')
			.reply(200, { ...batch, status: 'processing' })
			.get('/v1/batches/se-28529731')
			.reply(200, processed());
		const { items, error } = await run(
			{ ...params, options: { pollSeconds: 0.1 } },
			{ settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 1 } },
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'completed', process_skipped: true });
	});

	it('a 500 without Retry On Fail: the error says processing may have started and was not repeated', async () => {
		nock(API, headers)
			.get('/v1/batches/se-28529731')
			.reply(200, batch)
			.post('/v1/batches/se-28529731/process/labels', DEFAULT_RENDERING)
			.reply(502, errorBody('unspecified', 'Bad gateway', 'd1d2e3f4-0000-4000-8000-000000000021'));
		const { error } = await run(params);
		expect(error?.message).toBe('Bad gateway');
		expect(error?.description).toContain('may or may not have started, so the request was not repeated automatically');
	});

	it('a dropped connection on process is not repeated either (real socket)', async () => {
		// nock's replyWithError leaves n8n's HTTP client hanging: a real socket instead.
		const mock = await startShipEngineMock();
		try {
			const key = { 'API-Key': 'TEST_batch_reset', 'Content-Type': 'application/json' };
			const post = async (path: string, body: unknown) =>
				(await (await fetch(`${mock.url}${path}`, { method: 'POST', headers: key, body: JSON.stringify(body) })).json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
			const { shipments } = await post('/v1/shipments', { shipments: [MOCK_SHIPMENT] });
			const created = await post('/v1/batches', { shipment_ids: [shipments[0].shipment_id] });
			mock.script('POST', /\/process\/labels$/, { status: 200, destroySocket: true });
			const { items, error } = await runNode({
				node: new ShipEngine(),
				parameters: { ...params, batchId: created.batch_id },
				credentials: { shipEngineApi: { apiKey: 'TEST_batch_reset', baseUrl: mock.url } },
				settings: { continueOnFail: true },
			});
			expect(error).toBeUndefined();
			expect(mock.requests.filter((r) => r.path.endsWith('/process/labels'))).toHaveLength(1);
			expect(mock.purchases).toBe(0);
			expect(items[0].json).toMatchObject({ purchaseState: 'unknown' });
			expect(String(items[0].json.errorDescription)).toContain('not repeated automatically');
		} finally {
			await mock.close();
		}
	});

	it('a 429 on process is waited out and sent again (the API refused it)', async () => {
		nock(API, headers)
			.get('/v1/batches/se-28529731')
			.reply(200, batch)
			.post('/v1/batches/se-28529731/process/labels', DEFAULT_RENDERING)
			.reply(429, errorBody('rate_limit_exceeded', 'Too many requests'), { 'Retry-After': '0' })
			.post('/v1/batches/se-28529731/process/labels', DEFAULT_RENDERING)
			.reply(...empty)
			.get('/v1/batches/se-28529731')
			.reply(200, { ...batch, status: 'queued' });
		const { items, error } = await run({ ...params, options: { waitUntilProcessed: false } });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'queued', process_started: true });
	});
});

describe('Batch > Get Labels', () => {
	it('the combined label file as binary (API host: with the key)', async () => {
		nock(API, headers)
			.get('/v1/batches/se-28529731')
			.reply(200, processed())
			.get('/v1/downloads/10/batch/se-28529731.pdf')
			.reply(200, PDF, { 'Content-Type': 'application/pdf' });
		const { items, error } = await run({ resource: 'batch', operation: 'getLabels', batchId: 'se-28529731', binaryPropertyName: 'labels' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(processed());
		const file = items[0].binary!.labels;
		expect(file).toMatchObject({ mimeType: 'application/pdf', fileName: 'label-batch-B28529731.pdf' });
		expect(Buffer.from(file.data, 'base64')).toEqual(PDF);
	});

	it('a batch not processed yet has no file: says so', async () => {
		nock(API, headers).get('/v1/batches/se-28529731').reply(200, { ...batch, status: 'processing' });
		const { error } = await run({ resource: 'batch', operation: 'getLabels', batchId: 'se-28529731' });
		expect(error?.message).toBe('Batch se-28529731 has no label file yet: its status is processing');
	});

	it('a failed download says nothing is bought by running it again', async () => {
		nock(API, headers)
			.get('/v1/batches/se-28529731')
			.reply(200, processed())
			.get('/v1/downloads/10/batch/se-28529731.pdf')
			.reply(404, errorBody('file_not_found', 'The file was not found.'));
		const { error } = await run({ resource: 'batch', operation: 'getLabels', batchId: 'se-28529731' });
		expect(error?.message).toBe('Downloading the label file of batch se-28529731 failed (HTTP 404)');
		expect(error?.description).toContain('nothing is bought');
	});
});
