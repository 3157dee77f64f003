/**
 * n8n 1.x refreshes the Stamps.com token (issue 18). n8n refreshes an OAuth2 token only when its
 * request helper throws on the 401. n8n 1.x (1.123.81) reads any truthy `ignoreHttpStatusErrors`
 * as "accept every status" (`validateStatus = () => true`); only 2.x reads `except: [401]`.
 * The unit engine is n8n-core 2.41, where the refresh works either way (test/stampscom/oauth.test.ts),
 * so this checks what 1.x depends on, at n8n's HTTP client: every request n8n sends for the node
 * and for its dropdowns must leave HTTP errors to throw (axios refuses 401 and 500), as they do
 * when `ignoreHttpStatusErrors` is unset or false in both lines. The refresh itself on 1.123.81
 * is e2e/stampscom.e2e.ts under N8N_E2E_VERSION=1.123.81.
 */
import axios, { type InternalAxiosRequestConfig } from 'axios';
import nock from 'nock';

import { StampsCom } from '../../nodes/StampsCom/StampsCom.node';
import { loadDropdown } from '../helpers/loadOptions';
import { BEARER, credentials, fixture, run, STAGING_API, STAGING_SIGNIN } from './helpers';

interface Seen {
	url: string;
	refuses401: boolean;
	refuses500: boolean;
}

let seen: Seen[] = [];
let interceptor: number;

beforeEach(() => {
	seen = [];
	interceptor = axios.interceptors.request.use((config: InternalAxiosRequestConfig) => {
		const accepts = (status: number) => (config.validateStatus ? config.validateStatus(status) : status < 300);
		seen.push({ url: `${config.baseURL ?? ''}${config.url ?? ''}`, refuses401: !accepts(401), refuses500: !accepts(500) });
		return config;
	});
});

afterEach(() => axios.interceptors.request.eject(interceptor));

describe('Stamps.com requests let a 401 throw, as n8n 1.x needs to refresh the token', () => {
	it('node operations (GET and POST): HTTP errors throw; SERA errors keep their message', async () => {
		nock(STAGING_API, { reqheaders: { authorization: BEARER } }).get('/sera/v1/balance').reply(200, fixture('balance.json'));
		expect((await run({ resource: 'balance', operation: 'get' })).error).toBeUndefined();

		nock(STAGING_API)
			.post('/sera/v1/balance/add-funds', { amount: 10 })
			.reply(400, { errors: [{ error_code: '800000', error_message: 'amount is too small', error_reference_id: 'ref-1' }] });
		const { error } = await run({ resource: 'balance', operation: 'addFunds', amount: 10 });
		expect(error?.message).toBe('amount is too small');
		expect(error?.description).toMatch(/\(error code: 800000, request id: ref-1, HTTP 400\)$/);

		expect(seen.map((s) => s.url)).toEqual([`${STAGING_API}/sera/v1/balance`, `${STAGING_API}/sera/v1/balance/add-funds`]);
		expect(seen.filter((s) => !s.refuses401 || !s.refuses500)).toEqual([]);
	});

	it('dropdowns: a 401 refreshes the token and the list loads; errors keep their message', async () => {
		const dropdown = async (loadOptionsMethod: string) =>
			await loadDropdown({ nodeType: new StampsCom(), typeOptions: { loadOptionsMethod }, credentials: credentials() });
		nock(STAGING_API).get('/sera/v1/carrier-services').reply(401, { message: 'expired' });
		nock(STAGING_SIGNIN).post('/oauth/token').reply(200, { access_token: 'at-2', token_type: 'Bearer', expires_in: '900' });
		nock(STAGING_API, { reqheaders: { authorization: 'Bearer at-2' } })
			.get('/sera/v1/carrier-services')
			.reply(200, fixture('carrier-services.json'));
		const services = await dropdown('getServiceTypes');
		expect(services.error).toBeUndefined();
		expect(services.options?.length).toBeGreaterThan(0);

		nock(STAGING_API).get('/sera/v1/security_questions').reply(403, { message: 'not allowed for this account' });
		const questions = await dropdown('getSecurityQuestions');
		expect(questions.error).toMatchObject({ message: 'not allowed for this account', httpCode: '403' });

		const api = seen.filter((s) => s.url.startsWith(STAGING_API));
		expect(api).toHaveLength(3);
		expect(api.filter((s) => !s.refuses401 || !s.refuses500)).toEqual([]);
	});
});
