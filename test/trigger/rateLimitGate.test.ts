/**
 * The trigger's own ShipEngine calls (webhook lifecycle, Fetch Full Resource on a delivery) go
 * through the shared rate-limit gate (nodes/shared/retry.ts) of the credential's host: a 429
 * with Retry-After holds every call with that credential until then, not only the refused one.
 * n8n-core's real HookContext / WebhookContext, nock at the HTTP boundary.
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { rateLimitStats, resetRateLimits } from '../../nodes/shared/retry';
import { clearReplayCache } from '../../nodes/ShipEngine/trigger/receive';
import { clearJwksCache } from '../../nodes/ShipEngine/trigger/signature';
import trackingFixture from '../fixtures/shipengine/tracking-get.json';
import { API_KEY, PRODUCTION_URL, triggerHarness } from './context';
import { makeKey, serveJwks, SHIPENGINE, signHeaders } from './signing';

const PATH = '/v1/environment/webhooks';
const KEY = makeKey('key-gate');
const TRACKING_NUMBER = '9400111899223197428490';
const payload = {
	resource_url: `${SHIPENGINE}/v1/tracking?carrier_code=stamps_com&tracking_number=${TRACKING_NUMBER}`,
	resource_type: 'API_TRACK',
	data: { tracking_number: TRACKING_NUMBER, status_code: 'IT' },
};
const rateLimited = { request_id: 'aa3d8e8e-462b-4476-9618-72db7f7b7009', errors: [{ error_source: 'shipengine', error_type: 'security', error_code: 'rate_limit_exceeded', message: 'Too many requests' }] };

const api = () => nock(SHIPENGINE, { reqheaders: { 'api-key': API_KEY } });
const hook = (id: string, event: string) => ({ webhook_id: id, url: PRODUCTION_URL, event, headers: [] });
const answered = (times: number[], status: number, body: unknown, headers: Record<string, string> = {}) => () => {
	times.push(Date.now());
	return [status, body, headers] as [number, unknown, Record<string, string>];
};
const gateOf = () => Object.entries(rateLimitStats()).filter(([key]) => key.startsWith(`${SHIPENGINE}#`)).map(([, stats]) => stats);
const delivery = () => {
	const rawBody = JSON.stringify(payload);
	return { rawBody, headers: signHeaders(KEY, rawBody) };
};
/** Until the gate has seen the 429 (the refused call has its answer). */
const gateClosed = async () => {
	while (!gateOf().some((stats) => stats.rejected > 0)) await new Promise((resolve) => setTimeout(resolve, 5));
};

beforeEach(() => {
	resetRateLimits();
	clearJwksCache();
	clearReplayCache();
});

describe('ShipEngine Trigger and the rate-limit gate', () => {
	it('a 429 on the webhook list holds a second activation with the same credential until Retry-After', async () => {
		const refused: number[] = [];
		const served: number[] = [];
		api().get(PATH).reply(answered(refused, 429, rateLimited, { 'Retry-After': '1' }));
		api().get(PATH).times(2).reply(answered(served, 200, [hook('se-3', 'track')]));
		const first = triggerHarness({ parameters: { events: ['track'] } });
		const second = triggerHarness({ parameters: { events: ['track'] } });

		const firstDone = first.checkExists();
		await gateClosed();
		const secondDone = second.checkExists();
		await expect(Promise.all([firstDone, secondDone])).resolves.toEqual([true, true]);

		expect(served).toHaveLength(2);
		for (const at of served) expect(at - refused[0]).toBeGreaterThanOrEqual(950);
		expect(gateOf()).toEqual([expect.objectContaining({ rejected: 1 })]);
	});

	it('webhook create: a 429 with Retry-After is waited out and the webhook registered once', async () => {
		const posts: number[] = [];
		const trigger = triggerHarness({ parameters: { events: ['track'] } });
		api().get(PATH).reply(200, []);
		api().post(PATH, { event: 'track', url: PRODUCTION_URL }).reply(answered(posts, 429, rateLimited, { 'Retry-After': '1' }));
		api().post(PATH, { event: 'track', url: PRODUCTION_URL }).reply(answered(posts, 200, hook('se-9', 'track')));

		await expect(trigger.activate()).resolves.toEqual({ existed: false });
		expect(trigger.staticData()).toEqual({ webhookIds: { track: 'se-9' } });
		expect(posts[1] - posts[0]).toBeGreaterThanOrEqual(950);
		expect(gateOf()).toEqual([expect.objectContaining({ rejected: 1 })]);
	});

	it('Fetch Full Resource waits out a 429 (Retry-After) through the gate and adds the resource', async () => {
		const reads: number[] = [];
		serveJwks([KEY.jwk]);
		const tracking = () => api().get('/v1/tracking').query({ carrier_code: 'stamps_com', tracking_number: TRACKING_NUMBER });
		tracking().reply(answered(reads, 429, rateLimited, { 'Retry-After': '1' }));
		tracking().reply(answered(reads, 200, trackingFixture));
		const trigger = triggerHarness({ parameters: { events: ['track'], options: { fetchResource: true } } });

		const { items } = await trigger.deliver(delivery());
		expect(items).toEqual([{ event: 'track', ...payload, resource: trackingFixture, delivery: expect.any(Object) }]);
		expect(reads[1] - reads[0]).toBeGreaterThanOrEqual(950);
		expect(gateOf()).toEqual([expect.objectContaining({ rejected: 1 })]);
	});

	it('a delivery does not wait for a gate closed longer than 5 s: the workflow starts with resourceError and nothing is sent', async () => {
		const refused: number[] = [];
		const served: number[] = [];
		serveJwks([KEY.jwk]);
		api().get(PATH).reply(answered(refused, 429, rateLimited, { 'Retry-After': '7' }));
		api().get(PATH).reply(answered(served, 200, [hook('se-3', 'track')]));
		const lifecycle = triggerHarness({ parameters: { events: ['track'] } });
		const receiver = triggerHarness({ parameters: { events: ['track'], options: { fetchResource: true } } });

		const listed = lifecycle.checkExists();
		await gateClosed();
		const started = Date.now();
		const { items } = await receiver.deliver(delivery());
		const took = Date.now() - started;
		expect(took).toBeGreaterThanOrEqual(4900);
		expect(took).toBeLessThan(6500);
		expect((items as IDataObject[])[0]).toMatchObject({
			event: 'track',
			resourceError: { message: expect.stringContaining('rate limit'), httpCode: null },
		});
		expect((items as IDataObject[])[0].resource).toBeUndefined();

		// The refused list call goes on once the gate opens; the delivery's read is never sent.
		await expect(listed).resolves.toBe(true);
		expect(served[0] - refused[0]).toBeGreaterThanOrEqual(6950);
	}, 15_000);
});
