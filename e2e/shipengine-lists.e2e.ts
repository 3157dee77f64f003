/**
 * Return All in real n8n: every page of a list the API caps at 100 per page, through
 * ShipEngine's rate limit (a 429 with Retry-After mid-listing is waited out, not an error).
 */
import { startShipEngineMock, type ShipEngineMockServer } from '../test/mock';
import { runExample, shipEnginePort } from './lib/harness';
import { nodeItems } from './lib/n8n';

describe('ShipEngine lists in real n8n', () => {
	let shipEngine: ShipEngineMockServer;

	beforeAll(async () => {
		shipEngine = await startShipEngineMock({
			port: shipEnginePort(),
			labels: 230,
			pageSizeMax: 100,
			rateLimit: { limit: 2, windowMs: 1500 },
		});
	});
	afterAll(async () => await shipEngine.close());

	it('returns all 230 labels over three pages, waiting out a 429', async () => {
		const run = await runExample('shipengine-list-all-labels.json');

		const items = nodeItems(run, 'All Labels');
		expect(items).toHaveLength(230);
		const ids = new Set(items.map((item) => item.json.label_id));
		expect(ids.size).toBe(230);
		expect(items.every((item) => item.json.carrier_id === 'se-100001')).toBe(true);

		const pages = shipEngine.requests.map((request) => ({
			method: request.method,
			path: request.path,
			query: request.query,
		}));
		const page = (n: number) => ({
			method: 'GET',
			path: '/v1/labels',
			query: { carrier_id: 'se-100001', page: String(n), page_size: '5000' },
		});
		// pages 1 and 2 pass, page 3 is refused with 429 + Retry-After, then retried and served.
		expect(pages).toEqual([page(1), page(2), page(3), page(3)]);
		const [first, , refused, retried] = shipEngine.requests;
		expect(retried.at - refused.at).toBeGreaterThanOrEqual(900);
		expect(first.headers['api-key']).toMatch(/^TEST_/);
	});
});
