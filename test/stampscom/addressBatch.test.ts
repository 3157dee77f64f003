/**
 * Address > Validate with "Validate All Items in One Request" (the batching shared with the
 * ShipEngine node, nodes/shared/allItems.ts): 5 input items are 1 request, not 5, and every result
 * is paired with the item its address came from, also when one item has several addresses or a
 * bad one (Continue On Fail).
 */
import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { fixture, run, STAGING_API } from './helpers';

const ORDERS = ['1 Main St', '2 Oak Ave', '3 Pine Rd', '4 Elm St', '5 Lake Dr'].map((street, i) => ({
	json: { street, city: 'Kearney', state: 'NE', zip: `6884${i}` },
}));

const params = (batch: boolean): INodeParameters => ({
	resource: 'address',
	operation: 'validate',
	inputMode: 'fields',
	addresses: {
		address: [
			{ addressLine1: '={{ $json.street }}', city: '={{ $json.city }}', stateProvince: '={{ $json.state }}', postalCode: '={{ $json.zip }}', countryCode: 'US' },
		],
	},
	options: { batch },
});

const answer = (addresses: Array<Record<string, string>>) => {
	const template = fixture<Array<Record<string, unknown>>>('validate.json')[0];
	return addresses.map((address) => ({ ...template, original_address: address }));
};

/** Answers one result per address sent; `sent()` is what the one request carried. */
function validateOnce() {
	let sent: Array<Record<string, string>> = [];
	const api = nock(STAGING_API)
		.post('/sera/v1/addresses/validate', (body: Array<Record<string, string>>) => {
			sent = body;
			return true;
		})
		.reply(200, () => answer(sent));
	return { api, sent: () => sent };
}

describe('Stamps.com Address > Validate all items in one request', () => {
	it('5 items: 1 request with 5 addresses, 5 results each paired with its item', async () => {
		const { api, sent } = validateOnce();
		const { items, error } = await run(params(true), { input: ORDERS });
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
		expect(sent().map((a) => a.address_line1)).toEqual(ORDERS.map((o) => o.json.street));
		expect(items).toHaveLength(5);
		expect(items.map((item) => (item.json.original_address as Record<string, string>).address_line1)).toEqual(ORDERS.map((o) => o.json.street));
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
	});

	it('off (the default): one request per item, as before', async () => {
		const api = nock(STAGING_API).post('/sera/v1/addresses/validate').times(5).reply(200, fixture('validate.json'));
		const { items } = await run(params(false), { input: ORDERS });
		expect(api.isDone()).toBe(true);
		expect(items).toHaveLength(5);
	});

	it('an item with a bad address gets its own error (named with its item), the others go in one request', async () => {
		const { api, sent } = validateOnce();
		const input = ORDERS.map((o, i) => (i === 2 ? { json: { ...o.json, street: '' } } : o));
		const { items } = await run(params(true), { input, settings: { continueOnFail: true } });
		expect(api.isDone()).toBe(true);
		expect(sent()).toHaveLength(4);
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(items[2].json.error).toBe('Addresses (address 1) > Address Line 1: is required (item 2)');
		expect(items.filter((item) => item.json.error)).toHaveLength(1);
	});
});
