/**
 * International labels through the Stamps.com node. The SERA reference's "Create an International
 * Label" (../shared/api/sera-api-reference.txt) is a USPS First Class International label to
 * Canada from the guide's sender, with a `customs` object as its "Create a Label" section defines
 * it (contents_type, contents_description, non_delivery_option, sender_info, recipient_info,
 * customs_items); the captured text lost the example's JSON, so the body below rebuilds it from
 * those two sections, and every field is entered through the node's own fields.
 */
import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { BEARER, fixture, FROM_ADDRESS, run, SHIP_FROM, STAGING_API } from './helpers';

const PDF = Buffer.from('%PDF-1.4\n% sample label\n');
const FORM = Buffer.from('%PDF-1.4\n% customs form CN22\n');

const TO_CANADA = {
	name: 'Minerva M',
	address_line1: '290 Bremner Blvd',
	city: 'Toronto',
	state_province: 'ON',
	postal_code: 'M5V 3L9',
	country_code: 'CA',
	email: 'minerva@example.com',
};
const SHIP_TO_CANADA = {
	address: {
		name: 'Minerva M',
		addressLine1: '290 Bremner Blvd',
		city: 'Toronto',
		stateProvince: 'ON',
		postalCode: 'M5V 3L9',
		countryCode: 'CA',
		email: 'minerva@example.com',
	},
};

/** The example's customs object. */
const EXAMPLE_CUSTOMS = {
	contents_type: 'merchandise',
	contents_description: 'Souvenir apparel',
	non_delivery_option: 'return_to_sender',
	sender_info: { license_number: 'LIC-1', certificate_number: 'CERT-2', invoice_number: 'INV-3' },
	recipient_info: { tax_id: 'CA123456789RT0001' },
	customs_items: [
		{
			item_description: 'Cotton T-shirt',
			quantity: 2,
			unit_value: { amount: 12.5, currency: 'usd' },
			item_weight: 2,
			weight_unit: 'ounce',
			harmonized_tariff_code: '6109.10',
			country_of_origin: 'US',
			sku: 'TS-1',
		},
	],
};

const EXAMPLE_BODY = {
	from_address: FROM_ADDRESS,
	to_address: TO_CANADA,
	service_type: 'usps_first_class_mail_international',
	package: { packaging_type: 'package', weight: 4, weight_unit: 'ounce' },
	customs: EXAMPLE_CUSTOMS,
	ship_date: '2021-09-10',
	is_test_label: true,
	label_options: { label_output_type: 'base64' },
};

const customsFields = {
	contents: 'merchandise',
	contentsExplanation: 'Souvenir apparel',
	nonDelivery: 'return_to_sender',
	licenseNumber: 'LIC-1',
	certificateNumber: 'CERT-2',
	invoiceNumber: 'INV-3',
	recipientTaxId: 'CA123456789RT0001',
	customsItems: {
		item: [
			{
				customsItemDescription: 'Cotton T-shirt',
				customsItemQuantity: 2,
				customsItemValue: 12.5,
				customsItemCurrency: 'USD',
				customsItemWeight: 2,
				customsItemWeightUnit: 'ounce',
				customsItemHsCode: '6109.10',
				customsItemCountryOfOrigin: 'us',
				customsItemSku: 'TS-1',
			},
		],
	},
};

const params = (customs: INodeParameters, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'label',
	operation: 'create',
	shipFrom: SHIP_FROM,
	shipTo: SHIP_TO_CANADA,
	serviceType: 'usps_first_class_mail_international',
	packagingType: 'package',
	weight: 4,
	weightUnit: 'ounce',
	customs,
	additionalFields: { shipDate: '2021-09-10', isTestLabel: true, labelOutputType: 'base64' },
	...extra,
});

const label = {
	...fixture('label-base64.json'),
	service_type: 'usps_first_class_mail_international',
	labels: [{ label_data: PDF.toString('base64') }],
	forms: [{ label_data: FORM.toString('base64') }],
};

describe('Stamps.com international label (Customs fields)', () => {
	it('the reference\'s international example, field for field: the body carries its customs object; label and form come back as files', async () => {
		const api = nock(STAGING_API, { reqheaders: { authorization: BEARER } }).post('/sera/v1/labels', EXAMPLE_BODY).reply(200, label);
		const { items, error } = await run(params(customsFields));
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
		expect(Buffer.from(items[0].binary!.data.data, 'base64')).toEqual(PDF);
		const form = items[0].binary!.data_form;
		expect(Buffer.from(form.data, 'base64')).toEqual(FORM);
		expect(form.fileName).toBe('label-form-13bab305-a5eb-4ad6-a1d2-e5b545e764fb.pdf');
	});

	it('takes the customs items from an order\'s line items (expression) and lets Customs JSON win', async () => {
		const order = { line_items: [{ name: 'Cotton T-shirt', quantity: 2, price: '12.50', sku: 'TS-1' }] };
		const list = '={{ $json.line_items.map(i => ({ description: i.name, quantity: i.quantity, value: Number(i.price), sku: i.sku })) }}';
		const api = nock(STAGING_API)
			.post('/sera/v1/labels', {
				...EXAMPLE_BODY,
				customs: {
					contents_type: 'merchandise',
					non_delivery_option: 'treat_as_abandoned',
					customs_items: [{ item_description: 'Cotton T-shirt', quantity: 2, unit_value: { amount: 12.5, currency: 'usd' }, sku: 'TS-1' }],
				},
			})
			.reply(200, label);
		const { error } = await run(params({ customsItemsList: list, nonDelivery: 'return_to_sender', customsJson: '{"non_delivery_option": "treat_as_abandoned"}' }), {
			input: [{ json: order }],
		});
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
	});

	it('Rate > Get quotes with the same customs object', async () => {
		const api = nock(STAGING_API)
			.post('/sera/v1/rates', (body: { customs?: unknown; to_address?: { country_code?: string } }) => {
				expect(body.customs).toEqual(EXAMPLE_CUSTOMS);
				return body.to_address?.country_code === 'CA';
			})
			.reply(200, fixture('rates.json'));
		const { error } = await run({
			resource: 'rate',
			operation: 'get',
			shipFrom: { address: { postalCode: '92802', countryCode: 'US' } },
			shipTo: { address: { postalCode: 'M5V 3L9', countryCode: 'CA' } },
			packagingType: 'package',
			weight: 4,
			weightUnit: 'ounce',
			customs: customsFields,
		});
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
	});
});
