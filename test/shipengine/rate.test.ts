import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { API, apiPackages, apiShipFrom, apiShipTo, errorBody, fixture, headers, packagesParam, run, shipFromParam, shipToParam } from './labelHelpers';

const calculated = fixture('rate-calculate.json');
const estimates = fixture<IDataObject[]>('rate-estimate.json');
const rates = (calculated.rate_response as IDataObject).rates as IDataObject[];
const rateById = fixture('rate-get.json');

const calcParams = {
	resource: 'rate',
	operation: 'calculate',
	carrierIds: ['se-456789', 'se-111'],
	shipTo: shipToParam,
	shipFrom: shipFromParam,
	packages: packagesParam,
};
const calcBody = {
	rate_options: { carrier_ids: ['se-456789', 'se-111'] },
	shipment: { ship_to: apiShipTo, ship_from: apiShipFrom, packages: apiPackages },
};
const context = { shipment_id: 'se-1040151', rate_request_id: 'se-85117731' };

describe('Rate > Calculate', () => {
	it('sends the shipment and returns the full response by default', async () => {
		nock(API, headers).post('/v1/rates', calcBody).reply(200, calculated);
		const { items, error } = await run(calcParams);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: calculated, pairedItem: { item: 0 } }]);
	});

	it('outputs one item per rate with the shipment and rate request IDs', async () => {
		nock(API, headers).post('/v1/rates', calcBody).reply(200, calculated);
		const { items } = await run({ ...calcParams, output: 'eachRate' });
		expect(items.map((i) => i.json)).toEqual(rates.map((r) => ({ ...context, ...r })));
		expect(items.map((i) => i.pairedItem)).toEqual(rates.map(() => ({ item: 0 })));
	});

	it.each([
		['cheapest', 'se-rate-2'],
		['fastest', 'se-rate-3'],
		['bestValue', 'se-rate-1'],
	])('picks the %s rate (skipping invalid rates)', async (output, rateId) => {
		nock(API, headers).post('/v1/rates', calcBody).reply(200, calculated);
		const { items } = await run({ ...calcParams, output });
		expect(items).toHaveLength(1);
		expect(items[0].json.rate_id).toBe(rateId);
		expect(items[0].json.shipment_id).toBe('se-1040151');
	});

	it('rates an existing shipment ID with rate options from Additional Fields', async () => {
		nock(API, headers)
			.post('/v1/rates', {
				shipment_id: 'se-1040151',
				rate_options: {
					carrier_ids: ['se-456789', 'se-111'],
					service_codes: ['usps_priority_mail', 'ups_ground'],
					calculate_tax_amount: true,
				},
			})
			.reply(200, calculated);
		const { items, error } = await run({
			resource: 'rate',
			operation: 'calculate',
			rateSource: 'shipmentId',
			shipmentId: 'se-1040151',
			carrierIds: ['se-456789', 'se-111'],
			additionalFields: { serviceCodes: 'usps_priority_mail, ups_ground', calculateTaxAmount: true },
			output: 'cheapest',
		});
		expect(error).toBeUndefined();
		expect(items[0].json.rate_id).toBe('se-rate-2');
	});

	it('fails clearly when no usable rate comes back', async () => {
		nock(API, headers)
			.post('/v1/rates', calcBody)
			.reply(200, {
				...calculated,
				rate_response: {
					...(calculated.rate_response as IDataObject),
					status: 'error',
					rates: [],
					invalid_rates: [],
					errors: [{ error_source: 'carrier', error_type: 'validation', error_code: 'carrier_not_connected', message: 'Carrier se-111 not found' }],
				},
			});
		const { error } = await run({ ...calcParams, output: 'cheapest' });
		expect(error?.message).toBe('No usable rate was returned for this shipment');
		expect(error?.description).toContain('Carrier se-111 not found');
	});

	it('retries a compute POST after a 503 and honours 429 Retry-After', async () => {
		nock(API, headers)
			.post('/v1/rates', calcBody)
			.reply(429, errorBody('rate_limit_exceeded', 'Too many requests'), { 'Retry-After': '0' })
			.post('/v1/rates', calcBody)
			.reply(503, errorBody('unspecified', 'Unavailable'), { 'Retry-After': '0' })
			.post('/v1/rates', calcBody)
			.reply(200, calculated);
		const { items, error } = await run(calcParams);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
	});

	it('rejects a weightless package before any request', async () => {
		const { error } = await run({ ...calcParams, packages: { package: [{ weight: '={{ 0 }}', weightUnit: 'pound' }] } });
		expect(error?.message).toContain('Packages > Package 1 > Weight: must be above zero');
	});
});

