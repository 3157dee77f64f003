/**
 * Return All / Limit on ShipEngine's paged lists through the real engine: the exact page and
 * page_size of every request, items in the API's order and paired with their input item, against
 * a server that silently caps page_size (the mock's pageSizeMax), one that refuses a large
 * page_size with a 400 (pageSizeRejectAbove, or nock with other messages), and Limit.
 */
import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { PAGE_SIZE_ASKED, resetPageSizeLimits } from '../../nodes/ShipEngine/shared/pagination';
import { ShipEngine } from '../../nodes/ShipEngine/ShipEngine.node';
import { runNode } from '../helpers/engine';
import { startShipEngineMock, type ShipEngineMockServer } from '../mock';
import { API, errorBody, headers, run } from './labelHelpers';

const KEY = 'TEST_pagination';
const RETURN_ALL = { resource: 'label', operation: 'getAll', returnAll: true };

async function list(mock: ShipEngineMockServer, parameters: INodeParameters) {
	mock.reset();
	const result = await runNode({
		node: new ShipEngine(),
		parameters,
		credentials: { shipEngineApi: { apiKey: KEY, baseUrl: mock.url } },
	});
	const sent = mock.requests
		.filter((r) => r.path === '/v1/labels')
		.map((r) => ({ page: Number(r.query.page), page_size: Number(r.query.page_size) }));
	return { ...result, sent };
}

/** Every label id of the mock in the API's order, read with pages the mock does not cap. */
async function allIds(mock: ShipEngineMockServer, total: number, pageSize: number): Promise<string[]> {
	const ids: string[] = [];
	for (let page = 1; ids.length < total; page++) {
		const res = await fetch(`${mock.url}/v1/labels?page=${page}&page_size=${pageSize}`, { headers: { 'API-Key': KEY } });
		const body = (await res.json()) as { labels: IDataObject[] };
		if (!body.labels.length) break;
		ids.push(...body.labels.map((label) => String(label.label_id)));
	}
	return ids;
}

const pages = (n: number, size: number, from = 1) => Array.from({ length: n }, (_, i) => ({ page: from + i, page_size: size }));

beforeEach(() => resetPageSizeLimits());

