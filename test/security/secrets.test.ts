/**
 * No API key, OAuth access or refresh token or client secret in anything the nodes produce:
 * output items (json and binary), errors (message, description, context, cause chain, the JSON
 * n8n stores), the whole run data, and every log line (n8n's LoggerProxy at debug level, the DI
 * Logger in each container copy, console.*, process.stdout/stderr), all captured by
 * ./secretsCapture. Scenarios: refused credentials (401), server faults, a 500 that echoes the
 * request it got (headers and body, as some proxies and debug endpoints do), network errors
 * (reset, timeout, refused connection), token refresh (good, refused, echoed, unreachable), cut-off
 * bodies, bad input and refused webhook deliveries. A canary test proves the scan finds a secret
 * planted in each channel.
 */
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

import { LoggerProxy } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { ShipEngine } from '../../nodes/ShipEngine/ShipEngine.node';
import { clearReplayCache } from '../../nodes/ShipEngine/trigger/receive';
import { clearJwksCache } from '../../nodes/ShipEngine/trigger/signature';
import { runNode, type RunNodeResult } from '../helpers/engine';
import { signDelivery } from '../mock';
import { triggerHarness } from '../trigger/context';
import { FAULTS, loaded, pool, SE_LABEL_CREATE, SERA_CLIENT_SECRET, SERA_LABEL_CREATE, seraHarness, SHIPENGINE_KEY, shipEngineHarness } from '../faults/cases';
import { Capture, captureInto, captureItems, captureRun, captureValue, installCapture, scan, type Channel, type Finding, type Installed } from './secretsCapture';

/** The faults whose errors could carry request details: statuses, no answer, odd bodies. */
const LEAK_FAULTS = FAULTS.filter((f) => ['429 + Retry-After: 1', '500', 'connection reset', 'timeout (1 s)', 'malformed JSON (200)', 'HTML error page (502)'].includes(f.name));

const SE_READ: INodeParameters = { resource: 'carrier', operation: 'getAll' };
const SERA_READ: INodeParameters = { resource: 'balance', operation: 'get' };

