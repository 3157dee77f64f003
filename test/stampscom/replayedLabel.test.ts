/**
 * A user-set Idempotency Key (an order number) used again for another shipment: SERA replays the
 * first answer to a repeated key for 24 hours, so the item would get the other order's label.
 * Real engine, SERA answered by nock with its replay rule.
 */
import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { resetLabelRecord } from '../../nodes/StampsCom/shared/sameLabel';
import { BEARER, fixture, labelCreateParameters, run, SHIP_TO, STAGING_API } from './helpers';

const label = (extra: INodeParameters = {}) =>
	labelCreateParameters({ additionalFields: { labelOutputType: 'base64' }, options: { idempotencyKey: 'order-77' }, ...extra });

/** SERA for `times` POST /v1/labels: a new label per new key, the first answer again for a key seen before. */
function sera(times: number): { keys: string[]; bought: () => number } {
	const keys: string[] = [];
	const answers = new Map<string, IDataObject>();
	nock(STAGING_API, { reqheaders: { authorization: BEARER } })
		.post('/sera/v1/labels')
		.times(times)
		.reply(function (_uri, body) {
			const key = this.req.headers['idempotency-key'] as string;
			keys.push(key);
			const request = body as IDataObject;
			const answer = answers.get(key) ?? {
				...fixture('label-base64.json'),
				label_id: `label-${answers.size + 1}`,
				service_type: request.service_type,
				packaging_type: (request.package as IDataObject).packaging_type,
			};
			answers.set(key, answer);
			return [200, answer];
		});
	return { keys, bought: () => answers.size };
}

beforeEach(() => resetLabelRecord());

describe('Label > Create with your own Idempotency Key', () => {
	it('refuses a label SERA replays for another service: nothing bought, the other label not returned', async () => {
		const api = sera(2);
		const first = await run(label(), { executionId: 'exec-order-77-a' });
		expect(first.error).toBeUndefined();
		expect(first.items[0].json.label_id).toBe('label-1');
		resetLabelRecord(); // another n8n process: no record of the first purchase
		const { items, error } = await run(label({ serviceType: 'usps_ground_advantage' }), {
			executionId: 'exec-order-77-b',
			settings: { continueOnFail: true },
		});
		expect(error).toBeUndefined();
		expect(api.keys).toHaveLength(2);
		expect(api.keys[1]).toBe(api.keys[0]);
		expect(api.bought()).toBe(1);
		expect(items).toHaveLength(1);
		expect(items[0].binary).toBeUndefined();
		expect(items[0].json).toMatchObject({
			error:
				'Idempotency Key "order-77" belongs to another shipment: label label-1 (Idempotency Key "order-77") has service_type "usps_priority_mail", this item asks for "usps_ground_advantage"',
			purchaseState: 'not_bought',
		});
		expect(String(items[0].json.errorDescription)).toContain('nothing was bought for this item');
	});

	it('stops before sending when this n8n bought another shipment with the key (ship-to differs)', async () => {
		const api = sera(1);
		expect((await run(label(), { executionId: 'exec-order-77-c' })).error).toBeUndefined();
		const otherRecipient = { address: { ...SHIP_TO.address, name: 'Jane Doe' } };
		const { items } = await run(label({ shipTo: otherRecipient }), { executionId: 'exec-order-77-d', settings: { continueOnFail: true } });
		expect(api.keys).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			error:
				'Idempotency Key "order-77" belongs to another shipment: label label-1 (Idempotency Key "order-77") has to_address.name "Minerva M", this item asks for "Jane Doe"',
			purchaseState: 'not_sent',
		});
		expect(String(items[0].json.errorDescription)).toContain('Nothing was sent');
	});

	it('stops before sending when the weight differs, and fails the node without Continue On Fail', async () => {
		sera(1);
		expect((await run(label(), { executionId: 'exec-order-77-e' })).error).toBeUndefined();
		const { error } = await run(label({ weight: 2, weightUnit: 'pound' }), { executionId: 'exec-order-77-f' });
		expect(error?.message).toBe(
			'Idempotency Key "order-77" belongs to another shipment: label label-1 (Idempotency Key "order-77") has package.weight "4 ounce", this item asks for "2 pound"',
		);
	});

	it('returns the same label again for the same shipment (a safe repeat in a later execution or another process)', async () => {
		const api = sera(3);
		const first = await run(label(), { executionId: 'exec-order-77-g' });
		const again = await run(label(), { executionId: 'exec-order-77-h' });
		resetLabelRecord();
		const elsewhere = await run(label(), { executionId: 'exec-order-77-i' });
		for (const result of [first, again, elsewhere]) {
			expect(result.error).toBeUndefined();
			expect(result.items[0].json.label_id).toBe('label-1');
			expect(result.items[0].binary?.data?.mimeType).toBe('application/pdf');
		}
		expect(api.bought()).toBe(1);
	});
	it('stops a second item of the same execution that uses the key for another recipient', async () => {
		const api = sera(1);
		const input = [{ json: { name: 'Minerva M' } }, { json: { name: 'Jane Doe' } }];
		const { items } = await run(label({ shipTo: { address: { ...SHIP_TO.address, name: '={{ $json.name }}' } } }), {
			executionId: 'exec-order-77-j',
			input,
			settings: { continueOnFail: true },
		});
		expect(api.keys).toHaveLength(1);
		expect(items[0].json.label_id).toBe('label-1');
		expect(String(items[1].json.error)).toMatch(/^Idempotency Key "order-77" belongs to another shipment: .* has to_address.name "Minerva M", this item asks for "Jane Doe"$/);
		expect(items[1].json.purchaseState).toBe('not_sent');
	});

	it('forgets a first purchase SERA refused, so a corrected shipment with the key is sent', async () => {
		nock(STAGING_API)
			.post('/sera/v1/labels')
			.reply(400, { errors: [{ error_code: 800000, error_message: 'The request is invalid: to_address.postal_code' }], error_reference_id: 'ref-1' });
		const refused = await run(label({ shipTo: { address: { ...SHIP_TO.address, postalCode: '00000' } } }), { executionId: 'exec-order-77-k' });
		expect(refused.error).toBeDefined();
		const api = sera(1);
		const corrected = await run(label(), { executionId: 'exec-order-77-l' });
		expect(corrected.error).toBeUndefined();
		expect(api.keys).toHaveLength(1);
	});
});
