/**
 * Bad input on the purchase operations of both nodes (the ones that cost money): a missing
 * required field, a weight at or below zero, an impossible date or a wrong type is refused
 * before any request with an error naming the field and the item; free text, however odd
 * (injection-shaped, unicode, RTL, very long), travels exactly as typed, JSON-encoded.
 */
import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/engine';
import { seraHarness, SERA_LABEL_CREATE, SE_LABEL_CREATE, shipEngineHarness, type Harness } from './cases';

type Params = INodeParameters & Record<string, unknown>;

const NODES = [
	{ name: 'ShipEngine', harness: shipEngineHarness, base: SE_LABEL_CREATE as Params, purchasePath: /^\/v1\/labels$/ },
	{ name: 'Stamps.com', harness: seraHarness, base: SERA_LABEL_CREATE as Params, purchasePath: /^\/sera\/v1\/labels$/ },
] as const;

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function withAddress(base: Params, which: 'shipTo' | 'shipFrom', field: string, value: unknown): Params {
	const params = clone(base);
	(params[which] as { address: Record<string, unknown> }).address[field] = value;
	return params;
}

let runs = 0;

/** A new execution each time: the same one would find (and reuse) the label an earlier case bought. */
async function run(h: Harness, parameters: INodeParameters, input = [{ json: {} }]) {
	h.mock.requests.splice(0);
	const executionId = `bad-input-${++runs}`;
	const result = await runNode({ node: h.node(), parameters, credentials: h.credentials, input, executionId, settings: { continueOnFail: true } });
	return { ...result, requests: [...h.mock.requests] };
}

/** What an expression over a field the input item lacks gives (a literal "" n8n refuses itself, below). */
const EMPTY = '={{ $json.missing ?? "" }}';

/** A good customs item row, and the matrix rows every customs check adds (the same in both nodes). */
const GOOD_ITEM = { customsItemDescription: 'T-shirt', customsItemQuantity: 1, customsItemValue: 10, customsItemCurrency: 'USD', customsItemCountryOfOrigin: 'US' };
const withItem = (b: Params, item: Record<string, unknown>): Params => ({ ...b, customs: { customsItems: { item: [{ ...GOOD_ITEM, ...item }] } } });
const CUSTOMS_BAD: Array<[string, (base: Params) => Params, RegExp]> = [
	['international (ship to CA) without customs', (b) => withAddress(b, 'shipTo', 'countryCode', 'CA'), /^Customs: .*from US to CA/],
	['US military address (AE) without customs', (b) => withAddress(b, 'shipTo', 'stateProvince', 'AE'), /^Customs: .*military/],
	['US territory (GU) without customs', (b) => withAddress(b, 'shipTo', 'stateProvince', 'GU'), /^Customs: .*territory/],
	['Customs Item without description', (b) => withItem(b, { customsItemDescription: EMPTY }), /Customs > Customs Item 1 > Description/],
	['Customs Item quantity 0', (b) => withItem(b, { customsItemQuantity: 0 }), /Customs > Customs Item 1 > Quantity/],
	['Customs Item quantity negative', (b) => withItem(b, { customsItemQuantity: -2 }), /Customs > Customs Item 1 > Quantity/],
	['Customs Item value negative', (b) => withItem(b, { customsItemValue: -1 }), /Customs > Customs Item 1 > Value/],
	['Customs Item currency unknown', (b) => withItem(b, { customsItemCurrency: 'EURO' }), /Customs > Customs Item 1 > Currency/],
	['Customs Item country of origin not two letters', (b) => withItem(b, { customsItemCountryOfOrigin: 'USA' }), /Customs > Customs Item 1 > Country of Origin/],
	['Contents Type Other without explanation', (b) => ({ ...withItem(b, {}), customs: { contents: 'other', customsItems: { item: [GOOD_ITEM] } } }), /Customs > Contents Explanation/],
	['Customs Items (List) entry with quantity 0', (b) => ({ ...b, customs: { customsItemsList: '={{ [{ description: "Mug", quantity: 0 }] }}' } }), /Customs > Customs Items \(List\) > Entry 1 > Quantity/],
	['Customs Items (List) entry with an unknown key', (b) => ({ ...b, customs: { customsItemsList: '={{ [{ title: "Mug", quantity: 1 }] }}' } }), /Customs > Customs Items \(List\) > Entry 1/],
];

