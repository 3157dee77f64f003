/**
 * The contract checker itself: a right exchange passes, and each kind of wrong request or reply
 * fails with a message that names the operation, the place and what was expected.
 */
import { checkExchange, type Exchange, formatViolation } from './validator';

const SE = 'https://api.shipengine.com';
const SERA = 'https://api.testing.stampsendicia.com/sera';
const seHeaders = { 'api-key': 'TEST_x', 'content-type': 'application/json' };
const seraHeaders = {
	authorization: 'Bearer token',
	'content-type': 'application/json',
	'idempotency-key': '0b6b2c43-2f2a-4d6f-9a3e-3c8f6b1d2e4f',
};

const address = {
	name: 'Ada Lovelace',
	phone: '555-555-5555',
	address_line1: '1 Main St',
	city_locality: 'Austin',
	state_province: 'TX',
	postal_code: '78701',
	country_code: 'US',
	address_residential_indicator: 'yes',
};

const labelRequest = () => ({
	shipment: {
		carrier_id: 'se-123',
		service_code: 'usps_priority_mail',
		ship_to: { ...address },
		ship_from: { ...address },
		packages: [{ weight: { value: 20, unit: 'ounce' } }],
	},
	label_format: 'pdf',
});

const check = (exchange: Partial<Exchange> & { url: string }) =>
	checkExchange({ method: 'GET', headers: seHeaders, body: '', ...exchange });
const messages = (exchange: Partial<Exchange> & { url: string }) => check(exchange).violations.map(formatViolation);

