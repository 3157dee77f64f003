/**
 * Issue 17, defects 1, 5 and 6: every ShipEngine dropdown loads in the plain node and in its AI
 * tool version ("ShipEngine Tool" under an AI Agent), run the way n8n 2.41.1's editor runs it
 * (test/helpers/loadOptions.ts); lists that need a carrier stay empty, with a hint, until one is
 * chosen; Package Code and Warehouse in Label and Rate are dropdowns that still take any value.
 */
import nock from 'nock';
import type { INodeProperties, INodePropertyCollection, INodeType } from 'n8n-workflow';

import { ShipEngine } from '../../nodes/ShipEngine/ShipEngine.node';
import { loadDropdown, toolVersionOf } from '../helpers/loadOptions';
import { CUSTOM_PACKAGE } from '../../nodes/ShipEngine/shared/loadOptions';
import { startShipEngineMock } from '../mock';
import { API, API_KEY, apiPackages, fixture, headers, packagesParam, run, shipFromParam, shipToParam } from './labelHelpers';

const carriers = fixture<{ carriers: Array<Record<string, unknown>> }>('carriers.json');
const services = fixture<{ services: unknown[] }>('carrier-services.json');
const packages = fixture<{ packages: unknown[] }>('carrier-packages.json');
const warehouses = fixture<{ warehouses: unknown[] }>('carrier-warehouses.json');

const WEBHOOKS = [
	{ webhook_id: 'se-301', url: 'https://example.com/webhook/track', event: 'track', name: 'Tracking' },
	{ webhook_id: 'se-302', url: 'https://example.com/webhook/batches', event: 'batch' },
];
const CUSTOM_PACKAGES = [
	{ package_id: 'se-401', package_code: 'laptop_box', name: 'laptop_box', description: 'Packaging for laptops', dimensions: { unit: 'inch', length: 16, width: 12, height: 4 } },
	{ package_id: 'se-402', package_code: 'book_mailer', name: 'Book mailer', description: null, dimensions: { unit: 'inch', length: 12, width: 9, height: 2 } },
];
const IMAGES = [
	{ label_image_id: 'img_2', name: 'Winter logo', is_default: false, image_content_type: 'image/png', created_at: '2026-01-02T00:00:00Z', modified_at: '2026-01-02T00:00:00Z' },
	{ label_image_id: 'img_1', name: 'Shop logo', is_default: true, image_content_type: 'image/png', created_at: '2026-01-01T00:00:00Z', modified_at: '2026-01-01T00:00:00Z' },
];
const IMAGES_PAGE = {
	images: IMAGES,
	total: 2,
	page: 1,
	pages: 1,
	links: { first: { href: `${API}/v1/account/settings/images?page=1` }, last: { href: `${API}/v1/account/settings/images?page=1` }, prev: {}, next: {} },
};
const TAGS = [{ name: 'International' }, { name: 'Fragile' }];

const credentials = { shipEngineApi: { apiKey: API_KEY, baseUrl: API } };
const plain = new ShipEngine();
const tool = toolVersionOf(new ShipEngine());

const isGroup = (value: unknown): value is INodePropertyCollection => typeof value === 'object' && value !== null && 'values' in value;

/** Every dropdown field of the node (nested ones included), with its path. */
function dropdowns(node: INodeType, top = node.description.properties): Array<{ path: string; prop: INodeProperties }> {
	const walk = (props: INodeProperties[], base: string): Array<{ path: string; prop: INodeProperties }> =>
		props.flatMap((prop) => {
			const path = `${base}.${prop.name}`;
			const own = prop.typeOptions?.loadOptionsMethod || prop.typeOptions?.loadOptions ? [{ path, prop }] : [];
			const children = (prop.options ?? []) as unknown[];
			const nested = children.flatMap((child) =>
				isGroup(child) ? walk(child.values, `${path}.${child.name}`) : 'type' in (child as object) ? walk([child as INodeProperties], path) : [],
			);
			return [...own, ...nested];
		});
	return walk(top, 'parameters');
}

