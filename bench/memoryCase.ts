/** Case 5: peak RSS of 1000 labels as binary data, ours vs the HTTP Request node downloading the files. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { interleaved, log, median, result, type BenchResult } from './lib';

const ROOT = join(__dirname, '..');

function measure(which: 'ours' | 'baseline'): { maxRssMb: number; baseRssMb: number; items: number; binaries: number; error?: string } {
	const out = execFileSync(process.execPath, ['-r', './scripts/register-ts.js', 'bench/memory.ts', which], { cwd: ROOT, encoding: 'utf8' });
	const parsed = JSON.parse(out.trim().split('\n').pop() ?? '{}');
	if (parsed.error || parsed.binaries !== 1000) throw new Error(`memory ${which}: ${out}`);
	return parsed;
}

export async function memoryCase(): Promise<BenchResult[]> {
	const base: number[] = [];
	const samples = await interleaved(
		3,
		async () => {
			const m = measure('ours');
			base.push(m.baseRssMb);
			return m.maxRssMb;
		},
		async () => measure('baseline').maxRssMb,
	);
	const ours = median(samples.ours);
	const baseline = median(samples.baseline);
	log(`peak RSS, 1000 labels as binary: ours ${ours.toFixed(0)} MB, HTTP Request ${baseline.toFixed(0)} MB (process before the run: ${median(base).toFixed(0)} MB)`);
	return [
		result({
			case: '5 memory',
			metric: 'peak RSS, 1000 labels as binary data',
			unit: 'MB, median',
			ours,
			baselineName: 'HTTP Request node downloading the 1000 PDFs',
			baseline,
			samples,
			note: `Label > Get with Download Label (inline base64 from the API, decoded to a binary property) for 1000 label ids vs the HTTP Request node (Response Format: File) fetching the same labels' PDF files; engine harness, binary data in memory (n8n's default mode), one fresh process each. The process holds ${median(base).toFixed(0)} MB before the run (TypeScript loader, n8n-core, mock with 1000 labels).`,
		}),
	];
}
