/**
 * Bounded HTTP load generator (undici Pool): at most `concurrency` requests in flight, at most
 * `count` requests, and no new request after `maxSeconds`. 127.0.0.1 only. Each request's body
 * and headers are built just before it is sent (so signatures carry a fresh timestamp); the
 * latency is measured from handing the request to undici until the response body is read.
 */
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

export interface LoadRequest {
	body: string;
	headers: Record<string, string>;
}

export interface Delivery {
	index: number;
	/** Epoch ms when the request was handed to the socket pool. */
	sentAt: number;
	/** Request → full response, ms. */
	latencyMs: number;
	/** HTTP status, 0 for a network error or timeout. */
	status: number;
	error?: string;
}

export interface LoadOptions {
	url: string;
	count: number;
	concurrency: number;
	maxSeconds: number;
	build: (index: number) => LoadRequest;
	/** Called every `progressEvery` responses. */
	onProgress?: (done: number, elapsedMs: number) => void;
	progressEvery?: number;
}

export interface LoadResult {
	deliveries: Delivery[];
	startedAt: number;
	durationMs: number;
	/** True when the time bound stopped the run before `count` requests were sent. */
	truncated: boolean;
}

export async function sendLoad(options: LoadOptions): Promise<LoadResult> {
	const target = new URL(options.url);
	if (!['127.0.0.1', 'localhost'].includes(target.hostname)) {
		throw new Error(`the load generator only targets 127.0.0.1, not ${target.hostname}`);
	}
	const pool = new Pool(target.origin, {
		connections: options.concurrency,
		pipelining: 1,
		keepAliveTimeout: 30_000,
		headersTimeout: 60_000,
		bodyTimeout: 60_000,
	});
	const deliveries: Delivery[] = [];
	const startedAt = Date.now();
	const t0 = performance.now();
	const deadline = t0 + options.maxSeconds * 1000;
	let next = 0;
	let done = 0;
	let truncated = false;

	const lane = async () => {
		for (;;) {
			if (next >= options.count) return;
			if (performance.now() > deadline) {
				truncated = true;
				return;
			}
			const index = next++;
			const { body, headers } = options.build(index);
			const sentAt = Date.now();
			const started = performance.now();
			let status = 0;
			let error: string | undefined;
			try {
				const response = await pool.request({
					method: 'POST',
					path: `${target.pathname}${target.search}`,
					headers: { 'content-type': 'application/json', ...headers },
					body,
				});
				await response.body.text();
				status = response.statusCode;
			} catch (caught) {
				error = (caught as { code?: string; message?: string }).code ?? String((caught as Error).message);
			}
			deliveries.push({ index, sentAt, latencyMs: performance.now() - started, status, error });
			done++;
			if (options.onProgress && done % (options.progressEvery ?? 1000) === 0) {
				options.onProgress(done, performance.now() - t0);
			}
		}
	};
	await Promise.all(Array.from({ length: options.concurrency }, lane));
	const durationMs = performance.now() - t0;
	await pool.close();
	deliveries.sort((a, b) => a.index - b.index);
	return { deliveries, startedAt, durationMs, truncated };
}

/** Nearest-rank percentile of unsorted numbers (p in 0..100). */
export function percentile(values: number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
	return sorted[rank - 1];
}

export function summarize(values: number[]): { p50: number; p95: number; p99: number; max: number } {
	const round = (value: number) => Math.round(value * 10) / 10;
	return {
		p50: round(percentile(values, 50)),
		p95: round(percentile(values, 95)),
		p99: round(percentile(values, 99)),
		max: round(values.length ? Math.max(...values) : Number.NaN),
	};
}
