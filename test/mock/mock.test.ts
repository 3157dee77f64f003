/**
 * The mock servers themselves: request recording, scripted faults, rate limiting, webhook
 * signatures checked against the served JWKS, and SERA's idempotent replay.
 */
import { createPublicKey, verify } from 'node:crypto';
import { gzipSync } from 'node:zlib';

import { MOCK_MODEL, signDelivery, startChatModelMock, startSeraMock, startShipEngineMock, type MockServer } from './index';

interface Answer {
	status: number;
	headers: Headers;
	body: any;
}

async function call(server: Pick<MockServer, 'url'>, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
	const response = await fetch(`${server.url}${path}`, {
		method,
		headers: { 'Content-Type': 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

const apiKey = { 'API-Key': 'TEST_mock_key' };

describe('ShipEngine mock', () => {
	let mock: Awaited<ReturnType<typeof startShipEngineMock>>;
	beforeAll(async () => {
		mock = await startShipEngineMock({ labels: 3 });
	});
	afterEach(() => mock.reset());
	afterAll(async () => mock.close());

	it('records each request with method, path, query, lower-cased headers and parsed body', async () => {
		await call(mock, 'POST', '/v1/addresses/validate?x=1', [{ address_line1: '1 Main St' }], apiKey);
		expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(mock.requests).toHaveLength(1);
		expect(mock.requests[0]).toMatchObject({
			method: 'POST',
			path: '/v1/addresses/validate',
			query: { x: '1' },
			headers: { 'api-key': 'TEST_mock_key' },
			body: [{ address_line1: '1 Main St' }],
			rawBody: '[{"address_line1":"1 Main St"}]',
		});
	});

	it('answers 401 in the error envelope without an API-Key', async () => {
		const { status, body } = await call(mock, 'GET', '/v1/carriers');
		expect(status).toBe(401);
		expect(body.errors[0]).toMatchObject({ error_type: 'security', error_code: 'unauthorized' });
		expect(body.request_id).toEqual(expect.any(String));
	});

	it('plays scripted replies first, for the given number of times, then the normal route', async () => {
		mock.script('GET', /^\/v1\/carriers$/, { status: 503, body: { message: 'down' }, headers: { 'X-Test': 'yes' } }, 2);
		mock.script('get', /^\/v1\/labels$/, { status: 200, raw: 'not json', delayMs: 20 });
		const first = await call(mock, 'GET', '/v1/carriers', undefined, apiKey);
		const second = await call(mock, 'GET', '/v1/carriers', undefined, apiKey);
		const third = await call(mock, 'GET', '/v1/carriers', undefined, apiKey);
		expect([first.status, second.status, third.status]).toEqual([503, 503, 200]);
		expect(first.headers.get('x-test')).toBe('yes');
		expect(third.body.carriers.map((carrier: { carrier_code: string }) => carrier.carrier_code)).toEqual(['stamps_com', 'ups', 'fedex']);
		const raw = await fetch(`${mock.url}/v1/labels`, { headers: apiKey });
		expect(await raw.text()).toBe('not json');
	});

	it('drops the connection when scripted to destroy the socket', async () => {
		mock.script('POST', /^\/v1\/labels$/, { status: 200, destroySocket: true });
		await expect(call(mock, 'POST', '/v1/labels', {}, apiKey)).rejects.toThrow();
		expect(mock.requests.map((request) => request.path)).toEqual(['/v1/labels']);
		expect(mock.purchases).toBe(0);
	});

	it('serves realistic-size PDF labels with labelBytes: the same file inline and by link, barely compressible like a real PDF', async () => {
		const big = await startShipEngineMock({ labels: 2, labelBytes: 60_000 });
		try {
			const list = await call(big, 'GET', '/v1/labels?label_download_type=inline', undefined, apiKey);
			const [first, second] = list.body.labels.map((label: { label_download: { href: string } }) => Buffer.from(label.label_download.href, 'base64'));
			expect(first.length).toBeGreaterThanOrEqual(60_000);
			expect(first.length).toBeLessThan(62_000);
			expect(first.subarray(0, 8).toString()).toBe('%PDF-1.4');
			expect(first.subarray(-6).toString()).toBe('%%EOF\n');
			expect(first.equals(second)).toBe(false); // each label prints its own tracking number
			expect(gzipSync(first).length / first.length).toBeGreaterThan(0.9);
			const linked = await call(big, 'GET', '/v1/labels', undefined, apiKey);
			const file = Buffer.from(await (await fetch(linked.body.labels[0].label_download.pdf)).arrayBuffer());
			expect(file.equals(first)).toBe(true);
		} finally {
			await big.close();
		}
	});

	it('shops rates, buys the cheapest once, serves the inline PDF and pages the label list', async () => {
		const shipment = {
			ship_to: { name: 'Amanda Miller', address_line1: '525 S Winchester Blvd', city_locality: 'San Jose', state_province: 'CA', postal_code: '95128', country_code: 'US' },
			ship_from: { name: 'Mock Shop', address_line1: '4 Jersey St', city_locality: 'Boston', state_province: 'MA', postal_code: '02215', country_code: 'US' },
			packages: [{ weight: { value: 20, unit: 'ounce' } }],
		};
		const rates = await call(mock, 'POST', '/v1/rates', { shipment, rate_options: { carrier_ids: ['se-100001', 'se-100002'] } }, apiKey);
		const cheapest = rates.body.rate_response.rates.find((rate: { rate_attributes: string[] }) => rate.rate_attributes.includes('cheapest'));
		expect(cheapest).toMatchObject({ service_code: 'usps_ground_advantage', shipping_amount: { currency: 'usd', amount: 7.05 } });
		const label = await call(mock, 'POST', `/v1/labels/rates/${cheapest.rate_id}`, { label_download_type: 'inline' }, apiKey);
		expect(Buffer.from(label.body.label_download.href, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
		expect(mock.purchases).toBe(1);
		const again = await call(mock, 'POST', `/v1/labels/rates/${cheapest.rate_id}`, {}, apiKey);
		expect(again.status).toBe(400);
		expect(mock.purchases).toBe(1);
		const page = await call(mock, 'GET', '/v1/labels?page=2&page_size=3', undefined, apiKey);
		expect(page.body).toMatchObject({ total: 4, page: 2, pages: 2 });
		expect(page.body.links.prev.href).toContain('page=1');
		expect(page.body.links.next).toBeUndefined();
	});

	it('limits requests per API key with 429 and Retry-After', async () => {
		const limited = await startShipEngineMock({ rateLimit: { limit: 2, windowMs: 60_000 } });
		try {
			const statuses = [];
			for (let i = 0; i < 3; i++) statuses.push(await call(limited, 'GET', '/v1/carriers', undefined, apiKey));
			expect(statuses.map((answer) => answer.status)).toEqual([200, 200, 429]);
			expect(statuses[2].headers.get('retry-after')).toBe('60');
			expect(statuses[2].body.errors[0].error_code).toBe('rate_limit_exceeded');
			expect((await call(limited, 'GET', '/v1/carriers', undefined, { 'API-Key': 'TEST_other' })).status).toBe(200);
		} finally {
			await limited.close();
		}
	});

	it('signs deliveries that verify against the key served at /jwks', async () => {
		const body = JSON.stringify({ resource_url: 'https://api.shipengine.com/v1/tracking?x=1', resource_type: 'API_TRACK' });
		const headers = signDelivery(body, '2026-01-02T03:04:05.000Z');
		const { body: jwks } = await call(mock, 'GET', '/jwks');
		const jwk = jwks.keys.find((key: { kid: string }) => key.kid === headers['x-shipengine-rsa-sha256-key-id']);
		const key = createPublicKey({ key: jwk, format: 'jwk' });
		const signature = Buffer.from(headers['x-shipengine-rsa-sha256-signature'], 'base64');
		expect(headers['x-shipengine-timestamp']).toBe('2026-01-02T03:04:05.000Z');
		expect(verify('RSA-SHA256', Buffer.from(`2026-01-02T03:04:05.000Z.${body}`), key, signature)).toBe(true);
		expect(verify('RSA-SHA256', Buffer.from(`2026-01-02T03:04:05.000Z.${body} `), key, signature)).toBe(false);
	});
});

describe('SERA mock', () => {
	it('exchanges a code (form) and a refresh token (JSON), then replays an idempotent purchase without charging twice', async () => {
		const sera = await startSeraMock();
		try {
			const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';
			const authorize = await fetch(`${sera.signinUrl}/authorize?client_id=cid&response_type=code&scope=offline_access&state=s1&redirect_uri=${encodeURIComponent(redirectUri)}`, { redirect: 'manual' });
			const location = new URL(authorize.headers.get('location')!);
			expect(location.searchParams.get('state')).toBe('s1');
			const form = await fetch(`${sera.signinUrl}/oauth/token`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'cid', client_secret: 'secret', code: location.searchParams.get('code')!, redirect_uri: redirectUri }),
			});
			const tokens = (await form.json()) as Record<string, string>;
			expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: '900', refresh_token: expect.any(String) });
			const refreshed = await call({ url: sera.signinUrl }, 'POST', '/oauth/token', { grant_type: 'refresh_token', client_id: 'cid', client_secret: 'secret', refresh_token: tokens.refresh_token });
			expect(refreshed.body.access_token).toEqual(expect.any(String));
			expect(sera.tokenGrants).toEqual({ authorization_code: 1, refresh_token: 1 });

			const auth = { Authorization: `Bearer ${refreshed.body.access_token}` };
			const order = { from_address: { name: 'Shop' }, to_address: { name: 'Ann', address_line1: '1 Main St' }, service_type: 'usps_priority_mail', package: { weight: 12 }, label_options: { label_output_type: 'base64' } };
			const key = '0b1f6c1e-8d4a-4c3b-9e2f-7a6b5c4d3e2f';
			const first = await call({ url: sera.apiUrl }, 'POST', '/v1/labels', order, { ...auth, 'Idempotency-Key': key });
			const replay = await call({ url: sera.apiUrl }, 'POST', '/v1/labels', order, { ...auth, 'Idempotency-Key': key });
			expect(first.status).toBe(200);
			expect(replay.body).toEqual(first.body);
			expect(sera.purchases).toBe(1);
			expect(Buffer.from(first.body.labels[0].label_data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

			const missing = await call({ url: sera.apiUrl }, 'POST', '/v1/labels', order, auth);
			const malformed = await call({ url: sera.apiUrl }, 'POST', '/v1/labels', order, { ...auth, 'Idempotency-Key': 'not-a-uuid' });
			expect([missing.status, missing.body.errors[0].error_code]).toEqual([400, 800002]);
			expect([malformed.status, malformed.body.errors[0].error_code]).toEqual([400, 800001]);

			sera.expireAccessTokens();
			expect((await call({ url: sera.apiUrl }, 'GET', '/v1/balance', undefined, auth)).status).toBe(401);
		} finally {
			await sera.close();
		}
	});
});

describe('chat model mock', () => {
	it('records each completion and answers with tool calls, then text; as JSON or as a stream', async () => {
		const model = await startChatModelMock({
			respond: (_request, turn) => (turn === 0 ? { toolCalls: [{ name: 'ShipEngine', arguments: { Tracking_Number: '9400' } }] } : { text: 'Done' }),
		});
		try {
			const tools = [{ type: 'function', function: { name: 'ShipEngine', parameters: { type: 'object', properties: {} } } }];
			const first = await call(model, 'POST', '/v1/chat/completions', { model: MOCK_MODEL, messages: [{ role: 'user', content: 'Track it' }], tools });
			expect(first.status).toBe(200);
			expect(first.body.choices[0]).toMatchObject({ finish_reason: 'tool_calls', message: { role: 'assistant', content: null } });
			const [toolCall] = first.body.choices[0].message.tool_calls;
			expect(toolCall).toMatchObject({ type: 'function', id: expect.stringMatching(/^call_/), function: { name: 'ShipEngine' } });
			expect(JSON.parse(toolCall.function.arguments)).toEqual({ Tracking_Number: '9400' });

			const response = await fetch(`${model.url}/v1/chat/completions`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ model: MOCK_MODEL, messages: [], stream: true }),
			});
			expect(response.headers.get('content-type')).toBe('text/event-stream');
			const events = (await response.text()).split('\n\n').filter(Boolean);
			expect(events.at(-1)).toBe('data: [DONE]');
			const chunks = events.slice(0, -1).map((event) => JSON.parse(event.replace(/^data: /, '')));
			expect(chunks.map((chunk) => chunk.choices[0].delta.content ?? '').join('')).toBe('Done');
			expect(chunks.at(-1).choices[0].finish_reason).toBe('stop');

			expect(model.completions).toHaveLength(2);
			expect(model.completions[0].tools).toEqual(tools);
			expect((await call(model, 'GET', '/v1/models')).body.data[0].id).toBe(MOCK_MODEL);
		} finally {
			await model.close();
		}
	});
});

describe('mock lookups', () => {
	it('ShipEngine lists warehouses; SERA lists security questions', async () => {
		const shipEngine = await startShipEngineMock();
		const sera = await startSeraMock();
		try {
			const warehouses = await call(shipEngine, 'GET', '/v1/warehouses', undefined, apiKey);
			expect(warehouses.body.warehouses.map((warehouse: { warehouse_id: string; is_default: boolean }) => [warehouse.warehouse_id, warehouse.is_default])).toEqual([
				['se-200001', true],
				['se-200002', false],
			]);
			const token = sera.issueAccessToken();
			const questions = await call({ url: sera.apiUrl }, 'GET', '/v1/security_questions', undefined, { Authorization: `Bearer ${token}` });
			expect(questions.status).toBe(200);
			expect(questions.body[0]).toEqual({ security_question: expect.any(String), security_question_type: expect.any(String) });
		} finally {
			await Promise.all([shipEngine.close(), sera.close()]);
		}
	});
});