describe('contract checker: ShipEngine requests', () => {
	it('accepts a valid label purchase and names its operation', () => {
		const result = check({ method: 'POST', url: `${SE}/v1/labels`, body: JSON.stringify(labelRequest()) });
		expect(result.violations.map(formatViolation)).toEqual([]);
		expect(result).toMatchObject({ api: 'ShipEngine', operation: 'POST /v1/labels' });
	});

	it('rejects a wrong enum value, naming the JSON pointer and the allowed values', () => {
		const body = labelRequest();
		body.shipment.packages[0].weight.unit = 'stone';
		expect(messages({ method: 'POST', url: `${SE}/v1/labels`, body: JSON.stringify(body) })).toEqual([
			expect.stringMatching(
				/^POST \/v1\/labels: request body \/shipment\/packages\/0\/weight\/unit: must be one of "pound", "ounce", "gram", "kilogram" \(got "stone"\)$/,
			),
		]);
	});

	it('rejects a missing required field', () => {
		const body = labelRequest();
		delete (body.shipment.ship_to as Partial<typeof address>).postal_code;
		expect(messages({ method: 'POST', url: `${SE}/v1/labels`, body: JSON.stringify(body) })).toContain(
			'POST /v1/labels: request body /shipment/ship_to: missing required property "postal_code"',
		);
	});

	it('rejects a wrong type', () => {
		const body = labelRequest() as unknown as { shipment: { packages: Array<{ weight: { value: unknown } }> } };
		body.shipment.packages[0].weight.value = '20';
		expect(messages({ method: 'POST', url: `${SE}/v1/labels`, body: JSON.stringify(body) })).toEqual([
			'POST /v1/labels: request body /shipment/packages/0/weight/value: must be number (got "20")',
		]);
	});

	it('rejects a property the schema does not have (composed allOf objects stay closed)', () => {
		const body = labelRequest();
		Object.assign(body.shipment.ship_to, { zip: '78701' });
		expect(messages({ method: 'POST', url: `${SE}/v1/labels`, body: JSON.stringify(body) })).toEqual([
			'POST /v1/labels: request body /shipment/ship_to: unknown property "zip" (the schema allows no other properties)',
		]);
	});

	it('rejects an unknown path and a method the path does not have', () => {
		expect(messages({ url: `${SE}/v1/label` })).toEqual(['GET /v1/label: operation: unknown path /v1/label: no such operation in the ShipEngine spec']);
		expect(messages({ method: 'DELETE', url: `${SE}/v1/labels/se-1` })).toEqual([
			'DELETE /v1/labels/se-1: operation: DELETE is not an operation of /v1/labels/{label_id} (documented: GET)',
		]);
	});

	it('prefers literal path segments over templates', () => {
		expect(check({ url: `${SE}/v1/labels/external_shipment_id/abc` }).operation).toBe('GET /v1/labels/external_shipment_id/{external_shipment_id}');
		expect(check({ method: 'PUT', url: `${SE}/v1/labels/se-1/void` }).operation).toBe('PUT /v1/labels/{label_id}/void');
	});

	it('checks query parameters: unknown names and wrong types', () => {
		expect(messages({ url: `${SE}/v1/labels?page=2&page_size=25&label_status=completed` })).toEqual([]);
		expect(messages({ url: `${SE}/v1/labels?page=two&pagesize=25` })).toEqual([
			'GET /v1/labels: query page: must be integer (got "two")',
			expect.stringMatching(/^GET \/v1\/labels: query pagesize: unknown query parameter \(documented: .*page_size/),
		]);
		expect(messages({ url: `${SE}/v1/labels?label_status=done` })).toEqual([
			expect.stringMatching(/^GET \/v1\/labels: query label_status: must be one of .*\(got "done"\)$/),
		]);
	});

	it('requires the API-Key header', () => {
		expect(messages({ url: `${SE}/v1/carriers`, headers: { accept: 'application/json' } })).toEqual([
			'GET /v1/carriers: header authentication: missing credentials: expected API-Key header',
		]);
	});

	it('rejects a body on an operation that takes none, and a missing required body', () => {
		expect(messages({ url: `${SE}/v1/carriers`, body: '{"a":1}' })).toEqual([
			'GET /v1/carriers: request body: operation takes no request body, got {"a":1}',
		]);
		expect(messages({ method: 'POST', url: `${SE}/v1/labels` })).toEqual(['POST /v1/labels: request body: missing required request body']);
	});

	it('takes POST /v1/rates with either shipment_id or shipment (allow-listed spec fix)', () => {
		const rates = (body: object) => messages({ method: 'POST', url: `${SE}/v1/rates`, body: JSON.stringify(body) });
		const rateOptions = { carrier_ids: ['se-123'] };
		expect(rates({ shipment_id: 'se-1', rate_options: rateOptions })).toEqual([]);
		expect(rates({ shipment: labelRequest().shipment, rate_options: rateOptions })).toEqual([]);
		expect(rates({ rate_options: rateOptions }).length).toBeGreaterThan(0);
	});

	it('uses the credential-overridden base URL by its API-Key header', () => {
		expect(check({ url: 'https://mock.example.test/base/v1/carriers' })).toMatchObject({ api: 'ShipEngine', operation: 'GET /v1/carriers', violations: [] });
	});

	it('skips test-only paths explicitly and refuses unknown hosts', () => {
		expect(check({ method: 'POST', url: `${SE}/v1/echo`, body: '{"name":"Ada"}' }).skipped).toMatch(/^test-only path POST \/v1\/echo/);
		expect(messages({ url: 'https://example.com/x', headers: {} })).toEqual([
			'GET /x: operation: no API description for https://example.com (not a ShipEngine or SERA host, no API-Key or Bearer header)',
		]);
	});
});

describe('contract checker: ShipEngine replies', () => {
	const carriers = (status: number, reply: unknown) =>
		check({ url: `${SE}/v1/carriers`, response: { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(reply) } });

	it('validates a reply body against the schema for its status', () => {
		expect(carriers(200, { request_id: '0b6b2c43-2f2a-4d6f-9a3e-3c8f6b1d2e4f', carriers: [], errors: [] }).violations).toEqual([]);
		expect(carriers(200, { request_id: '0b6b2c43-2f2a-4d6f-9a3e-3c8f6b1d2e4f', carriers: [{ carrier_id: 5 }], errors: [] }).violations.map(formatViolation)).toEqual([
			'GET /v1/carriers: response body /carriers/0/carrier_id: must be string (got 5)',
		]);
	});

	it('validates modelled error replies and skips unmodelled ones', () => {
		const error = { request_id: '0b6b2c43-2f2a-4d6f-9a3e-3c8f6b1d2e4f', errors: [{ error_source: 'shipengine', error_type: 'validation', error_code: 'invalid_field_value', message: 'bad' }] };
		expect(carriers(400, error).violations).toEqual([]);
		expect(carriers(400, { message: 'bad' }).violations.map(formatViolation)).toEqual([
			'GET /v1/carriers: response body /: missing required property "request_id"',
			'GET /v1/carriers: response body /: missing required property "errors"',
			'GET /v1/carriers: response body /: unknown property "message" (the schema allows no other properties)',
		]);
		expect(carriers(429, { message: 'slow down' })).toMatchObject({ violations: [], responseSkipped: 'HTTP 429 not modelled for GET /v1/carriers' });
	});

	it('rejects an undocumented success status', () => {
		expect(carriers(201, { carriers: [] }).violations.map(formatViolation)).toEqual([
			'GET /v1/carriers: response body: HTTP 201 is not a documented status (documented: 200, 207, 400, 404, 500)',
		]);
	});
});

describe('contract checker: SERA', () => {
	const rateBody = {
		from_address: { postal_code: '78701', country_code: 'US' },
		to_address: { postal_code: '10001', country_code: 'US' },
		package: { weight: 16, weight_unit: 'ounce', packaging_type: 'package' },
		ship_date: '2026-05-01',
	};

	it('requires a UUID Idempotency-Key on POST', () => {
		const post = (headers: Record<string, string>) =>
			checkExchange({ method: 'POST', url: `${SERA}/v1/balance/add-funds`, headers, body: '{"amount":10}' }).violations.map(formatViolation);
		expect(post(seraHeaders)).toEqual([]);
		const { 'idempotency-key': _key, ...withoutKey } = seraHeaders;
		expect(post(withoutKey)).toEqual(['POST /v1/balance/add-funds: header Idempotency-Key: missing required header']);
		expect(post({ ...seraHeaders, 'idempotency-key': 'retry-1' })).toEqual([
			'POST /v1/balance/add-funds: header Idempotency-Key: must be a valid uuid (got "retry-1")',
		]);
	});

	it('requires the /sera base on the API host and a Bearer token', () => {
		expect(checkExchange({ method: 'GET', url: 'https://api.stampsendicia.com/v1/balance', headers: seraHeaders, body: '' }).violations.map(formatViolation)).toEqual([
			'GET /v1/balance: operation: SERA API paths live under https://api.stampsendicia.com/sera, got /v1/balance',
		]);
		expect(checkExchange({ method: 'GET', url: `${SERA}/v1/balance`, headers: {}, body: '' }).violations.map(formatViolation)).toEqual([
			'GET /v1/balance: header authentication: missing credentials: expected Authorization: Bearer',
		]);
	});

	it('validates a SERA request body', () => {
		const result = checkExchange({ method: 'POST', url: `${SERA}/v1/rates`, headers: seraHeaders, body: JSON.stringify(rateBody) });
		expect(result).toMatchObject({ api: 'SERA', operation: 'POST /v1/rates' });
		expect(result.violations.map(formatViolation)).toEqual([]);
		const wrong = { ...rateBody, package: { ...rateBody.package, weight_unit: 'stone' } };
		expect(
			checkExchange({ method: 'POST', url: `${SERA}/v1/rates`, headers: seraHeaders, body: JSON.stringify(wrong) }).violations.map(formatViolation),
		).toEqual([expect.stringMatching(/^POST \/v1\/rates: request body \/package\/weight_unit: must be one of .*\(got "stone"\)$/)]);
	});

	it('accepts the null address fields SERA sends (allow-listed) and checks open oneOf variants as anyOf', () => {
		const reply = [{ original_address: { company_name: null, address_line1: '4800 Third Ave', formatted_address: null }, candidate_addresses: [] }];
		const result = checkExchange({
			method: 'POST',
			url: `${SERA}/v1/addresses/validate`,
			headers: seraHeaders,
			body: JSON.stringify([{ address_line1: '4800 Third Ave', postal_code: '68845', country_code: 'US', email: null }]),
			response: { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(reply) },
		});
		expect(result.violations.map(formatViolation)).toEqual([]);
		const manifest = (body: object) =>
			checkExchange({ method: 'POST', url: `${SERA}/v1/manifests`, headers: seraHeaders, body: JSON.stringify(body) }).violations.map(formatViolation);
		expect(manifest({ label_ids: ['l-1'] })).toEqual([]);
		expect(manifest({ label_ids: 'l-1' }).join('\n')).toContain('POST /v1/manifests: request body /label_ids: must be array');
	});

	it('skips label file hosts explicitly', () => {
		expect(checkExchange({ method: 'GET', url: 'https://labels.testing.stampsendicia.com/l/1.pdf', headers: {}, body: '' }).skipped).toMatch(
			/^file download labels\.testing\.stampsendicia\.com/,
		);
	});

	it('accepts the form-encoded token request n8n sends (allow-listed) and still checks its fields', () => {
		const token = (body: string) =>
			checkExchange({
				method: 'POST',
				url: 'https://signin.testing.stampsendicia.com/oauth/token',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body,
			}).violations.map(formatViolation);
		expect(token('grant_type=refresh_token&refresh_token=r1&client_id=c1&client_secret=s1')).toEqual([]);
		expect(token('grant_type=password&username=u').length).toBeGreaterThan(0);
	});
});
