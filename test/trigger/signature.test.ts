/**
 * The verification core on its own: `verifySignature(rawBody, headers, keyLookup, now)` is pure
 * apart from the lookup, so these cases pin time and keys exactly. The JWKS cache is driven with
 * a fake clock and a counting fetcher.
 */
import type { JsonWebKey } from 'node:crypto';

import {
	clearJwksCache,
	decodeSignature,
	jwksKeyLookup,
	JWKS_LIMITS,
	parseTimestamp,
	readJwks,
	verifySignature,
} from '../../nodes/ShipEngine/trigger/signature';
import { ecJwk, makeKey, signHeaders } from './signing';

const KEY = makeKey('k1');
const OTHER = makeKey('k2');
const NOW = Date.parse('2026-04-10T12:00:00.000Z');
const BODY = '{"resource_url":"https://api.shipengine.com/v1/batches/se-1","resource_type":"API_BATCH"}';
const lookup = (id: string) => (id === KEY.kid ? KEY.publicKey : undefined);
const headersAt = (timestamp: string, key = KEY) => signHeaders(key, BODY, { timestamp });

describe('verifySignature', () => {
	it('accepts a correct signature and reports key id, timestamp and signature', async () => {
		const headers = headersAt('2026-04-10T12:00:00.000Z');
		await expect(verifySignature(BODY, headers, lookup, NOW)).resolves.toEqual({
			ok: true,
			keyId: 'k1',
			timestamp: '2026-04-10T12:00:00.000Z',
			signedAt: NOW,
			signature: headers['X-ShipEngine-RSA-SHA256-Signature'],
		});
	});

	it('verifies the raw bytes: the same JSON re-serialised differently fails', async () => {
		const headers = headersAt('2026-04-10T12:00:00.000Z');
		const reformatted = JSON.stringify(JSON.parse(BODY), null, 2);
		await expect(verifySignature(Buffer.from(BODY), headers, lookup, NOW)).resolves.toMatchObject({ ok: true });
		await expect(verifySignature(reformatted, headers, lookup, NOW)).resolves.toEqual({
			ok: false,
			status: 401,
			reason: 'invalid_signature',
			keyId: 'k1',
		});
	});

	it('treats the tolerance as an absolute difference, inclusive at the edge', async () => {
		const at = (ms: number) => new Date(NOW + ms).toISOString();
		for (const offset of [-300_000, 300_000]) {
			await expect(verifySignature(BODY, headersAt(at(offset)), lookup, NOW)).resolves.toMatchObject({ ok: true });
		}
		for (const offset of [-300_001, 300_001]) {
			await expect(verifySignature(BODY, headersAt(at(offset)), lookup, NOW)).resolves.toMatchObject({
				ok: false,
				status: 400,
				reason: 'timestamp_out_of_tolerance',
			});
		}
		await expect(
			verifySignature(BODY, headersAt(at(-600_000)), lookup, NOW, { toleranceSeconds: 600 }),
		).resolves.toMatchObject({ ok: true });
	});

	it('never asks for a key when the headers or timestamp already fail', async () => {
		const lookupSpy = jest.fn(lookup);
		const headers = headersAt('2026-04-10T11:00:00.000Z');
		await expect(verifySignature(BODY, headers, lookupSpy, NOW)).resolves.toMatchObject({ status: 400 });
		await expect(verifySignature(BODY, {}, lookupSpy, NOW)).resolves.toMatchObject({ status: 404, reason: 'missing_headers' });
		expect(lookupSpy).not.toHaveBeenCalled();
	});

	it('reads headers case-insensitively and takes the first of repeated values', async () => {
		const signed = headersAt('2026-04-10T12:00:00.000Z');
		const lower = Object.fromEntries(Object.entries(signed).map(([k, v]) => [k.toLowerCase(), [v, 'ignored']]));
		await expect(verifySignature(BODY, lower, lookup, NOW)).resolves.toMatchObject({ ok: true });
	});

	it('rejects unknown keys, wrong keys, a missing body, and garbage signatures with 401', async () => {
		const ts = '2026-04-10T12:00:00.000Z';
		const cases: Array<[Record<string, string>, string | undefined, string]> = [
			[headersAt(ts, OTHER), BODY, 'unknown_key'],
			[{ ...headersAt(ts, OTHER), 'X-ShipEngine-RSA-SHA256-Key-ID': 'k1' }, BODY, 'invalid_signature'],
			[headersAt(ts), undefined, 'missing_body'],
			[{ ...headersAt(ts), 'X-ShipEngine-RSA-SHA256-Signature': 'not base64!' }, BODY, 'malformed_signature'],
			[{ ...headersAt(ts), 'X-ShipEngine-RSA-SHA256-Signature': 'AAAA' }, BODY, 'invalid_signature'],
		];
		for (const [headers, body, reason] of cases) {
			await expect(verifySignature(body, headers, lookup, NOW)).resolves.toMatchObject({ ok: false, status: 401, reason });
		}
	});

	it('answers 503 (never throws) when the key lookup fails', async () => {
		const failing = () => {
			throw new Error('network down');
		};
		await expect(verifySignature(BODY, headersAt('2026-04-10T12:00:00.000Z'), failing, NOW)).resolves.toEqual({
			ok: false,
			status: 503,
			reason: 'keys_unavailable',
			keyId: 'k1',
		});
	});

	it('accepts a replayed delivery inside the window: replay protection lives in the node, not here', async () => {
		const headers = headersAt('2026-04-10T12:00:00.000Z');
		await expect(verifySignature(BODY, headers, lookup, NOW)).resolves.toMatchObject({ ok: true });
		await expect(verifySignature(BODY, headers, lookup, NOW + 1000)).resolves.toMatchObject({ ok: true });
	});
});

