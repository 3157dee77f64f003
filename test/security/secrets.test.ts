/**
 * No API key, OAuth token or client secret in anything the nodes produce: output items, errors
 * (serialized with everything they carry: description, context, cause, messages, stack), the
 * whole run data n8n stores, and every log line (n8n's logger and the console, captured).
 * Scenarios: refused credentials, token refresh (good and refused), server faults, dropped
 * connections, cut-off bodies, bad input and refused webhook deliveries.
 */
import { inspect } from 'node:util';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { LoggerProxy } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import { clearReplayCache } from '../../nodes/ShipEngine/trigger/receive';
import { clearJwksCache } from '../../nodes/ShipEngine/trigger/signature';
import { runNode, type RunNodeResult } from '../helpers/engine';
import { signDelivery } from '../mock';
import { triggerHarness } from '../trigger/context';
import { FAULTS, pool, SE_LABEL_CREATE, SERA_CLIENT_SECRET, SERA_LABEL_CREATE, seraHarness, SHIPENGINE_KEY, shipEngineHarness } from './../faults/cases';

/** The faults whose errors could carry request details: statuses, no answer, odd bodies. */
const LEAK_FAULTS = FAULTS.filter((f) => ['429 + Retry-After: 1', '500', 'connection reset', 'timeout (1 s)', 'malformed JSON (200)', 'HTML error page (502)'].includes(f.name));

const produced: string[] = [];
const logLines: string[] = [];

function capture(label: string, value: unknown): void {
	let json = '';
	try {
		json = JSON.stringify(value);
	} catch {
		json = '';
	}
	produced.push(`${label}: ${json}\n${inspect(value, { depth: 12, showHidden: true, breakLength: Infinity })}`);
}

function captureRun(label: string, result: RunNodeResult): void {
	capture(`${label} items`, result.items);
	capture(`${label} error`, result.error);
	for (const item of result.items) if (item.error) capture(`${label} item error`, { error: item.error, description: (item.error as { description?: unknown }).description, context: (item.error as { context?: unknown }).context, cause: item.error.cause, stack: item.error.stack });
	capture(`${label} run`, result.run.data);
}

beforeAll(() => {
	// n8n's logger at debug level, every line kept (the default test setup silences it).
	const logger = Container.get(Logger) as unknown as Record<string, (message: string, metadata?: object) => void>;
	for (const level of ['error', 'warn', 'info', 'debug']) {
		logger[level] = (message, metadata = {}) => logLines.push(`${level} ${message} ${inspect(metadata, { depth: 8 })}`);
	}
	LoggerProxy.init(logger as never);
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void logLines.push(`console.${method} ${args.map((a) => inspect(a, { depth: 8 })).join(' ')}`));
	}
});

afterAll(() => jest.restoreAllMocks());

