/**
 * Never another order's label (issue 14, part 1). The same imported workflow in two n8n
 * installations on one ShipEngine account numbers its executions from 1 in both and keeps its
 * node ids: its default external shipment IDs must still differ, so each installation buys its
 * own label. A label found by a purchase key is returned only when it is this item's shipment;
 * otherwise the item stops with an error naming the field, the label and its external shipment
 * ID, and nothing is bought (an order number used again for another shipment, say).
 */
import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ShipEngine } from '../../nodes/ShipEngine/ShipEngine.node';
import { runNode } from '../helpers/engine';
import { startShipEngineMock } from '../mock';
import { API, apiShipTo, fixture, headers, packagesParam, run, shipFromParam, shipToParam } from './labelHelpers';

const labelInline = fixture('label-inline.json');

const createParams = (shipTo: INodeParameters = shipToParam, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'label',
	operation: 'create',
	carrierId: 'se-100002',
	serviceCode: 'ups_ground',
	shipTo,
	shipFrom: shipFromParam,
	packages: packagesParam,
	...extra,
});

const amanda = { address: { ...shipToParam.address, name: 'Amanda Miller', addressLine1: '525 S Winchester Blvd', postalCode: '95128' } };
const bob = {
	address: { name: 'Bob Stone', addressLine1: '350 5th Ave', cityLocality: 'New York', stateProvince: 'NY', postalCode: '10118', countryCode: 'US' },
};

describe('Default external shipment ID across n8n installations', () => {
	it('two installations running the same workflow (execution 1, same node id) on one account each buy their own label', async () => {
		const mock = await startShipEngineMock();
		try {
			const credentials = { shipEngineApi: { apiKey: 'TEST_two_instances', baseUrl: mock.url } };
			const runOn = (instanceId: string, shipTo: INodeParameters) =>
				runNode({ node: new ShipEngine(), parameters: createParams(shipTo), credentials, executionId: '1', instanceId, workflowId: 'wf-imported' });
			const a = await runOn('instance-a', amanda);
			const b = await runOn('instance-b', bob);
			expect(a.error).toBeUndefined();
			expect(b.error).toBeUndefined();
			expect(mock.purchases).toBe(2);
			expect((a.items[0].json.ship_to as IDataObject).name).toBe('Amanda Miller');
			expect((b.items[0].json.ship_to as IDataObject).name).toBe('Bob Stone');
			expect(b.items[0].json.reused_existing_label).toBe(false);
			const keys = [a, b].map((r) => String(r.items[0].json.external_shipment_id));
			expect(keys[0]).not.toBe(keys[1]);
			for (const key of keys) expect(key).toMatch(/^n8n-[0-9a-f]{46}$/);
		} finally {
			await mock.close();
		}
	});
});

describe('A label found by its external shipment ID that is another shipment', () => {
	const found = (overrides: IDataObject = {}) => ({
		...labelInline,
		external_shipment_id: 'order-77',
		carrier_id: 'se-100002',
		service_code: 'ups_ground',
		ship_to: { ...apiShipTo },
		packages: [{ package_id: 1, weight: { value: 2.5, unit: 'pound' } }],
		...overrides,
	});
	const params = createParams(shipToParam, { additionalFields: { externalShipmentId: 'order-77' } });

	it.each([
		['ship_to.name', { ship_to: { ...apiShipTo, name: 'Amanda Miller' } }, 'Amanda Miller'],
		['ship_to.postal_code', { ship_to: { ...apiShipTo, postal_code: '10118' } }, '10118'],
		['ship_to.address_line1', { ship_to: { ...apiShipTo, address_line1: '350 5th Ave' } }, '350 5th Ave'],
		['service_code', { service_code: 'ups_next_day_air' }, 'ups_next_day_air'],
		['packages', { packages: [{ weight: { value: 2.5, unit: 'pound' } }, { weight: { value: 1, unit: 'pound' } }] }, '2 package(s)'],
		['packages[0].weight', { packages: [{ weight: { value: 9, unit: 'pound' } }] }, '9 pound'],
	])('%s differs: the item stops with an error naming it, the label and its external ID, and nothing is bought', async (field, overrides, shown) => {
		nock(API, headers).get('/v1/labels/external_shipment_id/order-77').query(true).reply(200, found(overrides));
		const { items, error } = await run(params, { settings: { continueOnFail: true } });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const message = String(items[0].json.error);
		expect(message).toContain(field);
		expect(message).toContain(shown);
		expect(message).toContain(String(labelInline.label_id));
		expect(message).toContain('order-77');
		expect(items[0].json.label_id).toBeUndefined();
	});

	it('the same shipment written differently (case, spacing, ZIP+4, ounces) is this item\'s label and is returned, nothing bought', async () => {
		nock(API, headers)
			.get('/v1/labels/external_shipment_id/order-77')
			.query(true)
			.reply(
				200,
				found({
					ship_to: { ...apiShipTo, name: 'JANE  DOE', address_line1: '525 s. winchester blvd', postal_code: '95128-2091' },
					packages: [{ weight: { value: 40, unit: 'ounce' } }],
				}),
			);
		const { items, error } = await run(params);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ label_id: labelInline.label_id, reused_existing_label: true });
	});

	it('a mismatch is a NodeApiError that fails the node without Continue On Fail', async () => {
		nock(API, headers).get('/v1/labels/external_shipment_id/order-77').query(true).reply(200, found({ ship_to: { ...apiShipTo, name: 'Amanda Miller' } }));
		const { error } = await run(params);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toContain('ship_to.name');
		expect(String(error?.description)).toContain('Nothing was bought');
	});
});
