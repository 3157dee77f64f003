/**
 * Webhook lifecycle through n8n-core's real HookContext: every request leaves through n8n's
 * own httpRequestWithAuthentication (API-Key header from the credential) and is answered by nock.
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { API_KEY, PRODUCTION_URL, TEST_URL, triggerHarness } from './context';
import { SHIPENGINE } from './signing';

const PATH = '/v1/environment/webhooks';
const REQUEST_ID = 'aa3d8e8e-462b-4476-9618-72db7f7b7009';

const api = () => nock(SHIPENGINE, { reqheaders: { 'api-key': API_KEY } });
const hook = (id: string, event: string, url = PRODUCTION_URL) => ({ webhook_id: id, url, event, headers: [] });
const conflict = (event: string) => ({
	request_id: REQUEST_ID,
	errors: [
		{
			error_source: 'shipengine',
			error_type: 'business_rules',
			error_code: 'webhook_event_type_conflict',
			message: `A webhook for the ${event} event already exists.`,
		},
	],
});
const notFound = {
	request_id: REQUEST_ID,
	errors: [{ error_source: 'shipengine', error_type: 'validation', error_code: 'invalid_identifier', message: 'Webhook not found' }],
};

const harness = (events: string[], staticData?: IDataObject) =>
	triggerHarness({ parameters: { events }, staticData });

describe('ShipEngine Trigger: activation', () => {
	it('registers one webhook per event at the node URL and stores { event: webhook_id }', async () => {
		const trigger = harness(['track', 'batch']);
		api().get(PATH).reply(200, [hook('se-900', 'rate', 'https://elsewhere.example.com/hook')]);
		api().post(PATH, { event: 'track', url: PRODUCTION_URL }).reply(200, hook('se-101', 'track'));
		api().post(PATH, { event: 'batch', url: PRODUCTION_URL }).reply(200, hook('se-102', 'batch'));

		await expect(trigger.activate()).resolves.toEqual({ existed: false });
		expect(trigger.staticData()).toEqual({ webhookIds: { track: 'se-101', batch: 'se-102' } });
	});

	it('checkExists adopts webhooks that already send every chosen event to this URL (no POST)', async () => {
		const trigger = harness(['track', 'batch']);
		api()
			.get(PATH)
			.reply(200, [hook('se-1', 'batch'), hook('se-2', 'track'), hook('se-3', 'rate', 'https://other.example.com/x')]);

		await expect(trigger.activate()).resolves.toEqual({ existed: true });
		expect(trigger.staticData()).toEqual({ webhookIds: { track: 'se-2', batch: 'se-1' } });
	});

	it('checkExists does not adopt a webhook for the same event at another URL', async () => {
		const trigger = harness(['track']);
		api().get(PATH).reply(200, [hook('se-7', 'track', 'https://other.example.com/x')]);

		await expect(trigger.checkExists()).resolves.toBe(false);
		expect(trigger.staticData()).toEqual({});
	});

	it('reuses this URL\'s webhook when ShipEngine answers 409 on create', async () => {
		const trigger = harness(['track', 'batch']);
		api().get(PATH).reply(200, []);
		api().post(PATH, { event: 'track', url: PRODUCTION_URL }).reply(409, conflict('track'));
		api().get(PATH).reply(200, [hook('se-55', 'track')]);
		api().post(PATH, { event: 'batch', url: PRODUCTION_URL }).reply(200, hook('se-56', 'batch'));

		await trigger.activate();
		expect(trigger.staticData()).toEqual({ webhookIds: { track: 'se-55', batch: 'se-56' } });
	});

	it('fails on 409 for another URL, rolls back what it created and names the other URL', async () => {
		const trigger = harness(['batch', 'track']);
		api().get(PATH).reply(200, []);
		api().post(PATH, { event: 'batch', url: PRODUCTION_URL }).reply(200, hook('se-61', 'batch'));
		api().post(PATH, { event: 'track', url: PRODUCTION_URL }).reply(409, conflict('track'));
		api().get(PATH).reply(200, [hook('se-61', 'batch'), hook('se-9', 'track', 'https://old.example.com/hook')]);
		api().delete(`${PATH}/se-61`).reply(204, '', { 'Content-Type': 'text/plain' });

		const error = await trigger.activate().catch((e: Error & { httpCode?: string; description?: string }) => e);
		expect(error).toMatchObject({
			message: 'ShipEngine already sends the "track" event to another URL (https://old.example.com/hook)',
			httpCode: '409',
		});
		expect((error as { description: string }).description).toMatch(/one webhook per event/);
		// The way out, with the node: find the webhook, delete it.
		expect((error as { description: string }).description).toMatch(
			/delete webhook se-9 with the ShipEngine node: Webhook › Get Many .* Webhook › Delete removes one/,
		);
		expect(trigger.staticData()).toEqual({});
	});

	it('rolls back on any other failure and shows ShipEngine\'s own message', async () => {
		const trigger = harness(['batch', 'rate', 'track']);
		api().get(PATH).reply(200, []);
		api().post(PATH, { event: 'batch', url: PRODUCTION_URL }).reply(200, hook('se-71', 'batch'));
		api().post(PATH, { event: 'rate', url: PRODUCTION_URL }).reply(200, hook('se-72', 'rate'));
		api()
			.post(PATH, { event: 'track', url: PRODUCTION_URL })
			.reply(400, {
				request_id: REQUEST_ID,
				errors: [
					{ error_source: 'shipengine', error_type: 'validation', error_code: 'invalid_field_value', message: 'url must be https' },
				],
			});
		api().delete(`${PATH}/se-71`).reply(204, '', { 'Content-Type': 'text/plain' });
		api().delete(`${PATH}/se-72`).reply(404, notFound); // already gone counts as rolled back

		await expect(trigger.activate()).rejects.toMatchObject({
			message: 'url must be https',
			httpCode: '400',
			description: expect.stringContaining(`request id: ${REQUEST_ID}`),
		});
		expect(trigger.staticData()).toEqual({});
	});

	it('waits out a 429 (Retry-After) on the list and carries on', async () => {
		const trigger = harness(['track']);
		api().get(PATH).reply(429, { message: 'slow down' }, { 'Retry-After': '0' });
		api().get(PATH).reply(200, [hook('se-3', 'track')]);

		await expect(trigger.checkExists()).resolves.toBe(true);
		expect(trigger.staticData()).toEqual({ webhookIds: { track: 'se-3' } });
	});

	it('uses the credential\'s base URL for every lifecycle request', async () => {
		const trigger = triggerHarness({
			parameters: { events: ['track'] },
			credentials: { apiKey: API_KEY, baseUrl: 'https://proxy.example.com/shipengine/' },
		});
		const proxy = () => nock('https://proxy.example.com', { reqheaders: { 'api-key': API_KEY } });
		proxy().get(`/shipengine${PATH}`).reply(200, []);
		proxy().post(`/shipengine${PATH}`, { event: 'track', url: PRODUCTION_URL }).reply(200, hook('se-8', 'track'));
		await trigger.activate();
		expect(trigger.staticData()).toEqual({ webhookIds: { track: 'se-8' } });
	});

	it('refuses to register nothing', async () => {
		const trigger = harness([]);
		await expect(trigger.create()).rejects.toThrow('Choose at least one event in "Events"');
	});
});

describe('ShipEngine Trigger: test and production URLs', () => {
	it('registers the test URL when listening for a test event and does not adopt the production webhook', async () => {
		const trigger = harness(['rate']);
		api().get(PATH).reply(200, [hook('se-1', 'track')]);
		api().post(PATH, { event: 'rate', url: TEST_URL }).reply(200, hook('se-2', 'rate', TEST_URL));

		await expect(trigger.activate('test')).resolves.toEqual({ existed: false });
		expect(trigger.staticData()).toEqual({ webhookIds: { rate: 'se-2' } });
	});

	it('explains the one-webhook-per-event limit when production already owns the event', async () => {
		const trigger = harness(['track']);
		api().get(PATH).reply(200, [hook('se-1', 'track')]);
		api().post(PATH, { event: 'track', url: TEST_URL }).reply(409, conflict('track'));
		api().get(PATH).reply(200, [hook('se-1', 'track')]);

		await expect(trigger.activate('test')).rejects.toMatchObject({
			message: `ShipEngine already sends the "track" event to another URL (${PRODUCTION_URL})`,
			description: expect.stringContaining('test URL and the production URL'),
		});
	});
});

describe('ShipEngine Trigger: deactivation', () => {
	it('deletes exactly the stored webhooks, treats 404 as gone, then clears static data', async () => {
		const trigger = harness(['track', 'batch'], { webhookIds: { track: 'se-101', batch: 'se-102' } });
		api().delete(`${PATH}/se-101`).reply(204, '', { 'Content-Type': 'text/plain' });
		api().delete(`${PATH}/se-102`).reply(404, notFound);

		await expect(trigger.deactivate()).resolves.toBe(true);
		expect(trigger.staticData()).toEqual({});
	});

	it('keeps the ids it could not delete, so the next deactivation tries again', async () => {
		const trigger = harness(['track', 'batch'], { webhookIds: { track: 'se-101', batch: 'se-102' } });
		api().delete(`${PATH}/se-101`).reply(204, '', { 'Content-Type': 'text/plain' });
		api()
			.delete(`${PATH}/se-102`)
			.reply(400, {
				request_id: REQUEST_ID,
				errors: [{ error_source: 'shipengine', error_type: 'validation', error_code: 'unspecified', message: 'nope' }],
			});

		await expect(trigger.deactivate()).resolves.toBe(false);
		expect(trigger.staticData()).toEqual({ webhookIds: { batch: 'se-102' } });
	});

	it('has nothing to do when nothing was registered', async () => {
		const trigger = harness(['track']);
		await expect(trigger.deactivate()).resolves.toBe(true);
	});

	it('activate → deactivate round trip leaves no webhook behind', async () => {
		const trigger = harness(['report_complete']);
		api().get(PATH).reply(200, []);
		api().post(PATH, { event: 'report_complete', url: PRODUCTION_URL }).reply(200, hook('se-31', 'report_complete'));
		api().delete(`${PATH}/se-31`).reply(204, '', { 'Content-Type': 'text/plain' });

		await trigger.activate();
		await expect(trigger.deactivate()).resolves.toBe(true);
		expect(trigger.staticData()).toEqual({});
	});
});
