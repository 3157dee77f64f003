import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { API, errorBody, fixture, headers, run } from './labelHelpers';

const inline = fixture('label-inline.json');
const urlLabel = (id: string): IDataObject => ({
	...inline,
	label_id: id,
	label_download: { href: `${API}/v1/downloads/10/x/${id}.pdf`, pdf: `${API}/v1/downloads/10/x/${id}.pdf` },
});
const link = (page: number) => ({ href: `${API}/v1/labels?page=${page}`, type: 'results' });
const page = (labels: IDataObject[], pageNo: number, pages: number, total: number) => ({
	labels,
	total,
	page: pageNo,
	pages,
	links: { first: link(1), last: link(pages), prev: pageNo > 1 ? link(pageNo - 1) : {}, next: pageNo < pages ? link(pageNo + 1) : {} },
});
const pdf = { 'Content-Type': 'application/pdf' };

describe('Label > Get Many', () => {
	it('Return All walks every page with the filters', async () => {
		nock(API, headers)
			.get('/v1/labels')
			.query({ label_status: 'completed', refund_status: 'pending,approved', page: 1, page_size: 5000 })
			.reply(200, page([urlLabel('se-1'), urlLabel('se-2')], 1, 2, 3))
			.get('/v1/labels')
			.query({ label_status: 'completed', refund_status: 'pending,approved', page: 2, page_size: 5000 })
			.reply(200, page([urlLabel('se-3')], 2, 2, 3));
		const { items, error } = await run(
			{ resource: 'label', operation: 'getAll', returnAll: true, filters: { labelStatus: 'completed', refundStatus: ['pending', 'approved'] } },
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.label_id)).toEqual(['se-1', 'se-2', 'se-3']);
		expect(items.every((i) => JSON.stringify(i.pairedItem) === '{"item":0}')).toBe(true);
	});

	it('date filters are read in the workflow time zone and sent as UTC, like the other lists', async () => {
		nock(API, headers)
			.get('/v1/labels')
			.query({ page: 1, page_size: 50, created_at_start: '2026-04-01T04:00:00.000Z', created_at_end: '2026-04-01T10:00:00.000Z' })
			.reply(200, page([urlLabel('se-1')], 1, 1, 1));
		const { items, error } = await run({
			resource: 'label',
			operation: 'getAll',
			filters: { createdAtStart: '2026-04-01T00:00:00', createdAtEnd: '2026-04-01T12:00:00+02:00' },
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.label_id)).toEqual(['se-1']);
	});

	it('names the date filter that is not a date, before any request', async () => {
		const { error } = await run({ resource: 'label', operation: 'getAll', filters: { createdAtEnd: '31/04/2026' } });
		expect(error?.message).toBe('Filters > Created Before: "31/04/2026" is not a date and time (use e.g. 2026-04-10T15:00:00) (item 0)');
	});

	it('Limit asks for one page of that size', async () => {
		nock(API, headers)
			.get('/v1/labels')
			.query({ page: 1, page_size: 2 })
			.reply(200, page([urlLabel('se-1'), urlLabel('se-2')], 1, 5, 10));
		const { items } = await run({ resource: 'label', operation: 'getAll', returnAll: false, limit: 2 });
		expect(items.map((i) => i.json.label_id)).toEqual(['se-1', 'se-2']);
	});
});

