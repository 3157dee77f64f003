/**
 * Signing keys made in the test process, and deliveries signed the way ShipEngine signs them
 * (RSA-SHA256 over `<timestamp>.<raw body>`, base64; shipengine-webhook-signatures.md).
 */
import { generateKeyPairSync, sign, type JsonWebKey, type KeyObject } from 'node:crypto';

import nock from 'nock';

export const SHIPENGINE = 'https://api.shipengine.com';

export interface TestKey {
	kid: string;
	privateKey: KeyObject;
	publicKey: KeyObject;
	jwk: JsonWebKey;
}

export function makeKey(kid: string): TestKey {
	const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	return { kid, privateKey, publicKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' } };
}

/** An EC key with its own kid: a JWKS may list one next to the RSA key; verifiers must skip it. */
export function ecJwk(kid: string): JsonWebKey {
	const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	return { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'ES256' };
}

export interface SignOptions {
	timestamp?: string;
	/** Sign with this key but announce another key id. */
	kid?: string;
	encoding?: 'base64' | 'base64url';
}

export function signHeaders(key: TestKey, rawBody: string, options: SignOptions = {}): Record<string, string> {
	const timestamp = options.timestamp ?? new Date().toISOString();
	const signature = sign('RSA-SHA256', Buffer.from(`${timestamp}.${rawBody}`, 'utf8'), key.privateKey);
	return {
		'Content-Type': 'application/json',
		'X-ShipEngine-RSA-SHA256-Key-ID': options.kid ?? key.kid,
		'X-ShipEngine-RSA-SHA256-Signature': signature.toString(options.encoding ?? 'base64'),
		'X-ShipEngine-Timestamp': timestamp,
	};
}

/** GET /jwks answered with these keys; must be requested without any API key. */
export function serveJwks(keys: JsonWebKey[], base = SHIPENGINE): nock.Scope {
	return nock(base, { badheaders: ['api-key'] })
		.get('/jwks')
		.reply(200, { keys });
}
