/**
 * ShipEngine webhook signatures (see shipengine-webhook-signatures.md for the evidence):
 *
 * - three headers: x-shipengine-rsa-sha256-key-id, x-shipengine-rsa-sha256-signature,
 *   x-shipengine-timestamp (CONFIRMED); a missing one answers 404 (CONFIRMED, ShipStation guide);
 * - the timestamp must be within a tolerance of now, in either direction (CONFIRMED: 5 minutes
 *   suggested, answered with 400);
 * - the signature is RSASSA-PKCS1-v1_5 / SHA-256 over `timestamp + "." + rawBody`, base64, with
 *   the public key from the JWKS at `{base URL}/jwks` chosen by key id (CORROBORATED by
 *   third-party verifiers only: confirm with a live delivery).
 *
 * `verifySignature` is pure apart from the key lookup you give it, never throws and does not
 * touch n8n, so it can be benchmarked on its own. `jwksKeyLookup` adds the process-wide key cache.
 */
import { createPublicKey, verify as verifyRsa, type JsonWebKey, type KeyObject } from 'crypto';

export const KID_HEADER = 'x-shipengine-rsa-sha256-key-id';
export const SIGNATURE_HEADER = 'x-shipengine-rsa-sha256-signature';
export const TIMESTAMP_HEADER = 'x-shipengine-timestamp';

export const DEFAULT_TOLERANCE_SECONDS = 300;

export type HeaderBag = Record<string, string | string[] | undefined>;

/** Returns the public key for a key id, or undefined when no such key exists. May throw when the keys cannot be loaded. */
export type KeyLookup = (keyId: string) => KeyObject | undefined | Promise<KeyObject | undefined>;

export type RejectReason =
	| 'missing_headers'
	| 'invalid_timestamp'
	| 'timestamp_out_of_tolerance'
	| 'missing_body'
	| 'malformed_signature'
	| 'unknown_key'
	| 'invalid_signature'
	| 'keys_unavailable';

export interface Verified {
	ok: true;
	keyId: string;
	/** The timestamp header as received. */
	timestamp: string;
	/** The timestamp in epoch milliseconds. */
	signedAt: number;
	/** The signature header as received (used to spot a replayed delivery). */
	signature: string;
}

export interface Rejected {
	ok: false;
	/** What to answer: 404 missing headers, 400 timestamp, 401 signature, 503 keys unavailable. */
	status: 400 | 401 | 404 | 503;
	reason: RejectReason;
	keyId?: string;
}

export interface VerifyOptions {
	/** Largest accepted |now − timestamp|, in seconds (default 300). */
	toleranceSeconds?: number;
}

/** A header value, case-insensitively; the first one when repeated; trimmed; undefined when empty. */
export function headerValue(headers: HeaderBag, name: string): string | undefined {
	let value = headers[name];
	if (value === undefined) {
		const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
		value = key === undefined ? undefined : headers[key];
	}
	const first = Array.isArray(value) ? value[0] : value;
	const trimmed = typeof first === 'string' ? first.trim() : '';
	return trimmed || undefined;
}

const ISO_8601 =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * The timestamp header in epoch milliseconds: ISO-8601 (what third-party verifiers parse; a
 * value without a zone is read as UTC, ShipEngine's clock) or epoch seconds / milliseconds.
 * Undefined when unreadable.
 */
export function parseTimestamp(value: string): number | undefined {
	const text = value.trim();
	if (/^\d{9,13}(\.\d+)?$/.test(text)) {
		const number = Number(text);
		return number >= 1e12 ? Math.floor(number) : Math.floor(number * 1000);
	}
	const match = ISO_8601.exec(text);
	if (!match) return undefined;
	const [, year, month, day, hour, minute, second = '0', fraction = '', zone = 'Z'] = match;
	const inRange = Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= 31;
	if (!inRange || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60) return undefined;
	const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
	let time = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), millis);
	if (zone.toUpperCase() !== 'Z') {
		const digits = zone.replace(':', '');
		const offset = (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0')) * 60_000;
		time += zone.startsWith('+') ? -offset : offset;
	}
	return Number.isFinite(time) ? time : undefined;
}

