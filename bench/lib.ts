/** Shared bits of `npm run bench`: results, medians, the printed table and the Markdown copy. */
import { cpus } from 'node:os';

export interface BenchResult {
	/** Case number and name, e.g. "1 per-item (engine)". */
	case: string;
	metric: string;
	unit: string;
	ours: number;
	baselineName: string;
	baseline: number;
	/** ours / baseline. */
	ratio: number;
	target?: string;
	met?: boolean;
	note?: string;
	samples?: { ours: number[]; baseline: number[] };
}

export const median = (values: number[]): number => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const round = (value: number, digits = 3): number => Number(value.toPrecision(digits));

export function result(fields: Omit<BenchResult, 'ratio'> & { ratio?: number }): BenchResult {
	const ratio = fields.ratio ?? (fields.baseline === 0 ? NaN : fields.ours / fields.baseline);
	return { ...fields, ours: round(fields.ours), baseline: round(fields.baseline), ratio: round(ratio) };
}

export function log(message: string): void {
	process.stderr.write(`[bench] ${message}\n`);
}

/** Runs `ours` and `baseline` alternately (the order flips every round) and keeps every sample. */
export async function interleaved(
	rounds: number,
	ours: () => Promise<number>,
	baseline: () => Promise<number>,
): Promise<{ ours: number[]; baseline: number[] }> {
	const samples = { ours: [] as number[], baseline: [] as number[] };
	for (let i = 0; i < rounds; i++) {
		if (i % 2 === 0) {
			samples.ours.push(await ours());
			samples.baseline.push(await baseline());
		} else {
			samples.baseline.push(await baseline());
			samples.ours.push(await ours());
		}
	}
	return samples;
}

export function machine() {
	return {
		nproc: cpus().length,
		cpu: cpus()[0]?.model ?? 'unknown',
		node: process.version,
		platform: `${process.platform} ${process.arch}`,
	};
}

const COLUMNS: Array<[string, (r: BenchResult) => string]> = [
	['case', (r) => r.case],
	['metric', (r) => `${r.metric} (${r.unit})`],
	['ours', (r) => String(r.ours)],
	['baseline', (r) => `${r.baseline} (${r.baselineName})`],
	['ratio', (r) => String(r.ratio)],
	['target', (r) => (r.target ? `${r.target} ${r.met === undefined ? '' : r.met ? 'MET' : 'MISSED'}` : '')],
];

export function table(results: BenchResult[]): string {
	const rows = results.map((r) => COLUMNS.map(([, cell]) => cell(r)));
	const widths = COLUMNS.map(([title], i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
	const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ');
	return [line(COLUMNS.map(([title]) => title)), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

export function markdown(results: BenchResult[], meta: Record<string, unknown>): string {
	const escape = (text: string) => text.replace(/\|/g, '\\|');
	const rows = results.map((r) => `| ${COLUMNS.map(([, cell]) => escape(cell(r))).join(' | ')} |`);
	const notes = results.filter((r) => r.note).map((r) => `- **${r.case} / ${r.metric}**: ${r.note}`);
	return [
		'# Benchmark results',
		'',
		`Command: \`npm run bench\`. Generated ${String(meta.generatedAt)}. Machine: ${JSON.stringify(meta.machine)}.`,
		'',
		`| ${COLUMNS.map(([title]) => title).join(' | ')} |`,
		`|${COLUMNS.map(() => '---').join('|')}|`,
		...rows,
		'',
		'## Notes',
		'',
		...notes,
		'',
	].join('\n');
}
