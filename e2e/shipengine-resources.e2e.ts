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
		// The mock's seeded warehouses remain (the UI test's mock added a second one); the deleted one is gone.
		const names = nodeItems(run, 'All Warehouses').map((item) => item.json.name);
		expect(names).toContain('Main HQ');
		expect(names).not.toContain('Dallas DC 2');
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

	it('Tag: create, rename, list, delete', async () => {
		const run = await runExample('shipengine-tags.json');

		expect(nodeItems(run, 'Create Tag')[0].json).toMatchObject({ name: 'Fragile' });
		expect(nodeItems(run, 'Rename Tag')[0].json).toEqual({ success: true, name: 'Handle With Care', previous_name: 'Fragile', renamed: true });
		expect(nodeItems(run, 'All Tags').map((item) => item.json.name)).toEqual(['Handle With Care']);
		expect(nodeItems(run, 'Delete Tag')[0].json).toEqual({ success: true, name: 'Handle With Care', deleted: true });
		expect(sent()).toEqual(['POST /v1/tags', 'PUT /v1/tags/Fragile/Handle%20With%20Care', 'GET /v1/tags', 'DELETE /v1/tags/Handle%20With%20Care']);
		expect(shipEngine.requests[0].body).toEqual({ name: 'Fragile', color: '#FF0000' });
	});

	it('Package Type: create, get, update, list, delete', async () => {
		const run = await runExample('shipengine-package-types.json');

		const [created] = nodeItems(run, 'Create Package Type');
		const id = String(created.json.package_id);
		expect(created.json).toMatchObject({ package_code: 'laptop_box', dimensions: { length: 16, width: 12, height: 4, unit: 'inch' } });
		expect(nodeItems(run, 'Resize Package Type')[0].json).toEqual({ success: true, package_id: id, updated: true });
		expect(nodeItems(run, 'All Package Types').map((item) => item.json)).toEqual([
			{ package_id: id, package_code: 'laptop_box', name: 'Laptop box XL', dimensions: { unit: 'inch', length: 18, width: 13, height: 4 } },
		]);
		expect(nodeItems(run, 'Delete Package Type')[0].json).toEqual({ success: true, package_id: id, deleted: true });
		expect(sent()).toEqual(['POST /v1/packages', `GET /v1/packages/${id}`, `PUT /v1/packages/${id}`, 'GET /v1/packages', `DELETE /v1/packages/${id}`]);
	});

	it('Carrier Account: connect, update and read settings, disconnect; Carrier › Disconnect', async () => {
		const run = await runExample('shipengine-carrier-accounts.json');

		const id = String(nodeItems(run, 'Connect UPS')[0].json.carrier_id);
		expect(nodeItems(run, 'Make Primary')[0].json).toEqual({ success: true, carrier_id: id, carrier_name: 'ups', settingsUpdated: true });
		expect(nodeItems(run, 'UPS Settings')[0].json).toEqual({ nickname: 'UPS main', is_primary_account: true });
		expect(nodeItems(run, 'Disconnect UPS')[0].json).toEqual({ success: true, carrier_id: id, carrier_name: 'ups', disconnected: true });
		expect(nodeItems(run, 'Disconnect FedEx')[0].json).toEqual({ success: true, carrier_id: 'se-100003', disconnected: true });
		expect(sent()).toEqual([
			'POST /v1/connections/carriers/ups',
			`PUT /v1/connections/carriers/ups/${id}/settings`,
			`GET /v1/connections/carriers/ups/${id}/settings`,
			`DELETE /v1/connections/carriers/ups/${id}`,
			'DELETE /v1/carriers/se-100003',
		]);
		expect(shipEngine.requests[0].body).toEqual({ nickname: 'UPS main', account_number: 'A1B2C3', account_postal_code: '78756', account_country_code: 'US' });
	});

	it('Service Point: list near an address, get each one', async () => {
		const run = await runExample('shipengine-service-points.json');

		const points = nodeItems(run, 'Nearby Service Points');
		expect(points.map((item) => item.json.type)).toEqual(['pudo', 'locker']);
		expect(nodeItems(run, 'Get Service Point').map((item) => item.json.service_point_id)).toEqual(['614940', '614941']);
		// One GET per item; n8n 1.123.81 may send the two items' requests in either order (outputs stay paired).
		expect(sent()[0]).toBe('POST /v1/service_points/list');
		expect(sent().slice(1).sort()).toEqual(['GET /v1/service_points/ups/FR/614940', 'GET /v1/service_points/ups/FR/614941']);
		expect(shipEngine.requests[0].body).toEqual({
			providers: [{ carrier_id: 'se-100002' }],
			address: { address_line1: 'Place du Canada', city_locality: 'Trun', postal_code: '61160', country_code: 'FR' },
			radius: 5,
		});
	});

	it('Account, File, Label Image: settings, a downloaded PNG uploaded as label logo, renamed, listed, deleted', async () => {
		const run = await runExample('shipengine-account-and-files.json');

		expect(nodeItems(run, 'Account Settings')[0].json).toEqual({ default_label_layout: '4x6' });
		const [file] = nodeItems(run, 'Download Logo');
		expect(file.json).toMatchObject({ file_name: 'logo.png', mime_type: 'image/png' });
		expect(file.binary?.data).toMatchObject({ mimeType: 'image/png', fileName: 'logo.png' });
		const [image] = nodeItems(run, 'Upload Label Image');
		const id = String(image.json.label_image_id);
		expect(image.json).toMatchObject({ name: 'Shop logo', is_default: true, image_content_type: 'image/png' });
		expect(nodeItems(run, 'All Label Images').map((item) => item.json.name)).toEqual(['Shop logo 2026']);
		expect(nodeItems(run, 'Delete Label Image')[0].json).toEqual({ success: true, label_image_id: id, deleted: true });
		expect(sent()).toEqual([
			'GET /v1/account/settings',
			'GET /v1/downloads/1/brand/logo.png',
			'POST /v1/account/settings/images',
			`PUT /v1/account/settings/images/${id}`,
			'GET /v1/account/settings/images',
			`DELETE /v1/account/settings/images/${id}`,
		]);
		const upload = shipEngine.requests[2].body as { image_data: string };
		expect(Buffer.from(upload.image_data, 'base64').subarray(1, 4).toString()).toBe('PNG');
	});
});