/** The signature bytes: base64, or base64url as a fallback. Undefined when it is neither. */
export function decodeSignature(value: string): Buffer | undefined {
	if (/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return Buffer.from(value, 'base64');
	if (/^[A-Za-z0-9_-]+={0,2}$/.test(value)) return Buffer.from(value.replace(/=+$/, ''), 'base64url');
	return undefined;
}

function reject(status: Rejected['status'], reason: RejectReason, keyId?: string): Rejected {
	return { ok: false, status, reason, keyId };
}

/**
 * Checks one delivery. Order: headers (404), timestamp (400), then key and signature (401), so
 * a stale or unsigned request never costs a key fetch.
 */
export async function verifySignature(
	rawBody: Buffer | string | undefined,
	headers: HeaderBag,
	keyLookup: KeyLookup,
	now: number = Date.now(),
	options: VerifyOptions = {},
): Promise<Verified | Rejected> {
	const keyId = headerValue(headers, KID_HEADER);
	const signature = headerValue(headers, SIGNATURE_HEADER);
	const timestamp = headerValue(headers, TIMESTAMP_HEADER);
	if (!keyId || !signature || !timestamp) return reject(404, 'missing_headers', keyId);

	const signedAt = parseTimestamp(timestamp);
	if (signedAt === undefined) return reject(400, 'invalid_timestamp', keyId);
	const toleranceMs = (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS) * 1000;
	if (Math.abs(now - signedAt) > toleranceMs) return reject(400, 'timestamp_out_of_tolerance', keyId);

	if (rawBody === undefined || rawBody === null) return reject(401, 'missing_body', keyId);
	const signatureBytes = decodeSignature(signature);
	if (!signatureBytes || signatureBytes.length === 0) return reject(401, 'malformed_signature', keyId);

	let key: KeyObject | undefined;
	try {
		key = await keyLookup(keyId);
	} catch {
		return reject(503, 'keys_unavailable', keyId);
	}
	if (!key) return reject(401, 'unknown_key', keyId);

	const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
	const signed = Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), body]);
	let valid = false;
	try {
		valid = verifyRsa('RSA-SHA256', signed, key, signatureBytes);
	} catch {
		valid = false;
	}
	if (!valid) return reject(401, 'invalid_signature', keyId);
	return { ok: true, keyId, timestamp, signedAt, signature };
}

// ---- signing keys: a process-wide JWKS cache ----------------------------------------------

export const JWKS_LIMITS = {
	/** RSA keys shorter than this are ignored. */
	minModulusBits: 2048,
	/** Keys kept in all (across JWKS URLs); the oldest are dropped first. */
	maxKeys: 64,
	/** Keys read from one JWKS document at most. */
	maxKeysPerDocument: 16,
	/** A cached key is trusted this long, then looked up again (a revoked key stops working). */
	keyTtlMs: 12 * 60 * 60 * 1000,
	/** At most one JWKS fetch per URL in this interval (unknown key ids cannot force more). */
	minFetchIntervalMs: 60 * 1000,
};

interface CachedKey {
	key: KeyObject;
	loadedAt: number;
}

interface FetchState {
	/** When the last fetch started, and whether it worked. */
	at: number;
	ok: boolean;
	/** When the last fetch caused by an unknown (or expired) key id started. */
	refetchAt?: number;
}

const keys = new Map<string, CachedKey>();
const fetchStates = new Map<string, FetchState>();
const fetching = new Map<string, Promise<void>>();

const cacheKey = (jwksUrl: string, keyId: string) => `${jwksUrl}#${keyId}`;

