import nock from 'nock';

import { toUtcDateTime } from '../../nodes/ShipEngine/shared/input';
import { API, errorBody, fixture, headers, run } from './labelHelpers';

const pickup = fixture('pickup.json');

const schedule = {
	resource: 'pickup',
	operation: 'schedule',
	labelIds: 'se-147980607',
	contactName: 'Jane Doe',
	contactEmail: 'jane@example.com',
	contactPhone: '512-555-1234',
	pickupWindowStart: '2026-04-11T09:00:00',
	pickupWindowEnd: '2026-04-11T17:00:00-04:00',
};
const scheduleBody = {
	label_ids: ['se-147980607'],
	contact_details: { name: 'Jane Doe', email: 'jane@example.com', phone: '512-555-1234' },
	// 09:00 without an offset is read in the workflow time zone (n8n's default, America/New_York: EDT).
	pickup_window: { start_at: '2026-04-11T13:00:00.000Z', end_at: '2026-04-11T21:00:00.000Z' },
};

const page = (pickups: unknown[], pageNo: number, pages: number, total: number) => ({
	request_id: 'e1d2e3f4-0000-4000-8000-000000000011',
	errors: [],
	pickups,
	total,
	page: pageNo,
	pages,
	links: { first: { href: `${API}/v1/pickups?page=1` }, last: { href: `${API}/v1/pickups?page=${pages}` }, prev: {}, next: {} },
});
const { request_id: _requestId, errors: _errors, ...pickupRecord } = pickup;
const pickupNo = (n: number) => ({ ...pickupRecord, pickup_id: `pik_${n}` });

describe('Pickup > Schedule', () => {
	it('sends labels, contact and window; no notes unless set', async () => {
		nock(API, headers).post('/v1/pickups', scheduleBody).reply(200, pickup);
		const { items, error } = await run(schedule);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: pickup, pairedItem: { item: 0 } }]);
	});

	it('sends pickup notes when set', async () => {
		nock(API, headers)
			.post('/v1/pickups', { ...scheduleBody, pickup_notes: 'Back door', label_ids: ['se-1', 'se-2'] })
			.reply(200, pickup);
		const { error } = await run({ ...schedule, labelIds: 'se-1, se-2', additionalFields: { pickupNotes: 'Back door' } });
		expect(error).toBeUndefined();
	});

	it.each([
		[{ labelIds: ' , ' }, 'Label IDs: give at least one label ID (e.g. se-123456) (item 0)'],
		[{ contactEmail: 'jane.example.com' }, 'Contact Email: "jane.example.com" is not an email address (item 0)'],
		[{ contactPhone: '555' }, 'Contact Phone: "555" is too short (at least 7 characters) (item 0)'],
		[
			{ pickupWindowEnd: '2026-04-11T08:00:00' },
			'Pickup Window End: must be after Pickup Window Start (2026-04-11T13:00:00.000Z → 2026-04-11T12:00:00.000Z) (item 0)',
		],
		[{ pickupWindowStart: 'tomorrow 9am' }, 'Pickup Window Start: "tomorrow 9am" is not a date and time (use e.g. 2026-04-10T15:00:00) (item 0)'],
	])('sends nothing for bad input %p', async (override, message) => {
		const { error, items } = await run({ ...schedule, ...override });
		expect(items).toEqual([]);
		expect(error?.message).toBe(message);
	});

	it('is not retried after a server error (a second pickup could be booked)', async () => {
		nock(API, headers)
			.post('/v1/pickups', scheduleBody)
			.reply(500, errorBody('unspecified', 'Carrier timeout', 'e1d2e3f4-0000-4000-8000-000000000002'));
		const { error } = await run(schedule);
		expect(error?.message).toBe('Carrier timeout');
	});
});

