/**
 * Rate > Get's Output choice, the same one ShipEngine's rates have (nodes/shared/rateChoice.ts):
 * every rate, or only the cheapest, the fastest or the best value rate, paired with its input.
 */
import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { run, STAGING_API } from './helpers';

const rate = (service_type: string, days: string, total: number) => ({
	carrier: 'usps',
	service_type,
	packaging_type: 'package',
	estimated_delivery_days: days,
	estimated_delivery_date: null,
	is_guaranteed_service: false,
	trackable: 'yes',
	is_return_label: false,
	is_customs_required: false,
	shipment_cost: { total_amount: total, currency: 'usd', cost_details: [{ fee_code: service_type, fee_type: 'service', amount: total }] },
});

/** The rates of the reference's "Viewing Shipping Rates" answer, plus Ground Advantage. */
const RATES = [
	rate('usps_priority_mail', '2', 11.69),
	rate('usps_priority_mail_express', '1-2', 45.7),
	rate('usps_media_mail', '7', 3.82),
	rate('usps_ground_advantage', '2-5', 5.4),
];

const params = (output?: string): INodeParameters => ({
	resource: 'rate',
	operation: 'get',
	shipFrom: { address: { postalCode: '92802' } },
	shipTo: { address: { postalCode: '32830', countryCode: 'US' } },
	packagingType: 'package',
	weight: 4,
	weightUnit: 'ounce',
	...(output ? { output } : {}),
});

describe('Stamps.com Rate > Get output choice', () => {
	it.each([
		['cheapest', 'usps_media_mail'],
		['fastest', 'usps_priority_mail_express'],
		['bestValue', 'usps_ground_advantage'],
	])('%s: one item, %s', async (output, service) => {
		nock(STAGING_API).post('/sera/v1/rates').times(2).reply(200, RATES);
		const { items, error } = await run(params(output), { input: [{ json: { order: 1 } }, { json: { order: 2 } }] });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.service_type)).toEqual([service, service]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('every rate by default, as before', async () => {
		nock(STAGING_API).post('/sera/v1/rates').reply(200, RATES);
		const { items } = await run(params());
		expect(items.map((item) => item.json)).toEqual(RATES);
	});

	it('no priced rate: an error that says so, for that item', async () => {
		nock(STAGING_API).post('/sera/v1/rates').reply(200, []);
		const { items } = await run(params('cheapest'), { settings: { continueOnFail: true } });
		// Continue On Fail items carry the error and what a workflow branches on (issue 14 part 4).
		expect(items[0].json).toMatchObject({ error: 'No usable rate was returned for this shipment', httpCode: null });
	});
});