/** Forgets every cached key and fetch time (tests; a benchmark's cold start). */
export function clearJwksCache(): void {
	keys.clear();
	fetchStates.clear();
	fetching.clear();
}

/** The RSA signing keys (2048 bits or more) of a JWKS document by key id; anything else is skipped. */
export function readJwks(document: unknown): Map<string, KeyObject> {
	const found = new Map<string, KeyObject>();
	const list = (document as { keys?: unknown } | undefined)?.keys;
	if (!Array.isArray(list)) return found;
	for (const jwk of list as Array<JsonWebKey & { kid?: unknown; use?: unknown; alg?: unknown }>) {
		if (found.size >= JWKS_LIMITS.maxKeysPerDocument) break;
		if (!jwk || typeof jwk !== 'object' || typeof jwk.kid !== 'string' || !jwk.kid) continue;
		if (jwk.kty !== 'RSA') continue;
		if (jwk.use !== undefined && jwk.use !== 'sig') continue;
		if (jwk.alg !== undefined && jwk.alg !== 'RS256') continue;
		try {
			const key = createPublicKey({ key: jwk, format: 'jwk' });
			const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
			if (key.asymmetricKeyType === 'rsa' && bits >= JWKS_LIMITS.minModulusBits) found.set(jwk.kid, key);
		} catch {
			// A key Node cannot read is simply not a candidate.
		}
	}
	return found;
}

function refresh(jwksUrl: string, fetchJwks: (url: string) => Promise<unknown>, now: number, refetch: boolean): Promise<void> {
	const previous = fetchStates.get(jwksUrl);
	const running = (async () => {
		let ok = false;
		try {
			const found = readJwks(await fetchJwks(jwksUrl));
			for (const id of [...keys.keys()]) if (id.startsWith(`${jwksUrl}#`)) keys.delete(id);
			for (const [id, key] of found) keys.set(cacheKey(jwksUrl, id), { key, loadedAt: now });
			while (keys.size > JWKS_LIMITS.maxKeys) keys.delete(keys.keys().next().value as string);
			ok = true;
		} finally {
			fetchStates.set(jwksUrl, { at: now, ok, refetchAt: refetch ? now : previous?.refetchAt });
			fetching.delete(jwksUrl);
		}
	})();
	fetching.set(jwksUrl, running);
	return running;
}

/**
 * A KeyLookup over the JWKS at `jwksUrl`, shared by every workflow in the process:
 * - the first lookup fetches the JWKS; one fetch serves every key id it lists;
 * - an unknown (or expired) key id refetches it once, for key rotation, but such refetches
 *   happen at most once per `minFetchIntervalMs` per URL, however many ids are tried;
 * - concurrent lookups share one fetch; after a failed fetch, lookups throw (the delivery is
 *   answered 503 so ShipEngine can retry) without fetching again until the interval has passed.
 */
export function jwksKeyLookup(
	jwksUrl: string,
	fetchJwks: (url: string) => Promise<unknown>,
	clock: () => number = Date.now,
): KeyLookup {
	const find = (keyId: string) => keys.get(cacheKey(jwksUrl, keyId));
	return async (keyId: string) => {
		const now = clock();
		const cached = find(keyId);
		if (cached && now - cached.loadedAt < JWKS_LIMITS.keyTtlMs) return cached.key;
		const running = fetching.get(jwksUrl);
		if (running) {
			await running;
			return find(keyId)?.key;
		}
		const state = fetchStates.get(jwksUrl);
		const within = (at: number | undefined) => at !== undefined && now - at < JWKS_LIMITS.minFetchIntervalMs;
		if (state && !state.ok && within(state.at)) throw new Error('The signing keys could not be loaded a moment ago');
		const refetch = state?.ok === true;
		if (refetch && within(state.refetchAt)) return cached?.key;
		await refresh(jwksUrl, fetchJwks, now, refetch);
		return find(keyId)?.key;
	};
}
