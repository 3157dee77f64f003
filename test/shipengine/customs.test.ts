/**
 * International labels through the ShipEngine node: the Customs fields become
 * shipment.customs / shipment.tax_identifiers exactly as the spec names them (the contract hook
 * validates every body), customs items come from typed rows or from a list expression, Shipment
 * JSON still wins, and the customs form comes back as a second file (`<field>_form`).
 */
import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { API, apiPackages, apiShipFrom, errorBody, fixture, headers, packagesParam, run, shipFromParam } from './labelHelpers';

const labelInline = fixture('label-inline.json');
const FORM_PDF = Buffer.from('%PDF-1.4\n% commercial invoice\n');
const FORM_PATH = '/v1/downloads/10/form/customs-9400111899223197428490.pdf';

const shipToBerlin = {
	address: {
		name: 'Max Mustermann',
		addressLine1: 'Unter den Linden 77',
		cityLocality: 'Berlin',
		stateProvince: 'BE',
		postalCode: '10117',
		countryCode: 'de',
	},
};
const apiShipToBerlin = {
	name: 'Max Mustermann',
	address_line1: 'Unter den Linden 77',
	city_locality: 'Berlin',
	state_province: 'BE',
	postal_code: '10117',
	country_code: 'DE',
};

const euCustoms = {
	contents: 'merchandise',
	nonDelivery: 'return_to_sender',
	termsOfTradeCode: 'ddp',
	invoiceNumber: 'INV-1001',
	customsItems: {
		item: [
			{
				customsItemDescription: 'Cotton T-shirt',
				customsItemQuantity: 2,
				customsItemValue: 15,
				customsItemCurrency: 'EUR',
				customsItemWeight: 6,
				customsItemWeightUnit: 'ounce',
				customsItemHsCode: '6109.10',
				customsItemCountryOfOrigin: 'pt',
				customsItemSku: 'TS-RED-M',
			},
			{
				customsItemDescription: 'Ceramic mug',
				customsItemQuantity: 1,
				customsItemValue: 12.5,
				customsItemCurrency: 'eur',
				customsItemHsCode: '6912.00',
				customsItemCountryOfOrigin: 'CN',
			},
		],
	},
	taxIdentifiers: { identifier: [{ identifierType: 'ioss', value: 'IM2760000742', issuingAuthority: 'de', taxableEntityType: 'shipper' }] },
};

const apiCustoms = {
	contents: 'merchandise',
	non_delivery: 'return_to_sender',
	terms_of_trade_code: 'ddp',
	invoice_additional_details: { invoice_number: 'INV-1001' },
	customs_items: [
		{
			description: 'Cotton T-shirt',
			quantity: 2,
			value: 15,
			value_currency: 'eur',
			weight: { value: 6, unit: 'ounce' },
			harmonized_tariff_code: '6109.10',
			country_of_origin: 'PT',
			sku: 'TS-RED-M',
		},
		{ description: 'Ceramic mug', quantity: 1, value: 12.5, value_currency: 'eur', harmonized_tariff_code: '6912.00', country_of_origin: 'CN' },
	],
};
const apiTaxIdentifiers = [{ taxable_entity_type: 'shipper', identifier_type: 'ioss', issuing_authority: 'DE', value: 'IM2760000742' }];

const params = (customs: INodeParameters, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'label',
	operation: 'create',
	carrierId: 'se-456789',
	serviceCode: 'usps_priority_mail_international',
	shipTo: shipToBerlin,
	shipFrom: shipFromParam,
	packages: packagesParam,
	customs,
	additionalFields: { externalShipmentId: 'order-eu-1' },
	...extra,
});

const body = (shipment: object, inline = true) => ({
	shipment: {
		carrier_id: 'se-456789',
		service_code: 'usps_priority_mail_international',
		external_shipment_id: 'order-eu-1',
		ship_to: apiShipToBerlin,
		ship_from: apiShipFrom,
		packages: apiPackages,
		...shipment,
	},
	...(inline ? { label_download_type: 'inline' } : {}),
});

const notFoundYet = (query: Record<string, string> = { label_download_type: 'inline' }) =>
	nock(API, headers)
		.get('/v1/labels/external_shipment_id/order-eu-1')
		.query(query)
		.reply(404, errorBody('invalid_identifier', 'Label not found'));

