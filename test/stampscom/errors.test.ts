/** SERA errors become NodeApiErrors with SERA's message, code, reference id and a hint. */
import nock from 'nock';

import { BEARER, run, STAGING_API } from './helpers';

const parse = { resource: 'address', operation: 'parse', fullAddress: 'Jeff Moreau 7700 W Parmer Ln Austin Tx 78729' };

describe('SERA errors', () => {
	it('maps errors[0] (code, message, reference id) and the idempotency hint', async () => {
		nock(STAGING_API, { reqheaders: { authorization: BEARER } })
			.post('/sera/v1/addresses/parse', { full_address: parse.fullAddress })
			.reply(400, { errors: [{ error_code: 800001, error_message: 'Idempotency-Key provided was invalid.', error_reference_id: 'ref-9' }] });
		const { error } = await run(parse);
		expect(error?.message).toBe('Idempotency-Key provided was invalid.');
		expect(error?.description).toMatch(/^The Idempotency-Key is not a version-4 UUID\. .*\(error code: 800001, request id: ref-9, HTTP 400\)$/);
		expect(error?.httpCode).toBe('400');
		expect(error?.context).toMatchObject({ apiErrorCode: '800001', requestId: 'ref-9' });
	});

	it('reads top-level fields and hints at funds when the message says so; one error item per input with Continue On Fail', async () => {
		nock(STAGING_API)
			.post('/sera/v1/addresses/parse')
			.reply(400, { error_code: '800000', error_message: 'Insufficient funds to complete the transaction.' })
			.post('/sera/v1/addresses/parse')
			.reply(200, { name: 'Jeff Moreau' });
		const { items, error } = await run(parse, { settings: { continueOnFail: true }, input: [{ json: { a: 1 } }, { json: { a: 2 } }] });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		const failed = items.find((i) => i.json.error);
		expect(failed?.json).toMatchObject({ error: 'Insufficient funds to complete the transaction.', errorCode: '800000', httpCode: 400 });
		expect(failed?.json.errorDescription).toMatch(/^Add funds \(Balance > Add Funds\)/);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('hints at the pickup rule for 800105 and keeps an HTML body readable', async () => {
		nock(STAGING_API)
			.delete('/sera/v1/pickups/pk-1')
			.reply(400, { errors: [{ error_code: '800105', error_message: 'USPS pickups must be scheduled for the following USPS business day.' }] });
		const first = await run({ resource: 'pickup', operation: 'cancel', pickupId: 'pk-1' });
		expect(first.error?.description).toMatch(/next USPS business day/);

		nock(STAGING_API).get('/sera/v1/balance').reply(404, '<html><body>Not Found</body></html>', { 'Content-Type': 'text/html' });
		const second = await run({ resource: 'balance', operation: 'get' });
		expect(second.error?.message).toBe('Not Found');
		expect(second.error?.description).toMatch(/^Check the ID/);
	});
});
