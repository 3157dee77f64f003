/**
 * Case 7 (engine): label purchases. Requests per label for 1000 first-attempt purchases, and
 * labels per minute under ShipEngine's 200 requests/min limit (time-compressed like case 3),
 * each against n8n's HTTP Request node posting the same purchases in the same run.
 */
import type { INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { ShipEngine } from './nodes';
import { resetPurchaseRecord } from '../nodes/ShipEngine/shared/purchaseRecord';
import { rateLimitStats, resetRateLimits } from '../nodes/shared/retry';
import { runNode } from '../test/helpers/engine';
import { startShipEngineMock, type ShipEngineMockServer } from '../test/mock';
import { loadHttpRequestNode } from './httpRequestNode';
import { log, result, type BenchResult } from './lib';

const API_KEY = 'TEST_bench_purchases';
const SHIP_TO = { name: 'Jane Doe', addressLine1: '525 S Winchester Blvd', cityLocality: 'San Jose', stateProvince: 'CA', postalCode: '95128', countryCode: 'US' };
const SHIP_FROM = { name: 'Warehouse A', phone: '512-555-1234', addressLine1: '4009 Marathon Blvd', cityLocality: 'Austin', stateProvince: 'TX', postalCode: '78756', countryCode: 'US' };

/** Label > Create as a user sets it up; `byOrder` gives each item its order number as External Shipment ID. */
const ours = (byOrder = false): INodeParameters => ({
	resource: 'label',
	operation: 'create',
	carrierId: 'se-100002',
	serviceCode: 'ups_ground',
	shipTo: { address: SHIP_TO },
	shipFrom: { address: SHIP_FROM },
	packages: { package: [{ weight: 20, weightUnit: 'ounce' }] },
	additionalFields: byOrder ? { externalShipmentId: '={{ $json.order }}' } : {},
});

/** The same purchase posted by the HTTP Request node (the body our node sends, less its key). */
function httpPost(url: string, options: INodeParameters = {}): INodeParameters {
	const body = {
		shipment: {
			carrier_id: 'se-100002',
			service_code: 'ups_ground',
			ship_to: { name: SHIP_TO.name, address_line1: SHIP_TO.addressLine1, city_locality: SHIP_TO.cityLocality, state_province: SHIP_TO.stateProvince, postal_code: SHIP_TO.postalCode, country_code: SHIP_TO.countryCode },
			ship_from: { name: SHIP_FROM.name, phone: SHIP_FROM.phone, address_line1: SHIP_FROM.addressLine1, city_locality: SHIP_FROM.cityLocality, state_province: SHIP_FROM.stateProvince, postal_code: SHIP_FROM.postalCode, country_code: SHIP_FROM.countryCode },
			packages: [{ weight: { value: 20, unit: 'ounce' } }],
		},
		label_download_type: 'inline',
	};
	return {
		method: 'POST',
		url: `${url}/v1/labels`,
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'API-Key', value: API_KEY }] },
		sendBody: true,
		specifyBody: 'json',
		jsonBody: JSON.stringify(body),
		options,
	};
}

const orders = (n: number): INodeExecutionData[] => Array.from({ length: n }, (_, i) => ({ json: { order: `ORD-${i}` } }));

interface Purchase {
	wallMs: number;
	labels: number;
	requests: number;
	rejected: number;
	failed: number;
}

let executions = 0;

/** One execution of `node` over `n` orders against `mock`; counts what the account saw. */
async function purchase(mock: ShipEngineMockServer, node: INodeType, parameters: INodeParameters, n: number): Promise<Purchase> {
	mock.reset();
	resetRateLimits();
	const started = performance.now();
	const run = await runNode({
		node,
		parameters,
		credentials: { shipEngineApi: { apiKey: API_KEY, baseUrl: mock.url } },
		input: orders(n),
		executionId: `bench-purchase-${++executions}`,
		settings: { continueOnFail: true },
	});
	const wallMs = performance.now() - started;
	const failures = run.items.filter((item) => item.error || item.json.error !== undefined);
	const failed = run.error ? n : failures.length;
	if (failed) log(`${failed} failed, e.g. ${JSON.stringify(run.error?.message ?? failures[0]?.json)}`);
	// 429s our gate saw (the HTTP Request node has no gate: a 429 fails its item).
	const rejected = Object.values(rateLimitStats()).reduce((sum, stats) => sum + stats.rejected, 0);
	return { wallMs, labels: mock.purchases, requests: mock.requests.length, rejected, failed };
}