describe('Rate > Estimate', () => {
	const estimateParams = {
		resource: 'rate',
		operation: 'estimate',
		carrierIds: ['se-456789'],
		fromCountryCode: 'us',
		fromPostalCode: '78756',
		fromCityLocality: 'Austin',
		fromStateProvince: 'TX',
		toCountryCode: 'US',
		toPostalCode: '95128',
		toCityLocality: 'San Jose',
		toStateProvince: 'CA',
		weight: 1.5,
		weightUnit: 'pound',
	};
	const estimateBody = {
		carrier_ids: ['se-456789'],
		from_country_code: 'US',
		from_postal_code: '78756',
		from_city_locality: 'Austin',
		from_state_province: 'TX',
		to_country_code: 'US',
		to_postal_code: '95128',
		to_city_locality: 'San Jose',
		to_state_province: 'CA',
		weight: { value: 1.5, unit: 'pound' },
		dimensions: { length: 10, width: 5, height: 2, unit: 'inch' },
		ship_date: '2026-04-10T00:00:00.000Z',
	};

	it('returns one item per estimate', async () => {
		nock(API, headers).post('/v1/rates/estimate', estimateBody).reply(200, estimates);
		const { items, error } = await run({
			...estimateParams,
			additionalFields: { length: 10, width: 5, height: 2, shipDate: '2026-04-10T00:00:00.000Z' },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual(estimates.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('defaults the ship date to now and can keep only the cheapest estimate', async () => {
		let sent: IDataObject = {};
		nock(API, headers)
			.post('/v1/rates/estimate', (b: IDataObject) => {
				sent = b;
				return true;
			})
			.reply(200, estimates);
		const { items } = await run({ ...estimateParams, output: 'cheapest' });
		expect(Date.now() - Date.parse(String(sent.ship_date))).toBeLessThan(60_000);
		expect(sent.dimensions).toBeUndefined();
		expect(items.map((i) => i.json.service_code)).toEqual(['usps_ground_advantage']);
	});

	it('rejects a bad country code before any request', async () => {
		const { error } = await run({ ...estimateParams, toCountryCode: 'USA' });
		expect(error?.message).toBe('To Country Code: "USA" is not a two-letter ISO country code (e.g. US, CA, GB) (item 0)');
	});
});

describe('Rate > Get', () => {
	it('gets a rate by ID', async () => {
		nock(API, headers).get('/v1/rates/se-rate-1').reply(200, rateById);
		const { items } = await run({ resource: 'rate', operation: 'get', rateId: 'se-rate-1' });
		expect(items).toEqual([{ json: rateById, pairedItem: { item: 0 } }]);
	});

	it('maps a 404 with the API message and request id', async () => {
		nock(API, headers).get('/v1/rates/se-nope').reply(404, errorBody('invalid_identifier', 'Rate not found', '6c2a1f3e-8b7d-4e21-9f0a-000000000404'));
		const { error } = await run({ resource: 'rate', operation: 'get', rateId: 'se-nope' });
		expect(error?.message).toBe('Rate not found');
		expect(error?.description).toContain('request id: 6c2a1f3e-8b7d-4e21-9f0a-000000000404');
	});
});
