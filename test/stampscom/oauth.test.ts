/**
 * OAuth2 and hosts: n8n's own OAuth2 helper refreshes the token on a 401 (form-encoded, client
 * credentials in the body) and the request is sent again with the new token; staging,
 * production and the credential's overrides pick the hosts.
 */
import nock from 'nock';

import { StampsComOAuth2Api } from '../../credentials/StampsComOAuth2Api.credentials';
import { TestCredentialsHelper } from '../helpers/credentials';
import { loadCredentialTypes } from '../helpers/engine';
import { BEARER, credentials, fixture, PRODUCTION_API, PRODUCTION_SIGNIN, run, STAGING_API, STAGING_SIGNIN } from './helpers';

const getBalance = { resource: 'balance', operation: 'get' };

describe('OAuth2 token refresh', () => {
	it('refreshes on a 401 at the sign-in host and retries with the new token, saving it', async () => {
		nock(STAGING_API, { reqheaders: { authorization: BEARER } }).get('/sera/v1/balance').reply(401, { message: 'token expired' });
		const refresh = nock(STAGING_SIGNIN, {
			reqheaders: { 'content-type': 'application/x-www-form-urlencoded' },
			badheaders: ['authorization'],
		})
			.post('/oauth/token', {
				refresh_token: 'rt-1',
				grant_type: 'refresh_token',
				client_id: 'client-123',
				client_secret: 'secret-456',
			})
			.reply(200, { access_token: 'at-staging-2', refresh_token: 'rt-2', token_type: 'Bearer', expires_in: '900' });
		nock(STAGING_API, { reqheaders: { authorization: 'Bearer at-staging-2' } }).get('/sera/v1/balance').reply(200, fixture('balance.json'));

		const { items, error, credentialsHelper } = await run(getBalance);
		expect(error).toBeUndefined();
		expect(refresh.isDone()).toBe(true);
		expect(items.map((i) => i.json)).toEqual([fixture('balance.json')]);
		expect(credentialsHelper.updates).toHaveLength(1);
		const saved = credentialsHelper.updates[0].data.oauthTokenData as Record<string, unknown>;
		expect(saved).toMatchObject({ access_token: 'at-staging-2', refresh_token: 'rt-2', expires_in: '900' });
		// expires_in arrives as a string; n8n still computes the expiry from it.
		expect(Number(saved.n8n_expires_at)).toBeGreaterThan(Date.now());
	});

	it('retries a POST after the refresh with the same Idempotency-Key', async () => {
		const keys: string[] = [];
		nock(STAGING_API)
			.post('/sera/v1/balance/add-funds', { amount: 10 })
			.reply(function () {
				keys.push(this.req.headers['idempotency-key'] as string);
				return [401, { message: 'expired' }];
			})
			.post('/sera/v1/balance/add-funds', { amount: 10 })
			.matchHeader('authorization', 'Bearer at-staging-2')
			.reply(function () {
				keys.push(this.req.headers['idempotency-key'] as string);
				return [200, fixture('balance.json')];
			});
		nock(STAGING_SIGNIN).post('/oauth/token').reply(200, { access_token: 'at-staging-2', token_type: 'Bearer', expires_in: '900' });
		const { error } = await run({ resource: 'balance', operation: 'addFunds', amount: 10 });
		expect(error).toBeUndefined();
		expect(keys).toHaveLength(2);
		expect(keys[1]).toBe(keys[0]);
	});
});

