/**
 * The fault matrix's building blocks: one representative operation per class (read, list,
 * purchase, void) for each node, the faults injected on real sockets by the local mocks, and a
 * runner that records what the engine did (attempts, items, errors) for the assertions.
 */
import { DirectoryLoader } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { ShipEngine } from '../../nodes/ShipEngine/ShipEngine.node';
import { StampsCom } from '../../nodes/StampsCom/StampsCom.node';
import { runNode, type NodeSettings } from '../helpers/engine';
import { startSeraMock, startShipEngineMock, type MockServer, type SeraMockServer } from '../mock';
import type { ScriptedReply } from '../mock/server';

export const SHIPENGINE_KEY = 'TEST_faults_k3yS3cr3tShipEngine';
export const SERA_CLIENT_SECRET = 'faults-client-s3cr3t-9x';

/**
 * The node as n8n's loader hands it to the engine: DirectoryLoader adds the declarative
 * "Request Options" (batching, proxy, timeout) every declarative node gets in n8n, so a test can
 * set a short request timeout exactly as a user would in the node's options.
 */
export function loaded<T extends INodeType>(node: T): T {
	DirectoryLoader.applyDeclarativeNodeOptionParameters(node);
	return node;
}

export type NodeName = 'ShipEngine' | 'Stamps.com';
/** `batch purchase`: Batch > Process, which buys every label of a batch (purchase-like, never repeated). */
export type OperationClass = 'read' | 'list' | 'purchase' | 'batch purchase' | 'void';

export interface Harness {
	mock: MockServer & { purchases: number };
	credentials: Record<string, ICredentialDataDecryptedObject>;
	node: () => INodeType;
	close: () => Promise<void>;
}

export async function shipEngineHarness(): Promise<Harness> {
	const mock = await startShipEngineMock({ labels: 3 });
	return {
		mock,
		credentials: { shipEngineApi: { apiKey: SHIPENGINE_KEY, baseUrl: mock.url } },
		node: () => loaded(new ShipEngine()),
		close: async () => await mock.close(),
	};
}

export async function seraHarness(): Promise<Harness & { mock: SeraMockServer; accessToken: string; refreshToken: string }> {
	const mock = await startSeraMock();
	const accessToken = mock.issueAccessToken();
	const refreshToken = 'rt_faults_refresh_s3cr3t';
	return {
		mock,
		accessToken,
		refreshToken,
		credentials: {
			stampsComOAuth2Api: {
				environment: 'staging',
				useCustomHosts: true,
				apiBaseUrl: mock.apiUrl,
				signInHost: mock.signinUrl,
				clientId: 'faults-client',
				clientSecret: SERA_CLIENT_SECRET,
				oauthTokenData: { access_token: accessToken, refresh_token: refreshToken, token_type: 'Bearer', expires_in: '900' },
			},
		},
		node: () => loaded(new StampsCom()),
		close: async () => await mock.close(),
	};
}

/** A label bought directly on the mock (no node involved), for the read and void cases. */
async function seedLabelId(h: Harness, nodeName: NodeName): Promise<string> {
	if (nodeName === 'ShipEngine') {
		const res = await fetch(`${h.mock.url}/v1/labels?page_size=1`, { headers: { 'API-Key': SHIPENGINE_KEY } });
		const body = (await res.json()) as { labels: Array<{ label_id: string }> };
		return body.labels[0].label_id;
	}
	const sera = h as Harness & { accessToken: string; mock: { apiUrl: string } };
	const res = await fetch(`${sera.mock.apiUrl}/v1/labels`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${sera.accessToken}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
		body: JSON.stringify({ ...SERA_ORDER, is_test_label: true }),
	});
	const body = (await res.json()) as { label_id: string };
	return body.label_id;
}

