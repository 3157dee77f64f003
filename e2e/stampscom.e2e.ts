/**
 * Stamps.com (SERA) in real n8n against the local SERA mock:
 *  1. the OAuth2 credential is connected through n8n's own consent flow (the editor's
 *     "Connect my account": /rest/oauth2-credential/auth → mock /authorize → n8n callback →
 *     code exchange at the mock's token endpoint);
 *  2. workflows use that token, and when it expires n8n refreshes it and stores the new one;
 *  3. a label is bought with an Idempotency-Key (a 503 is retried with the same key and buys
 *     once), returned as a PDF file, and voided.
 */
import { startSeraMock, type RecordedRequest, type SeraMockServer } from '../test/mock';
import { readBinary } from './lib/binary';
import { STAMPS_CLIENT, STAMPS_CREDENTIAL } from './lib/credentials';
import { n8n, runExample, seraPort } from './lib/harness';
import { freePort, nodeItems } from './lib/n8n';
import { N8nSession } from './lib/rest';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const calls = (requests: RecordedRequest[]) => requests.map((request) => `${request.method} ${request.path}`);
const bearer = (request: RecordedRequest) => request.headers.authorization;

describe('Stamps.com in real n8n', () => {
	let sera: SeraMockServer;

	beforeAll(async () => {
		sera = await startSeraMock({ port: seraPort() });
	});
	afterAll(async () => await sera.close());

	it("connects the OAuth2 credential through n8n's consent flow and the mock's token endpoint", async () => {
		const port = await freePort();
		const server = await n8n().start(port);
		try {
			const session = new N8nSession(server.url);
			await session.signIn();

			const auth = await session.request('GET', `/rest/oauth2-credential/auth?id=${STAMPS_CREDENTIAL.id}`);
			expect(auth.status).toBe(200);
			const authorizeUrl = new URL(String((auth.json as { data: string }).data));
			expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(`${sera.signinUrl}/authorize`);
			const redirectUri = `${server.url}/rest/oauth2-credential/callback`;
			expect(Object.fromEntries(authorizeUrl.searchParams)).toMatchObject({
				client_id: STAMPS_CLIENT.clientId,
				redirect_uri: redirectUri,
				response_type: 'code',
				scope: 'offline_access',
				state: expect.any(String),
			});

			// The user's browser: the sign-in host redirects back to n8n with a code.
			const consent = await fetch(authorizeUrl, { redirect: 'manual' });
			expect(consent.status).toBe(302);
			const callback = String(consent.headers.get('location'));
			expect(callback.startsWith(`${redirectUri}?code=`)).toBe(true);
			const landed = await session.request('GET', callback.slice(server.url.length));
			expect(landed.status).toBe(200);
			expect(landed.text).not.toMatch(/error/i);
		} finally {
			await server.stop();
		}

		expect(sera.tokenGrants).toEqual({ authorization_code: 1, refresh_token: 0 });
		const exchange = sera.requests.find((request) => request.path === '/signin/oauth/token');
		expect(exchange?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
		expect(exchange?.headers.authorization).toBeUndefined();
		expect(exchange?.body).toMatchObject({
			grant_type: 'authorization_code',
			client_id: STAMPS_CLIENT.clientId,
			client_secret: STAMPS_CLIENT.clientSecret,
			redirect_uri: `${server.url}/rest/oauth2-credential/callback`,
			code: expect.any(String),
		});
	});

	it('calls SERA with the stored token, refreshes it once expired, and keeps the refreshed one', async () => {
		sera.requests.splice(0);
		const first = await runExample('stampscom-check-balance.json');
		expect(nodeItems(first, 'Postage Balance')[0].json).toMatchObject({ amount_available: expect.any(Number) });
		expect(calls(sera.requests)).toEqual(['GET /sera/v1/balance']);
		const original = bearer(sera.requests[0]);
		expect(original).toMatch(/^Bearer at_/);

		sera.requests.splice(0);
		sera.expireAccessTokens();
		const second = await runExample('stampscom-check-balance.json');
		expect(nodeItems(second, 'Postage Balance')[0].json).toMatchObject({ amount_available: expect.any(Number) });
		expect(calls(sera.requests)).toEqual(['GET /sera/v1/balance', 'POST /signin/oauth/token', 'GET /sera/v1/balance']);
		const [rejected, refresh, retried] = sera.requests;
		expect(bearer(rejected)).toBe(original);
		expect(refresh.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
		expect(refresh.body).toMatchObject({
			grant_type: 'refresh_token',
			refresh_token: expect.stringMatching(/^rt_/),
			client_id: STAMPS_CLIENT.clientId,
			client_secret: STAMPS_CLIENT.clientSecret,
		});
		expect(bearer(retried)).toMatch(/^Bearer at_/);
		expect(bearer(retried)).not.toBe(original);
		expect(sera.tokenGrants).toEqual({ authorization_code: 1, refresh_token: 1 });

		// A new execution reads the credential again: the refreshed token was saved.
		sera.requests.splice(0);
		await runExample('stampscom-check-balance.json');
		expect(calls(sera.requests)).toEqual(['GET /sera/v1/balance']);
		expect(bearer(sera.requests[0])).toBe(bearer(retried));
		expect(sera.tokenGrants.refresh_token).toBe(1);
	});

	it('buys a label with an Idempotency-Key (a 503 retried with the same key buys once) and voids it', async () => {
		sera.requests.splice(0);
		sera.script('POST', /^\/sera\/v1\/labels$/, { status: 503, body: { message: 'Service Unavailable' } });
		const purchasesBefore = sera.purchases;

		const run = await runExample('stampscom-create-and-void-label.json');

		const [label] = nodeItems(run, 'Buy Label');
		expect(label.json).toMatchObject({ label_id: expect.stringMatching(UUID_V4), tracking_number: expect.any(String) });
		const file = label.binary?.label;
		expect(file).toMatchObject({ mimeType: 'application/pdf', fileExtension: 'pdf' });
		expect(readBinary(String(process.env.E2E_USER_FOLDER), file!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const [voided] = nodeItems(run, 'Void Label');
		expect(voided.json).toMatchObject({ label_id: label.json.label_id, voided: true });

		const labelId = String(label.json.label_id);
		expect(calls(sera.requests)).toEqual([
			'POST /sera/v1/labels',
			'POST /sera/v1/labels',
			`GET /downloads/sera/${labelId}.pdf`,
			`PUT /sera/v1/labels/${labelId}/void`,
		]);
		const [refused, bought, , voidRequest] = sera.requests;
		expect(refused.headers['idempotency-key']).toMatch(UUID_V4);
		expect(bought.headers['idempotency-key']).toBe(refused.headers['idempotency-key']);
		expect(bought.body).toEqual({
			from_address: { name: 'Michael M', address_line1: '1150 Magic Way', city: 'Anaheim', state_province: 'CA', postal_code: '92802', country_code: 'US' },
			to_address: { name: 'Minerva M', address_line1: '351 S Studio Dr', city: 'Lake Buena Vista', state_province: 'FL', postal_code: '32830', country_code: 'US' },
			service_type: 'usps_priority_mail',
			package: { packaging_type: 'package', weight: 4, weight_unit: 'ounce' },
			references: { reference1: 'order-1001' },
		});
		expect(bought.headers.authorization).toMatch(/^Bearer at_/);
		expect(voidRequest.headers['idempotency-key']).toBeUndefined();
		expect(sera.purchases - purchasesBefore).toBe(1);
	});
});