describe('Hosts', () => {
	it('uses the production API host for the production environment', async () => {
		nock(PRODUCTION_API, { reqheaders: { authorization: BEARER } }).get('/sera/v1/balance').reply(200, fixture('balance.json'));
		const { error } = await run(getBalance, { creds: { environment: 'production' } });
		expect(error).toBeUndefined();
	});

	it('uses the API Base URL override (trailing slash removed)', async () => {
		nock('https://sera-proxy.example.com', { reqheaders: { authorization: BEARER } })
			.get('/sera/v1/balance')
			.reply(200, fixture('balance.json'));
		const { error } = await run(getBalance, { creds: { useCustomHosts: true, apiBaseUrl: 'https://sera-proxy.example.com/sera/' } });
		expect(error).toBeUndefined();
	});

	it('hides the host overrides until Use Custom Hosts is on, and then ignores them (issue 17, defect 10)', async () => {
		const credential = new StampsComOAuth2Api();
		const names = credential.properties.filter((p) => p.type !== 'hidden').map((p) => p.name);
		// Environment first among the credential's own fields; the overrides last, behind the toggle.
		expect(names).toEqual(['environment', 'useCustomHosts', 'apiBaseUrl', 'signInHost']);
		for (const name of ['apiBaseUrl', 'signInHost']) {
			expect(credential.properties.find((p) => p.name === name)?.displayOptions).toEqual({ show: { useCustomHosts: [true] } });
		}
		expect(credential.properties.find((p) => p.name === 'useCustomHosts')?.default).toBe(false);
		// An override left in the data while the toggle is off is not used (n8n drops hidden fields).
		nock(STAGING_API, { reqheaders: { authorization: BEARER } }).get('/sera/v1/balance').reply(200, fixture('balance.json'));
		const { error } = await run(getBalance, { creds: { useCustomHosts: false, apiBaseUrl: 'https://sera-proxy.example.com/sera/' } });
		expect(error).toBeUndefined();
	});

	describe('a revoked refresh token (the token endpoint answers 403 invalid_grant)', () => {
		/** Every API call answers 401 (token expired), every refresh is refused as revoked; both counted. */
		function revoked(method: 'get' | 'post', path: string): { apiCalls: () => number; refreshes: () => number } {
			let apiCalls = 0;
			let refreshes = 0;
			nock(STAGING_API)
				.intercept(path, method.toUpperCase())
				.reply(() => (apiCalls++, [401, { message: 'token expired' }]))
				.persist();
			nock(STAGING_SIGNIN)
				.post('/oauth/token')
				.reply(() => (refreshes++, [403, { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' }]))
				.persist();
			return { apiCalls: () => apiCalls, refreshes: () => refreshes };
		}
		const five = Array.from({ length: 5 }, (_, n) => ({ json: { n } }));

		it.each([
			['a read (Balance > Get)', 'get' as const, '/sera/v1/balance', getBalance],
			['a POST with an Idempotency-Key (Balance > Add Funds)', 'post' as const, '/sera/v1/balance/add-funds', { resource: 'balance', operation: 'addFunds', amount: 10 }],
		])('%s: each of 5 items fails at once with the reconnect message, one refresh attempt in all', async (_, method, path, parameters) => {
			const counts = revoked(method, path);
			const { items, error } = await run(parameters, { input: five, settings: { continueOnFail: true } });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(5);
			for (const item of items) expect(String(item.json.error)).toMatch(/needs to be reconnected/);
			expect(counts.refreshes()).toBe(1);
			expect(counts.apiCalls()).toBeLessThanOrEqual(5);
			nock.cleanAll();
		});
	});

	it('refreshes through the Sign-In Host override', async () => {
		nock(STAGING_API).get('/sera/v1/balance').reply(401, {});
		nock('https://signin-proxy.example.com').post('/oauth/token').reply(200, { access_token: 'at-3', token_type: 'Bearer', expires_in: '900' });
		nock(STAGING_API, { reqheaders: { authorization: 'Bearer at-3' } }).get('/sera/v1/balance').reply(200, fixture('balance.json'));
		const { error } = await run(getBalance, { creds: { useCustomHosts: true, signInHost: 'https://signin-proxy.example.com/' } });
		expect(error).toBeUndefined();
	});
});

describe('Credential', () => {
	const resolve = async (data: Record<string, unknown>) => {
		const helper = new TestCredentialsHelper(loadCredentialTypes(), { stampsComOAuth2Api: data as never });
		return await helper.getDecrypted({} as never, { id: '1', name: 'c' }, 'stampsComOAuth2Api');
	};

	it('resolves the authorization and token URLs per environment, with offline_access and body authentication', async () => {
		const staging = await resolve({ environment: 'staging', clientId: 'a', clientSecret: 'b' });
		expect(staging).toMatchObject({
			authUrl: `${STAGING_SIGNIN}/authorize`,
			accessTokenUrl: `${STAGING_SIGNIN}/oauth/token`,
			scope: 'offline_access',
			grantType: 'authorizationCode',
			authentication: 'body',
		});
		const production = await resolve({ clientId: 'a', clientSecret: 'b' });
		expect(production).toMatchObject({ authUrl: `${PRODUCTION_SIGNIN}/authorize`, accessTokenUrl: `${PRODUCTION_SIGNIN}/oauth/token` });
		const override = await resolve({ environment: 'staging', useCustomHosts: true, signInHost: 'http://localhost:9999/signin/' });
		expect(override).toMatchObject({ authUrl: 'http://localhost:9999/signin/authorize', accessTokenUrl: 'http://localhost:9999/signin/oauth/token' });
	});

	it('extends oAuth2Api under the documented names', () => {
		const credential = new StampsComOAuth2Api();
		expect([credential.name, credential.displayName, credential.extends]).toEqual(['stampsComOAuth2Api', 'Stamps.com OAuth2 API', ['oAuth2Api']]);
		expect(credentials().stampsComOAuth2Api.environment).toBe('staging');
	});
});
