import nock from 'nock';

import { API, errorBody, fixture, headers, run } from './labelHelpers';

const trackingLog = fixture('tracking-get.json');
const pkg = { carrierCode: 'stamps_com', trackingNumber: '9400111899223197428490' };
const query = { carrier_code: 'stamps_com', tracking_number: '9400111899223197428490' };

describe('Tracking > Get', () => {
	it('sends carrier code and tracking number as query and returns the tracking log', async () => {
		const api = nock(API, headers).get('/v1/tracking').query(query).reply(200, trackingLog);
		const { items, error } = await run({ resource: 'tracking', operation: 'get', ...pkg });
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
		expect(items).toEqual([{ json: trackingLog, pairedItem: { item: 0 } }]);
	});
});

describe('Tracking > Start / Stop', () => {
	it.each([
		['start', 'started'],
		['stop', 'stopped'],
	])('%s: POSTs the query without a body and outputs a confirmation', async (operation, state) => {
		nock(API, headers)
			.post(`/v1/tracking/${operation}`, (body) => body === '' || body === undefined)
			.query(query)
			.reply(204, '', { 'Content-Type': 'text/plain' });
		const { items, error } = await run({ resource: 'tracking', operation, ...pkg, trackingNumber: ' 9400111899223197428490 ' });
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: { success: true, tracking: state, carrier_code: 'stamps_com', tracking_number: '9400111899223197428490' },
				pairedItem: { item: 0 },
			},
		]);
	});
});

describe('Tracking: errors and input checks', () => {
	it('maps an API error to its message, code and request id', async () => {
		nock(API, headers)
			.get('/v1/tracking')
			.query(query)
			.reply(400, errorBody('invalid_field_value', "Invalid carrier_code 'stamps_com'.", 'aa7e0b9c-1d55-4bd4-a0b6-3c2f8e2d0a51'));
		const { error } = await run({ resource: 'tracking', operation: 'get', ...pkg });
		expect(error?.message).toBe("Invalid carrier_code 'stamps_com'.");
		expect(error?.description).toBe(
			'Fix the field named in the message. (error code: invalid_field_value, request id: aa7e0b9c-1d55-4bd4-a0b6-3c2f8e2d0a51, HTTP 400)',
		);
	});

	it('sends nothing for an empty tracking number and names the field and item', async () => {
		const { error, items } = await run({ resource: 'tracking', operation: 'start', ...pkg, trackingNumber: '  ' });
		expect(items).toEqual([]);
		expect(error?.message).toBe('Tracking Number: is required (item 0)');
	});

	it('Continue On Fail: a bad item gets an error item, the good one is tracked', async () => {
		nock(API, headers).get('/v1/tracking').query(query).reply(200, trackingLog);
		const { items, error } = await run(
			{ resource: 'tracking', operation: 'get', carrierCode: 'stamps_com', trackingNumber: '={{ $json.number }}' },
			{ input: [{ json: { number: '' } }, { json: { number: '9400111899223197428490' } }], settings: { continueOnFail: true } },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json).toEqual({ error: 'Tracking Number: is required (item 0)' });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1]).toEqual({ json: trackingLog, pairedItem: { item: 1 } });
	});
});
