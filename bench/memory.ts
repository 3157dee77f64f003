/**
 * Case 5, one child process per measurement (so peak RSS is this run's own): 1000 labels of
 * realistic size (LABEL_BYTES, like a real 4x6 PDF label) put into n8n as binary data through the
 * engine harness, with the mock in a process of its own (bench/mockProcess.ts).
 *   node -r ./scripts/register-ts.js bench/memory.ts <path> default|filesystem
 * Paths: getInline (Label > Get with Download Label: the file inline as base64 in the API's JSON,
 * decoded to a binary property), createInline (Label > Create, same), createUrl (Label > Create
 * with Label Download Type URL: the node fetches each file), httpRequest (n8n's HTTP Request node,
 * Response Format: File, downloading the same labels' PDF files: the baseline), getInlineSkipHidden
 * (getInline with n8n-core's RoutingNode skipping the node's hidden top-level properties: the
 * change bench/n8n-core-skip-hidden-properties.patch proposes, applied in this process only).
 * Binary mode: n8n's `default` (binary data kept in memory, base64) or `filesystem` (n8n-core's
 * BinaryDataService writes each file to a temporary folder, as N8N_DEFAULT_BINARY_DATA_MODE=filesystem).
 * Prints {"path", "mode", "maxRssMb", "baseRssMb", "items", "binaries", "bytes", "requests"} on stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { BinaryDataConfig, BinaryDataService } from 'n8n-core';
import type { INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { runNode } from '../test/helpers/engine';
import { loadHttpRequestNode } from './httpRequestNode';
import { startMockProcess } from './mockProcess';
import { ShipEngine } from './nodes';
import { skipHiddenProperties } from './skipHiddenProperties';

export const LABELS = 1000;
/** Bytes per label file (real ShipEngine 4x6 PDF labels: roughly 30–100 KB). */
export const LABEL_BYTES = 60_000;
export const MEMORY_PATHS = ['getInline', 'createInline', 'createUrl', 'getInlineSkipHidden', 'httpRequest'] as const;
export type MemoryPath = (typeof MEMORY_PATHS)[number];

const KEY = 'TEST_mem';

const SHIPMENT = {
	carrierId: 'se-100001',
	serviceCode: 'usps_ground_advantage',
	shipTo: { address: { name: '={{ $json.name }}', addressLine1: '525 S Winchester Blvd', cityLocality: 'San Jose', stateProvince: 'CA', postalCode: '95128', countryCode: 'US' } },
	shipFrom: { address: { name: 'Warehouse A', phone: '512-555-1234', addressLine1: '4009 Marathon Blvd', cityLocality: 'Austin', stateProvince: 'TX', postalCode: '78756', countryCode: 'US' } },
	packages: { package: [{ weight: 20, weightUnit: 'ounce' }] },
	additionalFields: { externalShipmentId: '={{ $json.order }}' },
};

/** n8n-core's DI container (the one n8n-core itself uses). */
function container(): { get<T>(type: new (...args: never[]) => T): T } {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return (require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] })) as { Container: { get<T>(type: new (...args: never[]) => T): T } }).Container;
}

/** Filesystem mode as n8n sets it up at start: BinaryDataService.init() with mode filesystem. */
async function useFilesystemMode(folder: string): Promise<void> {
	const config = container().get(BinaryDataConfig);
	config.mode = 'filesystem';
	config.localStoragePath = folder;
	await container().get(BinaryDataService).init();
}

async function main(): Promise<void> {
	const path = process.argv[2] as MemoryPath;
	const mode = process.argv[3] === 'filesystem' ? 'filesystem' : 'default';
	if (!MEMORY_PATHS.includes(path)) throw new Error(`unknown path ${path}`);
	const folder = mkdtempSync(join(tmpdir(), 'bench-binary-'));
	if (mode === 'filesystem') await useFilesystemMode(folder);
	if (path === 'getInlineSkipHidden') skipHiddenProperties();
	const se = await startMockProcess({ labels: LABELS, pageSizeMax: LABELS, labelBytes: LABEL_BYTES });
	const headers = { 'API-Key': KEY, 'Content-Type': 'application/json' };
	await fetch(`${se.url}/v1/carriers/se-100001/add_funds`, { method: 'PUT', headers, body: JSON.stringify({ currency: 'usd', amount: 1_000_000 }) });
	const list = (await (await fetch(`${se.url}/v1/labels?page_size=${LABELS}`, { headers })).json()) as { labels: Array<{ label_id: string }> };
	const input: INodeExecutionData[] = list.labels.map((label, i) => ({ json: { labelId: label.label_id, order: `ORD-${i}`, name: `Customer ${i}` } }));
	const http = loadHttpRequestNode();
	new ShipEngine();
	const credentials = { shipEngineApi: { apiKey: KEY, baseUrl: se.url } };
	const runs: Record<MemoryPath, () => { node: INodeType; parameters: INodeParameters }> = {
		getInline: () => ({ node: new ShipEngine(), parameters: { resource: 'label', operation: 'get', labelId: '={{ $json.labelId }}', downloadLabel: true } }),
		getInlineSkipHidden: () => runs.getInline(),
		createInline: () => ({ node: new ShipEngine(), parameters: { resource: 'label', operation: 'create', ...SHIPMENT, downloadLabel: true } }),
		createUrl: () => ({ node: new ShipEngine(), parameters: { resource: 'label', operation: 'create', ...SHIPMENT, downloadLabel: true, options: { labelDownloadType: 'url' } } }),
		httpRequest: () => ({
			node: http,
			parameters: { method: 'GET', url: `=${se.url}/downloads/labels/{{ $json.labelId }}.pdf`, options: { response: { response: { responseFormat: 'file' } } } },
		}),
	};
	const before = (await se.stats()).requests;
	const baseRssMb = process.memoryUsage().rss / 2 ** 20;
	const run = await runNode({ ...runs[path](), credentials, input });
	const maxRssMb = process.resourceUsage().maxRSS / 1024;
	const stored = run.items.map((item) => item.binary?.data).filter((data) => data && (mode === 'filesystem' ? data.id : data.data));
	const bytes = Math.min(...stored.map((data) => data?.bytes ?? 0));
	const requests = (await se.stats()).requests - before;
	await se.close();
	rmSync(folder, { recursive: true, force: true });
	process.stdout.write(`${JSON.stringify({ path, mode, maxRssMb, baseRssMb, items: run.items.length, binaries: stored.length, bytes, requests, error: run.error?.message })}\n`);
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stdout.write(`${JSON.stringify({ error: (error as Error).stack })}\n`);
		process.exit(1);
	});
}
