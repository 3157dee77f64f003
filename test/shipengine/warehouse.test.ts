import nock from 'nock';

import { API, apiShipFrom, errorBody, fixture, headers, run, shipFromParam } from './labelHelpers';

/** A 204 as ShipEngine sends it: no body (the spec's empty JSON schema describes nothing to parse). */
const NO_CONTENT = ['', { 'Content-Type': 'text/plain' }] as const;

const warehouse = fixture('warehouse.json');
const warehouses = { warehouses: [warehouse, { ...warehouse, warehouse_id: 'se-456790', is_default: false, name: 'Annex' }] };

const returnParam = {
	address: { name: 'Returns Desk', addressLine1: '4009 Marathon Blvd', addressLine2: 'Dock 2', cityLocality: 'Austin', stateProvince: 'TX', postalCode: '78756', countryCode: 'US' },
};
const apiReturn = {
	name: 'Returns Desk',
	address_line1: '4009 Marathon Blvd',
	address_line2: 'Dock 2',
	city_locality: 'Austin',
	state_province: 'TX',
	postal_code: '78756',
	country_code: 'US',
};
const create = { resource: 'warehouse', operation: 'create', warehouseName: ' Austin HQ ', originAddress: shipFromParam };

describe('Warehouse > Create', () => {
	it('sends name and origin address only, and outputs the new warehouse', async () => {
		nock(API, headers).post('/v1/warehouses', { name: 'Austin HQ', origin_address: apiShipFrom }).reply(200, warehouse);
		const { items, error } = await run(create);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: warehouse, pairedItem: { item: 0 } }]);
	});

	it('sends the return address and the default flag when added', async () => {
		nock(API, headers)
			.post('/v1/warehouses', { name: 'Austin HQ', origin_address: apiShipFrom, return_address: apiReturn, is_default: false })
			.reply(200, warehouse);
		const { error } = await run({ ...create, additionalFields: { returnAddress: returnParam, isDefaultWarehouse: false } });
		expect(error).toBeUndefined();
	});

	it.each([
		[{ warehouseName: '  ' }, 'Warehouse Display Name: is required (item 0)'],
		[{ originAddress: { address: { ...shipFromParam.address, phone: '' } } }, 'Origin Address > Phone: is required (item 0)'],
		[{ originAddress: {} }, 'Origin Address: an address is required (item 0)'],
		[{ originAddress: { address: { ...shipFromParam.address, countryCode: 'USA' } } }, 'Origin Address > Country Code: "USA" is not a two-letter ISO country code (e.g. US, CA, GB) (item 0)'],
		[
			{ additionalFields: { returnAddress: { address: { ...returnParam.address, cityLocality: '' } } } },
			'Additional Fields > Return Address > City: is required (item 0)',
		],
	])('sends nothing for bad input %p', async (override, message) => {
		const { items, error } = await run({ ...create, ...override });
		expect(items).toEqual([]);
		expect(error?.message).toBe(message);
	});
});

describe('Warehouse > Get / Get Many', () => {
	it('gets one warehouse', async () => {
		nock(API, headers).get('/v1/warehouses/se-456789').reply(200, warehouse);
		const { items, error } = await run({ resource: 'warehouse', operation: 'get', warehouseId: 'se-456789' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: warehouse, pairedItem: { item: 0 } }]);
	});

	it('Return All: one item per warehouse', async () => {
		nock(API, headers).get('/v1/warehouses').reply(200, warehouses);
		const { items, error } = await run({ resource: 'warehouse', operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.warehouse_id)).toEqual(['se-456789', 'se-456790']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('Limit keeps the first warehouses', async () => {
		nock(API, headers).get('/v1/warehouses').reply(200, warehouses);
		const { items } = await run({ resource: 'warehouse', operation: 'getAll', returnAll: false, limit: 1 });
		expect(items.map((item) => item.json.warehouse_id)).toEqual(['se-456789']);
	});

	it('a 404 is the API\'s own message', async () => {
		nock(API, headers)
			.get('/v1/warehouses/se-1')
			.reply(404, errorBody('invalid_identifier', 'Warehouse se-1 was not found.', 'e1d2e3f4-0000-4000-8000-000000000021'));
		const { error } = await run({ resource: 'warehouse', operation: 'get', warehouseId: 'se-1' });
		expect(error?.message).toBe('Warehouse se-1 was not found.');
	});
});

describe('Warehouse > Update / Update Settings / Delete', () => {
	it('replaces name and addresses (PUT, 204) and says so', async () => {
		nock(API, headers)
			.put('/v1/warehouses/se-456789', { name: 'Austin HQ', origin_address: apiShipFrom, return_address: apiReturn })
			.reply(204, ...NO_CONTENT);
		const { items, error } = await run({ ...create, operation: 'update', warehouseId: 'se-456789', additionalFields: { returnAddress: returnParam } });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { success: true, warehouse_id: 'se-456789', updated: true }, pairedItem: { item: 0 } }]);
	});

	it('makes a warehouse the default', async () => {
		nock(API, headers).put('/v1/warehouses/se-456790/settings', { is_default: true }).reply(204, ...NO_CONTENT);
		const { items, error } = await run({ resource: 'warehouse', operation: 'updateSettings', warehouseId: 'se-456790', isDefaultWarehouse: true });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { success: true, warehouse_id: 'se-456790', settingsUpdated: true }, pairedItem: { item: 0 } }]);
	});

	it('deletes a warehouse', async () => {
		nock(API, headers).delete('/v1/warehouses/se-456790').reply(204, ...NO_CONTENT);
		const { items, error } = await run({ resource: 'warehouse', operation: 'delete', warehouseId: 'se-456790' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { success: true, warehouse_id: 'se-456790', deleted: true }, pairedItem: { item: 0 } }]);
	});

	it('the default warehouse cannot be deleted: the API says why, with Continue On Fail per item', async () => {
		nock(API, headers)
			.delete('/v1/warehouses/se-456789')
			.reply(400, errorBody('default_warehouse_cannot_be_deleted', 'The default warehouse cannot be deleted.', 'e1d2e3f4-0000-4000-8000-000000000022'))
			.delete('/v1/warehouses/se-456790')
			.reply(204, ...NO_CONTENT);
		const { items, error } = await run(
			{ resource: 'warehouse', operation: 'delete', warehouseId: '={{ $json.id }}' },
			{ input: [{ json: { id: 'se-456789' } }, { json: { id: 'se-456790' } }], settings: { continueOnFail: true } },
		);
		expect(error).toBeUndefined();
		expect(items[0]).toMatchObject({ json: { error: 'The default warehouse cannot be deleted.' }, pairedItem: { item: 0 } });
		expect(items[1]).toMatchObject({ json: { deleted: true, warehouse_id: 'se-456790' }, pairedItem: { item: 1 } });
	});

	it('a warehouse ID is required before anything is sent', async () => {
		const { error } = await run({ resource: 'warehouse', operation: 'delete', warehouseId: ' ' });
		expect(error?.message).toBe('Warehouse Name or ID: is required (item 0)');
	});
});
