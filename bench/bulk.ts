/**
 * Case 6, one child process per path (so peak RSS is that path's own; the mock runs in a process
 * of its own and serves realistic-size PDF labels, bench/memory.ts LABEL_BYTES): N labels bought
 * and in n8n as files, against the ShipEngine mock with a label purchase taking 1 s and ShipEngine's
 * 200 requests/min limit enforced, both compressed `scale` times (1 s → 1000/scale ms, 60 s →
 * 60000/scale ms), so every ratio holds and the run takes minutes instead of an hour.
 *   node -r ./scripts/register-ts.js bench/bulk.ts batch|perItem|httpRequest <labels> <scale> <batchParallel>
 * Prints {"path", "wallMs", "requests", "labels", "files", "maxRssMb", "baseRssMb"} on stdout.
 *
 * - batch: Shipment > Create (all items, 100 per request) → Batch > Create (one request) →
 *   Batch > Process (status read, one process request, polled until completed) → Batch > Get
 *   Labels (one combined file). The mock buys a batch's labels `batchParallel` at a time.
 * - perItem: Label > Create with Download Label (a lookup by external shipment ID + a purchase
 *   per item, the file inline), through our rate-limit gate.
 * - httpRequest: n8n's HTTP Request node POSTing each purchase (label inline, Options >
 *   Batching = the limit per window, as a user who knows the limit sets it), then n8n's Convert
 *   to File node turning each base64 label into a file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeExecutionData, INodeType } from 'n8n-workflow';

import { N8N_DIR } from '../e2e/lib/paths';
import { resetRateLimits } from '../nodes/shared/retry';
import { runNode } from '../test/helpers/engine';
import { loadHttpRequestNode } from './httpRequestNode';
import { LABEL_BYTES } from './memory';
import { startMockProcess } from './mockProcess';
import { ShipEngine } from './nodes';

const KEY = 'TEST_bulk';
const LIMIT = 200;

const ADDRESS_TO = { name: 'Customer', addressLine1: '525 S Winchester Blvd', cityLocality: 'San Jose', stateProvince: 'CA', postalCode: '95128', countryCode: 'US' };
const ADDRESS_FROM = { name: 'Warehouse A', phone: '512-555-1234', addressLine1: '4009 Marathon Blvd', cityLocality: 'Austin', stateProvince: 'TX', postalCode: '78756', countryCode: 'US' };
const SHIPMENT_PARAMS = {
	carrierId: 'se-100001',
	serviceCode: 'usps_ground_advantage',
	shipTo: { address: { ...ADDRESS_TO, name: '={{ $json.name }}' } },
	shipFrom: { address: ADDRESS_FROM },
	packages: { package: [{ weight: 20, weightUnit: 'ounce' }] },
};

function loadConvertToFile(): INodeType {
	const file = join(N8N_DIR, 'node_modules', 'n8n-nodes-base', 'dist', 'nodes', 'Files', 'ConvertToFile', 'ConvertToFile.node.js');
	if (!existsSync(file)) throw new Error(`${file} is missing: run "bash e2e/install.sh" first`);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { ConvertToFile } = require(file) as { ConvertToFile: new () => INodeType };
	return new ConvertToFile();
}

async function main(): Promise<void> {
	const [path, labelsArg, scaleArg, parallelArg] = process.argv.slice(2);
	const labels = Number(labelsArg ?? 1000);
	const scale = Number(scaleArg ?? 20);
	const windowMs = 60_000 / scale;
	const se = await startMockProcess({
		rateLimit: { limit: LIMIT, windowMs },
		purchaseMs: 1000 / scale,
		batchLabelMs: 1000 / scale,
		batchParallel: Number(parallelArg ?? 10),
		labelBytes: LABEL_BYTES,
	});
	// Funds are added with another key: the rate limit is per key, and at real speed a setup request
	// would count in the first 60 s window of the key under test (201 requests in it).
	await fetch(`${se.url}/v1/carriers/se-100001/add_funds`, {
		method: 'PUT',
		headers: { 'API-Key': `${KEY}_setup`, 'Content-Type': 'application/json' },
		body: JSON.stringify({ currency: 'usd', amount: 1_000_000 }),
	});
	const before = await se.stats();
	const credentials = { shipEngineApi: { apiKey: KEY, baseUrl: se.url } };
	const orders: INodeExecutionData[] = Array.from({ length: labels }, (_, i) => ({ json: { order: `ORD-${i}`, name: `Customer ${i}` } }));
	const http = loadHttpRequestNode();
	const convert = loadConvertToFile();
	new ShipEngine();
	resetRateLimits();
	const baseRssMb = process.memoryUsage().rss / 2 ** 20;
	const started = performance.now();
	const step = async (node: INodeType, parameters: Record<string, unknown>, input: INodeExecutionData[]) => {
		const at = performance.now();
		const run = await runNode({ node, parameters: parameters as never, credentials, input, credentialId: 'bulk' });
		if (process.env.BENCH_BULK_STEPS) process.stderr.write(`${String(parameters.resource ?? parameters.method ?? parameters.operation)} ${String(parameters.operation ?? '')}: ${Math.round(performance.now() - at)} ms\n`);
		if (run.error) throw run.error;
		return run.items;
	};
	let files = 0;
	if (path === 'batch') {
		const shipments = await step(new ShipEngine(), { resource: 'shipment', operation: 'create', ...SHIPMENT_PARAMS, additionalFields: { externalShipmentId: '={{ $json.order }}' } }, orders);
		const batch = await step(new ShipEngine(), { resource: 'batch', operation: 'create' }, shipments);
		const processed = await step(new ShipEngine(), { resource: 'batch', operation: 'process', batchId: '={{ $json.batch_id }}', options: { pollSeconds: Math.max(0.1, 5 / scale) } }, batch);
		if (processed[0].json.completed !== labels) throw new Error(`batch completed ${String(processed[0].json.completed)} of ${labels}`);
		const out = await step(new ShipEngine(), { resource: 'batch', operation: 'getLabels', batchId: '={{ $json.batch_id }}' }, processed);
		files = out.filter((item) => item.binary?.data).length;
	} else if (path === 'perItem') {
		const out = await step(new ShipEngine(), { resource: 'label', operation: 'create', ...SHIPMENT_PARAMS, additionalFields: { externalShipmentId: '={{ $json.order }}' }, downloadLabel: true }, orders);
		files = out.filter((item) => item.binary?.data).length;
	} else {
		const body = JSON.stringify({
			label_download_type: 'inline',
			shipment: {
				carrier_id: 'se-100001',
				service_code: 'usps_ground_advantage',
				external_shipment_id: 'ORDER',
				ship_to: { name: 'NAME', address_line1: ADDRESS_TO.addressLine1, city_locality: ADDRESS_TO.cityLocality, state_province: ADDRESS_TO.stateProvince, postal_code: ADDRESS_TO.postalCode, country_code: 'US' },
				ship_from: { name: ADDRESS_FROM.name, phone: ADDRESS_FROM.phone, address_line1: ADDRESS_FROM.addressLine1, city_locality: ADDRESS_FROM.cityLocality, state_province: ADDRESS_FROM.stateProvince, postal_code: ADDRESS_FROM.postalCode, country_code: 'US' },
				packages: [{ weight: { value: 20, unit: 'ounce' } }],
			},
		})
			.replace('"ORDER"', '{{ JSON.stringify($json.order) }}')
			.replace('"NAME"', '{{ JSON.stringify($json.name) }}');
		const bought = await step(
			http,
			{
				method: 'POST',
				url: `${se.url}/v1/labels`,
				sendHeaders: true,
				headerParameters: { parameters: [{ name: 'API-Key', value: KEY }] },
				sendBody: true,
				specifyBody: 'json',
				jsonBody: `=${body}`,
				options: { batching: { batch: { batchSize: LIMIT, batchInterval: windowMs } } },
			},
			orders,
		);
		const out = await step(convert, { operation: 'toBinary', sourceProperty: 'label_download.href', binaryPropertyName: 'data', options: { mimeType: 'application/pdf' } }, bought);
		files = out.filter((item) => item.binary?.data).length;
	}
	const wallMs = performance.now() - started;
	const maxRssMb = process.resourceUsage().maxRSS / 1024;
	const after = await se.stats();
	await se.close();
	process.stdout.write(`${JSON.stringify({ path, wallMs, requests: after.requests - before.requests, labels: after.purchases, files, maxRssMb, baseRssMb })}\n`);
	process.exit(0);
}

main().catch((error: unknown) => {
	process.stdout.write(`${JSON.stringify({ error: (error as Error).message })}\n`);
	process.exit(1);
});
