import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { ShipEngine } from '../../nodes/ShipEngine/ShipEngine.node';
import { API, errorBody, fixture, headers, run } from './labelHelpers';

const [verified] = fixture<IDataObject[]>('address-validate.json');
const parsed = fixture('address-parse.json');

const validateParams = {
	resource: 'address',
	operation: 'validate',
	addressLine1: '={{ $json.street }}',
	cityLocality: '={{ $json.city }}',
	stateProvince: 'CA',
	postalCode: '={{ $json.zip }}',
	countryCode: '={{ $json.country }}',
};
/** The same workflow saved with node version 1: the postal code sat in Additional Fields. */
const validateParamsV1 = {
	...validateParams,
	postalCode: undefined,
	additionalFields: { postalCode: '={{ $json.zip }}' },
};
const input = (n: number, bad: number[] = []) =>
	Array.from({ length: n }, (_, i) => ({
		json: { street: `${i} Main St`, city: 'San Jose', country: bad.includes(i) ? 'USA' : 'us', zip: `9${String(i).padStart(4, '0')}` },
	}));
const apiAddress = (i: number) => ({
	address_line1: `${i} Main St`,
	city_locality: 'San Jose',
	state_province: 'CA',
	postal_code: `9${String(i).padStart(4, '0')}`,
	country_code: 'US',
});
const resultFor = (i: number) => ({ ...verified, original_address: { ...(verified.original_address as IDataObject), address_line1: `${i} Main St` } });

describe('Address > Validate', () => {
	it('shows Postal Code next to the required fields (1.1) and keeps a version-1 workflow\'s Additional Fields > Postal Code', async () => {
		nock(API, headers).post('/v1/addresses/validate', [apiAddress(0)]).reply(200, [resultFor(0)]);
		const v1 = await run(JSON.parse(JSON.stringify(validateParamsV1)), { input: input(1), typeVersion: 1 });
		expect(v1.error).toBeUndefined();
		expect(v1.items).toEqual([{ json: resultFor(0), pairedItem: { item: 0 } }]);
	});

	it('does not hide the toggle behind a label the panel cuts off', () => {
		const options = new ShipEngine().description.properties.find(
			(p) => p.name === 'options' && JSON.stringify(p.displayOptions?.show?.operation) === '["validate"]',
		);
		const batch = (options?.options as Array<{ name: string; displayName: string }>).find((o) => o.name === 'batch');
		expect(batch?.displayName.length).toBeLessThanOrEqual(20);
	});

	it('sends one request per item by default and pairs each result', async () => {
		nock(API, headers)
			.post('/v1/addresses/validate', [apiAddress(0)])
			.reply(200, [resultFor(0)])
			.post('/v1/addresses/validate', [apiAddress(1)])
			.reply(200, [resultFor(1)]);
		const { items, error } = await run(validateParams, { input: input(2) });
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: resultFor(0), pairedItem: { item: 0 } },
			{ json: resultFor(1), pairedItem: { item: 1 } },
		]);
	});

	it('batch mode: 251 items → 2 requests of ≤ 250, every result paired with its own input item', async () => {
		const n = 251;
		const api = nock(API, headers);
		for (const [start, end] of [[0, 250], [250, 251]]) {
			const indexes = Array.from({ length: end - start }, (_, k) => start + k);
			api.post('/v1/addresses/validate', indexes.map(apiAddress)).reply(200, indexes.map(resultFor));
		}
		const { items, error } = await run({ ...validateParams, options: { batch: true } }, { input: input(n) });
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
		expect(items).toHaveLength(n);
		items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect((item.json.original_address as IDataObject).address_line1).toBe(`${i} Main St`);
		});
	});

	it('batch mode: a bad address stops everything before any request', async () => {
		const { error, items } = await run({ ...validateParams, options: { batch: true } }, { input: input(3, [2]) });
		expect(items).toEqual([]);
		expect(error?.message).toBe('Address > Country Code: "USA" is not a two-letter ISO country code (e.g. US, CA, GB) (item 2)');
	});

	it('batch mode with Continue On Fail: the bad item gets an error item, the rest one request', async () => {
		nock(API, headers)
			.post('/v1/addresses/validate', [apiAddress(0), apiAddress(2)])
			.reply(200, [resultFor(0), resultFor(2)]);
		const { items, error } = await run(
			{ ...validateParams, options: { batch: true } },
			{ input: input(3, [1]), settings: { continueOnFail: true } },
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json.error).toContain('Address > Country Code');
		expect(items[2].json).toEqual(resultFor(2));
	});

	it('maps an API error (plan not allowed) with code and request id', async () => {
		nock(API, headers)
			.post('/v1/addresses/validate', [apiAddress(0)])
			.reply(400, errorBody('invalid_billing_plan', 'Address validation requires the Advanced plan'));
		const { error } = await run(validateParams, { input: input(1) });
		expect(error?.message).toBe('Address validation requires the Advanced plan');
		expect(error?.description).toContain('error code: invalid_billing_plan');
	});
});

describe('Address > Parse', () => {
	it('sends the text and the known fields, and returns the parsed address', async () => {
		nock(API, headers)
			.put('/v1/addresses/recognize', {
				text: 'Margie McMiller at 3800 North Lamar suite 200 in austin, tx. The zip code there is 78652.',
				address: { country_code: 'US' },
			})
			.reply(200, parsed);
		const { items, error } = await run({
			resource: 'address',
			operation: 'parse',
			text: 'Margie McMiller at 3800 North Lamar suite 200 in austin, tx. The zip code there is 78652.',
			additionalFields: { countryCode: 'US' },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: parsed, pairedItem: { item: 0 } }]);
	});
});
