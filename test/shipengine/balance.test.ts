import nock from 'nock';

import { API, errorBody, fixture, headers, run } from './labelHelpers';

const carriers = fixture<{ carriers: Array<Record<string, unknown>> }>('carriers.json');
const [stamps, ups] = carriers.carriers;

const balanceOf = (carrier: Record<string, unknown>) => ({
	carrier_id: carrier.carrier_id,
	carrier_code: carrier.carrier_code,
	friendly_name: carrier.friendly_name,
	nickname: carrier.nickname,
	balance: carrier.balance,
	requires_funded_amount: carrier.requires_funded_amount,
	funding_source_id: null,
});

const addFunds = { resource: 'balance', operation: 'addFunds', carrierId: 'se-123890', amount: 25, currency: 'USD' };

describe('Balance > Get Many / Get Carrier Balance', () => {
	it('outputs one balance item per carrier', async () => {
		nock(API, headers).get('/v1/carriers').reply(200, carriers);
		const { items, error } = await run({ resource: 'balance', operation: 'getAll' });
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: balanceOf(stamps), pairedItem: { item: 0 } },
			{ json: balanceOf(ups), pairedItem: { item: 0 } },
		]);
	});

	it('gets the balance of one carrier', async () => {
		nock(API, headers).get('/v1/carriers/se-123890').reply(200, stamps);
		const { items, error } = await run({ resource: 'balance', operation: 'get', carrierId: ' se-123890 ' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: balanceOf(stamps), pairedItem: { item: 0 } }]);
	});

	it('surfaces a 207 partial failure instead of a silent partial list', async () => {
		nock(API, headers)
			.get('/v1/carriers')
			.reply(207, { ...carriers, errors: errorBody('carrier_disconnected', 'FedEx account se-9 is disconnected.').errors });
		const { error } = await run({ resource: 'balance', operation: 'getAll' });
		expect(error?.message).toBe('FedEx account se-9 is disconnected.');
	});
});

describe('Balance > Add Carrier Funds', () => {
	it('PUTs { currency, amount } and outputs what was added and the new balance', async () => {
		nock(API, headers)
			.put('/v1/carriers/se-123890/add_funds', { currency: 'usd', amount: 25 })
			.reply(200, { balance: { currency: 'usd', amount: 3824.52 } });
		const { items, error } = await run(addFunds);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					success: true,
					carrier_id: 'se-123890',
					balance: { currency: 'usd', amount: 3824.52 },
					amount_added: { currency: 'usd', amount: 25 },
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it.each([0, -5, '={{ "ten" }}'])('sends nothing when the amount is %p', async (amount) => {
		const { error, items } = await run({ ...addFunds, amount });
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/^Amount: must be a number greater than 0 \(got .*\); no funds were added \(item 0\)$/);
	});

	it('sends nothing for a currency that is not an ISO code', async () => {
		const { error } = await run({ ...addFunds, currency: 'dollars' });
		expect(error?.message).toBe('Currency: "dollars" is not a three-letter ISO 4217 currency code (e.g. usd) (item 0)');
	});

	it('never repeats the PUT after a server error (the first attempt may have charged)', async () => {
		const api = nock(API, headers)
			.put('/v1/carriers/se-123890/add_funds', { currency: 'usd', amount: 25 })
			.reply(500, errorBody('unspecified', 'Internal error', 'c1d2e3f4-0000-4000-8000-000000000001'));
		const { error } = await run(addFunds);
		expect(api.isDone()).toBe(true);
		expect(error?.message).toBe('Internal error');
		expect(error?.httpCode).toBe('500');
	});

	it('does retry after a 429 (nothing was charged), waiting for Retry-After', async () => {
		nock(API, headers)
			.put('/v1/carriers/se-123890/add_funds', { currency: 'usd', amount: 25 })
			.reply(429, { request_id: 'c1d2e3f4-0000-4000-8000-000000000002', errors: [] }, { 'Retry-After': '0' })
			.put('/v1/carriers/se-123890/add_funds', { currency: 'usd', amount: 25 })
			.reply(200, { balance: { currency: 'usd', amount: 3824.52 } });
		const { items, error } = await run(addFunds);
		expect(error).toBeUndefined();
		expect(items[0].json.balance).toEqual({ currency: 'usd', amount: 3824.52 });
	});

	it('Continue On Fail: a zero amount fails its own item only', async () => {
		nock(API, headers)
			.put('/v1/carriers/se-123890/add_funds', { currency: 'usd', amount: 10 })
			.reply(200, { balance: { currency: 'usd', amount: 10 } });
		const { items, error } = await run(
			{ ...addFunds, amount: '={{ $json.amount }}' },
			{ input: [{ json: { amount: 0 } }, { json: { amount: 10 } }], settings: { continueOnFail: true } },
		);
		expect(error).toBeUndefined();
		expect(items[0]).toMatchObject({
			json: { error: 'Amount: must be a number greater than 0 (got 0); no funds were added (item 0)' },
			pairedItem: { item: 0 },
		});
		expect(items[1]).toMatchObject({ json: { success: true, amount_added: { currency: 'usd', amount: 10 } }, pairedItem: { item: 1 } });
	});
});

describe('Balance > Insurance', () => {
	it('gets the Shipsurance balance', async () => {
		nock(API, headers).get('/v1/insurance/shipsurance/balance').reply(200, { currency: 'usd', amount: 120.5 });
		const { items, error } = await run({ resource: 'balance', operation: 'getInsuranceBalance' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { currency: 'usd', amount: 120.5 }, pairedItem: { item: 0 } }]);
	});

	it('PATCHes insurance funds once, even after a server error', async () => {
		const params = { resource: 'balance', operation: 'addInsuranceFunds', amount: 50, currency: 'usd' };
		nock(API, headers).patch('/v1/insurance/shipsurance/add_funds', { currency: 'usd', amount: 50 }).reply(200, { currency: 'usd', amount: 170.5 });
		const ok = await run(params);
		expect(ok.error).toBeUndefined();
		expect(ok.items).toEqual([
			{
				json: { success: true, balance: { currency: 'usd', amount: 170.5 }, amount_added: { currency: 'usd', amount: 50 } },
				pairedItem: { item: 0 },
			},
		]);

		nock(API, headers)
			.patch('/v1/insurance/shipsurance/add_funds', { currency: 'usd', amount: 50 })
			.reply(500, errorBody('unspecified', 'Try again later', 'c1d2e3f4-0000-4000-8000-000000000003'));
		const failed = await run(params);
		expect(failed.error?.message).toBe('Try again later');
	});
});
