import nock from 'nock';

import { API, errorBody, fixture, headers, run } from './labelHelpers';

const manifest = fixture('manifest.json');
const created = fixture('manifest-create.json');

const page = (manifests: unknown[], pageNo: number, pages: number, total: number) => ({
	manifests,
	total,
	page: pageNo,
	pages,
	links: { first: { href: `${API}/v1/manifests?page=1` }, last: { href: `${API}/v1/manifests?page=${pages}` }, prev: {}, next: {} },
});
const manifestNo = (n: number) => ({ ...manifest, manifest_id: `se-${1000 + n}` });

describe('Manifest > Create', () => {
	const params = { resource: 'manifest', operation: 'create', carrierId: 'se-123890', warehouseId: 'se-456789' };

	it('sends carrier, warehouse and the ship date as a calendar day; no optional field leaks', async () => {
		nock(API, headers)
			.post('/v1/manifests', { carrier_id: 'se-123890', warehouse_id: 'se-456789', ship_date: '2026-04-10T00:00:00.000Z' })
			.reply(200, created);
		const { items, error } = await run({ ...params, shipDate: '2026-04-10T17:30:00' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: created, pairedItem: { item: 0 } }]);
	});

	it('sends label IDs and excluded label IDs as arrays', async () => {
		nock(API, headers)
			.post('/v1/manifests', {
				carrier_id: 'se-123890',
				warehouse_id: 'se-456789',
				ship_date: '2026-04-10T00:00:00.000Z',
				label_ids: ['se-147980607', 'se-147980608'],
				excluded_label_ids: ['se-147980609'],
			})
			.reply(200, created);
		const { error } = await run({
			...params,
			shipDate: '2026-04-10',
			additionalFields: { labelIds: 'se-147980607, se-147980608\n', excludedLabelIds: 'se-147980609' },
		});
		expect(error).toBeUndefined();
	});

	it('sends nothing for a bad ship date or label ID and names the field', async () => {
		const badDate = await run({ ...params, shipDate: 'next friday' });
		expect(badDate.error?.message).toBe('Ship Date: "next friday" is not a date (use e.g. 2026-04-10) (item 0)');
		const badId = await run({ ...params, shipDate: '2026-04-10', additionalFields: { labelIds: 'se-1, label#2' } });
		expect(badId.error?.message).toBe(
			'Additional Fields > Label IDs: "label#2" is not an ID (expected IDs like se-123456, separated by commas) (item 0)',
		);
	});

	it('maps an API error (no labels to manifest)', async () => {
		nock(API, headers)
			.post('/v1/manifests', { carrier_id: 'se-123890', warehouse_id: 'se-456789', ship_date: '2026-04-10T00:00:00.000Z' })
			.reply(400, errorBody('invalid_field_value', 'No labels found for the manifest.', 'd1d2e3f4-0000-4000-8000-000000000001'));
		const { error } = await run({ ...params, shipDate: '2026-04-10' });
		expect(error?.message).toBe('No labels found for the manifest.');
		expect(error?.httpCode).toBe('400');
	});
});

describe('Manifest > Get / Get Manifest Request', () => {
	it('gets a manifest by ID', async () => {
		nock(API, headers).get('/v1/manifests/se-1234567').reply(200, manifest);
		const { items, error } = await run({ resource: 'manifest', operation: 'get', manifestId: 'se-1234567' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: manifest, pairedItem: { item: 0 } }]);
	});

	it('gets a manifest request', async () => {
		nock(API, headers).get('/v1/manifests/requests/se-3456789').reply(200, created);
		const { items, error } = await run({ resource: 'manifest', operation: 'getRequest', manifestRequestId: 'se-3456789' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: created, pairedItem: { item: 0 } }]);
	});

	it('refuses an empty manifest ID instead of listing every manifest', async () => {
		const { error } = await run(
			{ resource: 'manifest', operation: 'get', manifestId: '={{ $json.id }}' },
			{ input: [{ json: { id: ' ' } }] },
		);
		expect(error?.message).toBe('Manifest ID: is required (item 0)');
	});

	it('maps a 404', async () => {
		nock(API, headers)
			.get('/v1/manifests/se-9')
			.reply(404, errorBody('invalid_identifier', 'Manifest se-9 not found.', 'd1d2e3f4-0000-4000-8000-000000000002'));
		const { error } = await run({ resource: 'manifest', operation: 'get', manifestId: 'se-9' });
		expect(error?.message).toBe('Manifest se-9 not found.');
		expect(error?.description).toContain('error code: invalid_identifier');
	});
});

describe('Manifest > Get Many', () => {
	it('Return All: reads every page and outputs one item per manifest', async () => {
		nock(API, headers)
			.get('/v1/manifests')
			.query({ page: 1, page_size: 5000 })
			.reply(200, page([manifestNo(1), manifestNo(2)], 1, 2, 3))
			.get('/v1/manifests')
			.query({ page: 2, page_size: 5000 })
			.reply(200, page([manifestNo(3)], 2, 2, 3));
		const { items, error } = await run({ resource: 'manifest', operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toEqual([1, 2, 3].map((n) => ({ json: manifestNo(n), pairedItem: { item: 0 } })));
	});

	it('Limit: asks for exactly that many and stops', async () => {
		nock(API, headers)
			.get('/v1/manifests')
			.query({ page: 1, page_size: 2 })
			.reply(200, page([manifestNo(1), manifestNo(2)], 1, 5, 10));
		const { items } = await run({ resource: 'manifest', operation: 'getAll', limit: 2 });
		expect(items.map((i) => i.json.manifest_id)).toEqual(['se-1001', 'se-1002']);
	});

	// The harness workflow has no time zone setting, so n8n's default (America/New_York, EDT in April) applies.
	it('sends filters; dates with an offset are converted to UTC, dates without use the workflow time zone', async () => {
		nock(API, headers)
			.get('/v1/manifests')
			.query({
				page: 1,
				page_size: 50,
				carrier_id: 'se-123890',
				warehouse_id: 'se-456789',
				label_ids: ['se-1', 'se-2'],
				created_at_start: '2026-04-01T10:00:00.000Z',
				ship_date_end: '2026-04-10T04:00:00.000Z',
			})
			.reply(200, page([manifestNo(1)], 1, 1, 1));
		const { items, error } = await run({
			resource: 'manifest',
			operation: 'getAll',
			filters: {
				carrierId: 'se-123890',
				warehouseId: 'se-456789',
				labelIds: 'se-1,se-2',
				createdAtStart: '2026-04-01T12:00:00+02:00',
				shipDateEnd: '2026-04-10T00:00:00',
			},
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.manifest_id)).toEqual(['se-1001']);
	});

	it('names the filter when a date is not a date', async () => {
		const { error } = await run({ resource: 'manifest', operation: 'getAll', filters: { createdAtEnd: '31/04/2026' } });
		expect(error?.message).toBe('Filters > Created Before: "31/04/2026" is not a date and time (use e.g. 2026-04-10T15:00:00) (item 0)');
	});
});
