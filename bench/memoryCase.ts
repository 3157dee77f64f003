/**
 * Case 5: peak RSS of 1000 realistic-size labels (bench/memory.ts: LABEL_BYTES each) put into
 * n8n as binary data, three ways through our node against n8n's HTTP Request node downloading
 * the same files, in n8n's two local binary modes (default = in memory, filesystem = written to
 * disk), plus Label > Get in n8n-core with the change bench/n8n-core-skip-hidden-properties.patch
 * proposes (what n8n's declarative engine costs per hidden property). One fresh process per
 * measurement, the paths in a different order every round, median of BENCH_MEMORY_ROUNDS rounds
 * (default 3). Alone: BENCH_CASES=memory npm run bench.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { log, median, result, type BenchResult } from './lib';
import { LABEL_BYTES, LABELS, MEMORY_PATHS, type MemoryPath } from './memory';

const ROOT = join(__dirname, '..');
const MODES = ['default', 'filesystem'] as const;

interface Measurement {
	path: MemoryPath;
	mode: string;
	maxRssMb: number;
	baseRssMb: number;
	binaries: number;
	bytes: number;
	requests: number;
	error?: string;
}

function measure(path: MemoryPath, mode: string): Measurement {
	const out = execFileSync(process.execPath, ['-r', './scripts/register-ts.js', 'bench/memory.ts', path, mode], { cwd: ROOT, encoding: 'utf8' });
	const parsed = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Measurement;
	if (parsed.error || parsed.binaries !== LABELS || parsed.bytes < LABEL_BYTES) throw new Error(`memory ${path} ${mode}: ${out}`);
	return parsed;
}

const DESCRIPTIONS: Record<MemoryPath, string> = {
	getInline: 'Label > Get, Download Label (file inline as base64 in the JSON, decoded)',
	createInline: 'Label > Create, Download Label (bought, file inline, decoded)',
	createUrl: 'Label > Create, Label Download Type URL (bought, then each file fetched)',
	getInlineSkipHidden:
		'Label > Get as above, in n8n-core with the proposed change (bench/n8n-core-skip-hidden-properties.patch: hidden top-level properties skipped), applied in this process only',
	httpRequest: 'HTTP Request node, Response Format: File',
};

export async function memoryCase(): Promise<BenchResult[]> {
	const rounds = Number(process.env.BENCH_MEMORY_ROUNDS ?? 3);
	const rows: BenchResult[] = [];
	for (const mode of MODES) {
		const runs = new Map<MemoryPath, Measurement[]>(MEMORY_PATHS.map((path) => [path, []]));
		for (let round = 0; round < rounds; round++) {
			// Rotate the order so no path always runs first (or last) on a busy machine.
			const order = MEMORY_PATHS.map((_, i) => MEMORY_PATHS[(i + round) % MEMORY_PATHS.length]);
			for (const path of order) {
				const m = measure(path, mode);
				runs.get(path)!.push(m);
				log(`memory ${mode} ${path}: peak ${m.maxRssMb.toFixed(0)} MB (process before the run ${m.baseRssMb.toFixed(0)} MB), ${m.requests} requests`);
			}
		}
		const peak = (path: MemoryPath) => median(runs.get(path)!.map((m) => m.maxRssMb));
		const growth = (path: MemoryPath) => median(runs.get(path)!.map((m) => m.maxRssMb - m.baseRssMb));
		const baseline = peak('httpRequest');
		for (const path of MEMORY_PATHS.filter((p) => p !== 'httpRequest')) {
			const ours = peak(path);
			rows.push(
				result({
					case: '5 memory',
					metric: `peak RSS, ${LABELS} labels of ${LABEL_BYTES / 1000} KB as binary, ${mode} binary mode: ${DESCRIPTIONS[path]}`,
					unit: 'MB, median',
					ours,
					baselineName: `${DESCRIPTIONS.httpRequest}, same mode`,
					baseline,
					target: path === 'getInlineSkipHidden' ? '<= 1.0x (n8n-core change, not in any n8n release)' : '<= 1.0x',
					met: ours <= baseline,
					samples: { ours: runs.get(path)!.map((m) => m.maxRssMb), baseline: runs.get('httpRequest')!.map((m) => m.maxRssMb) },
					note: `Growth above the process's RSS before the run (TypeScript loader, n8n-core, node classes): ours ${growth(path).toFixed(0)} MB, HTTP Request ${growth('httpRequest').toFixed(0)} MB (ratio ${(growth(path) / growth('httpRequest')).toFixed(2)}). Requests: ${runs.get(path)![0].requests} vs ${runs.get('httpRequest')![0].requests}. Engine harness, mock in its own process, ${rounds} rounds, one fresh process each.`,
				}),
			);
		}
	}
	return rows;
}
