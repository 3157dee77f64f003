import { createHash } from 'node:crypto';

import nock from 'nock';

import { currentInstanceId } from '../helpers/engine';
import { API, apiPackages, apiShipFrom, apiShipTo, errorBody, fixture, headers, packagesParam, run, shipFromParam, shipToParam } from './labelHelpers';

const labelInline = fixture('label-inline.json');
const pdfBytes = Buffer.from(
	String((labelInline.label_download as { href: string }).href).split(',')[1],
	'base64',
);

const createParams = {
	resource: 'label',
	operation: 'create',
	carrierId: 'se-456789',
	serviceCode: 'usps_priority_mail',
	shipTo: shipToParam,
	shipFrom: shipFromParam,
	packages: packagesParam,
};

/** The default external shipment ID: this n8n installation, the workflow, execution, node, run and item. */
const expectedKey = (executionId: string, nodeId: string, runIndex: number, itemIndex: number) =>
	`n8n-${createHash('sha256')
		.update(JSON.stringify([currentInstanceId(), 'test-workflow', executionId, nodeId, runIndex, itemIndex]))
		.digest('hex')
		.slice(0, 46)}`;

const createBody = (externalId: string, extra: object = {}) => ({
	shipment: {
		carrier_id: 'se-456789',
		service_code: 'usps_priority_mail',
		ship_to: apiShipTo,
		ship_from: apiShipFrom,
		packages: apiPackages,
		external_shipment_id: externalId,
	},
	label_download_type: 'inline',
	...extra,
});