describe('ShipEngine international label (Customs fields)', () => {
	it('an EU-bound label with two customs items and an IOSS number: body as the spec says, label and customs form as files', async () => {
		notFoundYet();
		const api = nock(API, headers)
			.post('/v1/labels', body({ customs: apiCustoms, tax_identifiers: apiTaxIdentifiers }))
			.reply(200, { ...labelInline, external_shipment_id: 'order-eu-1', form_download: { href: `${API}${FORM_PATH}`, type: 'application/pdf' } })
			.get(FORM_PATH)
			.reply(200, FORM_PDF, { 'Content-Type': 'application/pdf' });

		const { items, error } = await run(params(euCustoms));
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
		const [item] = items;
		expect(item.binary?.data.mimeType).toBe('application/pdf');
		expect(item.binary?.data.fileName).toBe('label-9400111899223197428490.pdf');
		const form = item.binary?.data_form;
		expect(form?.mimeType).toBe('application/pdf');
		expect(form?.fileName).toBe('customs-form-9400111899223197428490.pdf');
		expect(Buffer.from(form!.data, 'base64')).toEqual(FORM_PDF);
		expect(item.json.form_download).toEqual({ href: `${API}${FORM_PATH}`, type: 'application/pdf' });
	});

	it('takes the customs items from a list expression (an order\'s line items) as well as from rows', async () => {
		const order = {
			currency: 'EUR',
			line_items: [
				{ title: 'Cotton T-shirt', quantity: 2, price: '15.00', grams: 170, sku: 'TS-RED-M' },
				{ title: 'Ceramic mug', quantity: 1, price: '12.50', grams: 350, sku: null },
			],
		};
		const list =
			'={{ $json.line_items.map(i => ({ description: i.title, quantity: i.quantity, value: Number(i.price), currency: $json.currency, weight: i.grams, weight_unit: "gram", sku: i.sku ?? undefined, country_of_origin: "PT" })) }}';
		notFoundYet({});
		const api = nock(API, headers)
			.post(
				'/v1/labels',
				body({
					customs: {
						contents: 'merchandise',
						non_delivery: 'return_to_sender',
						customs_items: [
							{ description: 'Cotton T-shirt', quantity: 2, value: 15, value_currency: 'eur', weight: { value: 170, unit: 'gram' }, country_of_origin: 'PT', sku: 'TS-RED-M' },
							{ description: 'Ceramic mug', quantity: 1, value: 12.5, value_currency: 'eur', weight: { value: 350, unit: 'gram' }, country_of_origin: 'PT' },
						],
					},
				}, false),
			)
			.reply(200, { ...labelInline, external_shipment_id: 'order-eu-1' });
		const { items, error } = await run(params({ customsItemsList: list }, { downloadLabel: false }), { input: [{ json: order }] });
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
		expect(items[0].binary?.data_form).toBeUndefined();
	});

	it('Shipment JSON still wins over the Customs fields', async () => {
		notFoundYet({});
		const fromJson = { contents: 'gift', non_delivery: 'treat_as_abandoned', customs_items: [] };
		const api = nock(API, headers)
			.post('/v1/labels', body({ customs: fromJson, tax_identifiers: apiTaxIdentifiers }, false))
			.reply(200, { ...labelInline, external_shipment_id: 'order-eu-1' });
		const { error } = await run(
			params(euCustoms, {
				downloadLabel: false,
				additionalFields: { externalShipmentId: 'order-eu-1', shipmentJson: JSON.stringify({ customs: fromJson }) },
			}),
		);
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
	});

	it('Rate > Calculate sends the same customs with the shipment', async () => {
		const api = nock(API, headers)
			.post('/v1/rates', (sent: { shipment: { customs?: unknown; tax_identifiers?: unknown } }) => {
				expect(sent.shipment.customs).toEqual(apiCustoms);
				expect(sent.shipment.tax_identifiers).toEqual(apiTaxIdentifiers);
				return true;
			})
			.reply(200, fixture('rate-calculate.json'));
		const { error } = await run({
			resource: 'rate',
			operation: 'calculate',
			carrierIds: ['se-456789'],
			shipTo: shipToBerlin,
			shipFrom: shipFromParam,
			packages: packagesParam,
			customs: euCustoms,
		});
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
	});

	it('Shipment > Create: each item\'s customs from its own line items, in the one request for all items', async () => {
		const orders = [
			{ json: { items: [{ title: 'Cotton T-shirt', qty: 2, price: 15 }] } },
			{ json: { items: [{ title: 'Ceramic mug', qty: 1, price: 12.5 }] } },
		];
		const api = nock(API, headers)
			.post('/v1/shipments', (sent: { shipments: Array<{ customs?: { customs_items?: Array<{ description: string }> } }> }) =>
				sent.shipments.map((s) => s.customs?.customs_items?.[0]?.description).join() === 'Cotton T-shirt,Ceramic mug',
			)
			.reply(200, { has_errors: false, shipments: [0, 1].map((n) => ({ ...fixture('shipment.json'), shipment_id: `se-${3000 + n}`, errors: [] })) });
		const { items, error } = await run(
			{
				resource: 'shipment',
				operation: 'create',
				carrierId: 'se-456789',
				serviceCode: 'usps_priority_mail_international',
				shipTo: shipToBerlin,
				shipFrom: shipFromParam,
				packages: packagesParam,
				customs: { customsItemsList: '={{ $json.items.map(i => ({ description: i.title, quantity: i.qty, value: i.price, currency: "EUR" })) }}' },
			},
			{ input: orders },
		);
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
