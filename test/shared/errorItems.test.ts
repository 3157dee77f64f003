/**
 * Continue On Fail items a workflow can branch on (issue 14, part 4): besides `error` (the
 * message) an error item carries `errorCode` (the API's code or codes), `httpCode`, `requestId`
 * (ShipEngine request_id, SERA error_reference_id) and, for purchases, `purchaseState`
 * (not_sent / not_bought / unknown). With "Continue (using error output)" the same fields sit
 * under `details`, so n8n still sends the item to the error output. Bad input refused before
 * any request is built by n8n itself and carries `error` only (nodes/shared/errorItem.ts).
 */
import nock from 'nock';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { NODE_NAME, type RunNodeResult } from '../helpers/engine';
import { API, apiShipTo, errorBody, fixture, headers, packagesParam, run as runShipEngine, shipFromParam, shipToParam } from '../shipengine/labelHelpers';
import { BEARER, run as runSera, SHIP_FROM, SHIP_TO, STAGING_API } from '../stampscom/helpers';

const continueOnFail = { settings: { continueOnFail: true } };
const TRACK = { resource: 'tracking', operation: 'get', carrierCode: 'stamps_com', trackingNumber: '9400111899223197428490' };
const createLabel: INodeParameters = {
	resource: 'label',
	operation: 'create',
	carrierId: 'se-456789',
	serviceCode: 'usps_priority_mail',
	shipTo: shipToParam,
	shipFrom: shipFromParam,
	packages: packagesParam,
};
const userKey = { ...createLabel, additionalFields: { externalShipmentId: 'order-5' } };
const seraLabel = { resource: 'label', operation: 'create', shipFrom: SHIP_FROM, shipTo: SHIP_TO, serviceType: 'usps_priority_mail', packagingType: 'package', weight: 4, weightUnit: 'ounce' };

/** Items on the node's error output ("Continue (using error output)"). */
const errorOutput = (result: RunNodeResult): INodeExecutionData[] =>
	result.run.data.resultData.runData[NODE_NAME]?.at(-1)?.data?.main?.[1] ?? [];

describe('ShipEngine error items', () => {
	it('a read: errorCode, httpCode and requestId next to the message', async () => {
		nock(API, headers).get('/v1/tracking').query(true).reply(400, errorBody('invalid_identifier', 'Unknown tracking number', '6c2a1f3e-8b7d-4e21-9f0a-000000000400'));
		const { items, error } = await runShipEngine(TRACK, continueOnFail);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ error: 'Unknown tracking number', errorCode: 'invalid_identifier', httpCode: 400, requestId: '6c2a1f3e-8b7d-4e21-9f0a-000000000400' });
		expect(items[0].json.purchaseState).toBeUndefined();
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it.each([
		['refused by the API (400 invalid_address)', 400, errorBody('invalid_address', 'Invalid postal code', '6c2a1f3e-8b7d-4e21-9f0a-00000000000a'), 'not_bought', 'invalid_address'],
		['a 500 after sending: may or may not have bought', 500, errorBody('unspecified', 'Internal server error', '6c2a1f3e-8b7d-4e21-9f0a-00000000000b'), 'unknown', 'unspecified'],
	])('Label > Create %s', async (_, status, body, state, code) => {
		nock(API, headers).post('/v1/labels').reply(status, body);
		const { items } = await runShipEngine(createLabel, continueOnFail);
		expect(items[0].json).toMatchObject({ errorCode: code, httpCode: status, requestId: body.request_id, purchaseState: state });
	});

	it("Label > Create that stops before buying (another shipment's label found): purchaseState not_sent", async () => {
		nock(API, headers)
			.get('/v1/labels/external_shipment_id/order-5')
			.query(true)
			.reply(200, { ...fixture('label-inline.json'), external_shipment_id: 'order-5', ship_to: { ...apiShipTo, name: 'Amanda Miller' } });
		const { items } = await runShipEngine(userKey, continueOnFail);
		expect(items[0].json).toMatchObject({ purchaseState: 'not_sent', httpCode: null });
		expect(String(items[0].json.error)).toContain('ship_to.name');
	});

	it('with "Continue (using error output)" the item goes to the error output, the fields under details', async () => {
		nock(API, headers).post('/v1/labels').reply(400, errorBody('invalid_address', 'Invalid postal code', '6c2a1f3e-8b7d-4e21-9f0a-00000000000c'));
		const result = await runShipEngine(createLabel, { settings: { onError: 'continueErrorOutput' } });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(0);
		const [item] = errorOutput(result);
		expect(item.json).toMatchObject({ error: 'Invalid postal code', details: { errorCode: 'invalid_address', httpCode: 400, requestId: '6c2a1f3e-8b7d-4e21-9f0a-00000000000c', purchaseState: 'not_bought' } });
	});

	it('bad input refused before any request carries the message only (n8n builds that item)', async () => {
		const { items } = await runShipEngine({ ...TRACK, trackingNumber: '  ' }, continueOnFail);
		expect(Object.keys(items[0].json)).toEqual(['error']);
	});
});

describe('Stamps.com error items', () => {
	it('SERA 800010 (invalid label ID): errorCode, httpCode, requestId from error_reference_id', async () => {
		nock(STAGING_API, { reqheaders: { authorization: BEARER } })
			.put('/sera/v1/labels/lbl-x/void')
			.reply(400, { errors: [{ error_code: 800010, error_message: 'Invalid label id.', error_reference_id: 'ref-10' }] });
		const { items, error } = await runSera({ resource: 'label', operation: 'void', labelId: 'lbl-x' }, continueOnFail);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ error: 'Invalid label id.', errorCode: '800010', httpCode: 400, requestId: 'ref-10' });
	});

	it('Label > Create refused by SERA: purchaseState not_bought', async () => {
		nock(STAGING_API)
			.post('/sera/v1/labels')
			.reply(400, { errors: [{ error_code: 800000, error_message: 'Insufficient funds to complete the transaction.', error_reference_id: 'ref-11' }] });
		const { items } = await runSera(seraLabel, continueOnFail);
		expect(items[0].json).toMatchObject({ errorCode: '800000', httpCode: 400, requestId: 'ref-11', purchaseState: 'not_bought' } as IDataObject);
	});
});
