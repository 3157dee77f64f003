/**
 * Every date and date-time field of both nodes, on the local mock APIs: an impossible date
 * (30 February, month 13, 31 April, a 24:00 time, words) is refused before any request, with an
 * error naming the field and the item; a required one left empty by an expression too. Valid
 * dates, date-only or full ISO date-time, reach the API in the form it documents.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { RecordedRequest } from '../mock/server';
import { runNode } from '../helpers/engine';
import { seraHarness, SERA_LABEL_CREATE, SE_LABEL_CREATE, shipEngineHarness, type Harness } from './cases';

type NodeName = 'ShipEngine' | 'Stamps.com';

interface DateFieldCase {
	node: NodeName;
	/** Resource > Operation: field, as the error names the field. */
	operation: string;
	field: string;
	/** The operation's parameters with this date field set to `value`. */
	params: (value: string) => INodeParameters;
	/** The request carrying the date, and the date as sent. */
	method: string;
	path: RegExp;
	sent: (request: RecordedRequest) => unknown;
	/** What an empty value does: refused (required), left out, or the API's default (now). */
	empty: 'required' | 'absent' | 'now';
	/** [typed, sent]: valid values and what the API receives. */
	valid: Array<[string, string]>;
}

/** The value given through an expression over the item, so every item can carry its own date. */
const FROM_ITEM = '={{ $json.date }}';

const IMPOSSIBLE = ['2026-02-30', '2026-13-01', '2026-04-31', 'next tuesday', '2026-02-30T10:00:00Z', '2026-04-10T24:00:00', '31/04/2026'];

const body = (r: RecordedRequest) => r.body as Record<string, unknown>;
const shipment = (r: RecordedRequest) => (body(r).shipment as Record<string, unknown>).ship_date;

/** ShipEngine ship dates: the calendar day written, as midnight UTC (its `date` schema). */
const SE_DAY: Array<[string, string]> = [
	['2030-01-15', '2030-01-15T00:00:00.000Z'],
	['2030-01-15T17:30:00', '2030-01-15T00:00:00.000Z'],
	['2030-01-15T23:30:00-05:00', '2030-01-15T00:00:00.000Z'],
];
/** ShipEngine date-times: UTC; without an offset, wall-clock time in the workflow's zone (America/New_York, EST in January). */
const SE_INSTANT: Array<[string, string]> = [
	['2030-01-15', '2030-01-15T05:00:00.000Z'],
	['2030-01-15T09:00:00', '2030-01-15T14:00:00.000Z'],
	['2030-01-15T09:00:00.250Z', '2030-01-15T09:00:00.250Z'],
	['2030-01-15T09:00:00+02:00', '2030-01-15T07:00:00.000Z'],
];
/** SERA ship_date: YYYY-MM-DD. */
const SERA_DAY: Array<[string, string]> = [
	['2030-01-15', '2030-01-15'],
	['2030-01-15T17:30:00', '2030-01-15'],
	['2030-01-15T23:30:00-05:00', '2030-01-15'],
];

const SE_SHIPMENT = { shipTo: SE_LABEL_CREATE.shipTo, shipFrom: SE_LABEL_CREATE.shipFrom, packages: SE_LABEL_CREATE.packages };
const SE_PICKUP = {
	resource: 'pickup',
	operation: 'schedule',
	labelIds: 'se-1',
	contactName: 'Jane Doe',
	contactEmail: 'jane@example.com',
	contactPhone: '512-555-1234',
	pickupWindowStart: '2030-01-15T00:00:00',
	pickupWindowEnd: '2030-01-16T23:00:00',
};
const SERA_ORIGIN = { selectBy: 'address', originAddress: { address: { addressLine1: '1150 Magic Way', postalCode: '92802' } } };
const SERA_PICKUP = { resource: 'pickup', operation: 'schedule', labelIds: 'l-1', pickupWindowStart: '2030-01-15T00:00:00', pickupWindowEnd: '2030-01-16T23:00:00' };

function filterCase(node: NodeName, resource: string, label: string, key: string, apiName: string, path: RegExp): DateFieldCase {
	return {
		node,
		operation: `${resource[0].toUpperCase()}${resource.slice(1)} > Get Many`,
		field: `Filters > ${label}`,
		params: (value) => ({ resource, operation: 'getAll', returnAll: false, limit: 1, filters: { [key]: value } }),
		method: 'GET',
		path,
		sent: (r) => r.query[apiName],
		empty: 'absent',
		valid: SE_INSTANT,
	};
}

