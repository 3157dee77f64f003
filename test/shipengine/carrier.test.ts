import nock from 'nock';
import type { INodeProperties } from 'n8n-workflow';

import { ShipEngine } from '../../nodes/ShipEngine/ShipEngine.node';
import { CUSTOM_PACKAGE } from '../../nodes/ShipEngine/shared/loadOptions';
import { LOOKUPS } from '../../nodes/ShipEngine/shared/lookups';

type ILoadOptionsTypeOptions = { loadOptionsMethod?: string; loadOptionsDependsOn?: string[] };
import { loadDropdown } from '../helpers/loadOptions';
import { API, API_KEY, errorBody, fixture, headers, run } from './labelHelpers';

const carriers = fixture<{ carriers: Array<Record<string, unknown>> }>('carriers.json');
const services = fixture<{ services: unknown[] }>('carrier-services.json');
const packages = fixture<{ packages: unknown[] }>('carrier-packages.json');
const options = fixture<{ options: unknown[] }>('carrier-options.json');
const warehouses = fixture('carrier-warehouses.json');

describe('Carrier operations', () => {
	it('Get Many: one item per carrier, paired', async () => {
		nock(API, headers).get('/v1/carriers').reply(200, carriers);
		const { items, error } = await run({ resource: 'carrier', operation: 'getAll' });
		expect(error).toBeUndefined();
		expect(items).toEqual(carriers.carriers.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('Get: one carrier by ID', async () => {
		nock(API, headers).get('/v1/carriers/se-123890').reply(200, carriers.carriers[0]);
		const { items, error } = await run({ resource: 'carrier', operation: 'get', carrierId: 'se-123890' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: carriers.carriers[0], pairedItem: { item: 0 } }]);
	});

	it.each([
		['getServices', 'services', services.services],
		['getPackageTypes', 'packages', packages.packages],
		['getOptions', 'options', options.options],
	])('%s: one item per entry of /v1/carriers/{id}/%s, paired with its input item', async (operation, path, list) => {
		nock(API, headers)
			.get(`/v1/carriers/se-123890/${path}`)
			.reply(200, { [path]: list })
			.get(`/v1/carriers/se-123891/${path}`)
			.reply(200, { [path]: list.slice(0, 1) });
		const { items, error } = await run(
			{ resource: 'carrier', operation, carrierId: '={{ $json.carrier }}' },
			{ input: [{ json: { carrier: 'se-123890' } }, { json: { carrier: 'se-123891' } }] },
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			...list.map((json) => ({ json, pairedItem: { item: 0 } })),
			{ json: list[0], pairedItem: { item: 1 } },
		]);
	});

	it('maps a 404 for an unknown carrier, with the ID hint', async () => {
		nock(API, headers)
			.get('/v1/carriers/se-999/services')
			.reply(404, errorBody('invalid_identifier', 'Carrier se-999 not found.', 'f1d2e3f4-0000-4000-8000-000000000001'));
		const { error } = await run({ resource: 'carrier', operation: 'getServices', carrierId: 'se-999' });
		expect(error?.message).toBe('Carrier se-999 not found.');
		expect(error?.description).toBe(
			'Check the ID: it does not exist in this ShipEngine account (sandbox and production keys see different data). ' +
				'(error code: invalid_identifier, request id: f1d2e3f4-0000-4000-8000-000000000001, HTTP 404)',
		);
	});

	it('refuses an empty carrier instead of calling /v1/carriers//services', async () => {
		const { error } = await run(
			{ resource: 'carrier', operation: 'getServices', carrierId: '={{ $json.carrier }}' },
			{ input: [{ json: { carrier: '' } }] },
		);
		expect(error?.message).toBe('Carrier: is required (item 0)');
	});
});

/** Runs a dropdown of the node the way n8n's editor does (test/helpers/loadOptions.ts). */
async function loadOptions(lookup: ILoadOptionsTypeOptions, parameters: Record<string, string> = {}) {
	const { options, error } = await loadDropdown({
		nodeType: new ShipEngine(),
		typeOptions: lookup,
		parameters,
		credentials: { shipEngineApi: { apiKey: API_KEY } },
	});
	return { items: (options ?? []).map((json) => ({ json })), error };
}

describe('Dropdowns (coded loadOptions, executed as the editor does)', () => {
	it('carriers: "Friendly (nickname)" → carrier_id, sorted', async () => {
		nock(API, headers).get('/v1/carriers').reply(200, carriers);
		const { items, error } = await loadOptions(LOOKUPS.carriers);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([
			{ name: 'Stamps.com (Main postage)', value: 'se-123890' },
			{ name: 'UPS', value: 'se-123891' },
		]);
	});

	it('carrier codes: "Friendly (code)" → carrier_code', async () => {
		nock(API, headers).get('/v1/carriers').reply(200, carriers);
		const { items } = await loadOptions(LOOKUPS.carrierCodes);
		expect(items.map((i) => i.json)).toEqual([
			{ name: 'Stamps.com (stamps_com)', value: 'stamps_com' },
			{ name: 'UPS (ups)', value: 'ups' },
		]);
	});

	it('services of the chosen carrier (depends on carrierId), sorted by name', async () => {
		expect(LOOKUPS.services.loadOptionsDependsOn).toEqual(['carrierId']);
		nock(API, headers).get('/v1/carriers/se-123890/services').reply(200, services);
		const { items } = await loadOptions(LOOKUPS.services, { carrierId: 'se-123890' });
		expect(items.map((i) => i.json)).toEqual([
			{ name: 'USPS First Class Mail', value: 'usps_first_class_mail' },
			{ name: 'USPS Priority Mail', value: 'usps_priority_mail' },
		]);
	});

	it('package types of the chosen carrier, after the custom package', async () => {
		nock(API, headers).get('/v1/carriers/se-123890/packages').reply(200, packages);
		const { items } = await loadOptions(LOOKUPS.packageTypes, { carrierId: 'se-123890' });
		expect(items.map((i) => i.json)).toEqual([
			CUSTOM_PACKAGE,
			{ name: 'Flat Rate Envelope', value: 'flat_rate_envelope', description: 'USPS flat rate envelope' },
			{ name: 'Package', value: 'package', description: 'Any custom box or thick parcel' },
		]);
	});

	it('warehouses, the default one marked', async () => {
		nock(API, headers).get('/v1/warehouses').reply(200, warehouses);
		const { items } = await loadOptions(LOOKUPS.warehouses);
		expect(items.map((i) => i.json)).toEqual([
			{ name: 'Annex', value: 'se-456790' },
			{ name: 'Main HQ (default)', value: 'se-456789' },
		]);
	});

	it('an API error fails the dropdown (n8n shows it) instead of listing garbage', async () => {
		nock(API, headers).get('/v1/carriers').reply(401, { message: 'The API key is invalid.' });
		const { items, error } = await loadOptions(LOOKUPS.carriers);
		expect(items).toEqual([]);
		expect((error as Error & { httpCode?: string })?.httpCode).toBe('401');
	});

	it('every dropdown field of the node uses one of these lookups', () => {
		const known = Object.values(LOOKUPS).map((lookup) => lookup.loadOptionsMethod);
		const walk = (props: INodeProperties[]): INodeProperties[] =>
			props.flatMap((p) => [p, ...walk(((p.options ?? []) as INodeProperties[]).filter((o) => 'type' in o))]);
		const mine = walk(new ShipEngine().description.properties).filter((p) => p.typeOptions?.loadOptionsMethod);
		expect(mine.length).toBeGreaterThanOrEqual(5);
		for (const p of mine) expect(known).toContain(p.typeOptions?.loadOptionsMethod);
	});

});
