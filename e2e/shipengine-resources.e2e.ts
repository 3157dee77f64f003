/**
 * The account-level resources of the ShipEngine node in real n8n, against the local mock: each
 * example workflow walks one resource through its operations, and the test checks the output and
 * exactly what the mock received.
 */
import { startShipEngineMock, type ShipEngineMockServer } from '../test/mock';
import { runExample, shipEnginePort } from './lib/harness';
import { nodeItems } from './lib/n8n';

describe('ShipEngine account resources in real n8n', () => {
	let shipEngine: ShipEngineMockServer;

	beforeAll(async () => {
		shipEngine = await startShipEngineMock({ port: shipEnginePort() });
	});
	beforeEach(() => shipEngine.reset());
	afterAll(async () => await shipEngine.close());

	const sent = () => shipEngine.requests.map((request) => `${request.method} ${request.path}`);

	it('Warehouse: create, update, get, delete, list', async () => {
		const run = await runExample('shipengine-warehouses.json');

		const [created] = nodeItems(run, 'Create Warehouse');
		const id = String(created.json.warehouse_id);
		expect(created.json).toMatchObject({ name: 'Dallas DC', origin_address: { city_locality: 'Dallas' } });
		expect(nodeItems(run, 'Rename Warehouse')[0].json).toEqual({ success: true, warehouse_id: id, updated: true });
		expect(nodeItems(run, 'Get Warehouse')[0].json).toMatchObject({ name: 'Dallas DC 2', return_address: { name: 'Dallas Returns' } });
		expect(nodeItems(run, 'Delete Warehouse')[0].json).toEqual({ success: true, warehouse_id: id, deleted: true });
		expect(nodeItems(run, 'All Warehouses').map((item) => item.json.name)).toEqual(['Main HQ']);
		expect(sent()).toEqual([
			'POST /v1/warehouses',
			`PUT /v1/warehouses/${id}`,
			`GET /v1/warehouses/${id}`,
			`DELETE /v1/warehouses/${id}`,
			'GET /v1/warehouses',
		]);
	});

	it('Webhook: create, list, update, get, delete', async () => {
		const run = await runExample('shipengine-webhooks.json');

		const [created] = nodeItems(run, 'Create Webhook');
		const id = String(created.json.webhook_id);
		expect(created.json).toMatchObject({ event: 'batch', url: 'https://example.com/webhook/batches', name: 'Batches' });
		expect(nodeItems(run, 'Batch Webhooks').map((item) => item.json.webhook_id)).toEqual([id]);
		expect(nodeItems(run, 'Repoint Webhook')[0].json).toEqual({ success: true, webhook_id: id, updated: true });
		expect(nodeItems(run, 'Get Webhook')[0].json).toMatchObject({ webhook_id: id, url: 'https://example.com/webhook/batches-v2' });
		expect(nodeItems(run, 'Delete Webhook')[0].json).toEqual({ success: true, webhook_id: id, deleted: true });
		expect(sent()).toEqual([
			'POST /v1/environment/webhooks',
			'GET /v1/environment/webhooks',
			`PUT /v1/environment/webhooks/${id}`,
			`GET /v1/environment/webhooks/${id}`,
			`DELETE /v1/environment/webhooks/${id}`,
		]);
	});
});