const FIELDS: DateFieldCase[] = [
	{
		node: 'ShipEngine', operation: 'Label > Create', field: 'Additional Fields > Ship Date',
		params: (shipDate) => ({ ...SE_LABEL_CREATE, additionalFields: { shipDate } }),
		method: 'POST', path: /^\/v1\/labels$/, sent: shipment, empty: 'absent', valid: SE_DAY,
	},
	{
		node: 'ShipEngine', operation: 'Label > Create With Rate Shopper', field: 'Additional Fields > Ship Date',
		params: (shipDate) => ({ resource: 'label', operation: 'createWithRateShopper', rateShopperId: 'cheapest', ...SE_SHIPMENT, downloadLabel: false, additionalFields: { shipDate } }),
		method: 'POST', path: /^\/v1\/labels\/rate_shopper_id\/cheapest$/, sent: shipment, empty: 'absent', valid: SE_DAY,
	},
	{
		node: 'ShipEngine', operation: 'Rate > Calculate', field: 'Additional Fields > Ship Date',
		params: (shipDate) => ({ resource: 'rate', operation: 'calculate', carrierIds: ['se-100001'], ...SE_SHIPMENT, additionalFields: { shipDate } }),
		method: 'POST', path: /^\/v1\/rates$/, sent: shipment, empty: 'absent', valid: SE_DAY,
	},
	{
		node: 'ShipEngine', operation: 'Rate > Estimate', field: 'Additional Fields > Ship Date',
		params: (shipDate) => ({
			resource: 'rate', operation: 'estimate', carrierIds: ['se-100001'],
			fromCountryCode: 'US', fromPostalCode: '78756', fromCityLocality: 'Austin', fromStateProvince: 'TX',
			toCountryCode: 'US', toPostalCode: '95128', toCityLocality: 'San Jose', toStateProvince: 'CA',
			weight: 1.5, weightUnit: 'pound', additionalFields: { shipDate },
		}),
		method: 'POST', path: /^\/v1\/rates\/estimate$/, sent: (r) => body(r).ship_date, empty: 'now', valid: SE_INSTANT,
	},
	filterCase('ShipEngine', 'label', 'Created After', 'createdAtStart', 'created_at_start', /^\/v1\/labels$/),
	filterCase('ShipEngine', 'label', 'Created Before', 'createdAtEnd', 'created_at_end', /^\/v1\/labels$/),
	{
		node: 'ShipEngine', operation: 'Manifest > Create', field: 'Ship Date',
		params: (shipDate) => ({ resource: 'manifest', operation: 'create', carrierId: 'se-100001', warehouseId: 'se-200001', shipDate }),
		method: 'POST', path: /^\/v1\/manifests$/, sent: (r) => body(r).ship_date, empty: 'required', valid: SE_DAY,
	},
	filterCase('ShipEngine', 'manifest', 'Created After', 'createdAtStart', 'created_at_start', /^\/v1\/manifests$/),
	filterCase('ShipEngine', 'manifest', 'Created Before', 'createdAtEnd', 'created_at_end', /^\/v1\/manifests$/),
	filterCase('ShipEngine', 'manifest', 'Ship Date After', 'shipDateStart', 'ship_date_start', /^\/v1\/manifests$/),
	filterCase('ShipEngine', 'manifest', 'Ship Date Before', 'shipDateEnd', 'ship_date_end', /^\/v1\/manifests$/),
	{
		node: 'ShipEngine', operation: 'Pickup > Schedule', field: 'Pickup Window Start',
		params: (pickupWindowStart) => ({ ...SE_PICKUP, pickupWindowStart }),
		method: 'POST', path: /^\/v1\/pickups$/, sent: (r) => (body(r).pickup_window as Record<string, unknown>).start_at, empty: 'required', valid: SE_INSTANT,
	},
	{
		node: 'ShipEngine', operation: 'Pickup > Schedule', field: 'Pickup Window End',
		params: (pickupWindowEnd) => ({ ...SE_PICKUP, pickupWindowStart: '2030-01-14T00:00:00', pickupWindowEnd }),
		method: 'POST', path: /^\/v1\/pickups$/, sent: (r) => (body(r).pickup_window as Record<string, unknown>).end_at, empty: 'required', valid: SE_INSTANT,
	},
	filterCase('ShipEngine', 'pickup', 'Created After', 'createdAtStart', 'created_at_start', /^\/v1\/pickups$/),
	filterCase('ShipEngine', 'pickup', 'Created Before', 'createdAtEnd', 'created_at_end', /^\/v1\/pickups$/),
	{
		node: 'ShipEngine', operation: 'Shipment > Create', field: 'Additional Fields > Ship Date',
		params: (shipDate) => ({ resource: 'shipment', operation: 'create', ...SE_SHIPMENT, additionalFields: { shipDate } }),
		method: 'POST', path: /^\/v1\/shipments$/, sent: (r) => (body(r).shipments as Array<Record<string, unknown>>)[0].ship_date, empty: 'absent', valid: SE_DAY,
	},
	{
		node: 'ShipEngine', operation: 'Shipment > Update', field: 'Additional Fields > Ship Date',
		params: (shipDate) => ({ resource: 'shipment', operation: 'update', shipmentId: 'se-1', ...SE_SHIPMENT, additionalFields: { shipDate } }),
		method: 'PUT', path: /^\/v1\/shipments\/se-1$/, sent: (r) => body(r).ship_date, empty: 'absent', valid: SE_DAY,
	},
	{
		node: 'ShipEngine', operation: 'Shipment > Get Rates', field: 'Rates Created After',
		params: (createdAtStart) => ({ resource: 'shipment', operation: 'getRates', shipmentId: 'se-1', createdAtStart }),
		method: 'GET', path: /^\/v1\/shipments\/se-1\/rates$/, sent: (r) => r.query.created_at_start, empty: 'absent', valid: SE_INSTANT,
	},
	filterCase('ShipEngine', 'shipment', 'Created After', 'createdAtStart', 'created_at_start', /^\/v1\/shipments$/),
	filterCase('ShipEngine', 'shipment', 'Created Before', 'createdAtEnd', 'created_at_end', /^\/v1\/shipments$/),
	filterCase('ShipEngine', 'shipment', 'Modified After', 'modifiedAtStart', 'modified_at_start', /^\/v1\/shipments$/),
	filterCase('ShipEngine', 'shipment', 'Modified Before', 'modifiedAtEnd', 'modified_at_end', /^\/v1\/shipments$/),
	filterCase('ShipEngine', 'batch', 'Created After', 'createdAtStart', 'created_at_start', /^\/v1\/batches$/),
	filterCase('ShipEngine', 'batch', 'Created Before', 'createdAtEnd', 'created_at_end', /^\/v1\/batches$/),
	filterCase('ShipEngine', 'batch', 'Processed After', 'processedAtStart', 'processed_at_start', /^\/v1\/batches$/),
	filterCase('ShipEngine', 'batch', 'Processed Before', 'processedAtEnd', 'processed_at_end', /^\/v1\/batches$/),
	{
		// Each run processes a fresh open batch (seeded on the mock in beforeAll): a processed one is never sent again.
		node: 'ShipEngine', operation: 'Batch > Process', field: 'Options > Ship Date',
		params: (shipDate) => ({ resource: 'batch', operation: 'process', batchId: openBatches.shift() ?? 'se-none', options: { shipDate, waitUntilProcessed: false } }),
		method: 'POST', path: /^\/v1\/batches\/[^/]+\/process\/labels$/, sent: (r) => body(r).ship_date, empty: 'absent', valid: SE_DAY,
	},
	{
		node: 'Stamps.com', operation: 'Label > Create', field: 'Additional Fields > Ship Date',
		params: (shipDate) => ({ ...SERA_LABEL_CREATE, additionalFields: { labelOutputType: 'base64', shipDate } }),
		method: 'POST', path: /^\/sera\/v1\/labels$/, sent: (r) => body(r).ship_date, empty: 'absent', valid: SERA_DAY,
	},
	{
		node: 'Stamps.com', operation: 'Rate > Get', field: 'Additional Fields > Ship Date',
		params: (shipDate) => ({ resource: 'rate', operation: 'get', shipFrom: { address: { postalCode: '92802' } }, shipTo: { address: { postalCode: '32830' } }, packagingType: 'package', weight: 4, weightUnit: 'ounce', additionalFields: { shipDate } }),
		method: 'POST', path: /^\/sera\/v1\/rates$/, sent: (r) => body(r).ship_date, empty: 'absent', valid: SERA_DAY,
	},
	{
		node: 'Stamps.com', operation: 'Carrier > Get Services', field: 'Filters > Ship Date',
		params: (shipDate) => ({ resource: 'carrier', operation: 'getServices', filters: { shipDate } }),
		method: 'GET', path: /^\/sera\/v1\/carrier-services$/, sent: (r) => r.query.ship_date, empty: 'absent', valid: SERA_DAY,
	},
	{
		node: 'Stamps.com', operation: 'Manifest > Create', field: 'Ship Date',
		params: (shipDate) => ({ resource: 'manifest', operation: 'create', ...SERA_ORIGIN, carrier: 'usps', shipDate }),
		method: 'POST', path: /^\/sera\/v1\/manifests$/, sent: (r) => body(r).ship_date, empty: 'required', valid: SERA_DAY,
	},
	{
		node: 'Stamps.com', operation: 'Container Label > Create', field: 'Ship Date',
		params: (shipDate) => ({ resource: 'containerLabel', operation: 'create', ...SERA_ORIGIN, shipDate }),
		method: 'POST', path: /^\/sera\/v1\/container-labels$/, sent: (r) => body(r).ship_date, empty: 'required', valid: SERA_DAY,
	},
	{
		node: 'Stamps.com', operation: 'Pickup > Schedule', field: 'Pickup Window Start',
		params: (pickupWindowStart) => ({ ...SERA_PICKUP, pickupWindowStart }),
		method: 'POST', path: /^\/sera\/v1\/pickups$/, sent: (r) => (body(r).pickup_window as Record<string, unknown>).start_at, empty: 'required',
		// SERA documents no format for the window: a real date-time is sent as given.
		valid: [['2030-01-15T09:00:00', '2030-01-15T09:00:00'], ['2030-01-15T09:00:00-05:00', '2030-01-15T09:00:00-05:00']],
	},
	{
		node: 'Stamps.com', operation: 'Pickup > Schedule', field: 'Pickup Window End',
		params: (pickupWindowEnd) => ({ ...SERA_PICKUP, pickupWindowEnd }),
		method: 'POST', path: /^\/sera\/v1\/pickups$/, sent: (r) => (body(r).pickup_window as Record<string, unknown>).end_at, empty: 'required',
		valid: [['2030-01-16T17:00:00', '2030-01-16T17:00:00'], ['2030-01-16T17:00:00Z', '2030-01-16T17:00:00Z']],
	},
];

