/**
 * Case 6: the bulk case. N labels bought and in n8n as files, three ways (bench/bulk.ts, one
 * child process each so peak RSS is the path's own): one batch, the per-item Label > Create, and
 * n8n's HTTP Request node posting every purchase. The mock takes 1 s per label purchase and
 * enforces 200 requests/min, both compressed BENCH_BULK_SCALE times (default 20: 1 s → 50 ms,
 * 60 s → 3 s). ShipEngine buys a batch's labels in
 * parallel on its side: BENCH_BULK_PARALLEL labels at a time (default 10, an assumption: the
 * parallelism is not documented). Times are reported as measured (not scaled back: n8n's own CPU
 * time per item is not compressed, so scaling the whole run back would multiply it too).
 * Alone: BENCH_CASES=bulk npm run bench (BENCH_BULK_LABELS, default 1000).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { log, result, type BenchResult } from './lib';
import { LABEL_BYTES } from './memory';

const ROOT = join(__dirname, '..');

interface PathRun {
	path: string;
	wallMs: number;
	requests: number;
	labels: number;
	files: number;
	maxRssMb: number;
	baseRssMb: number;
	error?: string;
}

function measure(path: string, labels: number, scale: number, parallel: number): PathRun {
	const out = execFileSync(process.execPath, ['-r', './scripts/register-ts.js', 'bench/bulk.ts', path, String(labels), String(scale), String(parallel)], {
		cwd: ROOT,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	const parsed = JSON.parse(out.trim().split('\n').pop() ?? '{}') as PathRun;
	if (parsed.error || parsed.labels !== labels) throw new Error(`bulk ${path}: ${out.slice(-2000)}`);
	return parsed;
}

export async function bulkCase(): Promise<BenchResult[]> {
	const labels = Number(process.env.BENCH_BULK_LABELS ?? 1000);
	const scale = Number(process.env.BENCH_BULK_SCALE ?? 20);
	const parallel = Number(process.env.BENCH_BULK_PARALLEL ?? 10);
	const runs: Record<string, PathRun> = {};
	for (const path of ['batch', 'perItem', 'httpRequest']) {
		runs[path] = measure(path, labels, scale, parallel);
		log(`bulk ${path}: ${JSON.stringify(runs[path])}`);
	}
	const realS = (run: PathRun) => run.wallMs / 1000;
	const perMinute = (run: PathRun) => labels / (realS(run) / 60);
	const speed = scale === 1 ? 'at real speed (BENCH_BULK_SCALE=1)' : `both compressed ${scale}x (times below as measured, in the compressed setting)`;
	const context = `${labels} labels of ${LABEL_BYTES / 1000} KB (PDF); mock (own process): 1 s per label purchase, 200 requests/min enforced (429 + Retry-After), ${speed}; a batch's labels bought ${parallel} at a time server-side (assumed). Batch: Shipment > Create (100 per request) → Batch > Create → Process (status read, one process request, polled) → Get Labels (one combined file). Per item: Label > Create with Download Label (lookup + purchase per item). HTTP Request: POST /v1/labels per item with the label inline, Options > Batching 200 per minute, then Convert to File. Engine harness, one child process per path.`;
	const rows: BenchResult[] = [];
	for (const [baseline, name] of [
		['perItem', 'per-item Label > Create'],
		['httpRequest', 'HTTP Request node (Batching) + Convert to File'],
	] as const) {
		const b = runs[baseline];
		const o = runs.batch;
		rows.push(
			result({ case: '6 bulk', metric: `requests sent, ${labels} labels (batch vs ${baseline})`, unit: 'requests', ours: o.requests, baselineName: name, baseline: b.requests, note: context }),
			result({ case: '6 bulk', metric: `wall time until every label file is in n8n (batch vs ${baseline})`, unit: scale === 1 ? 's' : `s (mock times / ${scale})`, ours: realS(o), baselineName: name, baseline: realS(b) }),
			result({ case: '6 bulk', metric: `labels per minute (batch vs ${baseline})`, unit: scale === 1 ? 'labels/min' : `labels/min (mock times / ${scale})`, ours: perMinute(o), baselineName: name, baseline: perMinute(b) }),
			result({ case: '6 bulk', metric: `peak RSS (batch vs ${baseline})`, unit: 'MB', ours: o.maxRssMb, baselineName: name, baseline: b.maxRssMb, note: `process before the run: batch ${o.baseRssMb.toFixed(0)} MB, ${baseline} ${b.baseRssMb.toFixed(0)} MB` }),
		);
	}
	return rows;
}
