/**
 * The mock ShipEngine's webhook signing key: one RSA key pair per process, served as a JWKS at
 * GET /jwks by every ShipEngine mock, and `signDelivery` to sign a delivery the way ShipEngine
 * does (RSA-SHA256 over `<timestamp>.<raw body>`, base64; see shipengine-webhook-signatures.md).
 */
import { generateKeyPairSync, sign, type JsonWebKey, type KeyObject } from 'node:crypto';

export const WEBHOOK_KEY_ID = 'mock-shipengine-key-1';

export interface DeliveryHeaders {
	'x-shipengine-rsa-sha256-key-id': string;
	'x-shipengine-rsa-sha256-signature': string;
	'x-shipengine-timestamp': string;
}

let keyPair: { privateKey: KeyObject; publicJwk: JsonWebKey; otherJwk: JsonWebKey } | undefined;

function keys() {
	if (!keyPair) {
		const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
		keyPair = {
			privateKey,
			publicJwk: publicKey.export({ format: 'jwk' }),
			otherJwk: other.publicKey.export({ format: 'jwk' }),
		};
	}
	return keyPair;
}

/** The JWKS document GET /jwks serves: the signing key plus an EC key a verifier must skip. */
export function jwks(): { keys: JsonWebKey[] } {
	return {
		keys: [
			{ ...keys().otherJwk, kid: 'mock-unrelated-ec-key', use: 'sig', alg: 'ES256' },
			{ ...keys().publicJwk, kid: WEBHOOK_KEY_ID, use: 'sig', alg: 'RS256' },
		],
	};
}

/** Headers for a correctly signed delivery of `body` (send `body` byte for byte as the request body). */
export function signDelivery(body: string, timestamp: string = new Date().toISOString()): DeliveryHeaders {
	const signature = sign('RSA-SHA256', Buffer.from(`${timestamp}.${body}`, 'utf8'), keys().privateKey);
	return {
		'x-shipengine-rsa-sha256-key-id': WEBHOOK_KEY_ID,
		'x-shipengine-rsa-sha256-signature': signature.toString('base64'),
		'x-shipengine-timestamp': timestamp,
	};
}
