/** Account (settings, Shipsurance connection), Label Image, File › Download and Rate › Calculate For Shipments. */
import nock from 'nock';

import { API, errorBody, headers, run } from './labelHelpers';

const NO_CONTENT = ['', { 'Content-Type': 'text/plain' }] as const;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const image = { label_image_id: 'img_DtBXupDBxREpHnwEXhTfgK', name: 'Shop logo', is_default: true, image_content_type: 'image/png' };
const pngItem = (mimeType = 'image/png') => [{ json: {}, binary: { logo: { data: PNG.toString('base64'), mimeType, fileName: 'logo.png' } } }];

describe('Account', () => {
	it('Get Settings', async () => {
		nock(API, headers).get('/v1/account/settings').reply(200, { default_label_layout: '4x6' });
		const { items } = await run({ resource: 'account', operation: 'getSettings' });
		expect(items).toEqual([{ json: { default_label_layout: '4x6' }, pairedItem: { item: 0 } }]);
	});

	it('Connect Shipsurance sends email and policy ID; Disconnect sends no body', async () => {
		nock(API, headers)
			.post('/v1/connections/insurance/shipsurance', { email: 'ops@example.com', policy_id: 'P-123' })
			.reply(200, {})
			.delete('/v1/connections/insurance/shipsurance', (body) => body === '' || body === undefined)
			.reply(200, {});
		const connected = await run({ resource: 'account', operation: 'connectShipsurance', shipsuranceEmail: 'ops@example.com', shipsurancePolicyId: 'P-123' });
		expect(connected.items).toEqual([{ json: { success: true, shipsurance: 'connected', email: 'ops@example.com' }, pairedItem: { item: 0 } }]);
		const disconnected = await run({ resource: 'account', operation: 'disconnectShipsurance' });
		expect(disconnected.items).toEqual([{ json: { success: true, shipsurance: 'disconnected' }, pairedItem: { item: 0 } }]);
	});

	it('Connect Shipsurance checks the email first', async () => {
		const { error } = await run({ resource: 'account', operation: 'connectShipsurance', shipsuranceEmail: 'ops', shipsurancePolicyId: 'P-1' });
		expect(error?.message).toBe('Shipsurance Email: "ops" is not an email address (item 0)');
	});
});

describe('Label Image', () => {
	it('Create uploads the input item\'s PNG as base64', async () => {
		nock(API, headers)
			.post('/v1/account/settings/images', { name: 'Shop logo', is_default: true, image_content_type: 'image/png', image_data: PNG.toString('base64') })
			.reply(200, image);
		const { items, error } = await run(
			{ resource: 'labelImage', operation: 'create', labelImageName: 'Shop logo', labelImageBinaryField: 'logo', labelImageIsDefault: true },
			{ input: pngItem() },
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: image, pairedItem: { item: 0 } }]);
	});

	it.each([
		[{ labelImageBinaryField: 'missing' }, pngItem(), 'Input Image Field: the input item has no binary field "missing" (read the image with e.g. Read/Write Files from Disk or HTTP Request first) (item 0)'],
		[{}, pngItem('image/gif'), 'Input Image Field: "logo" is image/gif; ShipEngine takes PNG or JPEG (item 0)'],
	])('Create sends nothing for bad input %p', async (override, input, message) => {
		const { error } = await run({ resource: 'labelImage', operation: 'create', labelImageName: 'Shop logo', labelImageBinaryField: 'logo', ...override }, { input });
		expect(error?.message).toBe(message);
	});

	it('Get, Get Many, Update, Delete', async () => {
		nock(API, headers)
			.get(`/v1/account/settings/images/${image.label_image_id}`)
			.reply(200, image)
			.get('/v1/account/settings/images')
			.reply(200, { images: [image, { ...image, label_image_id: 'img_2', is_default: false }], total: 2, page: 1, pages: 1, links: { first: { href: `${API}/v1/account/settings/images?page=1` }, last: { href: `${API}/v1/account/settings/images?page=1` }, prev: {}, next: {} } })
			.put(`/v1/account/settings/images/${image.label_image_id}`, { name: 'Logo 2026', is_default: false })
			.reply(204, ...NO_CONTENT)
			.delete(`/v1/account/settings/images/${image.label_image_id}`)
			.reply(204, ...NO_CONTENT);
		expect((await run({ resource: 'labelImage', operation: 'get', labelImageId: image.label_image_id })).items[0].json).toEqual(image);
		expect((await run({ resource: 'labelImage', operation: 'getAll', returnAll: false, limit: 1 })).items).toHaveLength(1);
		expect((await run({ resource: 'labelImage', operation: 'update', labelImageId: image.label_image_id, labelImageName: 'Logo 2026', labelImageIsDefault: false })).items[0].json).toEqual({
			success: true,
			label_image_id: image.label_image_id,
			updated: true,
		});
		expect((await run({ resource: 'labelImage', operation: 'delete', labelImageId: image.label_image_id })).items[0].json).toEqual({
			success: true,
			label_image_id: image.label_image_id,
			deleted: true,
		});
	});
});