/** The mock account: every list a dropdown may read. */
function mockAccount() {
	return nock(API, headers)
		.persist()
		.get('/v1/carriers')
		.reply(200, carriers)
		.get('/v1/carriers/se-123890/services')
		.reply(200, services)
		.get('/v1/carriers/se-123890/packages')
		.reply(200, packages)
		.get('/v1/warehouses')
		.reply(200, warehouses)
		.get('/v1/environment/webhooks')
		.reply(200, WEBHOOKS)
		.get('/v1/packages')
		.reply(200, { packages: CUSTOM_PACKAGES })
		.get('/v1/account/settings/images')
		.reply(200, IMAGES_PAGE)
		.get('/v1/tags')
		.reply(200, { tags: TAGS });
}

const chosenCarrier = { carrierId: 'se-123890', carrierIds: ['se-123890'] };

describe('ShipEngine dropdowns, plain node and AI tool', () => {
	afterEach(() => nock.cleanAll());

	it('n8n gives the tool version a description that inherits from the node (why routed dropdowns failed)', () => {
		expect(tool.description.name).toBe('shipEngineTool');
		expect(tool.description.requestDefaults?.baseURL).toBe(plain.description.requestDefaults?.baseURL);
		// n8n's declarative dropdown runs on `{ ...description }`: an own-property copy.
		expect({ ...tool.description }.requestDefaults).toBeUndefined();
	});

	it('a routed dropdown fails in the tool version, as in n8n ("Invalid URL") (control)', async () => {
		const routing = { request: { method: 'GET', url: '/v1/warehouses' }, output: { postReceive: [] } };
		const { error } = await loadDropdown({ nodeType: tool, typeOptions: { loadOptions: { routing } }, credentials });
		expect(error?.message).toMatch(/Invalid URL/);
	});

	it('the node has dropdowns for carriers, carrier codes, services, package types and warehouses', () => {
		const fields = dropdowns(plain);
		const names = new Set(fields.map((f) => f.prop.name));
		expect([...names].sort()).toEqual(expect.arrayContaining(['carrierCode', 'carrierId', 'carrierIds', 'packageCode', 'serviceCode', 'warehouseId']));
	});

	it.each([
		['plain node', plain],
		['AI tool version', tool],
	])('%s: every dropdown loads its options from the account', async (_name, nodeType) => {
		mockAccount();
		const failures: string[] = [];
		for (const { path, prop } of dropdowns(nodeType)) {
			const { options, error } = await loadDropdown({ nodeType, typeOptions: prop.typeOptions ?? {}, parameters: chosenCarrier, credentials, path });
			if (error || !options?.length) failures.push(`${path}: ${error?.message ?? 'no options'}`);
		}
		expect(failures).toEqual([]);
	});

	it('lists carriers as "Friendly (nickname)" → carrier_id, sorted, through the node\'s own request path', async () => {
		const scope = nock(API, headers).get('/v1/carriers').reply(200, carriers);
		const { options } = await loadDropdown({ nodeType: tool, typeOptions: { loadOptionsMethod: 'getCarriers' }, credentials });
		expect(scope.isDone()).toBe(true);
		const expected = carriers.carriers
			.map((c) => ({
				name: c.nickname && c.nickname !== c.friendly_name ? `${String(c.friendly_name)} (${String(c.nickname)})` : String(c.friendly_name),
				value: c.carrier_id,
			}))
			.sort((a, b) => a.name.localeCompare(b.name));
		expect(options).toEqual(expected);
	});

	it('an API error reaches the editor as ShipEngine\'s error, not an empty list', async () => {
		nock(API, headers).get('/v1/carriers').times(2).reply(401, { errors: [{ message: 'The API key is invalid.', error_code: 'unauthorized' }] });
		const { options, error } = await loadDropdown({ nodeType: tool, typeOptions: { loadOptionsMethod: 'getCarriers' }, credentials });
		expect(options).toBeUndefined();
		expect(error?.message).toContain('The API key is invalid.');
	});
});