describe('Pickup > Get / Cancel', () => {
	it('gets a pickup', async () => {
		nock(API, headers).get('/v1/pickups/pik_3YcKU5zdtJuCqoeNwyqqbW').reply(200, pickup);
		const { items, error } = await run({ resource: 'pickup', operation: 'get', pickupId: 'pik_3YcKU5zdtJuCqoeNwyqqbW' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: pickup, pairedItem: { item: 0 } }]);
	});

	it('cancels a pickup and outputs { success, pickup_id }', async () => {
		nock(API, headers)
			.delete('/v1/pickups/pik_3YcKU5zdtJuCqoeNwyqqbW')
			.reply(200, { pickup_id: 'pik_3YcKU5zdtJuCqoeNwyqqbW', request_id: 'e1d2e3f4-0000-4000-8000-000000000003', errors: [] });
		const { items, error } = await run({ resource: 'pickup', operation: 'cancel', pickupId: 'pik_3YcKU5zdtJuCqoeNwyqqbW' });
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: { success: true, pickup_id: 'pik_3YcKU5zdtJuCqoeNwyqqbW', request_id: 'e1d2e3f4-0000-4000-8000-000000000003' },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('Continue On Fail: a 404 on one pickup does not stop the others', async () => {
		nock(API, headers)
			.delete('/v1/pickups/pik_gone')
			.reply(404, errorBody('invalid_identifier', 'Pickup pik_gone not found.', 'e1d2e3f4-0000-4000-8000-000000000004'))
			.delete('/v1/pickups/pik_ok')
			.reply(200, { pickup_id: 'pik_ok', request_id: 'e1d2e3f4-0000-4000-8000-000000000005', errors: [] });
		const { items, error } = await run(
			{ resource: 'pickup', operation: 'cancel', pickupId: '={{ $json.id }}' },
			{ input: [{ json: { id: 'pik_gone' } }, { json: { id: 'pik_ok' } }], settings: { continueOnFail: true } },
		);
		expect(error).toBeUndefined();
		expect(items[0]).toMatchObject({ json: { error: 'Pickup pik_gone not found.' }, pairedItem: { item: 0 } });
		expect(items[1]).toEqual({
			json: { success: true, pickup_id: 'pik_ok', request_id: 'e1d2e3f4-0000-4000-8000-000000000005' },
			pairedItem: { item: 1 },
		});
	});
});

describe('Pickup > Get Many', () => {
	it('Return All over two pages, one item per pickup', async () => {
		nock(API, headers)
			.get('/v1/pickups')
			.query({ page: 1, page_size: 5000 })
			.reply(200, page([pickupNo(1)], 1, 2, 2))
			.get('/v1/pickups')
			.query({ page: 2, page_size: 5000 })
			.reply(200, page([pickupNo(2)], 2, 2, 2));
		const { items, error } = await run({ resource: 'pickup', operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toEqual([1, 2].map((n) => ({ json: pickupNo(n), pairedItem: { item: 0 } })));
	});

	it('Limit with filters, paired with each input item', async () => {
		const query = { page: 1, page_size: 1, carrier_id: 'se-123890', created_at_start: '2026-04-01T00:00:00.000Z' };
		nock(API, headers)
			.get('/v1/pickups')
			.query(query)
			.reply(200, page([pickupNo(1)], 1, 3, 3))
			.get('/v1/pickups')
			.query(query)
			.reply(200, page([pickupNo(1)], 1, 3, 3));
		const { items } = await run(
			{ resource: 'pickup', operation: 'getAll', limit: 1, filters: { carrierId: 'se-123890', createdAtStart: '2026-04-01T00:00:00Z' } },
			{ input: [{ json: {} }, { json: {} }] },
		);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('Pickup window times (toUtcDateTime)', () => {
	it.each([
		['2026-01-15T09:00:00', 'America/New_York', '2026-01-15T14:00:00.000Z'], // EST
		['2026-07-15T09:00:00', 'America/New_York', '2026-07-15T13:00:00.000Z'], // EDT
		['2026-07-15 09:00', 'Asia/Tokyo', '2026-07-15T00:00:00.000Z'],
		['2026-07-15', 'Europe/Berlin', '2026-07-14T22:00:00.000Z'],
		['2026-04-10T09:00:00+02:00', 'America/New_York', '2026-04-10T07:00:00.000Z'],
		['2026-02-30T09:00:00', 'UTC', undefined],
		['10/04/2026', 'UTC', undefined],
	])('%s in %s → %s', (text, zone, expected) => {
		expect(toUtcDateTime(text, zone)).toBe(expected);
	});
});
