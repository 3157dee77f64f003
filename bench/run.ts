/**
 * `npm run bench`: where the package stands against what users would do instead, on local mocks
 * (127.0.0.1). Prints a table and writes bench-results/results.json + RESULTS.md.
 * Env: BENCH_SKIP_N8N=1 skips the real-n8n part; BENCH_N8N_ROUNDS (default 6: each branch order twice);
 * BENCH_RATE_WINDOW_MS (default 6000: ShipEngine's 200/min compressed 10x);
 * BENCH_PURCHASE_WINDOW_MS (default 60000: case 7, label purchases, under the real 200/min).
 * BENCH_CASES: run only these cases, comma-separated (perItem, n8n, requests, rateLimit, purchases,
 * trigger, memory, bulk), e.g. BENCH_CASES=bulk,memory; default all.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { perItemEngine, rateLimit, requestsPerJob } from './engineCases';
import { bulkCase } from './bulkCase';
import { machine, markdown, table, type BenchResult } from './lib';
import { memoryCase } from './memoryCase';
import { perItemN8n } from './n8nCase';
import { purchaseCases } from './purchaseCases';
import { triggerCases } from './triggerCases';

async function main(): Promise<void> {
	const started = Date.now();
	const results: BenchResult[] = [];
	const sizes = [1, 100, 1000];
	const only = (process.env.BENCH_CASES ?? '').split(',').map((name) => name.trim()).filter(Boolean);
	const wanted = (name: string) => only.length === 0 || only.includes(name);
	if (wanted('perItem')) results.push(...(await perItemEngine(sizes)));
	if (wanted('n8n') && process.env.BENCH_SKIP_N8N !== '1') results.push(...(await perItemN8n(sizes, Number(process.env.BENCH_N8N_ROUNDS ?? 6))));
	if (wanted('requests')) results.push(...(await requestsPerJob()));
	if (wanted('rateLimit')) results.push(...(await rateLimit(200, Number(process.env.BENCH_RATE_WINDOW_MS ?? 6000))));
	if (wanted('purchases')) results.push(...(await purchaseCases(200, Number(process.env.BENCH_PURCHASE_WINDOW_MS ?? 60_000))));
	if (wanted('trigger')) results.push(...(await triggerCases()));
	if (wanted('memory')) results.push(...(await memoryCase()));
	if (wanted('bulk')) results.push(...(await bulkCase()));

	const meta = { generatedAt: new Date().toISOString(), durationS: Math.round((Date.now() - started) / 1000), machine: machine(), command: only.length ? `BENCH_CASES=${only.join(',')} npm run bench` : 'npm run bench' };
	const out = join(__dirname, '..', 'bench-results');
	mkdirSync(out, { recursive: true });
	writeFileSync(join(out, 'results.json'), JSON.stringify({ ...meta, results }, null, 2));
	writeFileSync(join(out, 'RESULTS.md'), markdown(results, meta));
	process.stdout.write(`\n${table(results)}\n\n${JSON.stringify(meta)}\nwritten: bench-results/results.json, bench-results/RESULTS.md\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`[bench] failed: ${(error as Error).stack ?? String(error)}\n`);
	process.exitCode = 1;
});
