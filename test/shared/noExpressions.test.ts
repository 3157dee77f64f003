/**
 * Per-item speed: n8n evaluates every `={{ }}` of a declarative node's request setup once per
 * item (the base URL twice), each time building a workflow data proxy; in real n8n that is the
 * costliest part of sending a request. Neither node may evaluate any expression of its own on
 * the request path. Recorded on n8n-workflow's Expression class, which only sees real expressions.
 */
import nock from 'nock';
import { Expression } from 'n8n-workflow';

import { StampsComOAuth2Api } from '../../credentials/StampsComOAuth2Api.credentials';
import { ShipEngine } from '../../nodes/ShipEngine/ShipEngine.node';
import { runNode } from '../helpers/engine';
import { loadFixture } from '../helpers/fixtures';
import { BEARER, PRODUCTION_API, STAGING_API, fixture, run as runSera } from '../stampscom/helpers';

const ITEMS = Array.from({ length: 5 }, (_, i) => ({ json: { i } }));

/** The expressions n8n evaluated while `work` ran, as written. */
async function expressionsEvaluated(work: () => Promise<unknown>): Promise<string[]> {
	const spy = jest.spyOn(Expression.prototype, 'resolveSimpleParameterValue');
	try {
		await work();
		return spy.mock.calls.map(([expression]) => String(expression));
	} finally {
		spy.mockRestore();
	}
}

/**
 * n8n loads the credential for every request (the OAuth2 helper does) and resolves the
 * credential's own expressions each time (the sign-in URLs follow the Environment field): that
 * is n8n's cost of using any such credential, not the node's.
 */
const SERA_CREDENTIAL_EXPRESSIONS = new Set(
	new StampsComOAuth2Api().properties.map((property) => property.default).filter((value): value is string => typeof value === 'string' && value.startsWith('=')),
);

describe('no n8n expression on the request path', () => {
	it('the record sees an expression when there is one (this check can fail)', async () => {
		nock('https://api.shipengine.com')
			.get('/v1/tracking')
			.query({ carrier_code: 'usps', tracking_number: '9405511899560772485630' })
			.reply(200, loadFixture('shipengine', 'tracking-get.json'));
		const evaluated = await expressionsEvaluated(async () => {
			await runNode({
				node: new ShipEngine(),
				parameters: { resource: 'tracking', operation: 'get', carrierCode: 'usps', trackingNumber: '={{ "9405511899560772485630" }}' },
				credentials: { shipEngineApi: { apiKey: 'TEST_expr_key' } },
			});
		});
		expect(evaluated).toContain('={{ "9405511899560772485630" }}');
	});

	it('ShipEngine: Tracking > Get over 5 items evaluates none', async () => {
		const scope = nock('https://api.shipengine.com', { reqheaders: { 'api-key': 'TEST_expr_key' } })
			.get('/v1/tracking')
			.query({ carrier_code: 'usps', tracking_number: '9405511899560772485630' })
			.times(5)
			.reply(200, loadFixture('shipengine', 'tracking-get.json'));
		let items: unknown[] = [];
		const evaluated = await expressionsEvaluated(async () => {
			({ items } = await runNode({
				node: new ShipEngine(),
				parameters: { resource: 'tracking', operation: 'get', carrierCode: 'usps', trackingNumber: '9405511899560772485630' },
				credentials: { shipEngineApi: { apiKey: 'TEST_expr_key' } },
				input: ITEMS,
			}));
		});
		expect(items).toHaveLength(5);
		expect(scope.isDone()).toBe(true);
		expect(evaluated).toEqual([]);
	});

	it.each([
		['staging', {}, STAGING_API, '/sera'],
		['production', { environment: 'production' }, PRODUCTION_API, '/sera'],
		['an API Base URL override', { useCustomHosts: true, apiBaseUrl: 'https://sera-proxy.example.com/sera/' }, 'https://sera-proxy.example.com', '/sera'],
	])('Stamps.com: Tracking > Get over 5 items on %s evaluates none and reaches the right host', async (_name, creds, host, prefix) => {
		const scope = nock(host, { reqheaders: { authorization: BEARER } })
			.get(`${prefix}/v1/tracking`)
			.query({ carrier: 'usps', tracking_number: '9405511899560772485630' })
			.times(5)
			.reply(200, fixture('tracking.json'));
		let items: unknown[] = [];
		const evaluated = await expressionsEvaluated(async () => {
			({ items } = await runSera(
				{ resource: 'tracking', operation: 'get', carrier: 'usps', trackingNumber: '9405511899560772485630' },
				{ input: ITEMS, creds },
			));
		});
		expect(items).toHaveLength(5);
		expect(scope.isDone()).toBe(true);
		expect(SERA_CREDENTIAL_EXPRESSIONS.size).toBeGreaterThan(0);
		expect(evaluated.filter((expression) => !SERA_CREDENTIAL_EXPRESSIONS.has(expression))).toEqual([]);
	});
});