describe('Label > other operations', () => {
	it('Get downloads the label inline', async () => {
		nock(API, headers).get('/v1/labels/se-1').query({ label_download_type: 'inline' }).reply(200, { ...inline, label_id: 'se-1' });
		const { items } = await run({ resource: 'label', operation: 'get', labelId: 'se-1' });
		expect(items[0].binary?.data.mimeType).toBe('application/pdf');
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('Get without Download Label sends no download type and adds no binary', async () => {
		nock(API, headers).get('/v1/labels/se-1').query({}).reply(200, urlLabel('se-1'));
		const { items } = await run({ resource: 'label', operation: 'get', labelId: 'se-1', downloadLabel: false });
		expect(items[0].binary).toBeUndefined();
		expect(items[0].json).toEqual(urlLabel('se-1'));
	});

	it('Get By External Shipment ID', async () => {
		nock(API, headers).get('/v1/labels/external_shipment_id/order-7').query({ label_download_type: 'inline' }).reply(200, inline);
		const { items } = await run({ resource: 'label', operation: 'getByExternalShipmentId', externalShipmentId: 'order-7' });
		expect(items[0].json.label_id).toBe('se-test-147980607');
	});

	it('Void returns the carrier decision', async () => {
		nock(API, headers).put('/v1/labels/se-1/void').reply(200, { approved: true, message: 'Request for refund submitted.' });
		const { items } = await run({ resource: 'label', operation: 'void', labelId: 'se-1' });
		expect(items).toEqual([{ json: { approved: true, message: 'Request for refund submitted.' }, pairedItem: { item: 0 } }]);
	});

	it('Get Tracking', async () => {
		const tracking = { tracking_number: '9400111899223197428490', status_code: 'IT', carrier_status_code: 'NT', events: [] };
		nock(API, headers).get('/v1/labels/se-1/track').reply(200, tracking);
		const { items } = await run({ resource: 'label', operation: 'getTracking', labelId: 'se-1' });
		expect(items[0].json).toEqual(tracking);
	});

	it('Cancel Refund', async () => {
		nock(API, headers).post('/v1/labels/se-1/cancel_refund').reply(200, { ...inline, label_id: 'se-1' });
		const { items } = await run({ resource: 'label', operation: 'cancelRefund', labelId: 'se-1' });
		expect(items[0].json.label_id).toBe('se-1');
	});

	it('Create From Rate: a first attempt for the rate sends only the purchase', async () => {
		nock(API, headers)
			.post('/v1/labels/rates/se-rate-1', { label_format: 'pdf', label_download_type: 'inline' })
			.reply(200, inline);
		const { items, error } = await run({ resource: 'label', operation: 'createFromRate', rateId: 'se-rate-1', options: { labelFormat: 'pdf' } });
		expect(error).toBeUndefined();
		expect(items[0].json.reused_existing_label).toBe(false);
	});

	it('Create From Shipment: a retry looks up the shipment\'s labels first; one exists → reused, file fetched, no second purchase', async () => {
		nock(API, headers)
			.post('/v1/labels/shipment/se-41783999', { label_download_type: 'inline' })
			.reply(504, errorBody('unspecified', 'Gateway timeout'))
			.get('/v1/labels')
			.query({ shipment_id: 'se-41783999', page_size: 25 })
			.reply(200, page([{ ...urlLabel('se-9'), status: 'voided' }, urlLabel('se-1')], 1, 1, 2))
			.get('/v1/downloads/10/x/se-1.pdf')
			.reply(200, Buffer.from('%PDF-1.4 reused'), pdf);
		const { items, error } = await run(
			{ resource: 'label', operation: 'createFromShipment', shipmentId: 'se-41783999' },
			{ settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 1 } },
		);
		expect(error).toBeUndefined();
		expect(items[0].json.label_id).toBe('se-1');
		expect(items[0].json.reused_existing_label).toBe(true);
		expect(Buffer.from(items[0].binary!.data.data, 'base64').toString()).toBe('%PDF-1.4 reused');
	});

	it('Create Return Label sends its fields and never repeats on 503', async () => {
		nock(API, headers)
			.post('/v1/labels/se-1/return', { rma_number: 'RMA-1', label_download_type: 'inline' })
			.reply(503, errorBody('unspecified', 'Service unavailable'), { 'Retry-After': '0' });
		const { error } = await run({ resource: 'label', operation: 'createReturn', labelId: 'se-1', additionalFields: { rmaNumber: 'RMA-1' } });
		expect(error?.message).toBe('Service unavailable');
		expect(error?.description).toContain('not repeated automatically');
	});

	it('Create With Rate Shopper posts the shipment to the chosen strategy', async () => {
		nock(API, headers)
			.get('/v1/labels/external_shipment_id/order-9')
			.query({ label_download_type: 'inline' })
			.reply(404, errorBody('invalid_identifier', 'not found'))
			.post('/v1/labels/rate_shopper_id/cheapest', (body: IDataObject) => {
				const shipment = body.shipment as IDataObject;
				return shipment.external_shipment_id === 'order-9' && shipment.warehouse_id === 'se-wh-1' && !('ship_from' in shipment) && !('carrier_id' in shipment);
			})
			.reply(200, inline);
		const { items, error } = await run({
			resource: 'label',
			operation: 'createWithRateShopper',
			rateShopperId: 'cheapest',
			shipTo: { address: { name: 'Jane', addressLine1: '1 Main', cityLocality: 'Austin', stateProvince: 'TX', postalCode: '78701', countryCode: 'US' } },
			packages: { package: [{ weight: 1, weightUnit: 'pound' }] },
			additionalFields: { externalShipmentId: 'order-9', warehouseId: 'se-wh-1' },
		});
		expect(error).toBeUndefined();
		expect(items[0].binary?.data.fileName).toBe('label-9400111899223197428490.pdf');
	});
});