describe('secrets never leave in outputs, errors or logs', () => {
	const secrets: string[] = [SHIPENGINE_KEY, SERA_CLIENT_SECRET];

	it('ShipEngine: refused key, faults on a read and a purchase, bad input', async () => {
		const h = await shipEngineHarness();
		try {
			const refusedKey = 'TEST_invalid_RefusedS3cretKey42';
			secrets.push(refusedKey);
			captureRun('se 401', await runNode({ node: h.node(), parameters: { resource: 'carrier', operation: 'getAll' }, credentials: { shipEngineApi: { apiKey: refusedKey, baseUrl: h.mock.url } }, settings: { continueOnFail: true } }));
			captureRun('se bad input', await runNode({ node: h.node(), parameters: { ...SE_LABEL_CREATE, packages: { package: [{ weight: -1, weightUnit: 'ounce' }] } }, credentials: h.credentials, settings: { continueOnFail: true } }));
		} finally {
			await h.close();
		}
		// Each fault on its own mock, side by side.
		const tasks = LEAK_FAULTS.flatMap((fault) =>
			([{ resource: 'carrier', operation: 'getAll' }, SE_LABEL_CREATE] as INodeParameters[]).map((parameters) => async () => {
				const own = await shipEngineHarness();
				try {
					own.mock.script('*', /^\/v1\//, fault.reply, 4);
					const params = fault.timeoutMs ? { ...parameters, requestOptions: { timeout: fault.timeoutMs } } : parameters;
					captureRun(`se ${fault.name}`, await runNode({ node: own.node(), parameters: params, credentials: own.credentials, settings: { continueOnFail: true } }));
				} finally {
					await own.close();
				}
			}),
		);
		await pool(tasks, 8);
	}, 60_000);

	it('Stamps.com: token refresh, refused refresh, faults, bad input', async () => {
		const h = await seraHarness();
		try {
			secrets.push(h.accessToken, h.refreshToken);
			const creds = h.credentials.stampsComOAuth2Api;
			// Expired access token: n8n refreshes with the client secret and retries.
			h.mock.expireAccessTokens();
			const refreshed = await runNode({ node: h.node(), parameters: { resource: 'balance', operation: 'get' }, credentials: h.credentials, settings: { continueOnFail: true } });
			captureRun('sera refresh', refreshed);
			for (const update of refreshed.credentialsHelper.updates) {
				const token = (update.data.oauthTokenData as { access_token?: string; refresh_token?: string } | undefined) ?? {};
				for (const value of [token.access_token, token.refresh_token]) if (value) secrets.push(value);
			}
			// Refused refresh token.
			h.mock.expireAccessTokens();
			captureRun(
				'sera refused refresh',
				await runNode({ node: h.node(), parameters: { resource: 'balance', operation: 'get' }, credentials: { stampsComOAuth2Api: { ...creds, oauthTokenData: { access_token: 'at_expired_S3cret', refresh_token: 'rt_refused_S3cret', token_type: 'Bearer', expires_in: '900' } } }, settings: { continueOnFail: true } }),
			);
			secrets.push('at_expired_S3cret', 'rt_refused_S3cret');
			const fresh = { stampsComOAuth2Api: { ...creds, oauthTokenData: { access_token: h.mock.issueAccessToken(), refresh_token: h.refreshToken, token_type: 'Bearer', expires_in: '900' } } };
			secrets.push(String((fresh.stampsComOAuth2Api.oauthTokenData as { access_token: string }).access_token));
			// One fault after another on this mock (its tokens are the ones under test).
			for (const fault of LEAK_FAULTS) {
				h.mock.script('*', /^\/sera\/v1\//, fault.reply, 4);
				captureRun(`sera ${fault.name}`, await runNode({ node: h.node(), parameters: fault.timeoutMs ? { ...SERA_LABEL_CREATE, requestOptions: { timeout: fault.timeoutMs } } : SERA_LABEL_CREATE, credentials: fresh, settings: { continueOnFail: true } }));
			}
			captureRun('sera bad input', await runNode({ node: h.node(), parameters: { ...SERA_LABEL_CREATE, weight: 0 }, credentials: fresh, settings: { continueOnFail: true } }));
		} finally {
			await h.close();
		}
	}, 60_000);

	it('ShipEngine Trigger: refused deliveries', async () => {
		clearJwksCache();
		clearReplayCache();
		const h = await shipEngineHarness();
		try {
			const trigger = triggerHarness({ parameters: { events: ['track'], options: {} }, credentials: { apiKey: SHIPENGINE_KEY, baseUrl: h.mock.url } });
			const rawBody = JSON.stringify({ resource_url: `${h.mock.url}/v1/tracking?tracking_number=1`, resource_type: 'API_TRACK' });
			const forged = await trigger.deliver({ rawBody, headers: { ...signDelivery('{}') } });
			capture('trigger forged', { body: forged.res.body, result: forged.result });
			h.mock.script('GET', /^\/v1\/tracking/, { status: 500, body: { message: 'down' } }, 10);
			const genuine = await trigger.deliver({ rawBody, headers: { ...signDelivery(rawBody) } });
			capture('trigger resource failed', genuine.items);
		} finally {
			await h.close();
		}
	});

	it('no secret appears anywhere (and the scan really saw the material)', () => {
		expect(produced.length).toBeGreaterThan(30);
		expect(logLines.length).toBeGreaterThan(0);
		const haystacks = [...produced, ...logLines];
		const found = secrets.filter(Boolean).flatMap((secret) => haystacks.filter((text) => text.includes(secret)).map((text) => `${secret} in ${text.slice(0, 200)}`));
		// eslint-disable-next-line no-console
		expect(found).toEqual([]);
		process.stdout.write(`security: ${secrets.length} secrets scanned in ${produced.length} outputs/errors and ${logLines.length} log lines: ${found.length} found\n`);
	});
});