describe('File > Download', () => {
	const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

	it('fetches the link\'s path from the credential\'s host and outputs the file as binary', async () => {
		nock(API, headers).get('/v1/downloads/1/uthOa1LAM0SXGqxnAM_AvA/labels-1013119.pdf').reply(200, PDF, { 'Content-Type': 'application/pdf' });
		const { items, error } = await run({
			resource: 'file',
			operation: 'download',
			downloadUrl: 'https://api.shipengine.com/v1/downloads/1/uthOa1LAM0SXGqxnAM_AvA/labels-1013119.pdf',
			binaryPropertyName: 'labels',
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ file_name: 'labels-1013119.pdf', mime_type: 'application/pdf', file_size: PDF.length });
		expect(items[0].binary?.labels).toMatchObject({ mimeType: 'application/pdf', fileName: 'labels-1013119.pdf' });
		expect(Buffer.from(String(items[0].binary?.labels.data), 'base64')).toEqual(PDF);
	});

	it('never sends the API key to another host: a foreign link is fetched from ShipEngine, or refused', async () => {
		nock(API, headers).get('/v1/downloads/1/a/label.zpl').query({ rotation: 90 }).reply(200, '^XA^XZ', { 'Content-Type': 'application/zpl' });
		const fetched = await run({ resource: 'file', operation: 'download', downloadUrl: 'https://evil.example.com/v1/downloads/1/a/label.zpl', binaryPropertyName: 'data', options: { downloadRotation: 90 } });
		expect(fetched.error).toBeUndefined();
		const refused = await run({ resource: 'file', operation: 'download', downloadUrl: 'https://evil.example.com/steal', binaryPropertyName: 'data' });
		expect(refused.error?.message).toBe('File URL: "https://evil.example.com/steal" is not a ShipEngine download link (https://api.shipengine.com/v1/downloads/…/…/file.pdf) (item 0)');
	});

	it('a missing file is ShipEngine\'s 404 message', async () => {
		nock(API, headers).get('/v1/downloads/1/a/gone.pdf').reply(404, errorBody('file_not_found', 'The file was not found.', 'e1d2e3f4-0000-4000-8000-000000000081'));
		const { error } = await run({ resource: 'file', operation: 'download', downloadUrl: '/v1/downloads/1/a/gone.pdf', binaryPropertyName: 'data' });
		expect(error?.message).toBe('The file was not found.');
	});
});

describe('Rate > Calculate For Shipments', () => {
	it('sends shipment_ids and carrier_ids, one item per shipment\'s rate request', async () => {
		const answer = [
			{ rate_request_id: 'se-501', shipment_id: 'se-11', created_at: '2026-12-07T18:00:00Z', status: 'completed', errors: [] },
			{ rate_request_id: 'se-502', shipment_id: 'se-12', created_at: '2026-12-07T18:00:00Z', status: 'working', errors: [] },
		];
		nock(API, headers).post('/v1/rates/bulk', { shipment_ids: ['se-11', 'se-12'], rate_options: { carrier_ids: ['se-100001'] } }).reply(200, answer);
		const { items, error } = await run({ resource: 'rate', operation: 'calculateBulk', bulkShipmentIds: 'se-11, se-12', carrierIds: ['se-100001'] });
		expect(error).toBeUndefined();
		expect(items).toEqual(answer.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('needs at least one shipment ID', async () => {
		const { error } = await run({ resource: 'rate', operation: 'calculateBulk', bulkShipmentIds: ' , ', carrierIds: ['se-100001'] });
		expect(error?.message).toBe('Shipment IDs To Rate: give at least one shipment ID (e.g. se-123456) (item 0)');
	});
});