describe('parseTimestamp', () => {
	it.each([
		['2026-04-10T12:00:00Z', NOW],
		['2026-04-10T12:00:00.000Z', NOW],
		['2026-04-10T12:00:00.1234567Z', NOW + 123],
		['2026-04-10T14:00:00+02:00', NOW],
		['2026-04-10T07:00:00-0500', NOW],
		['2026-04-10T12:00:00', NOW], // no zone: UTC
		['2026-04-10 12:00:00Z', NOW],
		[String(NOW / 1000), NOW],
		[String(NOW), NOW],
	])('reads %s', (text, expected) => {
		expect(parseTimestamp(text)).toBe(expected);
	});

	it.each(['', 'yesterday', 'April 10, 2026 12:00', '2026-13-10T12:00:00Z', '2026-04-10T25:00:00Z', '12345'])(
		'refuses %j',
		(text) => {
			expect(parseTimestamp(text)).toBeUndefined();
		},
	);
});

describe('decodeSignature', () => {
	it('decodes base64, then base64url, and refuses anything else', () => {
		const bytes = Buffer.from([0xfb, 0xff, 0xfe, 0x01]);
		expect(decodeSignature(bytes.toString('base64'))).toEqual(bytes);
		expect(decodeSignature(bytes.toString('base64url'))).toEqual(bytes);
		expect(decodeSignature('a b')).toBeUndefined();
		expect(decodeSignature('%%%')).toBeUndefined();
	});
});

