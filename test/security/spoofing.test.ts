/**
 * Webhook spoofing matrix for the ShipEngine Trigger, verified against the local mock's JWKS
 * (a real HTTP server): every forged, tampered, stale, future, replayed, unknown-key, header-less
 * or oversized delivery is refused and none starts a workflow. The count is printed.
 */
import { generateKeyPairSync, sign } from 'node:crypto';

import { clearReplayCache } from '../../nodes/ShipEngine/trigger/receive';
import { clearJwksCache } from '../../nodes/ShipEngine/trigger/signature';
import { signDelivery, startShipEngineMock, WEBHOOK_KEY_ID } from '../mock';
import type { ShipEngineMockServer } from '../mock/shipEngine';
import { triggerHarness, type Delivery } from '../trigger/context';

let se: ShipEngineMockServer;
beforeAll(async () => {
	se = await startShipEngineMock();
});
afterAll(async () => await se.close());
beforeEach(() => {
	clearJwksCache();
	clearReplayCache();
});

const node = () =>
	triggerHarness({ parameters: { events: ['track'], options: {} }, credentials: { apiKey: 'TEST_spoof_key', baseUrl: se.url } });

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
const payload = (n = 1) => JSON.stringify({ resource_url: `${se.url}/v1/tracking?carrier_code=stamps_com&tracking_number=94001${n}`, resource_type: 'API_TRACK' });
const headers = (rawBody: string, timestamp?: string): Record<string, string> => ({ ...signDelivery(rawBody, timestamp) });
const impostor = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const BIG = 8 * 1024 * 1024;

function without(h: Record<string, string>, name: string): Record<string, string> {
	return Object.fromEntries(Object.entries(h).filter(([k]) => k !== name));
}

/** Each case: a delivery an attacker could send (the replay case sends a genuine one twice). */
const SPOOFED: Array<[string, () => Delivery]> = [
	['signature of random bytes', () => ({ rawBody: payload(), headers: { ...headers(payload()), 'x-shipengine-rsa-sha256-signature': Buffer.alloc(256, 7).toString('base64') } })],
	['garbage signature encoding', () => ({ rawBody: payload(), headers: { ...headers(payload()), 'x-shipengine-rsa-sha256-signature': '!!not base64!!' } })],
	['tampered body (signed for another body)', () => ({ rawBody: payload(2), headers: headers(payload(1)) })],
	['body with one extra space', () => ({ rawBody: `${payload()} `, headers: headers(payload()) })],
	['stale timestamp (10 min old, correctly signed)', () => ({ rawBody: payload(), headers: headers(payload(), minutes(-10)) })],
	['future timestamp (10 min ahead, correctly signed)', () => ({ rawBody: payload(), headers: headers(payload(), minutes(10)) })],
	['timestamp header changed after signing', () => ({ rawBody: payload(), headers: { ...headers(payload(), minutes(-1)), 'x-shipengine-timestamp': minutes(0) } })],
	['timestamp not a date', () => ({ rawBody: payload(), headers: { ...headers(payload()), 'x-shipengine-timestamp': 'yesterday' } })],
	['unknown key id', () => ({ rawBody: payload(), headers: { ...headers(payload()), 'x-shipengine-rsa-sha256-key-id': 'kid-nobody-knows' } })],
	[
		"another RSA key announced under the mock's key id",
		() => {
			const timestamp = minutes(0);
			const rawBody = payload();
			const signature = sign('RSA-SHA256', Buffer.from(`${timestamp}.${rawBody}`), impostor).toString('base64');
			return { rawBody, headers: { 'x-shipengine-rsa-sha256-key-id': WEBHOOK_KEY_ID, 'x-shipengine-rsa-sha256-signature': signature, 'x-shipengine-timestamp': timestamp } };
		},
	],
	['missing signature header', () => ({ rawBody: payload(), headers: without(headers(payload()), 'x-shipengine-rsa-sha256-signature') })],
	['missing key id header', () => ({ rawBody: payload(), headers: without(headers(payload()), 'x-shipengine-rsa-sha256-key-id') })],
	['missing timestamp header', () => ({ rawBody: payload(), headers: without(headers(payload()), 'x-shipengine-timestamp') })],
	['no headers at all', () => ({ rawBody: payload(), headers: {} })],
	['empty body, signature of a real one', () => ({ rawBody: '', headers: headers(payload()), body: {} })],
	['oversized body (8 MB), forged signature', () => {
		const rawBody = JSON.stringify({ resource_url: `${se.url}/v1/tracking`, resource_type: 'API_TRACK', pad: 'x'.repeat(BIG) });
		return { rawBody, headers: { ...headers(payload()), 'x-shipengine-rsa-sha256-signature': Buffer.alloc(256, 1).toString('base64') } };
	}],
	['oversized body (8 MB) under the signature of a small one', () => {
		const rawBody = JSON.stringify({ resource_url: `${se.url}/v1/tracking`, resource_type: 'API_TRACK', pad: 'x'.repeat(BIG) });
		return { rawBody, headers: headers(payload()) };
	}],
];

const rejected: string[] = [];
const accepted: string[] = [];

afterAll(() => {
	const total = SPOOFED.length + 1; // + the replay
	// eslint-disable-next-line no-console
	console.log(`security: spoofed deliveries rejected ${rejected.length}/${total} (${((100 * rejected.length) / total).toFixed(0)} %), started a workflow: ${accepted.length}`);
});

describe('ShipEngine Trigger refuses every spoofed delivery', () => {
	it('accepts a genuine delivery (the control case)', async () => {
		const rawBody = payload();
		const { items } = await node().deliver({ rawBody, headers: headers(rawBody) });
		expect(items).toHaveLength(1);
	});

	it.each(SPOOFED)('%s', async (name, make) => {
		const requestsBefore = se.requests.filter((r) => r.path.startsWith('/v1/')).length;
		const { items, res } = await node().deliver(make());
		(items === undefined ? rejected : accepted).push(name);
		expect(items).toBeUndefined();
		// 404 for a request without signature headers (not a ShipEngine delivery at all), 401 otherwise.
		expect([400, 401, 403, 404, 413]).toContain(res.statusCode);
		// Nothing was fetched with the API key for a delivery that was refused.
		expect(se.requests.filter((r) => r.path.startsWith('/v1/')).length).toBe(requestsBefore);
	});

	it('a replayed genuine delivery does not start the workflow a second time', async () => {
		const rawBody = payload(3);
		const delivery = { rawBody, headers: headers(rawBody) };
		const first = await node().deliver(delivery);
		expect(first.items).toHaveLength(1);
		const replay = await node().deliver(delivery);
		(replay.items === undefined ? rejected : accepted).push('replayed delivery');
		expect(replay.items).toBeUndefined();
	});
});