describe('Label > Create (purchase)', () => {
	it('a first attempt with the default external shipment ID sends only the purchase (no lookup) and returns the PDF as binary data', async () => {
		const key = expectedKey('exec-1', 'node-under-test', 0, 0);
		const api = nock(API, headers)
			.post('/v1/labels', createBody(key))
			.reply(200, { ...labelInline, external_shipment_id: key });

		const { items, error } = await run(createParams);
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
		expect(items).toHaveLength(1);
		const [item] = items;
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json.reused_existing_label).toBe(false);
		expect(item.json.label_id).toBe('se-test-147980607');
		expect(item.json.label_download).toEqual({});
		expect(JSON.stringify(item.json)).not.toContain('JVBER');
		const binary = item.binary!.data;
		expect(binary.mimeType).toBe('application/pdf');
		expect(binary.fileName).toBe('label-9400111899223197428490.pdf');
		expect(Buffer.from(binary.data, 'base64')).toEqual(pdfBytes);
	});

	it('sends Additional Fields and Options only when set, honours a user external ID and the binary field name', async () => {
		const api = nock(API, headers)
			.get('/v1/labels/external_shipment_id/order-1001')
			.query({ label_download_type: 'url' })
			.reply(404, errorBody('invalid_identifier', 'Label not found'))
			.post('/v1/labels', {
				shipment: {
					carrier_id: 'se-456789',
					service_code: 'usps_priority_mail',
					external_shipment_id: 'order-1001',
					confirmation: 'signature',
					ship_to: apiShipTo,
					ship_from: apiShipFrom,
					packages: apiPackages,
					customs: { contents: 'merchandise', non_delivery: 'return_to_sender' },
				},
				label_format: 'zpl',
				label_download_type: 'url',
			})
			.reply(200, {
				...labelInline,
				label_format: 'zpl',
				label_download: { href: `${API}/v1/downloads/10/abc/label-1.zpl`, zpl: `${API}/v1/downloads/10/abc/label-1.zpl` },
			})
			.get('/v1/downloads/10/abc/label-1.zpl')
			.reply(200, '^XA^FDlabel^FS^XZ', { 'Content-Type': 'application/zpl' });

		const { items, error } = await run({
			...createParams,
			additionalFields: {
				externalShipmentId: 'order-1001',
				confirmation: 'signature',
				shipmentJson: '{"customs":{"contents":"merchandise","non_delivery":"return_to_sender"}}',
			},
			options: { labelFormat: 'zpl', labelDownloadType: 'url' },
			binaryPropertyName: 'label',
		});
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
		const binary = items[0].binary!.label;
		expect(binary.mimeType).toBe('application/zpl');
		expect(binary.fileName).toBe('label-9400111899223197428490.zpl');
		expect(Buffer.from(binary.data, 'base64').toString()).toBe('^XA^FDlabel^FS^XZ');
		expect(items[0].json.label_download).toEqual({
			href: `${API}/v1/downloads/10/abc/label-1.zpl`,
			zpl: `${API}/v1/downloads/10/abc/label-1.zpl`,
		});
	});

	it('returns the label an earlier attempt bought instead of buying again (no POST)', async () => {
		nock(API, headers)
			.get('/v1/labels/external_shipment_id/order-1001')
			.query({ label_download_type: 'inline' })
			.reply(200, labelInline);
		const { items, error } = await run({ ...createParams, additionalFields: { externalShipmentId: 'order-1001' } });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json.reused_existing_label).toBe(true);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].binary!.data.fileName).toBe('label-9400111899223197428490.pdf');
	});

	it('refuses to buy again when the external ID belongs to a voided label', async () => {
		nock(API, headers)
			.get('/v1/labels/external_shipment_id/order-1001')
			.query({ label_download_type: 'inline' })
			.reply(200, { ...labelInline, status: 'voided', voided: true });
		const { error } = await run({ ...createParams, additionalFields: { externalShipmentId: 'order-1001' } });
		expect(error?.message).toContain('external shipment ID "order-1001" already exists with status "voided"');
	});

	it('never repeats the POST after a 500, and says why', async () => {
		const key = expectedKey('exec-1', 'node-under-test', 0, 0);
		nock(API, headers)
			.post('/v1/labels', createBody(key))
			.reply(500, errorBody('unspecified', 'Internal server error', '6c2a1f3e-8b7d-4e21-9f0a-000000000500'));
		const { error, items } = await run(createParams);
		expect(items).toEqual([]);
		expect(error?.message).toBe('Internal server error');
		expect(error?.description).toContain('was not repeated automatically');
		expect(error?.description).toContain('request id: 6c2a1f3e-8b7d-4e21-9f0a-000000000500');
	});

	it('with Retry On Fail, the second try looks up first and finds the label the first try bought', async () => {
		const key = expectedKey('exec-7', 'node-7', 0, 0);
		nock(API, headers)
			.post('/v1/labels', createBody(key))
			.reply(502, '<html>Bad gateway</html>')
			.get(`/v1/labels/external_shipment_id/${key}`)
			.query(true)
			.reply(200, { ...labelInline, external_shipment_id: key });
		const { error, items } = await run(createParams, {
			executionId: 'exec-7',
			nodeId: 'node-7',
			settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json.reused_existing_label).toBe(true);
	});

	it('retries a 429 on the purchase after Retry-After (the API refused it: no lookup needed)', async () => {
		const key = expectedKey('exec-1', 'node-under-test', 0, 0);
		nock(API, headers)
			.post('/v1/labels', createBody(key))
			.reply(429, errorBody('rate_limit_exceeded', 'Too many requests'), { 'Retry-After': '0' })
			.post('/v1/labels', createBody(key))
			.reply(200, labelInline);
		const { error, items } = await run(createParams);
		expect(error).toBeUndefined();
		expect(items[0].json.reused_existing_label).toBe(false);
	});

	it('maps an API error with its message, code and request id', async () => {
		const key = expectedKey('exec-1', 'node-under-test', 0, 0);
		nock(API, headers)
			.post('/v1/labels', createBody(key))
			.reply(400, errorBody('invalid_address', 'Invalid ship_to postal code', '6c2a1f3e-8b7d-4e21-9f0a-000000000abc'));
		const { error } = await run(createParams);
		expect(error?.message).toBe('Invalid ship_to postal code');
		expect(error?.description).toContain('error code: invalid_address');
		expect(error?.description).toContain('request id: 6c2a1f3e-8b7d-4e21-9f0a-000000000abc');
		expect(error?.description).toContain('HTTP 400');
	});

	it.each([
		[{ packages: { package: [{ weight: 0, weightUnit: 'pound' }] } }, 'Packages > Package 1 > Weight: must be above zero'],
		[{ shipTo: { address: { ...shipToParam.address, countryCode: 'USA' } } }, 'Ship To > Country Code: "USA" is not a two-letter ISO country code'],
		[{ shipTo: { address: { ...shipToParam.address, addressLine1: '={{ "" }}' } } }, 'Ship To > Address Line 1: is required'],
		[{ shipFrom: {} }, 'Ship From: an address is required'],
		[{ additionalFields: { shipmentJson: '{oops' } }, 'Additional Fields > Shipment JSON: is not valid JSON'],
	])('rejects bad input before any request (%#)', async (override, message) => {
		const { error } = await run({ ...createParams, ...override });
		expect(error?.message).toContain(message);
		expect(error?.message).toContain('(item 0)');
	});

	it('Continue On Fail: a bad item becomes an error item, the others are bought', async () => {
		const key1 = expectedKey('exec-1', 'node-under-test', 0, 1);
		nock(API, headers)
			.post('/v1/labels', createBody(key1))
			.reply(200, labelInline);
		const { items, error } = await run(
			{ ...createParams, packages: { package: [{ weight: '={{ $json.weight }}', weightUnit: 'pound', length: 10, width: 8, height: 4, dimensionUnit: 'inch' }] } },
			{ input: [{ json: { weight: 0 } }, { json: { weight: 2.5 } }], settings: { continueOnFail: true } },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toContain('Packages > Package 1 > Weight: must be above zero (got 0) (item 0)');
		expect(items[1].json.label_id).toBe('se-test-147980607');
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});
});
