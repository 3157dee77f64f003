/**
 * One request per first-attempt purchase (issue 14, part 2). Under ShipEngine's 200 requests per
 * minute a lookup before every purchase halves the labels per minute. The lookup is made only
 * where an earlier attempt could have bought: a retry in this process (the key is in the
 * process's record), a user-given External Shipment ID, a rate or shipment this process already
 * tried to buy. Counted on the stateful mock account (test/mock).
 */
import type { INodeParameters } from 'n8n-workflow';

import { ShipEngine } from '../../nodes/ShipEngine/ShipEngine.node';
import { runNode, type NodeSettings } from '../helpers/engine';
import { startShipEngineMock, type ShipEngineMockServer } from '../mock';
import { packagesParam, shipFromParam, shipToParam } from './labelHelpers';

const createParams = (additionalFields: INodeParameters = {}): INodeParameters => ({
	resource: 'label',
	operation: 'create',
	carrierId: 'se-100002',
	serviceCode: 'ups_ground',
	shipTo: shipToParam,
	shipFrom: shipFromParam,
	packages: packagesParam,
	additionalFields,
});

const orders = (n: number) => Array.from({ length: n }, (_, i) => ({ json: { order: `ORD-${i}` } }));

let mock: ShipEngineMockServer;
beforeEach(async () => (mock = await startShipEngineMock()));
afterEach(async () => await mock.close());

function run(parameters: INodeParameters, input = orders(1), settings: NodeSettings = {}, executionId = 'exec-1') {
	return runNode({
		node: new ShipEngine(),
		parameters,
		credentials: { shipEngineApi: { apiKey: 'TEST_lookups', baseUrl: mock.url } },
		input,
		settings,
		executionId,
	});
}

const requests = () => mock.requests.map((r) => `${r.method} ${r.path.replace(/\/external_shipment_id\/.*/, '/external_shipment_id/…')}`);

describe('Lookups before a purchase', () => {
	it('a first attempt with the default key sends only the purchase: 5 labels, 5 requests', async () => {
		const { items, error } = await run(createParams(), orders(5));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.reused_existing_label)).toEqual([false, false, false, false, false]);
		expect(mock.purchases).toBe(5);
		expect(requests()).toEqual(Array(5).fill('POST /v1/labels'));
	});

	it("n8n's Retry On Fail looks up first (the key is in this process's record), then buys once", async () => {
		mock.script('POST', /^\/v1\/labels$/, { status: 502, body: '<html>Bad gateway</html>' });
		const { items, error } = await run(createParams(), orders(1), { retryOnFail: true, maxTries: 2, waitBetweenTries: 1 });
		expect(error).toBeUndefined();
		expect(items[0].json.reused_existing_label).toBe(false);
		expect(mock.purchases).toBe(1);
		expect(requests()).toEqual(['POST /v1/labels', 'GET /v1/labels/external_shipment_id/…', 'POST /v1/labels']);
	});

	it('a user-given External Shipment ID is looked up first (an earlier execution may have used it)', async () => {
		const params = createParams({ externalShipmentId: '={{ $json.order }}' });
		const first = await run(params, orders(1), {}, 'exec-a');
		const again = await run(params, orders(1), {}, 'exec-b');
		expect([first.error, again.error]).toEqual([undefined, undefined]);
		expect(again.items[0].json).toMatchObject({ external_shipment_id: 'ORD-0', reused_existing_label: true });
		expect(mock.purchases).toBe(1);
		expect(requests()).toEqual(['GET /v1/labels/external_shipment_id/…', 'POST /v1/labels', 'GET /v1/labels/external_shipment_id/…']);
	});
});
