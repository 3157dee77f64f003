/**
 * Case 5, one child process per measurement (so peak RSS is this run's own): 1000 labels
 * returned as binary data through the engine harness, against the mock.
 *   node -r ./scripts/register-ts.js bench/memory.ts ours|baseline
 * Prints {"maxRssMb", "baseRssMb", "items", "binaries"} on stdout.
 */
import { runNode } from '../test/helpers/engine';
import { startShipEngineMock } from '../test/mock';
import { loadHttpRequestNode } from './httpRequestNode';
import { ShipEngine } from './nodes';

const LABELS = 1000;

async function main(): Promise<void> {
	const which = process.argv[2];
	const se = await startShipEngineMock({ labels: LABELS, pageSizeMax: LABELS });
	const list = (await (await fetch(`${se.url}/v1/labels?page_size=${LABELS}`, { headers: { 'API-Key': 'TEST_mem' } })).json()) as {
		labels: Array<{ label_id: string }>;
	};
	const input = list.labels.map((label) => ({ json: { labelId: label.label_id } }));
	const http = loadHttpRequestNode();
	new ShipEngine();
	const baseRssMb = process.memoryUsage().rss / 2 ** 20;
	const run =
		which === 'ours'
			? await runNode({
					node: new ShipEngine(),
					parameters: { resource: 'label', operation: 'get', labelId: '={{ $json.labelId }}', downloadLabel: true },
					credentials: { shipEngineApi: { apiKey: 'TEST_mem', baseUrl: se.url } },
					input,
				})
			: await runNode({
					node: http,
					parameters: {
						method: 'GET',
						url: `=${se.url}/downloads/labels/{{ $json.labelId }}.pdf`,
						options: { response: { response: { responseFormat: 'file' } } },
					},
					input,
				});
	const binaries = run.items.filter((item) => item.binary?.data?.data).length;
	const maxRssMb = process.resourceUsage().maxRSS / 1024;
	await se.close();
	process.stdout.write(`${JSON.stringify({ maxRssMb, baseRssMb, items: run.items.length, binaries, error: run.error?.message })}\n`);
}

void main();