describe('readJwks', () => {
	it('keeps RSA signing keys by kid and skips EC, encryption, kid-less, short and non-RS256 keys', () => {
		const found = readJwks({
			keys: [
				ecJwk('ec'),
				{ ...KEY.jwk, kid: 'enc', use: 'enc' },
				{ ...KEY.jwk, kid: undefined },
				{ kty: 'RSA', kid: 'short', n: 'xx', e: 'AQAB' },
				{ kty: 'RSA', kid: 'broken', n: 5, e: 'AQAB' },
				{ ...KEY.jwk, kid: 'ps', alg: 'PS256' },
				KEY.jwk,
			],
		});
		expect([...found.keys()]).toEqual(['k1']);
		expect(readJwks(null).size).toBe(0);
		expect(readJwks({ keys: 'nope' }).size).toBe(0);
	});

	it('reads a bounded number of keys from one document', () => {
		const many = Array.from({ length: 40 }, (_, i) => ({ ...KEY.jwk, kid: `k${i}` }));
		expect(readJwks({ keys: many }).size).toBe(JWKS_LIMITS.maxKeysPerDocument);
	});
});

describe('jwksKeyLookup (process-wide cache)', () => {
	const URL_A = 'https://api.shipengine.com/jwks';
	let now = NOW;
	let served: JsonWebKey[];
	let fetches: number;
	const fetcher = jest.fn(async () => {
		fetches++;
		return { keys: served };
	});

	beforeEach(() => {
		clearJwksCache();
		now = NOW;
		served = [KEY.jwk];
		fetches = 0;
		fetcher.mockClear();
	});

	const lookupAt = () => jwksKeyLookup(URL_A, fetcher, () => now);

	it('fetches once for a known key id, and lookups from other workflows share the cache', async () => {
		expect(await lookupAt()('k1')).toBeDefined();
		expect(await lookupAt()('k1')).toBeDefined();
		expect(fetches).toBe(1);
	});

	it('shares one fetch between concurrent lookups', async () => {
		const results = await Promise.all(Array.from({ length: 5 }, () => lookupAt()('k1')));
		expect(results.every(Boolean)).toBe(true);
		expect(fetches).toBe(1);
	});

	it('refetches once for an unknown key id, then at most once per interval', async () => {
		await lookupAt()('k1');
		expect(await lookupAt()('k2')).toBeUndefined();
		expect(fetches).toBe(2);
		for (const id of ['k3', 'k4', 'k5']) expect(await lookupAt()(id)).toBeUndefined();
		expect(fetches).toBe(2);
		served = [KEY.jwk, OTHER.jwk];
		now += JWKS_LIMITS.minFetchIntervalMs;
		expect(await lookupAt()('k2')).toBeDefined();
		expect(fetches).toBe(3);
	});

	it('drops keys the JWKS no longer lists and re-checks keys after their time to live', async () => {
		await lookupAt()('k1');
		served = [OTHER.jwk];
		now += JWKS_LIMITS.keyTtlMs;
		expect(await lookupAt()('k1')).toBeUndefined(); // revoked
		expect(fetches).toBe(2);
	});

	it('throws when the JWKS cannot be loaded, and does not retry within the interval', async () => {
		fetcher.mockRejectedValueOnce(new Error('down'));
		await expect(lookupAt()('k1')).rejects.toThrow('down');
		await expect(lookupAt()('k1')).rejects.toThrow('could not be loaded a moment ago');
		expect(fetcher).toHaveBeenCalledTimes(1);
		now += JWKS_LIMITS.minFetchIntervalMs;
		expect(await lookupAt()('k1')).toBeDefined();
	});

	it('keeps the cache bounded across many JWKS URLs', async () => {
		for (let i = 0; i < JWKS_LIMITS.maxKeys + 10; i++) {
			await jwksKeyLookup(`https://host${i}.example.com/jwks`, fetcher, () => now)('k1');
		}
		// The oldest URLs were evicted: looking one up again needs a new fetch.
		const before = fetches;
		now += JWKS_LIMITS.minFetchIntervalMs;
		await jwksKeyLookup('https://host0.example.com/jwks', fetcher, () => now)('k1');
		expect(fetches).toBe(before + 1);
		await jwksKeyLookup(`https://host${JWKS_LIMITS.maxKeys + 9}.example.com/jwks`, fetcher, () => now)('k1');
		expect(fetches).toBe(before + 1);
	});
});
