/**
 * Case 1 in real n8n (the e2e install: n8n 2.41.1 on Node 24): our package installed the way n8n
 * installs community packages, a workflow Manual Trigger → Code (N items) → our node and the
 * HTTP Request node on two branches making the same requests to the mock. Figure: each node's
 * own `executionTime` as n8n records it in the run data (the wall time of `n8n execute` is mostly
 * n8n booting, ~10 s, the same for both). Two workflows per N with the branch order swapped,
 * run alternately; medians.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { credentialsFor, SHIPENGINE_CREDENTIAL, SHIPENGINE_TEST_KEY } from '../e2e/lib/credentials';
import { buildPackage, installTarball, packPackage } from '../e2e/lib/installPackage';
import { freePort, N8n } from '../e2e/lib/n8n';
import { assertInstalled } from '../e2e/lib/paths';
import { startShipEngineMock } from '../test/mock';
import { httpGet } from './httpRequestNode';
import { log, median, result, type BenchResult } from './lib';

const TRACK = { carrierCode: 'stamps_com', trackingNumber: '9400111899223197428490' };
const OURS = 'ShipEngine Track';
const HTTP = 'HTTP Request Track';

function workflow(id: string, n: number, url: string, oursFirst: boolean) {
	const y = (first: boolean) => (first ? 0 : 200);
	return {
		id,
		name: `bench ${id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: `${id}-t`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: `${id}-c`,
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: { jsCode: `return Array.from({ length: ${n} }, (_, i) => ({ json: { i } }));` },
			},
			{
				id: `${id}-o`,
				name: OURS,
				type: 'n8n-nodes-shipengine.shipEngine',
				typeVersion: 1,
				position: [400, y(oursFirst)],
				parameters: { resource: 'tracking', operation: 'get', ...TRACK },
				credentials: { shipEngineApi: SHIPENGINE_CREDENTIAL },
			},
			{
				id: `${id}-h`,
				name: HTTP,
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [400, y(!oursFirst)],
				parameters: httpGet(`${url}/v1/tracking`, { carrier_code: TRACK.carrierCode, tracking_number: TRACK.trackingNumber }, SHIPENGINE_TEST_KEY),
			},
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: OURS, type: 'main', index: 0 }, { node: HTTP, type: 'main', index: 0 }]] },
		},
	};
}

export async function perItemN8n(sizes: number[], rounds: number): Promise<BenchResult[]> {
	assertInstalled();
	const work = mkdtempSync(join(tmpdir(), 'n8n-shipengine-bench-'));
	const userFolder = join(work, 'user');
	log('real n8n: building, packing and installing the package');
	buildPackage();
	installTarball(packPackage(join(work, 'pack')), userFolder);
	const ports = { shipEngine: await freePort(), sera: await freePort() };
	const se = await startShipEngineMock({ port: ports.shipEngine });
	const n8n = new N8n(userFolder);
	const results: BenchResult[] = [];
	try {
		writeFileSync(join(work, 'credentials.json'), JSON.stringify(credentialsFor(ports)));
		await n8n.importCredentials(join(work, 'credentials.json'));
		const dir = join(work, 'workflows');
		mkdirSync(dir);
		for (const n of sizes) {
			for (const oursFirst of [true, false]) {
				const id = `bench${n}${oursFirst ? 'o' : 'h'}`.padEnd(16, 'x');
				writeFileSync(join(dir, `${id}.json`), JSON.stringify(workflow(id, n, se.url, oursFirst)));
			}
		}
		await n8n.importWorkflows(dir);
		for (const n of sizes) {
			const ours: number[] = [];
			const http: number[] = [];
			const wall: number[] = [];
			for (let i = 0; i < rounds; i++) {
				const id = `bench${n}${i % 2 === 0 ? 'o' : 'h'}`.padEnd(16, 'x');
				se.reset();
				const { run, cli } = await executeWithRetry(n8n, id);
				const data = run.data.resultData.runData;
				const o = data[OURS]?.[0];
				const h = data[HTTP]?.[0];
				const count = (r: typeof o) => r?.data?.main?.[0]?.length ?? 0;
				if (run.status !== 'success' || count(o) !== n || count(h) !== n || se.requests.length !== 2 * n) {
					throw new Error(`n8n run ${id} failed: status ${run.status}, items ${count(o)}/${count(h)}, requests ${se.requests.length}: ${JSON.stringify(run.data.resultData.error ?? o?.error ?? h?.error ?? {}).slice(0, 500)}`);
				}
				ours.push(Number((o as unknown as { executionTime: number }).executionTime) / n);
				http.push(Number((h as unknown as { executionTime: number }).executionTime) / n);
				wall.push(cli.ms);
			}
			const oursMs = median(ours);
			const httpMs = median(http);
			log(`real n8n N=${n}: ours ${oursMs.toFixed(3)} ms/item, HTTP Request ${httpMs.toFixed(3)} ms/item (n8n execute wall ${Math.round(median(wall))} ms)`);
			results.push(
				result({
					case: '1 per-item real n8n, track',
					metric: `N=${n}`,
					unit: 'ms/item, median',
					ours: oursMs,
					baselineName: 'HTTP Request node',
					baseline: httpMs,
					target: '<= 1.0x',
					met: oursMs <= httpMs,
					samples: { ours, baseline: http },
					note: `n8n ${'2.41.1'}, node executionTime from the run data; ${rounds} runs of \`n8n execute\` (median wall ${Math.round(median(wall))} ms, mostly boot, shared by both nodes).`,
				}),
			);
		}
	} finally {
		await se.close();
	}
	return results;
}

/**
 * `n8n execute --rawOutput` prints the whole run (1000 items: about 1.5 MB) and exits; now and then
 * the pipe loses the end of it. The run is repeated then (at most 3 tries), never its figures mixed.
 */
async function executeWithRetry(n8n: N8n, id: string): ReturnType<N8n['execute']> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await n8n.execute(id);
		} catch (error) {
			if (attempt >= 3 || !String((error as Error).message).includes('printed no execution')) throw error;
			log(`n8n execute ${id}: output cut short, running it again (${attempt}/3)`);
		}
	}
}
