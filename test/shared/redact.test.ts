/**
 * nodes/shared/redact.ts on its own: which credential values count as secrets, the forms they are
 * hidden in, and the shapes hidden even when the credential could not be read. The end-to-end proof
 * (real engine, echoing servers, every log channel) is test/security/secrets.test.ts.
 */
import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { credentialSecrets, redactDeep, redactError, redactText, REDACTED } from '../../nodes/shared/redact';

const node: INode = {
	id: 'n1',
	name: 'ShipEngine',
	type: 'n8n-nodes-shipengine.shipEngine',
	typeVersion: 1,
	position: [0, 0],
	parameters: { note: 'TEST_keep_me_in_the_node_parameters' },
	credentials: { shipEngineApi: { id: '1', name: 'key' } },
};

describe('credentialSecrets', () => {
	it('takes API keys, client secrets and nested OAuth tokens, not ids, URLs or token types', () => {
		const secrets = credentialSecrets({
			apiKey: 'TEST_abcdefgh12345',
			baseUrl: 'https://api.shipengine.com',
			clientId: 'client-id-1',
			clientSecret: 's3cr3t/with+chars',
			oauthTokenData: { access_token: 'at_0123456789', refresh_token: 'rt_0123456789', token_type: 'Bearer', expires_in: 900 },
		});
		expect(secrets).toEqual(
			expect.arrayContaining([
				'TEST_abcdefgh12345',
				's3cr3t/with+chars',
				encodeURIComponent('s3cr3t/with+chars'),
				Buffer.from('s3cr3t/with+chars').toString('base64').replace(/=+$/, ''),
				'at_0123456789',
				'rt_0123456789',
				Buffer.from('client-id-1:s3cr3t/with+chars').toString('base64'),
			]),
		);
		expect(secrets).not.toContain('Bearer');
		expect(secrets).not.toContain('client-id-1');
		expect(secrets).not.toContain('https://api.shipengine.com');
		// Longest first: a value is never half replaced by a shorter one it contains.
		expect([...secrets].sort((a, b) => b.length - a.length)).toEqual(secrets);
	});
});

describe('redactText', () => {
	it('hides each known value wherever it appears', () => {
		expect(redactText('key TEST_abcdefgh12345 and again TEST_abcdefgh12345', ['TEST_abcdefgh12345'])).toBe(`key ${REDACTED} and again ${REDACTED}`);
	});

	it.each([
		['{"api-key":"TEST_unknown_value"}', `{"api-key":"${REDACTED}"}`],
		['{\\"api-key\\":\\"TEST_unknown_value\\"}', `{\\"api-key\\":\\"${REDACTED}\\"}`],
		['authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig', `authorization: Bearer ${REDACTED}`],
		['Authorization: Basic Y2xpZW50OnNlY3JldA==', `Authorization: Basic ${REDACTED}`],
		['grant_type=refresh_token&refresh_token=rt_unknown_1&client_secret=cs_unknown_2', `grant_type=refresh_token&refresh_token=${REDACTED}&client_secret=${REDACTED}`],
		['apiKey: TEST_x1y2z3', `apiKey: ${REDACTED}`],
	])('hides a secret-shaped value it was not told about: %s', (text, expected) => {
		expect(redactText(text, [])).toBe(expected);
	});

	it('leaves ordinary messages alone', () => {
		const text = 'Invalid address: postal_code 78756 does not match city Austin (request id: 9f1c)';
		expect(redactText(text, ['TEST_abcdefgh12345'])).toBe(text);
	});
});

describe('redactDeep and redactError', () => {
	it('rewrites message, description, stack, context, cause chain and body; leaves the node and buffers alone', async () => {
		const key = 'TEST_abcdefgh12345';
		const echoed = { message: `Echo: {"api-key":"${key}"}`, request: { headers: { 'api-key': key } } };
		const error = new NodeApiError(node, echoed as unknown as JsonObject, { message: `Unauthorized ${key}`, description: `sent ${key}`, httpCode: '401' });
		error.context = { responseHeaders: { 'x-echo': key }, raw: Buffer.from(key) };
		error.cause = Object.assign(new Error(`inner ${key}`), { cause: { detail: [`deep ${key}`] } });
		const reader = { getNode: () => node, getCredentials: async () => ({ apiKey: key }) };

		const same = await redactError(reader, error);

		expect(same).toBe(error);
		const json = JSON.stringify({ ...error, message: error.message, description: error.description, stack: error.stack, cause: error.cause, deeper: (error.cause as { cause?: unknown }).cause });
		expect(json).not.toContain(key);
		expect(error.message).toBe(`Unauthorized ${REDACTED}`);
		expect(node.parameters.note).toBe('TEST_keep_me_in_the_node_parameters');
		expect((error.context.raw as Buffer).toString()).toBe(key);
	});

	it('still hides secret shapes when the credential cannot be read, and survives cycles', async () => {
		const loop: Record<string, unknown> = { text: 'Bearer abcdefghijklmnop' };
		loop.self = loop;
		const reader = {
			getNode: () => node,
			getCredentials: async () => {
				throw new Error('timeout exceeded when trying to connect');
			},
		};
		await redactError(reader, loop);
		expect(loop.text).toBe(`Bearer ${REDACTED}`);
		expect(redactDeep(['x'], [])).toEqual(['x']);
	});
});
