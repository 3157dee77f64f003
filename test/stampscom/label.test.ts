/** Label > Create / Reprint / Void through the real engine: requests, binary files, keys. */
import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import {
	BEARER,
	expectUuidV4,
	fixture,
	FROM_ADDRESS,
	LABEL_HOST,
	labelHost,
	labelCreateParameters,
	run,
	SHIP_FROM,
	STAGING_API,
	takeDownloadReports,
	TO_ADDRESS,
} from './helpers';

const PDF = Buffer.from('%PDF-1.4\n% sample label\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const createParams = (extra: INodeParameters = {}) => labelCreateParameters(extra);

const CREATE_BODY = {
	from_address: FROM_ADDRESS,
	to_address: TO_ADDRESS,
	service_type: 'usps_priority_mail',
	package: { packaging_type: 'package', weight: 4, weight_unit: 'ounce' },
};

describe('Label > Create', () => {
	it('buys a label with exactly the entered fields, a v4 Idempotency-Key, and downloads the URL as a PDF', async () => {
		let key: string | undefined;
		nock(STAGING_API, { reqheaders: { authorization: BEARER, 'content-type': 'application/json' } })
			.post('/sera/v1/labels', CREATE_BODY)
			.reply(function () {
				key = this.req.headers['idempotency-key'] as string;
				return [200, fixture('label-url.json')];
			});
		const download = labelHost().get('/l/13bab305.pdf').reply(200, PDF, { 'Content-Type': 'application/pdf' });

		const { items, error } = await run(createParams(), { executionId: 'exec-label-1' });
		expect(error).toBeUndefined();
		expectUuidV4(key);
		expect(download.isDone()).toBe(true);
		expect(items).toHaveLength(1);
		expect(items[0].json.label_id).toBe('13bab305-a5eb-4ad6-a1d2-e5b545e764fb');
		expect(items[0].json.tracking_number).toBe('9405511899560772485630');
		expect(items[0].pairedItem).toEqual({ item: 0 });
		const file = items[0].binary?.data;
		expect(file?.mimeType).toBe('application/pdf');
		expect(file?.fileName).toBe('label-13bab305-a5eb-4ad6-a1d2-e5b545e764fb.pdf');
		expect(file?.fileExtension).toBe('pdf');
		expect(Buffer.from(file!.data, 'base64')).toEqual(PDF);
		await takeDownloadReports();
	});

	it('sends label options, references and add-ons only when set, and decodes base64 labels without a second request', async () => {
		nock(STAGING_API, { reqheaders: { authorization: BEARER } })
			.post('/sera/v1/labels', {
				...CREATE_BODY,
				package: { packaging_type: 'package', weight: 4, weight_unit: 'ounce', length: 10, width: 6, height: 4, dimension_unit: 'inch' },
				label_options: { label_format: 'pdf', label_output_type: 'base64', label_size: '4x6' },
				references: { reference1: 'order-1001', printed_message1: 'Thanks!' },
				advanced_options: { saturday_delivery: true, non_machinable: true },
				delivery_confirmation_type: 'signature',
				ship_date: '2030-01-15',
				is_test_label: true,
				return_address: { company_name: 'Returns Dept', address_line1: '1 Return Rd', postal_code: '92802', country_code: 'US' },
				insurance: { insurance_provider: 'carrier', insured_value: { amount: 50, currency: 'usd' } },
			})
			.matchHeader('idempotency-key', /^[0-9a-f-]{36}$/)
			.reply(200, fixture('label-base64.json'));

		const { items, error } = await run(
			createParams({
				binaryPropertyName: 'label',
				additionalFields: {
					addOns: ['saturday_delivery', 'non_machinable'],
					deliveryConfirmationType: 'signature',
					dimensionUnit: 'inch',
					height: 4,
					insuranceProvider: 'carrier',
					insuredValue: 50,
					isTestLabel: true,
					labelFormat: 'pdf',
					labelOutputType: 'base64',
					labelSize: '4x6',
					length: 10,
					printedMessage1: 'Thanks!',
					reference1: 'order-1001',
					returnAddress: { address: { companyName: 'Returns Dept', addressLine1: '1 Return Rd', postalCode: '92802', countryCode: 'us' } },
					shipDate: '2030-01-15T00:00:00',
					width: 6,
				},
			}),
		);
		expect(error).toBeUndefined();
		const file = items[0].binary?.label;
		expect(file?.mimeType).toBe('application/pdf');
		expect(Buffer.from(file!.data, 'base64').toString()).toBe('%PDF-1.4\n% sample label\n');
		// The base64 blob is not repeated in the JSON.
		expect(items[0].json.labels).toEqual([{}]);
	});

	it('rejects a Ship From without a street before any request, naming the field and item', async () => {
		const { items, error } = await run(
			// The editor marks it required; an expression that comes out empty still gets this message.
			createParams({ shipFrom: { address: { ...SHIP_FROM.address, addressLine1: '={{ $json.street ?? "" }}' } } }),
			{ settings: { continueOnFail: true }, input: [{ json: { n: 1 } }] },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].error?.message).toBe('Ship From > Address Line 1: is required (item 0)');
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('rejects a zero weight before any request', async () => {
		const { error } = await run(createParams({ weight: 0 }));
		expect(error?.message).toBe('Weight: must be above zero (got 0) (item 0)');
	});
});

describe('Label > Reprint', () => {
	it('GETs the label with the query options and outputs the PNG', async () => {
		nock(STAGING_API, { reqheaders: { authorization: BEARER }, badheaders: ['idempotency-key'] })
			.get('/sera/v1/labels/13bab305-a5eb-4ad6-a1d2-e5b545e764fb')
			.query({ label_format: 'png', label_size: 'letter' })
			.reply(200, fixture('reprint.json'));
		labelHost().get('/l/13bab305-reprint.png').reply(200, PNG);

		const { items, error } = await run({
			resource: 'label',
			operation: 'reprint',
			labelId: ' 13bab305-a5eb-4ad6-a1d2-e5b545e764fb ',
			options: { labelFormat: 'png', labelSize: 'letter' },
		});
		expect(error).toBeUndefined();
		const file = items[0].binary?.data;
		expect(file?.mimeType).toBe('image/png');
		expect(file?.fileName).toBe('label-13bab305-a5eb-4ad6-a1d2-e5b545e764fb.png');
		expect(items[0].json.labels).toEqual([{ href: `${LABEL_HOST}/l/13bab305-reprint.png` }]);
		await takeDownloadReports();
	});

	it('fails with a clear message when the label file cannot be downloaded', async () => {
		nock(STAGING_API).get('/sera/v1/labels/abc').reply(200, fixture('reprint.json'));
		labelHost().get('/l/13bab305-reprint.png').reply(404, 'gone');
		const { error } = await run({ resource: 'label', operation: 'reprint', labelId: 'abc' });
		expect(error?.message).toBe('The file could not be downloaded from SERA (HTTP 404)');
		await takeDownloadReports();
	});
});

describe('Label > Void', () => {
	it('PUTs /void without a body or key and reports the voided label', async () => {
		nock(STAGING_API, { reqheaders: { authorization: BEARER }, badheaders: ['idempotency-key'] })
			.put('/sera/v1/labels/13bab305/void', (body) => body === '' || body === undefined || Object.keys(body).length === 0)
			.reply(200, '');
		const { items, error } = await run({ resource: 'label', operation: 'void', labelId: '13bab305' });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([{ label_id: '13bab305', voided: true, status_code: 200 }]);
	});
});