/** A server that answers every request with `status` and a body repeating the request: method, URL, headers, body. */
async function startEcho(status: number): Promise<{ url: string; hits: number; close: () => Promise<void> }> {
	const echo = { url: '', hits: 0, close: async () => {} };
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			echo.hits += 1;
			const request = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
			const message = `Echo ${status}: ${JSON.stringify(request)}`;
			res.writeHead(status, { 'Content-Type': 'application/json' });
			// Both APIs' error shapes, plus the request, so every error mapper finds something to show.
			res.end(JSON.stringify({ message, error: message, errors: [{ error_code: 'echo', message, error_message: message }], request }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	echo.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	echo.close = async () => await new Promise<void>((resolve) => server.close(() => resolve()));
	return echo;
}

/** A URL on which nothing listens (connection refused). */
async function closedUrl(): Promise<string> {
	const echo = await startEcho(200);
	await echo.close();
	return echo.url;
}

/** Reads fail the node (the error goes through n8n's workflow logging), purchases use Continue On Fail (item errors). */
const failFor = (parameters: INodeParameters) => ({ continueOnFail: parameters.operation !== 'get' && parameters.operation !== 'getAll' });

const capture = new Capture();
const secrets: string[] = [SHIPENGINE_KEY, SERA_CLIENT_SECRET];
let installed: Installed;

/** Every token n8n saved after a refresh is a secret too. */
function keep(label: string, result: RunNodeResult): RunNodeResult {
	captureRun(label, result);
	for (const update of result.credentialsHelper.updates) {
		const token = (update.data.oauthTokenData as { access_token?: string; refresh_token?: string } | undefined) ?? {};
		secrets.push(token.access_token ?? '', token.refresh_token ?? '');
	}
	return result;
}

/** The HTTP Basic form of the OAuth client credentials (n8n may send them that way). */
const basicForm = (creds: ICredentialDataDecryptedObject) => Buffer.from(`${String(creds.clientId)}:${String(creds.clientSecret)}`).toString('base64');

const describeFinding = (f: Finding) => `${f.channel} ${f.label}: ${f.form === f.secret ? '' : `(encoded as ${f.form}) `}…${f.excerpt}…`;

beforeAll(() => {
	captureInto(capture);
	installed = installCapture();
});

afterAll(() => installed.restore());

async function seraRuns(label: string) {
	const h = await seraHarness();
	const creds = h.credentials.stampsComOAuth2Api;
	secrets.push(h.accessToken, h.refreshToken, basicForm(creds));
	const withTokens = (accessToken: string, refreshToken: string, overrides: ICredentialDataDecryptedObject = {}) => {
		secrets.push(accessToken, refreshToken);
		return { stampsComOAuth2Api: { ...creds, ...overrides, oauthTokenData: { access_token: accessToken, refresh_token: refreshToken, token_type: 'Bearer', expires_in: '900' } } };
	};
	const run = async (what: string, parameters: INodeParameters, credentials: Record<string, ICredentialDataDecryptedObject>) =>
		keep(`${label} ${what}`, await runNode({ node: h.node(), parameters, credentials, settings: failFor(parameters) }));
	return { h, withTokens, run, fresh: () => withTokens(h.mock.issueAccessToken(), h.refreshToken) };
}

describe('secrets never leave in outputs, errors or logs', () => {
	it('ShipEngine: refused key (401), faults on a read and a purchase, network errors, bad input', async () => {
		const h = await shipEngineHarness();
		try {
			const refusedKey = 'TEST_invalid_RefusedS3cretKey42';
			secrets.push(refusedKey);
			for (const parameters of [SE_READ, SE_LABEL_CREATE]) {
				captureRun('se 401', await runNode({ node: h.node(), parameters, credentials: { shipEngineApi: { apiKey: refusedKey, baseUrl: h.mock.url } }, settings: failFor(parameters) }));
			}
			captureRun('se bad input', await runNode({ node: h.node(), parameters: { ...SE_LABEL_CREATE, packages: { package: [{ weight: -1, weightUnit: 'ounce' }] } }, credentials: h.credentials, settings: { continueOnFail: true } }));
			captureRun('se good purchase', await runNode({ node: h.node(), parameters: { ...SE_LABEL_CREATE, downloadLabel: true }, credentials: h.credentials, settings: { continueOnFail: true } }));
		} finally {
			await h.close();
		}
		const refused = await closedUrl();
		for (const parameters of [SE_READ, SE_LABEL_CREATE]) {
			captureRun('se refused connection', await runNode({ node: loaded(new ShipEngine()), parameters, credentials: { shipEngineApi: { apiKey: SHIPENGINE_KEY, baseUrl: refused } }, settings: failFor(parameters) }));
		}
		// Each fault on its own mock, side by side.
		const tasks = LEAK_FAULTS.flatMap((fault) =>
			[SE_READ, SE_LABEL_CREATE].map((parameters) => async () => {
				const own = await shipEngineHarness();
				try {
					own.mock.script('*', /^\/v1\//, fault.reply, 4);
					const params = fault.timeoutMs ? { ...parameters, requestOptions: { timeout: fault.timeoutMs } } : parameters;
					captureRun(`se ${fault.name}`, await runNode({ node: own.node(), parameters: params, credentials: own.credentials, settings: failFor(parameters) }));
				} finally {
					await own.close();
				}
			}),
		);
		await pool(tasks, 8);
	}, 90_000);

	it('Stamps.com: token refresh (good, refused, unreachable), 401 after refresh, network errors, bad input', async () => {
		const { h, withTokens, run, fresh } = await seraRuns('sera');
		try {
			// Expired access token: n8n refreshes with the client secret and retries.
			h.mock.expireAccessTokens();
			await run('refresh', SERA_READ, h.credentials);
			await run('good purchase', { ...SERA_LABEL_CREATE, additionalFields: { labelOutputType: 'base64' } }, fresh());
			await run('refused refresh', SERA_READ, withTokens('at_expired_S3cret', 'rt_refused_S3cret'));
			await run('token endpoint unreachable', SERA_READ, withTokens('at_expired_unreachable_S3cret', 'rt_unreachable_S3cret', { useCustomHosts: true, signInHost: await closedUrl() }));
			await run('api unreachable', SERA_READ, withTokens(h.mock.issueAccessToken(), h.refreshToken, { useCustomHosts: true, apiBaseUrl: await closedUrl() }));
			await run('bad input', { ...SERA_LABEL_CREATE, weight: 0 }, fresh());
			// 401 on every API call, even after a successful refresh (the last script: nothing runs after it).
			h.mock.script('*', /^\/sera\/v1\//, { status: 401, body: { errors: [{ error_code: 'unauthorized', error_message: 'Unauthorized' }] } }, 10);
			await run('401 after refresh', SERA_READ, fresh());
		} finally {
			await h.close();
		}
	}, 60_000);

	it('Stamps.com: faults on a read and a purchase', async () => {
		const tasks = LEAK_FAULTS.flatMap((fault) =>
			[SERA_READ, SERA_LABEL_CREATE].map((parameters) => async () => {
				const { h, run, fresh } = await seraRuns(`sera ${fault.name}`);
				try {
					h.mock.script('*', /^\/sera\/v1\//, fault.reply, 4);
					await run(String(parameters.operation), fault.timeoutMs ? { ...parameters, requestOptions: { timeout: fault.timeoutMs } } : parameters, fresh());
				} finally {
					await h.close();
				}
			}),
		);
		await pool(tasks, 8);
	}, 90_000);

	it('ShipEngine Trigger: refused deliveries', async () => {
		clearJwksCache();
		clearReplayCache();
		const h = await shipEngineHarness();
		try {
			const trigger = triggerHarness({ parameters: { events: ['track'], options: {} }, credentials: { apiKey: SHIPENGINE_KEY, baseUrl: h.mock.url } });
			const rawBody = JSON.stringify({ resource_url: `${h.mock.url}/v1/tracking?tracking_number=1`, resource_type: 'API_TRACK' });
			const forged = await trigger.deliver({ rawBody, headers: { ...signDelivery('{}') } });
			captureValue('output', 'trigger forged', { body: forged.res.body, result: forged.result });
			h.mock.script('GET', /^\/v1\/tracking/, { status: 500, body: { message: 'down' } }, 10);
			const genuine = await trigger.deliver({ rawBody, headers: { ...signDelivery(rawBody) } });
			captureItems('trigger resource failed', (genuine.items ?? []) as never);
			captureValue('output', 'trigger resource failed (raw)', genuine.items);
		} finally {
			await h.close();
		}
	});

	it('no secret appears anywhere, and the scan really saw every channel', () => {
		const counts = Object.fromEntries((['output', 'error', 'run', 'logger', 'di-logger', 'console', 'stdout', 'stderr'] as Channel[]).map((c) => [c, capture.count(c)]));
		expect(counts.output).toBeGreaterThan(20);
		expect(counts.error).toBeGreaterThan(20);
		expect(counts.run).toBeGreaterThan(20);
		// n8n-core's WorkflowExecute logs through LoggerProxy at debug level: those lines were captured,
		const logged = capture.lines.filter((l) => l.channel === 'logger').map((l) => l.text);
		expect(logged.some((text) => text.startsWith('Workflow execution started'))).toBe(true);
		// including the failed runs, whose error object is in the metadata of this line,
		expect(logged.filter((text) => text.startsWith('Workflow execution finished with error')).length).toBeGreaterThan(5);
		// and n8n-core's own DI Logger (its ErrorReporter logs every failed node's error there).
		expect(installed.containers).toContain('n8n-core');
		expect(counts['di-logger']).toBeGreaterThan(5);
		// The binary label files were scanned as decoded bytes.
		expect(capture.lines.some((l) => l.channel === 'output' && / binary /.test(l.label))).toBe(true);

		const findings = scan(capture.lines, secrets);
		expect(findings.map(describeFinding)).toEqual([]);
		process.stdout.write(`security: ${new Set(secrets.filter(Boolean)).size} secrets (each as is, base64, percent-encoded) scanned in ${capture.lines.length} captured texts ${JSON.stringify(counts)}: ${findings.length} found\n`);
	});
});

/**
 * An API (or a proxy, or a debug endpoint) that answers with the request it received puts the
 * credential in the answer. The nodes used to pass that answer on (into the error message, the
 * stored error, Continue On Fail items and n8n's logs: 59 findings); nodes/shared/redact.ts now
 * replaces the credential values in every error on its way out of the request code.
 */
describe('an answer that echoes the request (credential included) leaves no secret in errors and logs', () => {
	const echoed = new Capture();
	let previous: Capture;
	beforeAll(() => (previous = captureInto(echoed)));
	afterAll(() => captureInto(previous));

	it('ShipEngine: API answers 400 / 401 / 500 echoing the request (API-Key header)', async () => {
		for (const status of [400, 401, 500]) {
			const echo = await startEcho(status);
			try {
				for (const parameters of [SE_READ, SE_LABEL_CREATE]) {
					captureRun(`se echo ${status}`, await runNode({ node: loaded(new ShipEngine()), parameters, credentials: { shipEngineApi: { apiKey: SHIPENGINE_KEY, baseUrl: echo.url } }, settings: failFor(parameters) }));
				}
				expect(echo.hits).toBeGreaterThan(0);
			} finally {
				await echo.close();
			}
		}
	}, 60_000);

	it('Stamps.com: token endpoint (401 / 500) and API (400 / 500) echoing the request (client secret, refresh token, Bearer token)', async () => {
		const { h, withTokens, run } = await seraRuns('sera echo');
		try {
			for (const status of [401, 500]) {
				const echo = await startEcho(status);
				try {
					await run(`token ${status}`, SERA_READ, withTokens('at_expired_for_echo_S3cret', `rt_echo_${status}_S3cret`, { useCustomHosts: true, signInHost: echo.url }));
					expect(echo.hits).toBeGreaterThan(0);
				} finally {
					await echo.close();
				}
			}
			for (const status of [400, 500]) {
				const echo = await startEcho(status);
				try {
					for (const parameters of [SERA_READ, SERA_LABEL_CREATE]) {
						await run(`api ${status}`, parameters, withTokens(h.mock.issueAccessToken(), h.refreshToken, { useCustomHosts: true, apiBaseUrl: echo.url }));
					}
					expect(echo.hits).toBeGreaterThan(0);
				} finally {
					await echo.close();
				}
			}
		} finally {
			await h.close();
		}
	}, 60_000);

	it('no secret in what the echoed runs produced', () => {
		const findings = scan(echoed.lines, secrets);
		const where = [...new Set(findings.map((f) => `${f.channel}: ${f.label}`))];
		process.stdout.write(`security (answers echoing the request): ${echoed.lines.length} captured texts, ${findings.length} secrets found${where.length ? ` in ${where.slice(0, 6).join('; ')}` : ''}\n`);
		expect(findings.map(describeFinding)).toEqual([]);
	});
});

describe('the scan can fail (canary)', () => {
	it('finds a secret planted in each channel', async () => {
		const canary = new Capture();
		const previous = captureInto(canary);
		const planted = 'canary-S3cret-7f1c';
		try {
			LoggerProxy.debug('debug line', { token: planted });
			// n8n-core's own DI container, as a node context's `this.logger` gets it.
			const fromCore = createRequire(require.resolve('n8n-core/package.json'));
			const { Container } = fromCore('@n8n/di') as { Container: { get: (type: unknown) => unknown } };
			const { Logger } = fromCore('@n8n/backend-common') as { Logger: unknown };
			(Container.get(Logger) as { scoped: (scope: string) => { warn: (message: string) => void } }).scoped('x').warn(`scoped ${planted}`);
			console.log('console', { nested: { deeper: planted } });
			process.stderr.write(`stderr ${Buffer.from(planted).toString('base64')}\n`);
			captureRun('planted run', {
				items: [{ json: { ok: true }, binary: { data: { data: Buffer.from(`%PDF ${planted}`).toString('base64'), mimeType: 'application/pdf' } } }],
				error: Object.assign(new Error('outer'), { cause: Object.assign(new Error('middle'), { cause: { config: { headers: { Authorization: `Bearer ${planted}` } } } }) }),
				run: { data: { resultData: { runData: {} } } },
				credentialsHelper: { updates: [] },
			} as unknown as RunNodeResult);
		} finally {
			captureInto(previous);
		}
		const channels = new Set(scan(canary.lines, [planted]).map((f) => f.channel));
		expect([...channels].sort()).toEqual(['console', 'di-logger', 'error', 'logger', 'output', 'stderr'].sort());
		// Not in the real capture: the planted lines went to the canary only.
		expect(scan(capture.lines, [planted])).toEqual([]);
	});
});