describe('Return All against a server that caps page_size silently', () => {
	let mock: ShipEngineMockServer;
	beforeAll(async () => {
		mock = await startShipEngineMock({ labels: 2500, pageSizeMax: 1000 });
	});
	afterAll(async () => await mock.close());

	it('asks for the large page size on every page and reads ceil(2500 / 1000) = 3 pages', async () => {
		const { items, error, sent } = await list(mock, RETURN_ALL);
		expect(error).toBeUndefined();
		expect(sent).toEqual(pages(3, PAGE_SIZE_ASKED));
		expect(items.map((item) => item.json.label_id)).toEqual(await allIds(mock, 2500, 1000));
		expect(items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
	});

	it('Limit 700: one request of page_size 700, the first 700 labels', async () => {
		const { items, error, sent } = await list(mock, { resource: 'label', operation: 'getAll', limit: 700 });
		expect(error).toBeUndefined();
		expect(sent).toEqual(pages(1, 700));
		expect(items.map((item) => item.json.label_id)).toEqual((await allIds(mock, 2500, 1000)).slice(0, 700));
	});
});

describe('Limit against a server that caps page_size at 500', () => {
	let mock: ShipEngineMockServer;
	beforeAll(async () => {
		mock = await startShipEngineMock({ labels: 2500, pageSizeMax: 500 });
	});
	afterAll(async () => await mock.close());

	it('Limit 700: two pages of page_size 700 (the server gives 500 + 500), the first 700 labels in order', async () => {
		const { items, error, sent } = await list(mock, { resource: 'label', operation: 'getAll', limit: 700 });
		expect(error).toBeUndefined();
		expect(sent).toEqual(pages(2, 700));
		const ids = items.map((item) => item.json.label_id);
		expect(ids).toEqual((await allIds(mock, 2500, 500)).slice(0, 700));
		expect(new Set(ids).size).toBe(700);
	});

	it('Limit 300: one request of page_size 300', async () => {
		const { items, sent } = await list(mock, { resource: 'label', operation: 'getAll', limit: 300 });
		expect(sent).toEqual(pages(1, 300));
		expect(items).toHaveLength(300);
	});

	it('Return All: ceil(2500 / 500) = 5 requests', async () => {
		const { items, sent } = await list(mock, RETURN_ALL);
		expect(sent).toEqual(pages(5, PAGE_SIZE_ASKED));
		expect(items.map((item) => item.json.label_id)).toEqual(await allIds(mock, 2500, 500));
	});
});

describe('a server that refuses a large page_size with a 400', () => {
	let mock: ShipEngineMockServer;
	beforeAll(async () => {
		mock = await startShipEngineMock({ labels: 1200, pageSizeRejectAbove: 500, pageSizeMax: 10_000 });
	});
	afterAll(async () => await mock.close());

	it('retries page 1 at the maximum the error names, walks the rest at that size, and remembers it for the host', async () => {
		const first = await list(mock, RETURN_ALL);
		expect(first.error).toBeUndefined();
		expect(first.sent).toEqual([{ page: 1, page_size: PAGE_SIZE_ASKED }, ...pages(3, 500)]);
		const expected = await allIds(mock, 1200, 500);
		expect(first.items.map((item) => item.json.label_id)).toEqual(expected);
		expect(first.items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);

		// The same host later in the process: no refused request.
		const second = await list(mock, RETURN_ALL);
		expect(second.sent).toEqual(pages(3, 500));
		expect(second.items.map((item) => item.json.label_id)).toEqual(expected);

		const limited = await list(mock, { resource: 'label', operation: 'getAll', limit: 800 });
		expect(limited.sent).toEqual(pages(2, 500));
		expect(limited.items.map((item) => item.json.label_id)).toEqual(expected.slice(0, 800));
	});

	it('a Limit above the maximum is refused once, then capped the same way', async () => {
		const { items, sent } = await list(mock, { resource: 'label', operation: 'getAll', limit: 1100 });
		expect(sent).toEqual([{ page: 1, page_size: 1100 }, ...pages(3, 500)]);
		expect(items).toHaveLength(1100);
	});
});

describe('page_size refusals with other messages (nock)', () => {
	const label = (n: number) => ({ label_id: `se-${n}` });
	const reply = (labels: IDataObject[], page: number, pagesTotal: number, total: number) => ({
		labels,
		total,
		page,
		pages: pagesTotal,
		links: { first: { href: `${API}/v1/labels?page=1` }, last: { href: `${API}/v1/labels?page=${pagesTotal}` }, prev: {}, next: {} },
	});
	const refusal = (message: string, field?: string) => {
		const body = errorBody('invalid_field_value', message);
		if (field) (body.errors[0] as IDataObject).field_name = field;
		return body;
	};

	it('no maximum in the message: retries with 500', async () => {
		nock(API, headers)
			.get('/v1/labels')
			.query({ page: 1, page_size: PAGE_SIZE_ASKED })
			.reply(400, refusal('The page size is too large.', 'page_size'))
			.get('/v1/labels')
			.query({ page: 1, page_size: 500 })
			.reply(200, reply([label(1), label(2)], 1, 2, 3))
			.get('/v1/labels')
			.query({ page: 2, page_size: 500 })
			.reply(200, reply([label(3)], 2, 2, 3));
		const { items, error } = await run(RETURN_ALL);
		expect(error).toBeUndefined();
		expect(items).toEqual([1, 2, 3].map((n) => ({ json: label(n), pairedItem: { item: 0 } })));
	});

	it('"less than 1001": retries with 1000', async () => {
		nock(API, headers)
			.get('/v1/labels')
			.query({ page: 1, page_size: PAGE_SIZE_ASKED })
			.reply(400, refusal('page_size must be less than 1001'))
			.get('/v1/labels')
			.query({ page: 1, page_size: 1000 })
			.reply(200, reply([label(1)], 1, 1, 1));
		const { items, error } = await run(RETURN_ALL);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.label_id)).toEqual(['se-1']);
	});

	it('a 400 about another field fails at once with the API\'s message (one request)', async () => {
		nock(API, headers)
			.get('/v1/labels')
			.query({ page: 1, page_size: PAGE_SIZE_ASKED, batch_id: 'se-404' })
			.reply(400, refusal('batch_id se-404 was not found in the last 500 batches', 'batch_id'));
		const { error } = await run({ ...RETURN_ALL, filters: { batchId: 'se-404' } });
		expect(error?.message).toBe('batch_id se-404 was not found in the last 500 batches');
		expect((error as { httpCode?: string }).httpCode).toBe('400');
	});

	it('a refusal that still comes back at 500 fails with the API\'s message instead of looping', async () => {
		nock(API, headers)
			.get('/v1/labels')
			.query({ page: 1, page_size: PAGE_SIZE_ASKED })
			.reply(400, refusal('Invalid page_size.', 'page_size'))
			.get('/v1/labels')
			.query({ page: 1, page_size: 500 })
			.reply(400, refusal('Invalid page_size.', 'page_size'));
		const { error } = await run(RETURN_ALL);
		expect(error?.message).toBe('Invalid page_size.');
	});
});