/** Case 7a: requests per label for `n` first-attempt purchases, no rate limit. */
async function requestsPerLabel(n: number): Promise<BenchResult[]> {
	const mock = await startShipEngineMock();
	try {
		resetPurchaseRecord();
		const first = await purchase(mock, new ShipEngine(), ours(), n);
		const byOrder = await purchase(mock, new ShipEngine(), ours(true), n);
		const http = await purchase(mock, loadHttpRequestNode(), httpPost(mock.url), n);
		const failures = `failed items (a dropped connection is never repeated for a purchase): ours ${first.failed}, with External Shipment ID ${byOrder.failed}, HTTP Request ${http.failed}`;
		log(`purchases N=${n}: ${first.requests} requests (default key), ${byOrder.requests} (External Shipment ID set), HTTP Request ${http.requests}`);
		return [
			result({
				case: '7 label purchases',
				metric: `${n} first-attempt purchases, default key`,
				unit: 'requests per label',
				ours: first.requests / n,
				baselineName: 'HTTP Request node posting the same purchases',
				baseline: http.requests / n,
				target: '1.0 (was 2.0: a lookup before every purchase)',
				met: first.requests === n,
				note: `Label > Create, ${n} items in one execution, no External Shipment ID (the node's default key names this installation, workflow, execution, node, run and item, so a first attempt cannot have bought: no lookup). Same run, External Shipment ID = order number (a key an earlier execution may have used: looked up first): ${(byOrder.requests / n).toFixed(2)} requests per label. ${failures}. Wall time without a limit: ours ${Math.round(first.wallMs)} ms, HTTP Request ${Math.round(http.wallMs)} ms.`,
			}),
		];
	} finally {
		await mock.close();
	}
}

/**
 * Case 7b: labels per minute under `limit` requests per `windowMs` (default a real minute:
 * compressed windows make the engine's per-item CPU time, not the limit, the bottleneck).
 */
async function labelsPerMinute(n: number, limit: number, windowMs: number): Promise<BenchResult[]> {
	const mock = await startShipEngineMock({ rateLimit: { limit, windowMs } });
	try {
		resetPurchaseRecord();
		const perMinute = (p: Purchase) => p.labels / (p.wallMs / windowMs);
		const first = await purchase(mock, new ShipEngine(), ours(), n);
		const http = await purchase(mock, loadHttpRequestNode(), httpPost(mock.url, { batching: { batch: { batchSize: limit, batchInterval: windowMs } } }), n);
		for (const [name, p] of Object.entries({ first, http })) {
			log(`purchases under ${limit}/${windowMs} ms, ${name}: ${p.labels} labels in ${Math.round(p.wallMs)} ms, ${p.requests} requests (${p.rejected} refused), ${p.failed} failed, ${perMinute(p).toFixed(0)} labels/min`);
		}
		return [
			result({
				case: '7 label purchases',
				metric: `${n} purchases under ${limit} requests/min`,
				unit: 'labels per minute',
				ours: perMinute(first),
				baselineName: 'HTTP Request node, Batching = limit per window',
				baseline: perMinute(http),
				target: '>= 0.95x',
				met: perMinute(first) >= 0.95 * perMinute(http),
				note: `The mock enforces ${limit} requests per ${windowMs / 1000} s window per API key (ShipEngine's ${limit}/min${windowMs === 60_000 ? '' : `, ${60_000 / windowMs}x compressed`}; 429 with Retry-After), so labels per minute = labels / (wall time / ${windowMs} ms). ${first.failed + http.failed ? `Failed items: ours ${first.failed}, HTTP Request ${http.failed}. ` : ''}Ours: Label > Create with the default key, ${first.requests} requests (${first.rejected} refused 429s, waited out by the shared gate). HTTP Request: Options > Batching, ${limit} items per batch, ${windowMs} ms apart, ${http.requests} requests. Wall time: ours ${Math.round(first.wallMs)} ms, HTTP Request ${Math.round(http.wallMs)} ms.`,
			}),
		];
	} finally {
		await mock.close();
	}
}

/** 7a over `n` purchases; 7b over `limited` (3 full windows by default: 600 at 200/min). */
export async function purchaseCases(limit: number, windowMs: number, n = 1000, limited = 3 * limit): Promise<BenchResult[]> {
	return [...(await requestsPerLabel(n)), ...(await labelsPerMinute(limited, limit, windowMs))];
}