describe("the account's own records (issue 16): webhooks, custom package types, label images, tags", () => {
	afterEach(() => nock.cleanAll());

	it.each([
		['webhookId', 'getWebhooks', '/v1/environment/webhooks', WEBHOOKS, [
			{ name: 'batch (batch)', value: 'se-302', description: 'https://example.com/webhook/batches' },
			{ name: 'Tracking (track)', value: 'se-301', description: 'https://example.com/webhook/track' },
		]],
		['packageId', 'getCustomPackages', '/v1/packages', { packages: CUSTOM_PACKAGES }, [
			{ name: 'Book mailer (book_mailer)', value: 'se-402', description: undefined },
			{ name: 'laptop_box (laptop_box)', value: 'se-401', description: 'Packaging for laptops' },
		]],
		['labelImageId', 'getLabelImages', '/v1/account/settings/images', IMAGES_PAGE, [
			{ name: 'Shop logo (default)', value: 'img_1' },
			{ name: 'Winter logo', value: 'img_2' },
		]],
		['tagName', 'getTags', '/v1/tags', { tags: TAGS }, [
			{ name: 'Fragile', value: 'Fragile' },
			{ name: 'International', value: 'International' },
		]],
	])('%s: %s lists %s, in the plain node and the tool', async (name, method, url, body, expected) => {
		const fields = dropdowns(plain).filter((f) => f.prop.name === name && f.prop.typeOptions?.loadOptionsMethod === method);
		expect(fields.length).toBeGreaterThan(0);
		for (const nodeType of [plain, tool]) {
			const scope = nock(API, headers).get(url).reply(200, body);
			const { options, error } = await loadDropdown({ nodeType, typeOptions: { loadOptionsMethod: method }, credentials });
			expect(error).toBeUndefined();
			expect(scope.isDone()).toBe(true);
			expect(options).toEqual(expected);
		}
	});

	it.each([
		// a value saved while these were text fields, or typed by an expression or an AI tool, is sent as it is
		['webhook', 'get', 'webhookId', 'se-301', '/v1/environment/webhooks/se-301', WEBHOOKS[0]],
		['packageType', 'get', 'packageId', 'se-401', '/v1/packages/se-401', CUSTOM_PACKAGES[0]],
		['labelImage', 'get', 'labelImageId', 'img_1', '/v1/account/settings/images/img_1', IMAGES[1]],
	])('%s > %s: a saved plain %s still works', async (resource, operation, name, value, path, answer) => {
		nock(API, headers).get(path).reply(200, answer);
		const { items, error } = await run({ resource, operation, [name]: value });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual(answer);
	});

	it('Shipment > Add Tag with a new tag name given by expression', async () => {
		nock(API, headers).post('/v1/shipments/se-1/tags/New%20Tag').reply(200, { tags: ['New Tag'] });
		const { error } = await run({ resource: 'shipment', operation: 'addTag', shipmentId: 'se-1', tagName: '={{ "New Tag" }}' });
		expect(error).toBeUndefined();
	});
});

describe('the local mock the browser test uses (records: true) fills every dropdown', () => {
	it.each([
		['plain node', plain],
		['AI tool version', tool],
	])('%s', async (_name, nodeType) => {
		const mock = await startShipEngineMock({ records: true });
		try {
			const local = { shipEngineApi: { apiKey: 'TEST_dropdowns', baseUrl: mock.url } };
			const failures: string[] = [];
			for (const { path, prop } of dropdowns(nodeType)) {
				const parameters = { carrierId: 'se-100001', carrierIds: ['se-100001'] };
				const { options, error } = await loadDropdown({ nodeType, typeOptions: prop.typeOptions ?? {}, parameters, credentials: local, path });
				if (error || !options?.length) failures.push(`${path}: ${error?.message ?? 'no options'}`);
			}
			expect(failures).toEqual([]);
		} finally {
			await mock.close();
		}
	});
});

describe('lists that need a carrier (defect 5)', () => {
	it.each([
		['serviceCode', []],
		// A custom package needs no carrier: its option is there from the start.
		['packageCode', [CUSTOM_PACKAGE]],
	])('%s: no carrier options and no request until a carrier is chosen, with a hint', async (name, expected) => {
		const field = dropdowns(plain).find((f) => f.prop.name === name)!;
		for (const parameters of [{}, { carrierId: '' }, { carrierId: '={{ $json.carrier }}' }]) {
			const { options, error } = await loadDropdown({ nodeType: tool, typeOptions: field.prop.typeOptions ?? {}, parameters, credentials });
			expect(error).toBeUndefined();
			expect(options).toEqual(expected);
		}
		expect(field.prop.hint).toMatch(/^Choose the carrier first/);
	});
});