/** Bad values per node: [case, parameters, field named in the error]. */
const BAD: Record<string, Array<[string, (base: Params) => Params, RegExp]>> = {
	ShipEngine: [
		['Carrier ID missing', (b) => ({ ...b, carrierId: EMPTY }), /Carrier/],
		['Service Code missing', (b) => ({ ...b, serviceCode: EMPTY }), /Service/],
		['Ship To > Address Line 1 missing', (b) => withAddress(b, 'shipTo', 'addressLine1', EMPTY), /Ship To > Address Line 1/],
		['Ship To > Postal Code missing', (b) => withAddress(b, 'shipTo', 'postalCode', EMPTY), /Ship To > Postal Code/],
		['Ship To > Country Code invalid', (b) => withAddress(b, 'shipTo', 'countryCode', 'USA'), /Ship To > Country Code/],
		['weight 0', (b) => ({ ...b, packages: { package: [{ weight: 0, weightUnit: 'ounce' }] } }), /Weight/],
		['weight negative', (b) => ({ ...b, packages: { package: [{ weight: -3, weightUnit: 'ounce' }] } }), /Weight/],
		['weight not a number (expression)', (b) => ({ ...b, packages: { package: [{ weight: '={{ "heavy" }}', weightUnit: 'ounce' }] } }), /Weight/],
		['no package', (b) => ({ ...b, packages: { package: [] } }), /Packages/],
		['Ship Date 2026-02-30', (b) => ({ ...b, additionalFields: { shipDate: '2026-02-30' } }), /Ship Date/],
		['External Shipment ID over 50 chars', (b) => ({ ...b, additionalFields: { externalShipmentId: 'x'.repeat(51) } }), /External Shipment ID/],
		...CUSTOMS_BAD,
		[
			'Tax Identifier with a bad issuing authority',
			(b) => ({ ...b, customs: { taxIdentifiers: { identifier: [{ identifierType: 'ioss', value: 'IM2760000742', issuingAuthority: 'EU1' }] } } }),
			/Customs > Tax Identifier 1 > Issuing Authority/,
		],
	],
	'Stamps.com': [
		['Service Type missing', (b) => ({ ...b, serviceType: EMPTY }), /Service Type/],
		['Ship To > Address Line 1 missing', (b) => withAddress(b, 'shipTo', 'addressLine1', EMPTY), /Ship To/],
		['Ship From > Postal Code missing', (b) => withAddress(b, 'shipFrom', 'postalCode', EMPTY), /Ship From/],
		['Ship To > Country Code invalid', (b) => withAddress(b, 'shipTo', 'countryCode', 'U$'), /Country Code/],
		['weight 0', (b) => ({ ...b, weight: 0 }), /Weight/],
		['weight negative', (b) => ({ ...b, weight: -1 }), /Weight/],
		['weight not a number (expression)', (b) => ({ ...b, weight: '={{ "heavy" }}' }), /Weight/],
		['Ship Date 2026-02-30', (b) => ({ ...b, additionalFields: { ...(b.additionalFields as object), shipDate: '2026-02-30' } }), /Ship Date/],
		...CUSTOMS_BAD,
	],
};

/** How both nodes word a bad field (nodes/shared/validation.ts `inputError`): "<Field>: <problem> (item N)". */
const SHARED_WORDING = /^[^:]+(?: > [^:]+)*: .+ \(item 0\)$/;