/** An open batch of one shipment, created directly on the mock. */
export async function seedOpenBatchId(h: Harness): Promise<string> {
	const headers = { 'API-Key': SHIPENGINE_KEY, 'Content-Type': 'application/json' };
	const post = async (path: string, payload: unknown) =>
		(await (await fetch(`${h.mock.url}${path}`, { method: 'POST', headers, body: JSON.stringify(payload) })).json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
	const { shipments } = await post('/v1/shipments', { shipments: [SE_SHIPMENT] });
	return String((await post('/v1/batches', { shipment_ids: [shipments[0].shipment_id] })).batch_id);
}

/** One shipment as the API takes it (Batch > Process cases). */
export const SE_SHIPMENT = {
	carrier_id: 'se-100001',
	service_code: 'usps_ground_advantage',
	ship_to: { name: 'Jane Doe', address_line1: '525 S Winchester Blvd', city_locality: 'San Jose', state_province: 'CA', postal_code: '95128', country_code: 'US' },
	ship_from: { name: 'Warehouse A', phone: '512-555-1234', address_line1: '4009 Marathon Blvd', city_locality: 'Austin', state_province: 'TX', postal_code: '78756', country_code: 'US' },
	packages: [{ weight: { value: 20, unit: 'ounce' } }],
};

const SERA_ORDER = {
	from_address: { name: 'Michael M', address_line1: '1150 Magic Way', city: 'Anaheim', state_province: 'CA', postal_code: '92802', country_code: 'US' },
	to_address: { name: 'Minerva M', address_line1: '351 S Studio Dr', city: 'Lake Buena Vista', state_province: 'FL', postal_code: '32830', country_code: 'US' },
	service_type: 'usps_priority_mail',
	package: { packaging_type: 'package', weight: 4, weight_unit: 'ounce' },
};

export const SE_LABEL_CREATE: INodeParameters = {
	resource: 'label',
	operation: 'create',
	carrierId: 'se-100001',
	serviceCode: 'usps_ground_advantage',
	shipTo: { address: { name: 'Jane Doe', addressLine1: '525 S Winchester Blvd', cityLocality: 'San Jose', stateProvince: 'CA', postalCode: '95128', countryCode: 'US' } },
	shipFrom: { address: { name: 'Warehouse A', phone: '512-555-1234', addressLine1: '4009 Marathon Blvd', cityLocality: 'Austin', stateProvince: 'TX', postalCode: '78756', countryCode: 'US' } },
	packages: { package: [{ weight: 20, weightUnit: 'ounce' }] },
	downloadLabel: false,
};

export const SERA_LABEL_CREATE: INodeParameters = {
	resource: 'label',
	operation: 'create',
	shipFrom: { address: { name: 'Michael M', addressLine1: '1150 Magic Way', city: 'Anaheim', stateProvince: 'CA', postalCode: '92802', countryCode: 'US' } },
	shipTo: { address: { name: 'Minerva M', addressLine1: '351 S Studio Dr', city: 'Lake Buena Vista', stateProvince: 'FL', postalCode: '32830', countryCode: 'US' } },
	serviceType: 'usps_priority_mail',
	packagingType: 'package',
	weight: 4,
	weightUnit: 'ounce',
	additionalFields: { labelOutputType: 'base64' },
};

export interface Operation {
	node: NodeName;
	cls: OperationClass;
	/** Resource > Operation as the user picks it in the editor. */
	name: string;
	method: string;
	/** The path the fault is injected on (SERA paths include the mock's /sera prefix). */
	path: RegExp;
	/** Whether a retryable failure (5xx, reset, timeout) may send the request again. */
	repeatable: boolean;
	harness: () => Promise<Harness>;
	parameters: (h: Harness) => Promise<INodeParameters>;
}

export const OPERATIONS: Operation[] = [
	{
		node: 'ShipEngine', cls: 'read', name: 'Label > Get', method: 'GET', path: /^\/v1\/labels\/se-[^/]+$/, repeatable: true,
		harness: shipEngineHarness,
		parameters: async (h) => ({ resource: 'label', operation: 'get', labelId: await seedLabelId(h, 'ShipEngine'), downloadLabel: false }),
	},
	{
		node: 'ShipEngine', cls: 'list', name: 'Label > Get Many', method: 'GET', path: /^\/v1\/labels$/, repeatable: true,
		harness: shipEngineHarness,
		parameters: async () => ({ resource: 'label', operation: 'getAll', returnAll: false, limit: 2 }),
	},
	{
		node: 'ShipEngine', cls: 'purchase', name: 'Label > Create', method: 'POST', path: /^\/v1\/labels$/, repeatable: false,
		harness: shipEngineHarness,
		parameters: async () => SE_LABEL_CREATE,
	},
	{
		// Purchase-like: the status is read first (GET, not faulted), the process request is never repeated.
		node: 'ShipEngine', cls: 'batch purchase', name: 'Batch > Process', method: 'POST', path: /^\/v1\/batches\/[^/]+\/process\/labels$/, repeatable: false,
		harness: shipEngineHarness,
		parameters: async (h) => {
			const [first, second] = [await seedOpenBatchId(h), await seedOpenBatchId(h)];
			return { resource: 'batch', operation: 'process', batchId: `={{ $json.order === 'A-1' ? '${first}' : '${second}' }}`, options: { waitUntilProcessed: false } };
		},
	},
	{
		node: 'ShipEngine', cls: 'void', name: 'Label > Void', method: 'PUT', path: /^\/v1\/labels\/[^/]+\/void$/, repeatable: true,
		harness: shipEngineHarness,
		parameters: async (h) => ({ resource: 'label', operation: 'void', labelId: await seedLabelId(h, 'ShipEngine') }),
	},
	{
		node: 'Stamps.com', cls: 'read', name: 'Label > Reprint', method: 'GET', path: /^\/sera\/v1\/labels\/[^/]+$/, repeatable: true,
		harness: seraHarness,
		parameters: async (h) => ({ resource: 'label', operation: 'reprint', labelId: await seedLabelId(h, 'Stamps.com'), options: { labelOutputType: 'base64' } }),
	},
	{
		node: 'Stamps.com', cls: 'list', name: 'Carrier > Get Services', method: 'GET', path: /^\/sera\/v1\/carrier-services$/, repeatable: true,
		harness: seraHarness,
		parameters: async () => ({ resource: 'carrier', operation: 'getServices' }),
	},
	{
		// Every SERA POST carries an Idempotency-Key: a repeat replays the first purchase.
		node: 'Stamps.com', cls: 'purchase', name: 'Label > Create', method: 'POST', path: /^\/sera\/v1\/labels$/, repeatable: true,
		harness: seraHarness,
		parameters: async () => SERA_LABEL_CREATE,
	},
	{
		node: 'Stamps.com', cls: 'void', name: 'Label > Void', method: 'PUT', path: /^\/sera\/v1\/labels\/[^/]+\/void$/, repeatable: true,
		harness: seraHarness,
		parameters: async (h) => ({ resource: 'label', operation: 'void', labelId: await seedLabelId(h, 'Stamps.com') }),
	},
];

const HTML_PAGE =
	'<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{font-family:sans-serif}</style></head>' +
	'<body><h1>502 Bad Gateway</h1><p>The upstream server did not answer.</p><hr><address>nginx</address></body></html>';

export const HUGE_BYTES = 5 * 1024 * 1024;

export interface Fault {
	name: string;
	reply: ScriptedReply;
	/** Retried for every operation (the API refused before doing anything). */
	alwaysRetried?: boolean;
	/** Retried when repeating is safe (5xx, network). */
	retryable?: boolean;
	/** Node setting Request Options > Timeout (ms). */
	timeoutMs?: number;
}

export const FAULTS: Fault[] = [
	{ name: '429 + Retry-After: 1', reply: { status: 429, headers: { 'Retry-After': '1' }, body: { errors: [{ error_code: 'rate_limit_exceeded', message: 'You have exceeded the rate limit.' }] } }, alwaysRetried: true },
	{ name: '429 without Retry-After', reply: { status: 429, body: { errors: [{ error_code: 'rate_limit_exceeded', message: 'You have exceeded the rate limit.' }] } }, alwaysRetried: true },
	{ name: '500', reply: { status: 500, body: { errors: [{ error_code: 'unspecified', message: 'An unexpected error occurred (fault 500).' }] } }, retryable: true },
	{ name: '502', reply: { status: 502, body: { errors: [{ error_code: 'unspecified', message: 'Upstream carrier failed (fault 502).' }] } }, retryable: true },
	{ name: '503', reply: { status: 503, body: { errors: [{ error_code: 'unspecified', message: 'Service temporarily unavailable (fault 503).' }] } }, retryable: true },
	{ name: '504', reply: { status: 504, body: { errors: [{ error_code: 'unspecified', message: 'Carrier timed out (fault 504).' }] } }, retryable: true },
	{ name: 'connection reset', reply: { status: 200, destroySocket: true }, retryable: true },
	{ name: 'timeout (1 s)', reply: { status: 200, delayMs: 4000, body: {} }, retryable: true, timeoutMs: 1000 },
	{ name: 'malformed JSON (200)', reply: { status: 200, headers: { 'Content-Type': 'application/json' }, raw: '{"label_id": "se-1", "status": ' } },
	{ name: 'HTML error page (502)', reply: { status: 502, headers: { 'Content-Type': 'text/html' }, raw: HTML_PAGE }, retryable: true },
	{ name: 'empty body (200)', reply: { status: 200, headers: { 'Content-Type': 'application/json' }, raw: '' } },
	{ name: 'empty body (500)', reply: { status: 500, raw: '' }, retryable: true },
	{ name: 'huge body (5 MB, 500)', reply: { status: 500, headers: { 'Content-Type': 'text/html' }, raw: `<html><body><pre>${'x'.repeat(HUGE_BYTES)}</pre></body></html>` }, retryable: true },
];

export interface Outcome {
	op: Operation;
	fault: Fault;
	items: INodeExecutionData[];
	error?: Error;
	/** Requests on the faulted method + path. */
	attempts: number;
	/** Requests of any kind. */
	requests: Array<{ method: string; path: string; headers: Record<string, string> }>;
	purchases: number;
	ms: number;
}

export const INPUT = [{ json: { order: 'A-1' } }, { json: { order: 'A-2' } }];

export async function runCase(op: Operation, fault: Fault, settings: NodeSettings = { continueOnFail: true }): Promise<Outcome> {
	const h = await op.harness();
	try {
		const parameters = await op.parameters(h);
		h.mock.requests.splice(0);
		const before = h.mock.purchases;
		h.mock.script(op.method, op.path, fault.reply, 1000);
		const started = Date.now();
		const { items, error } = await runNode({
			node: h.node(),
			parameters: fault.timeoutMs ? { ...parameters, requestOptions: { timeout: fault.timeoutMs } } : parameters,
			credentials: h.credentials,
			// Each case is its own account on its own mock: they run side by side and must not
			// share the per-credential rate-limit gate.
			credentialId: `faults-${op.node}-${op.cls}-${fault.name}`,
			input: INPUT,
			settings,
		});
		const ms = Date.now() - started;
		// A request the client gave up on may still be on its way into the mock's log.
		await new Promise((resolve) => setTimeout(resolve, 100));
		const requests = h.mock.requests.map(({ method, path, headers }) => ({ method, path, headers }));
		return {
			op,
			fault,
			items,
			error,
			attempts: requests.filter((r) => r.method === op.method && op.path.test(r.path)).length,
			requests,
			purchases: h.mock.purchases - before,
			ms,
		};
	} finally {
		await h.close();
	}
}

/** Runs `tasks` with at most `limit` at a time (the machine has 2 cores). */
export async function pool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
	const results: T[] = new Array(tasks.length);
	let next = 0;
	const worker = async () => {
		while (next < tasks.length) {
			const index = next++;
			results[index] = await tasks[index]();
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
	return results;
}

/** n8n's stock status texts: an error that says only this tells the user nothing. */
export const GENERIC_MESSAGES = [
	'Your request is invalid or could not be processed by the service',
	'Bad request - please check your parameters',
	'The service is receiving too many requests from you',
	"Try spacing your requests out using the batching settings under 'Options'",
	'The service failed to process your request',
	'The service was not able to process your request',
	'Bad gateway - the service failed to handle your request',
	'Service unavailable - try again later or consider setting this node to retry automatically (in the node settings)',
	'Gateway timed out - perhaps try again later?',
	'UNKNOWN ERROR - check the detailed error for more information',
];

/** Why a message is unreadable, or undefined when it is fine. */
export function unreadable(message: string | undefined): string | undefined {
	if (!message || !message.trim()) return 'empty message';
	if (GENERIC_MESSAGES.includes(message.trim())) return `generic message "${message}"`;
	if (/\n\s+at |node_modules|\.ts:\d+|\.js:\d+/.test(message)) return 'stack trace in message';
	if (/<[a-z!/][^>]*>/i.test(message)) return 'HTML tags in message';
	if (/\[object Object\]|^undefined$|^null$/.test(message)) return 'placeholder text in message';
	if (message.length > 400) return `message too long (${message.length} chars)`;
	return undefined;
}