describe('Package Code: an empty value is the custom package, a visible choice', () => {
	// n8n's editor flags an options value that is not among the loaded options ("The value "" is
	// not supported!"): the default '' must be one of them.
	it('the list starts with "Custom Package (Use Dimensions)" = \'\', then the carrier\'s types', async () => {
		nock(API, headers).get('/v1/carriers/se-123890/packages').reply(200, packages);
		const field = dropdowns(plain).find((f) => f.prop.name === 'packageCode')!;
		expect(field.prop.default).toBe('');
		const { options, error } = await loadDropdown({ nodeType: tool, typeOptions: field.prop.typeOptions ?? {}, parameters: chosenCarrier, credentials });
		expect(error).toBeUndefined();
		expect(options?.[0]).toEqual(CUSTOM_PACKAGE);
		expect(options?.slice(1).map((o) => o.value)).toEqual(['flat_rate_envelope', 'package']);
	});

	it('the empty field reads "Custom Package (Use Dimensions)" (n8n shows an empty select\'s placeholder)', () => {
		const fields = dropdowns(plain).filter((f) => f.prop.name === 'packageCode');
		expect(fields.length).toBeGreaterThan(0);
		expect(fields.map((f) => f.prop.placeholder)).toEqual(fields.map(() => CUSTOM_PACKAGE.name));
	});

	it.each([
		['label', 'create', '/v1/labels', { carrierId: 'se-456789', serviceCode: 'usps_priority_mail' }, 'label-inline.json'],
		['rate', 'calculate', '/v1/rates', { carrierIds: ['se-456789'] }, 'rate-calculate.json'],
	])('%s > %s with the custom package sends no package_code (ShipEngine: a custom package)', async (resource, operation, path, carrier, reply) => {
		let sent: Array<Record<string, unknown>> = [];
		nock(API, headers)
			.post(path, (body: { shipment?: { packages?: Array<Record<string, unknown>> } }) => {
				sent = body.shipment?.packages ?? [];
				return true;
			})
			.reply(200, fixture(reply));
		const { error } = await run({
			resource,
			operation,
			...carrier,
			shipTo: shipToParam,
			shipFrom: shipFromParam,
			packages: { package: [{ ...packagesParam.package[0], packageCode: CUSTOM_PACKAGE.value }] },
		});
		expect(error).toBeUndefined();
		expect(sent).toEqual(apiPackages);
	});
});

describe('Package Code and Warehouse are dropdowns with an expression fallback (defect 6)', () => {
	it.each([
		['label', 'create'],
		['rate', 'calculate'],
	])('%s > %s: both are dropdowns', (resource, operation) => {
		const top = plain.description.properties.filter((p) => {
			const show = (p.displayOptions?.show ?? {}) as Record<string, unknown[]>;
			return show.resource?.includes(resource) && show.operation?.includes(operation);
		});
		const shown = dropdowns(plain, top).filter(({ prop }) => ['packageCode', 'warehouseId'].includes(prop.name));
		expect(shown.map((f) => f.path).sort()).toEqual(['parameters.additionalFields.warehouseId', 'parameters.packages.package.packageCode']);
	});

	it('a value given by expression is sent as it is', async () => {
		nock(API, headers)
			.post('/v1/rates', (body: { shipment?: { warehouse_id?: string; packages?: Array<{ package_code?: string }> } }) =>
				body.shipment?.warehouse_id === 'se-777' && body.shipment?.packages?.[0]?.package_code === 'flat_rate_envelope',
			)
			.reply(200, fixture('rate-calculate.json'));
		const { error } = await run({
			resource: 'rate',
			operation: 'calculate',
			carrierIds: ['se-123890'],
			shipFrom: { address: { name: 'Warehouse', addressLine1: '4009 Marathon Blvd', cityLocality: 'Austin', stateProvince: 'TX', postalCode: '78756', countryCode: 'US' } },
			shipTo: { address: { name: 'Jane', addressLine1: '1 Main', cityLocality: 'Austin', stateProvince: 'TX', postalCode: '78701', countryCode: 'US' } },
			packages: { package: [{ weight: 12, packageCode: '={{ "flat_rate_envelope" }}' }] },
			additionalFields: { warehouseId: '={{ "se-777" }}' },
		});
		expect(error).toBeUndefined();
	});
});