describe.each(NODES.map((n) => [n.name, n] as const))('%s Label > Create refuses bad input before any request', (_name, n) => {
	let h: Harness;
	beforeAll(async () => {
		h = await n.harness();
	});
	afterAll(async () => await h.close());

	it.each(BAD[n.name])('%s', async (name, make, field) => {
		const { items, error, requests } = await run(h, make(n.base));
		expect(error).toBeUndefined();
		expect(requests).toEqual([]);
		expect(items).toHaveLength(1);
		const itemError = items[0].error as (Error & { description?: string; context?: { itemIndex?: number } }) | undefined;
		expect(itemError?.message).toMatch(field);
		expect(itemError?.message).toMatch(SHARED_WORDING);
		expect(itemError?.context?.itemIndex).toBe(0);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('a required field left empty in the editor: n8n refuses to run the workflow at all', async () => {
		const parameters = n.name === 'ShipEngine' ? { ...n.base, carrierId: '' } : { ...n.base, serviceType: '' };
		h.mock.requests.splice(0);
		await expect(runNode({ node: h.node(), parameters, credentials: h.credentials })).rejects.toThrow(/Parameter ".+" is required/);
		expect(h.mock.requests).toEqual([]);
	});

	it('words the error like the other node: "<Field>: must be above zero (got 0) (item 0)"', async () => {
		const parameters = n.name === 'ShipEngine' ? { ...n.base, packages: { package: [{ weight: 0, weightUnit: 'ounce' }] } } : { ...n.base, weight: 0 };
		const { items } = await run(h, parameters);
		const field = n.name === 'ShipEngine' ? 'Packages > Package 1 > Weight' : 'Weight';
		expect(items[0].error?.message).toBe(`${field}: must be above zero (got 0) (item 0)`);
		expect((items[0].error as { description?: string }).description).toBe(`Fix "${field}" for input item 0 and run the node again. No request was sent for this item.`);
	});

	it('names the item at fault and still buys the good ones (Continue On Fail)', async () => {
		const parameters = n.name === 'ShipEngine'
			? { ...n.base, packages: { package: [{ weight: '={{ $json.weight }}', weightUnit: 'ounce' }] } }
			: { ...n.base, weight: '={{ $json.weight }}' };
		const before = h.mock.purchases;
		const { items, requests } = await run(h, parameters, [{ json: { weight: 4 } }, { json: { weight: 0 } }, { json: { weight: 5 } }]);
		expect(items).toHaveLength(3);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].error).toBeUndefined();
		expect(items[2].error).toBeUndefined();
		expect(`${items[1].error?.message} ${(items[1].error as { description?: string }).description ?? ''}`).toMatch(/Weight[\s\S]*item 1/);
		expect(requests.filter((r) => r.method === 'POST' && n.purchasePath.test(r.path))).toHaveLength(2);
		expect(h.mock.purchases - before).toBe(2);
	});
});

const ODD_TEXT = [
	"O'Brien'; DROP TABLE labels; --",
	'<script>alert("x")</script>',
	'{{ $env.N8N_ENCRYPTION_KEY }}',
	'../../etc/passwd',
	'Zoë 📦 Ünïcödé 東京',
	'\u202Eשלום עולם\u202C مرحبا',
	'line1\nline2\ttab "quoted" \\ backslash',
	'A'.repeat(5000),
];

const FREE_TEXT: Record<string, Array<[string, 'shipTo' | 'shipFrom', string, string]>> = {
	// [display, collection, parameter, API property]
	ShipEngine: [
		['Ship To > Name', 'shipTo', 'name', 'name'],
		['Ship To > Address Line 1', 'shipTo', 'addressLine1', 'address_line1'],
		['Ship To > City', 'shipTo', 'cityLocality', 'city_locality'],
		['Ship From > Name', 'shipFrom', 'name', 'name'],
	],
	'Stamps.com': [
		['Ship To > Name', 'shipTo', 'name', 'name'],
		['Ship To > Address Line 1', 'shipTo', 'addressLine1', 'address_line1'],
		['Ship To > City', 'shipTo', 'city', 'city'],
		['Ship From > Name', 'shipFrom', 'name', 'name'],
	],
};

describe.each(NODES.map((n) => [n.name, n] as const))('%s Label > Create sends odd free text exactly as typed', (_name, n) => {
	let h: Harness;
	beforeAll(async () => {
		h = await n.harness();
	});
	afterAll(async () => await h.close());

	it.each(FREE_TEXT[n.name])('%s', async (_display, which, parameter, property) => {
		for (const text of ODD_TEXT) {
			const { requests } = await run(h, withAddress(n.base, which, parameter, text));
			const purchase = requests.find((r) => r.method === 'POST' && n.purchasePath.test(r.path));
			expect(purchase).toBeDefined();
			const body = JSON.parse(purchase!.rawBody) as Record<string, Record<string, Record<string, unknown>>>;
			const address = n.name === 'ShipEngine' ? body.shipment[which === 'shipTo' ? 'ship_to' : 'ship_from'] : body[which === 'shipTo' ? 'to_address' : 'from_address'];
			// Exactly as typed: not trimmed, not evaluated as an expression, not escaped twice.
			expect((address as Record<string, unknown>)[property]).toBe(text);
		}
	});
});
