/**
 * Continue On Fail error items (issue 14, part 4) of the operations that send one request for
 * many input items (Address > Validate's "Batch Items" in both nodes, Batch > Create from the
 * input items) and of Batch > Process (buys every label of a batch): the same fields as every
 * other error item (`error`, `errorCode`, `httpCode`, `requestId`, `purchaseState` for
 * purchases), each paired with its own input item, also when one request fails for many items.
 */
import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { API, errorBody, fixture, headers, run } from '../shipengine/labelHelpers';
import { fixture as seraFixture, run as runSera, STAGING_API } from '../stampscom/helpers';

const continueOnFail = { settings: { continueOnFail: true } };
const paired = (items: INodeExecutionData[]) => items.map((item) => item.pairedItem);
const REQUEST_ID = '6c2a1f3e-8b7d-4e21-9f0a-0000000000b1';

describe('ShipEngine Address > Validate, Batch Items', () => {
	const [verified] = fixture<IDataObject[]>('address-validate.json');
	const params = {
		resource: 'address',
		operation: 'validate',
		addressLine1: '={{ $json.street }}',
		cityLocality: 'San Jose',
		stateProvince: 'CA',
		postalCode: '95128',
		countryCode: '={{ $json.country }}',
		options: { batch: true },
	};
	const input = (n: number, bad: number[] = []) =>
		Array.from({ length: n }, (_, i) => ({ json: { street: `${i} Main St`, country: bad.includes(i) ? 'USA' : 'US' } }));
	const resultFor = (i: number, extra: IDataObject = {}) => ({
		...verified,
		original_address: { ...(verified.original_address as IDataObject), address_line1: `${i} Main St` },
		...extra,
	});

	it('a request refused as a whole: every item of that chunk gets its own error item with the API\'s fields', async () => {
		nock(API, headers)
			.post('/v1/addresses/validate')
			.reply(200, (_, body) => (body as IDataObject[]).map((_a, i) => resultFor(i)))
			.post('/v1/addresses/validate')
			.reply(400, errorBody('invalid_billing_plan', 'Address validation requires the Advanced plan', REQUEST_ID));
		const { items, error } = await run(params, { input: input(252, [1]), ...continueOnFail });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(252);
		expect(paired(items)).toEqual(Array.from({ length: 252 }, (_, item) => ({ item })));
		// item 1: bad input, caught before any request; items 0, 2…250 in the first request; 251 in the second
		expect(items[1].json).toMatchObject({ errorCode: null, httpCode: null, requestId: null });
		expect(String(items[1].json.error)).toContain('Address > Country Code');
		expect(items[250].json.status).toBe('verified');
		expect(items[251].json).toEqual({
			error: 'Address validation requires the Advanced plan',
			errorCode: 'invalid_billing_plan',
			httpCode: 400,
			requestId: REQUEST_ID,
			errorDescription: expect.any(String),
		});
		expect(items[251].error).toBeUndefined();
	});

	it('every item of a failed one-chunk batch gets the error, each paired with itself', async () => {
		nock(API, headers).post('/v1/addresses/validate').reply(400, errorBody('invalid_billing_plan', 'Address validation requires the Advanced plan', REQUEST_ID));
		const { items } = await run(params, { input: input(3), ...continueOnFail });
		expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const item of items) expect(item.json).toMatchObject({ errorCode: 'invalid_billing_plan', httpCode: 400, requestId: REQUEST_ID });
	});

	it('an address the API could not validate inside a successful answer stays that item\'s result (as without Batch Items)', async () => {
		const failed = resultFor(1, {
			status: 'error',
			matched_address: null,
			messages: [{ code: 'a1004', message: 'Address not found', type: 'error', detail_code: 'address_not_found' }],
		});
		nock(API, headers).post('/v1/addresses/validate').reply(200, [resultFor(0), failed, resultFor(2)]);
		const { items, error } = await run(params, { input: input(3), ...continueOnFail });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([resultFor(0), failed, resultFor(2)]);
		expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('with "Continue (using error output)" the items go to the error output, the fields under details', async () => {
		nock(API, headers).post('/v1/addresses/validate').reply(400, errorBody('invalid_billing_plan', 'Address validation requires the Advanced plan', REQUEST_ID));
		const result = await run(params, { input: input(2), settings: { onError: 'continueErrorOutput' } });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(0);
		const errors = result.run.data.resultData.runData['Node Under Test']?.at(-1)?.data?.main?.[1] ?? [];
		expect(paired(errors)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(errors[1].json).toMatchObject({ error: 'Address validation requires the Advanced plan', details: { errorCode: 'invalid_billing_plan', requestId: REQUEST_ID } });
	});
});

describe('Stamps.com Address > Validate, Batch Items', () => {
	const ORDERS = ['1 Main St', '2 Oak Ave', ''].map((street) => ({ json: { street } }));
	const params = {
		resource: 'address',
		operation: 'validate',
		inputMode: 'fields',
		addresses: { address: [{ addressLine1: '={{ $json.street }}', city: 'Kearney', stateProvince: 'NE', postalCode: '68845', countryCode: 'US' }] },
		options: { batch: true },
	};

	it('a request refused as a whole: each sent item gets SERA\'s code and reference; the bad one its input error', async () => {
		nock(STAGING_API)
			.post('/sera/v1/addresses/validate')
			.reply(400, { errors: [{ error_code: 800000, error_message: 'The address_line1 field is too long.', error_reference_id: 'ref-20' }] });
		const { items, error } = await runSera(params, { input: ORDERS, ...continueOnFail });
		expect(error).toBeUndefined();
		expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const item of items.slice(0, 2)) {
			expect(item.json).toMatchObject({ error: 'The address_line1 field is too long.', errorCode: '800000', httpCode: 400, requestId: 'ref-20' });
		}
		expect(items[2].json).toMatchObject({ error: 'Addresses (address 1) > Address Line 1: is required (item 2)', errorCode: null, httpCode: null });
	});

	it('one request per item (Batch Items off): SERA\'s code and reference on the error item too', async () => {
		nock(STAGING_API)
			.post('/sera/v1/addresses/validate')
			.reply(400, { errors: [{ error_code: 800000, error_message: 'The address_line1 field is too long.', error_reference_id: 'ref-21' }] });
		const { items } = await runSera({ ...params, options: {} }, { input: ORDERS.slice(0, 1), ...continueOnFail });
		expect(items[0].json).toMatchObject({ error: 'The address_line1 field is too long.', errorCode: '800000', httpCode: 400, requestId: 'ref-21' });
	});

	it('an address SERA could not match inside a successful answer stays that item\'s result', async () => {
		const [template] = seraFixture<IDataObject[]>('validate.json');
		const unmatched = { ...template, matched_address: null, validation_results: { result_code: 'E101', result_description: 'Address not found.', result_details: [] } };
		nock(STAGING_API).post('/sera/v1/addresses/validate').reply(200, [template, unmatched]);
		const { items, error } = await runSera(params, { input: ORDERS.slice(0, 2), ...continueOnFail });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([template, unmatched]);
		expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('ShipEngine Batch > Create', () => {
	const batch = fixture('batch.json');

	it('from the input items: a refused request gives every included item its own error item; a bad item its input error', async () => {
		nock(API, headers).post('/v1/batches', { shipment_ids: ['se-1', 'se-3'] }).reply(400, errorBody('invalid_identifier', 'Shipment se-3 not found', REQUEST_ID));
		const { items, error } = await run(
			{ resource: 'batch', operation: 'create' },
			{ input: [{ json: { shipment_id: 'se-1' } }, { json: { shipment_id: 'bad#1' } }, { json: { shipment_id: 'se-3' } }], ...continueOnFail },
		);
		expect(error).toBeUndefined();
		expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json).toMatchObject({ error: 'Shipment se-3 not found', errorCode: 'invalid_identifier', httpCode: 400, requestId: REQUEST_ID });
		expect(items[2].json).toEqual(items[0].json);
		expect(items[1].json).toMatchObject({ errorCode: null, httpCode: null, requestId: null });
		expect(String(items[1].json.error)).toMatch(/^Shipment ID: "bad#1" is not an ID/);
		expect(items.every((item) => item.error === undefined)).toBe(true);
	});

	it('from the input items, success: the batch first (paired with all sent items), then the bad items\' errors', async () => {
		nock(API, headers).post('/v1/batches', { shipment_ids: ['se-1', 'se-3'] }).reply(200, batch);
		const { items } = await run(
			{ resource: 'batch', operation: 'create' },
			{ input: [{ json: { shipment_id: 'se-1' } }, { json: { shipment_id: 'bad#1' } }, { json: { shipment_id: 'se-3' } }], ...continueOnFail },
		);
		expect(paired(items)).toEqual([[{ item: 0 }, { item: 2 }], { item: 1 }]);
		expect(items[1].json).toMatchObject({ errorCode: null, httpCode: null });
	});

	it('one batch per item (rate IDs): a refused request is that item\'s error item', async () => {
		nock(API, headers)
			.post('/v1/batches', { rate_ids: ['se-rate-1'] })
			.reply(200, batch)
			.post('/v1/batches', { rate_ids: ['se-rate-2'] })
			.reply(400, errorBody('invalid_identifier', 'Rate se-rate-2 expired', REQUEST_ID));
		const { items, error } = await run(
			{ resource: 'batch', operation: 'create', batchSource: 'rateIds', rateIds: '={{ $json.rate }}' },
			{ input: [{ json: { rate: 'se-rate-1' } }, { json: { rate: 'se-rate-2' } }], ...continueOnFail },
		);
		expect(error).toBeUndefined();
		expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json).toEqual(batch);
		expect(items[1].json).toMatchObject({ error: 'Rate se-rate-2 expired', errorCode: 'invalid_identifier', httpCode: 400, requestId: REQUEST_ID });
	});
});

describe('ShipEngine Batch > Process: purchaseState', () => {
	const batch = fixture('batch.json');
	const params = { resource: 'batch', operation: 'process', batchId: 'se-28529731', options: { waitUntilProcessed: false } };
	const url = '/v1/batches/se-28529731';

	it('the status read fails: nothing sent, not_sent', async () => {
		nock(API, headers).get(url).reply(404, errorBody('invalid_identifier', 'Batch not found', REQUEST_ID));
		const { items, error } = await run(params, continueOnFail);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: expect.objectContaining({ error: 'Batch not found', errorCode: 'invalid_identifier', httpCode: 404, requestId: REQUEST_ID, purchaseState: 'not_sent' }), pairedItem: { item: 0 } },
		]);
	});

	it('a batch that cannot be processed (archived): not_sent', async () => {
		nock(API, headers).get(url).reply(200, { ...batch, status: 'archived' });
		const { items } = await run(params, continueOnFail);
		expect(items[0].json).toMatchObject({ error: 'Batch se-28529731 cannot be processed: its status is archived', purchaseState: 'not_sent', httpCode: null });
	});

	it('process refused by the API (400): not_bought', async () => {
		nock(API, headers)
			.get(url)
			.reply(200, batch)
			.post(`${url}/process/labels`)
			.reply(400, errorBody('invalid_status', 'The batch has no shipments', REQUEST_ID));
		const { items } = await run(params, continueOnFail);
		expect(items[0].json).toMatchObject({ error: 'The batch has no shipments', errorCode: 'invalid_status', httpCode: 400, requestId: REQUEST_ID, purchaseState: 'not_bought' });
	});

	it('a 500 on process (may have started): unknown, not repeated', async () => {
		nock(API, headers)
			.get(url)
			.reply(200, batch)
			.post(`${url}/process/labels`)
			.reply(500, errorBody('unspecified', 'Internal server error', REQUEST_ID));
		const { items } = await run(params, continueOnFail);
		expect(items[0].json).toMatchObject({ errorCode: 'unspecified', httpCode: 500, requestId: REQUEST_ID, purchaseState: 'unknown' });
		expect(String(items[0].json.errorDescription)).toContain('may or may not have started');
	});

	it('processing started, then reading the batch fails: unknown (labels may be bought)', async () => {
		nock(API, headers)
			.get(url)
			.reply(200, batch)
			.post(`${url}/process/labels`)
			.reply(204, '', { 'Content-Type': 'text/plain' })
			.get(url)
			.reply(404, errorBody('invalid_identifier', 'Batch not found', REQUEST_ID));
		const { items } = await run(params, continueOnFail);
		expect(items[0].json).toMatchObject({ errorCode: 'invalid_identifier', httpCode: 404, purchaseState: 'unknown' });
	});
});
