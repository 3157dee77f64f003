/**
 * `npm run bench`: where the package stands against what users would do instead, on local mocks
 * (127.0.0.1). Prints a table and writes bench-results/results.json + RESULTS.md.
 * Env: BENCH_SKIP_N8N=1 skips the real-n8n part; BENCH_N8N_ROUNDS (default 6: each branch order twice);
 * BENCH_RATE_WINDOW_MS (default 6000: ShipEngine's 200/min compressed 10x);
 * BENCH_PURCHASE_WINDOW_MS (default 60000: case 6 under the real 200/min);
 * BENCH_ONLY=purchases,rate,... runs only those cases (engine, n8n, requests, rate, purchases, trigger, memory).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { perItemEngine, rateLimit, requestsPerJob } from './engineCases';
import { machine, markdown, table, type BenchResult } from './lib';
import { memoryCase } from './memoryCase';
import { perItemN8n } from './n8nCase';
import { purchaseCases } from './purchaseCases';
import { triggerCases } from './triggerCases';

async function main(): Promise<void> {
	const started = Date.now();
	const results: BenchResult[] = [];
	const sizes = [1, 100, 1000];
	const only = (process.env.BENCH_ONLY ?? '').split(',').map((name) => name.trim()).filter(Boolean);
	const want = (name: string) => only.length === 0 || only.includes(name);
	const windowMs = Number(process.env.BENCH_RATE_WINDOW_MS ?? 6000);
	if (want('engine')) results.push(...(await perItemEngine(sizes)));
	if (want('n8n') && process.env.BENCH_SKIP_N8N !== '1') results.push(...(await perItemN8n(sizes, Number(process.env.BENCH_N8N_ROUNDS ?? 6))));
	if (want('requests')) results.push(...(await requestsPerJob()));
	if (want('rate')) results.push(...(await rateLimit(200, windowMs)));
	if (want('purchases')) results.push(...(await purchaseCases(200, Number(process.env.BENCH_PURCHASE_WINDOW_MS ?? 60_000))));
	if (want('trigger')) results.push(...(await triggerCases()));
	if (want('memory')) results.push(...(await memoryCase()));

	const meta = { generatedAt: new Date().toISOString(), durationS: Math.round((Date.now() - started) / 1000), machine: machine(), command: only.length ? `BENCH_ONLY=${only.join(',')} npm run bench` : 'npm run bench' };
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
