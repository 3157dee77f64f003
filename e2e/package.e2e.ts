/**
 * The package as a user's n8n sees it: installed like a community package, every listed node
 * and credential file present, loaded without errors, and a first ShipEngine call made with
 * the imported credential (API-Key header, base-URL override) through the real engine.
 */
import { startShipEngineMock, type ShipEngineMockServer } from '../test/mock';
import { SHIPENGINE_TEST_KEY } from './lib/credentials';
import { loadFailures, missingPackageFiles, runExample, shipEnginePort } from './lib/harness';
import { nodeItems } from './lib/n8n';

describe('package in real n8n', () => {
	let shipEngine: ShipEngineMockServer;

	beforeAll(async () => {
		shipEngine = await startShipEngineMock({ port: shipEnginePort() });
	});
	afterAll(async () => await shipEngine.close());

	it('contains every node and credential file its package.json lists', () => {
		expect(missingPackageFiles()).toEqual([]);
	});

	it('loads in n8n without a package load failure', () => {
		expect(loadFailures()).toEqual([]);
	});

	it('lists carriers through the imported credential (Carrier > Get Many)', async () => {
		const run = await runExample('shipengine-list-carriers.json');

		const items = nodeItems(run, 'List Carriers');
		expect(items.length).toBeGreaterThan(1);
		expect(items[0].json).toMatchObject({ carrier_id: expect.stringMatching(/^se-/), carrier_code: expect.any(String) });
		expect(items.every((item) => typeof item.json.carrier_id === 'string')).toBe(true);

		expect(shipEngine.requests).toHaveLength(1);
		const [request] = shipEngine.requests;
		expect(request).toMatchObject({ method: 'GET', path: '/v1/carriers', query: {} });
		expect(request.headers['api-key']).toBe(SHIPENGINE_TEST_KEY);
		expect(request.headers.accept).toBe('application/json');
	});
});
