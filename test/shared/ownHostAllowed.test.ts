/**
 * n8n 2.x adds "Allowed HTTP Request Domains" to every credential that authenticates requests.
 * With "Specific Domains", n8n always allows the node's own endpoint besides the listed
 * domains. The node's own endpoint is the host the credential points at (Base URL override,
 * Stamps.com environment): restricting domains must not block it.
 */
import nock from 'nock';

import { ShipEngine } from '../../nodes/ShipEngine/ShipEngine.node';
import { allowCredentialHost } from '../../nodes/shared/ownHost';
import { runNode } from '../helpers/engine';
import { loadFixture } from '../helpers/fixtures';
import { BEARER, STAGING_API, fixture, run as runSera } from '../stampscom/helpers';

const RESTRICTED = { allowedHttpRequestDomains: 'domains', allowedDomains: '' };

describe('the credential\'s own host stays allowed when domains are restricted', () => {
	it.each([
		['an empty list', ''],
		['a list that does not name it (n8n always allows the own endpoint)', 'other.example.com'],
	])('ShipEngine with a Base URL override and %s', async (_name, allowedDomains) => {
		const scope = nock('https://shipengine-proxy.example.com', { reqheaders: { 'api-key': 'TEST_domains' } })
			.get('/v1/tracking')
			.query({ carrier_code: 'usps', tracking_number: '9405511899560772485630' })
			.reply(200, loadFixture('shipengine', 'tracking-get.json'));
		const { items, error } = await runNode({
			node: new ShipEngine(),
			parameters: { resource: 'tracking', operation: 'get', carrierCode: 'usps', trackingNumber: '9405511899560772485630' },
			credentials: { shipEngineApi: { apiKey: 'TEST_domains', baseUrl: 'https://shipengine-proxy.example.com', ...RESTRICTED, allowedDomains } },
		});
		expect(error?.message).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(scope.isDone()).toBe(true);
	});

	it('Stamps.com on staging', async () => {
		const scope = nock(STAGING_API, { reqheaders: { authorization: BEARER } })
			.get('/sera/v1/tracking')
			.query({ carrier: 'usps', tracking_number: '9405511899560772485630' })
			.reply(200, fixture('tracking.json'));
		const { items, error } = await runSera(
			{ resource: 'tracking', operation: 'get', carrier: 'usps', trackingNumber: '9405511899560772485630' },
			{ creds: RESTRICTED },
		);
		expect(error?.message).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(scope.isDone()).toBe(true);
	});

	it('Stamps.com with an API Base URL override', async () => {
		const scope = nock('https://sera-proxy.example.com', { reqheaders: { authorization: BEARER } })
			.get('/sera/v1/tracking')
			.query({ carrier: 'usps', tracking_number: '9405511899560772485630' })
			.reply(200, fixture('tracking.json'));
		const { items, error } = await runSera(
			{ resource: 'tracking', operation: 'get', carrier: 'usps', trackingNumber: '9405511899560772485630' },
			{ creds: { ...RESTRICTED, useCustomHosts: true, apiBaseUrl: 'https://sera-proxy.example.com/sera' } },
		);
		expect(error?.message).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(scope.isDone()).toBe(true);
	});
});

describe('allowCredentialHost', () => {
	const STATIC = 'https://api.shipengine.com';
	it.each([
		['nothing restricted', undefined, 'https://proxy.example.com', undefined],
		['the static host itself', 'api.shipengine.com', 'https://api.shipengine.com/', 'api.shipengine.com'],
		['an empty list: only the credential host', 'api.shipengine.com', 'https://proxy.example.com', 'proxy.example.com'],
		['a list n8n prefixed with the static host', 'api.shipengine.com, *.corp.example', 'https://proxy.example.com', 'proxy.example.com, *.corp.example'],
		['a list that already allowed the static host', 'api.shipengine.com,other.example', 'https://proxy.example.com', 'proxy.example.com, api.shipengine.com,other.example'],
		['an unreadable base URL', 'api.shipengine.com', 'not a url', 'api.shipengine.com'],
	])('%s', (_name, allowed, baseURL, expected) => {
		expect(allowCredentialHost(allowed, STATIC, baseURL)).toBe(expected);
	});
});
