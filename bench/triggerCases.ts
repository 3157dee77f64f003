/** Case 4: webhook signature verification speed and JWKS fetches (ShipEngine Trigger). */
import { createPublicKey, verify } from 'node:crypto';

import { clearJwksCache, jwksKeyLookup, readJwks, verifySignature } from '../nodes/ShipEngine/trigger/signature';
import { jwks, signDelivery, startShipEngineMock, WEBHOOK_KEY_ID } from '../test/mock';
import { interleaved, log, median, result, type BenchResult } from './lib';

const BODY = JSON.stringify({ resource_url: 'https://api.shipengine.com/v1/tracking?carrier_code=stamps_com&tracking_number=9400111899223197428490', resource_type: 'API_TRACK' });

/** Operations per second of `fn` over `ms` of one thread's time. */
async function perSecond(ms: number, fn: () => Promise<unknown> | unknown): Promise<number> {
	let count = 0;
	const started = performance.now();
	while (performance.now() - started < ms) {
		for (let i = 0; i < 50; i++) await fn();
		count += 50;
	}
	return (count * 1000) / (performance.now() - started);
}

export async function triggerCases(): Promise<BenchResult[]> {
	const headers = signDelivery(BODY) as unknown as Record<string, string>;
	const key = readJwks(jwks()).get(WEBHOOK_KEY_ID);
	if (!key) throw new Error('no signing key in the mock JWKS');
	const lookup = () => key;
	const now = Date.now();
	const first = await verifySignature(BODY, headers, lookup, now);
	if (!first.ok) throw new Error(`verification failed: ${JSON.stringify(first)}`);

	// Baseline: the bare RSA-SHA256 check a hand-written Code node would do (no header/timestamp checks).
	const signature = Buffer.from(headers['x-shipengine-rsa-sha256-signature'], 'base64');
	const signed = Buffer.from(`${headers['x-shipengine-timestamp']}.${BODY}`);
	const rawKey = createPublicKey({ key: jwks().keys.find((k) => (k as { kid?: string }).kid === WEBHOOK_KEY_ID)!, format: 'jwk' });
	const samples = await interleaved(
		5,
		async () => await perSecond(1000, () => verifySignature(BODY, headers, lookup, now)),
		async () => await perSecond(1000, () => verify('RSA-SHA256', signed, rawKey, signature)),
	);
	const ours = median(samples.ours);
	const raw = median(samples.baseline);
	log(`verifications/s: ours ${Math.round(ours)}, bare crypto.verify ${Math.round(raw)}`);

	// JWKS fetches for 10,000 deliveries through the trigger's key lookup (process-wide cache).
	const se = await startShipEngineMock();
	let fetches: number;
	try {
		clearJwksCache();
		const jwksUrl = `${se.url}/jwks`;
		const lookupJwks = jwksKeyLookup(jwksUrl, async (url) => await (await fetch(url)).json());
		let accepted = 0;
		for (let i = 0; i < 10_000; i += 100) {
			const batch = Array.from({ length: 100 }, () => verifySignature(BODY, headers, lookupJwks, now));
			accepted += (await Promise.all(batch)).filter((r) => r.ok).length;
		}
		if (accepted !== 10_000) throw new Error(`${10_000 - accepted} deliveries refused`);
		fetches = se.requests.filter((r) => r.path === '/jwks').length;
	} finally {
		await se.close();
	}
	log(`JWKS fetches for 10,000 deliveries: ${fetches}`);
	return [
		result({
			case: '4 trigger',
			metric: 'signature verifications per second, one core',
			unit: '/s, median',
			ours,
			baselineName: 'bare crypto.verify (no header, timestamp or key checks)',
			baseline: raw,
			target: '>= 2000/s',
			met: ours >= 2000,
			samples,
			note: 'verifySignature with a cached key (RSA-2048, PKCS#1 v1.5 / SHA-256), sequential on one thread; the bare crypto.verify is the floor any verifier pays.',
		}),
		result({
			case: '4 trigger',
			metric: 'JWKS fetches per 10,000 deliveries (1 key id)',
			unit: 'requests',
			ours: fetches,
			baselineName: 'fetch per delivery',
			baseline: 10_000,
			target: '1 per key id',
			met: fetches <= 1,
			note: 'Deliveries verified 100 at a time through jwksKeyLookup (the trigger\'s process-wide cache) against the mock\'s /jwks.',
		}),
	];
}