const harnesses: Partial<Record<NodeName, Harness>> = {};
/** Open batches on the ShipEngine mock, one per Batch > Process run that sends its request. */
const openBatches: string[] = [];

async function seedOpenBatches(h: Harness, count: number): Promise<void> {
	const headers = { 'API-Key': String(h.credentials.shipEngineApi.apiKey), 'Content-Type': 'application/json' };
	const post = async (path: string, payload: unknown) =>
		(await (await fetch(`${h.mock.url}${path}`, { method: 'POST', headers, body: JSON.stringify(payload) })).json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
	const shipment = {
		carrier_id: 'se-100001', service_code: 'usps_ground_advantage',
		ship_to: { name: 'Jane Doe', address_line1: '525 S Winchester Blvd', city_locality: 'San Jose', state_province: 'CA', postal_code: '95128', country_code: 'US' },
		ship_from: { name: 'Warehouse A', address_line1: '4009 Marathon Blvd', city_locality: 'Austin', state_province: 'TX', postal_code: '78756', country_code: 'US' },
		packages: [{ weight: { value: 1, unit: 'pound' } }],
	};
	for (let i = 0; i < count; i++) {
		const { shipments } = await post('/v1/shipments', { shipments: [shipment] });
		openBatches.push(String((await post('/v1/batches', { shipment_ids: [shipments[0].shipment_id] })).batch_id));
	}
}
let runs = 0;

beforeAll(async () => {
	harnesses.ShipEngine = await shipEngineHarness();
	await seedOpenBatches(harnesses.ShipEngine, 12);
	harnesses['Stamps.com'] = await seraHarness();
});
afterAll(async () => {
	for (const h of Object.values(harnesses)) await h?.close();
});

/** Runs the operation over items carrying `dates`; returns the items and every request sent. */
async function run(c: DateFieldCase, dates: string[]) {
	const h = harnesses[c.node]!;
	h.mock.requests.splice(0);
	const result = await runNode({
		node: h.node(),
		parameters: c.params(FROM_ITEM),
		credentials: h.credentials,
		input: dates.map((date) => ({ json: { date } })),
		executionId: `bad-dates-${++runs}`,
		settings: { continueOnFail: true },
	});
	await new Promise((resolve) => setTimeout(resolve, 20));
	return { ...result, requests: [...h.mock.requests] };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const label = (c: DateFieldCase) => `${c.node} ${c.operation}: ${c.field}`;

describe.each(FIELDS.map((c) => [label(c), c] as const))('%s', (_name, c) => {
	const refused = c.empty === 'required' ? [...IMPOSSIBLE, ''] : IMPOSSIBLE;

	it.each(refused.map((value) => [JSON.stringify(value), value]))('refuses %s before any request, naming the field and the item', async (_shown, value) => {
		const { items, error, requests } = await run(c, [value, value]);
		expect(error).toBeUndefined();
		expect(requests).toEqual([]);
		expect(items).toHaveLength(2);
		items.forEach((item, index) => {
			// n8n's error item (refused by a preSend), or the node's own (an operation that reads every
			// item's input at once, e.g. Shipment > Create: nodes/shared/allItems.ts) with the same message.
			const message = item.error?.message ?? String(item.json.error ?? '');
			expect(message).toMatch(new RegExp(`^${escape(c.field)}: `));
			expect(message).toContain(value ? `"${value}"` : 'is required');
			expect(message).toMatch(new RegExp(`\\(item ${index}\\)$`));
			if (item.error) expect((item.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(index);
			else expect(item.json).toMatchObject({ errorCode: null, httpCode: null, requestId: null });
			expect(item.pairedItem).toEqual({ item: index });
		});
	});

	it.each(c.valid)('sends %s as %s', async (typed, expected) => {
		const { requests } = await run(c, [typed]);
		const sent = requests.filter((r) => r.method === c.method && c.path.test(r.path));
		expect(sent).toHaveLength(1);
		expect(c.sent(sent[0])).toBe(expected);
	});

	if (c.empty !== 'required') {
		it(c.empty === 'now' ? 'sends now when left empty' : 'leaves the date out when empty (never sends "")', async () => {
			const { requests } = await run(c, ['']);
			const sent = requests.filter((r) => r.method === c.method && c.path.test(r.path));
			expect(sent).toHaveLength(1);
			if (c.empty === 'absent') expect(c.sent(sent[0])).toBeUndefined();
			else expect(Date.now() - Date.parse(String(c.sent(sent[0])))).toBeLessThan(60_000);
		});
	}
});

it('covers every date field of both nodes', () => {
	type Property = { name: string; type: string; options?: unknown[]; displayOptions?: { show?: { resource?: unknown[]; operation?: unknown[] } } };
	// One date field per operation that shows it: a property several operations share (merged by mergeRepeatedFields) counts once per operation.
	const dateFields = (node: { description: { properties: Property[] } }) =>
		node.description.properties.flatMap((p) => {
			const dates = [p, ...((p.options ?? []) as Property[])].filter((q) => q.type === 'dateTime').length;
			const show = p.displayOptions?.show;
			return Array.from({ length: dates * (show?.resource?.length ?? 1) * (show?.operation?.length ?? 1) }, () => p.name);
		});
	const counted = {
		ShipEngine: dateFields(harnesses.ShipEngine!.node() as never).length,
		'Stamps.com': dateFields(harnesses['Stamps.com']!.node() as never).length,
	};
	expect(counted).toEqual({ ShipEngine: 27, 'Stamps.com': 7 });
	expect(FIELDS.filter((c) => c.node === 'ShipEngine')).toHaveLength(27);
	expect(FIELDS.filter((c) => c.node === 'Stamps.com')).toHaveLength(7);
	process.stdout.write(`bad-input dates: ${FIELDS.length} date fields, ${FIELDS.reduce((n, c) => n + IMPOSSIBLE.length + (c.empty === 'required' ? 1 : 0), 0)} refused-value rows (0 requests each)\n`);
});
