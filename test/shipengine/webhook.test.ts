import nock from 'nock';

import { API, errorBody, headers, run } from './labelHelpers';

const NO_CONTENT = ['', { 'Content-Type': 'text/plain' }] as const;

const hook = (id: string, event: string, url = 'https://example.com/hook') => ({ webhook_id: id, url, event, headers: [], name: 'Orders' });
const hooks = [hook('se-9', 'track', 'https://old.example.com/hook'), hook('se-10', 'batch'), hook('se-11', 'rate')];

describe('Webhook > Get Many / Get', () => {
	it('Return All: one item per webhook of the bare array', async () => {
		nock(API, headers).get('/v1/environment/webhooks').reply(200, hooks);
		const { items, error } = await run({ resource: 'webhook', operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toEqual(hooks.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('Limit keeps the first webhooks', async () => {
		nock(API, headers).get('/v1/environment/webhooks').reply(200, hooks);
		const { items } = await run({ resource: 'webhook', operation: 'getAll', returnAll: false, limit: 2 });
		expect(items.map((item) => item.json.webhook_id)).toEqual(['se-9', 'se-10']);
	});

	it('gets one webhook', async () => {
		nock(API, headers).get('/v1/environment/webhooks/se-9').reply(200, hooks[0]);
		const { items } = await run({ resource: 'webhook', operation: 'get', webhookId: ' se-9 ' });
		expect(items).toEqual([{ json: hooks[0], pairedItem: { item: 0 } }]);
	});
});

describe('Webhook > Create', () => {
	it('sends event and URL, and the optional fields only when added', async () => {
		nock(API, headers)
			.post('/v1/environment/webhooks', { event: 'batch', url: 'https://example.com/hook' })
			.reply(200, hook('se-12', 'batch'))
			.post('/v1/environment/webhooks', {
				event: 'track',
				url: 'https://example.com/hook',
				name: 'Orders',
				store_id: 42,
				headers: [{ key: 'X-Shop-Token', value: 's3cret' }],
			})
			.reply(200, hook('se-13', 'track'));
		const first = await run({ resource: 'webhook', operation: 'create', webhookEvent: 'batch', webhookUrl: 'https://example.com/hook' });
		expect(first.items).toEqual([{ json: hook('se-12', 'batch'), pairedItem: { item: 0 } }]);
		const second = await run({
			resource: 'webhook',
			operation: 'create',
			webhookEvent: 'track',
			webhookUrl: 'https://example.com/hook',
			additionalFields: { webhookName: 'Orders', webhookStoreId: 42, webhookHeaders: { header: [{ key: 'X-Shop-Token', value: 's3cret' }] } },
		});
		expect(second.error).toBeUndefined();
	});

	it('a second webhook for an event is ShipEngine\'s 409 conflict, with its message', async () => {
		nock(API, headers)
			.post('/v1/environment/webhooks', { event: 'track', url: 'https://example.com/hook' })
			.reply(409, errorBody('webhook_event_type_conflict', 'A webhook for the track event already exists.', 'e1d2e3f4-0000-4000-8000-000000000031'));
		const { error } = await run({ resource: 'webhook', operation: 'create', webhookEvent: 'track', webhookUrl: 'https://example.com/hook' });
		expect(error?.message).toBe('A webhook for the track event already exists.');
	});

	it.each([
		[{ webhookUrl: '  ' }, 'Webhook URL: is required (item 0)'],
		[{ webhookUrl: 'example.com/hook' }, 'Webhook URL: "example.com/hook" is not an http(s) URL (item 0)'],
		[{ additionalFields: { webhookHeaders: { header: [{ key: ' ', value: 'x' }] } } }, 'Additional Fields > Webhook Headers > Header Name: header 1 has no name (item 0)'],
	])('sends nothing for bad input %p', async (override, message) => {
		const { error } = await run({ resource: 'webhook', operation: 'create', webhookEvent: 'track', webhookUrl: 'https://example.com/hook', ...override });
		expect(error?.message).toBe(message);
	});
});

describe('Webhook > Update / Delete', () => {
	it('sends only the changed fields (PUT, 204)', async () => {
		nock(API, headers).put('/v1/environment/webhooks/se-9', { url: 'https://example.com/new' }).reply(204, ...NO_CONTENT);
		const { items, error } = await run({ resource: 'webhook', operation: 'update', webhookId: 'se-9', updateFields: { webhookUrl: 'https://example.com/new' } });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { success: true, webhook_id: 'se-9', updated: true }, pairedItem: { item: 0 } }]);
	});

	it('an update without fields sends nothing', async () => {
		const { error } = await run({ resource: 'webhook', operation: 'update', webhookId: 'se-9', updateFields: {} });
		expect(error?.message).toBe('Update Fields: add at least one field to change (URL, name, headers or store ID) (item 0)');
	});

	it('deletes the webhook that holds an event (what the trigger\'s conflict error asks for)', async () => {
		nock(API, headers).delete('/v1/environment/webhooks/se-9').reply(204, ...NO_CONTENT);
		const { items, error } = await run({ resource: 'webhook', operation: 'delete', webhookId: 'se-9' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { success: true, webhook_id: 'se-9', deleted: true }, pairedItem: { item: 0 } }]);
	});

	it('a webhook ID is required before anything is sent', async () => {
		const { error } = await run({ resource: 'webhook', operation: 'delete', webhookId: ' ' });
		expect(error?.message).toBe('Webhook ID: is required (item 0)');
	});
});
