import nock from 'nock';

import { API, apiPackages, fixture, apiShipFrom, apiShipTo, errorBody, headers, packagesParam, run, shipFromParam, shipToParam } from './labelHelpers';

const point = (id: string, type: string) => ({
	carrier_code: 'chronopost',
	service_codes: ['chronoclassic'],
	service_point_id: id,
	company_name: 'Relay Shop',
	address_line1: 'PLACE DU CANADA',
	city_locality: 'TRUN',
	state_province: 'TRUN',
	postal_code: '61160',
	country_code: 'FR',
	phone_number: '555-555-5555',
	lat: 48.842608,
	long: 0.032875,
	type,
});
const points = { lat: 48.842608, long: 0.032875, service_points: [point('614940', 'pudo'), point('614941', 'locker')] };
const list = { resource: 'servicePoint', operation: 'getAll', servicePointCarrierIds: ['se-100002'], returnAll: true };

describe('Service Point > Get Many', () => {
	it('near an address: providers and the address, one item per point (Return All)', async () => {
		nock(API, headers)
			.post('/v1/service_points/list', { providers: [{ carrier_id: 'se-100002' }], address: { address_line1: 'Place du Canada', city_locality: 'Trun', postal_code: '61160', country_code: 'FR' } })
			.reply(200, points);
		const { items, error } = await run({
			...list,
			servicePointAddress: { address: { addressLine1: 'Place du Canada', cityLocality: 'Trun', postalCode: '61160', countryCode: 'fr' } },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual(points.service_points.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('by free text with a Limit (sent as max_results), radius and service codes', async () => {
		nock(API, headers)
			.post('/v1/service_points/list', {
				providers: [{ carrier_id: 'se-100002', service_code: ['chronoclassic'] }],
				address_query: '177A Bleecker Street New York',
				radius: 10,
				max_results: 1,
			})
			.reply(200, { ...points, service_points: points.service_points.slice(0, 1) });
		const { items, error } = await run({
			...list,
			returnAll: false,
			limit: 1,
			servicePointSearchBy: 'text',
			servicePointQuery: '177A Bleecker Street New York',
			options: { servicePointRadius: 10, servicePointServiceCodes: 'chronoclassic' },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
	});

	it('by coordinates', async () => {
		nock(API, headers).post('/v1/service_points/list', { providers: [{ carrier_id: 'se-100002' }], lat: 48.8745, long: 2.3592 }).reply(200, points);
		const { error } = await run({ ...list, servicePointSearchBy: 'coordinates', servicePointLatitude: 48.8745, servicePointLongitude: 2.3592 });
		expect(error).toBeUndefined();
	});

	it.each([
		[{ servicePointAddress: { address: { cityLocality: 'Trun', countryCode: 'FRA' } } }, 'Search Address > Country Code: "FRA" is not a two-letter ISO country code (e.g. US, FR, GB) (item 0)'],
		[{ servicePointSearchBy: 'coordinates', servicePointLatitude: 91, servicePointLongitude: 2 }, 'Latitude: 91 is not between -90 and 90 (item 0)'],
		[{ servicePointAddress: { address: { countryCode: 'FR' } }, options: { servicePointRadius: 0.5 } }, 'Options > Search Radius (Km): must be a whole number of kilometres above 0 (item 0)'],
	])('sends nothing for bad input %p', async (override, message) => {
		const { error } = await run({ ...list, ...override });
		expect(error?.message).toBe(message);
	});

	it('is retried like a read after a 503 (a search buys nothing)', async () => {
		nock(API, headers)
			.post('/v1/service_points/list')
			.reply(503, errorBody('unspecified', 'Service unavailable', 'e1d2e3f4-0000-4000-8000-000000000071'))
			.post('/v1/service_points/list')
			.reply(200, points);
		const { items, error } = await run({ ...list, servicePointAddress: { address: { countryCode: 'FR' } } });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
	});
});

describe('Service Point > Get', () => {
	it('gets one point by carrier, upper-cased country and ID, and outputs the point', async () => {
		nock(API, headers).get('/v1/service_points/chronopost/FR/614940').reply(200, { service_point: point('614940', 'pudo') });
		const { items, error } = await run({
			resource: 'servicePoint',
			operation: 'get',
			servicePointCarrierCode: 'chronopost',
			servicePointCountryCode: 'fr',
			servicePointId: '614940',
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: point('614940', 'pudo'), pairedItem: { item: 0 } }]);
	});
});

describe('Service points in labels and rates', () => {
	it('Label > Create sends ship_to_service_point_id and ship_from_service_point_id when added', async () => {
		const label = fixture('label-inline.json');
		nock(API, headers)
			.get('/v1/labels/external_shipment_id/order-1')
			.query(true)
			.reply(404, errorBody('invalid_identifier', 'Label not found'))
			.post('/v1/labels', {
				shipment: {
					carrier_id: 'se-100002',
					service_code: 'ups_ground',
					external_shipment_id: 'order-1',
					ship_to: apiShipTo,
					ship_from: apiShipFrom,
					packages: apiPackages,
				},
				ship_to_service_point_id: '614941',
				ship_from_service_point_id: '614940',
			})
			.reply(200, label);
		const { items, error } = await run({
			resource: 'label',
			operation: 'create',
			carrierId: 'se-100002',
			serviceCode: 'ups_ground',
			shipTo: shipToParam,
			shipFrom: shipFromParam,
			packages: packagesParam,
			downloadLabel: false,
			additionalFields: { externalShipmentId: 'order-1', shipToServicePointId: ' 614941 ', shipFromServicePointId: '614940' },
		});
		expect(error).toBeUndefined();
		expect(items[0].json.label_id).toBe(label.label_id);
	});

	it('Rate > Calculate sends the service point IDs beside the shipment', async () => {
		nock(API, headers)
			.post('/v1/rates', {
				rate_options: { carrier_ids: ['se-100002'] },
				shipment: { ship_to: apiShipTo, ship_from: apiShipFrom, packages: apiPackages },
				ship_to_service_point_id: '614941',
			})
			.reply(200, fixture('rate-calculate.json'));
		const { error } = await run({
			resource: 'rate',
			operation: 'calculate',
			rateSource: 'shipmentDetails',
			carrierIds: ['se-100002'],
			shipTo: shipToParam,
			shipFrom: shipFromParam,
			packages: packagesParam,
			additionalFields: { shipToServicePointId: '614941' },
		});
		expect(error).toBeUndefined();
	});
});
