/**
 * n8n in queue mode: one main instance (`n8n start`: editor, webhooks, enqueues executions in
 * Redis) and N `n8n worker` processes (take executions from the queue), all on PostgreSQL.
 * Uses the e2e suite's cached Node 24 + n8n and its N8n / RunningN8n helpers.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { freePort, N8n, RunningN8n } from '../../e2e/lib/n8n';
import { N8N_BIN, NODE_BIN_DIR } from '../../e2e/lib/paths';
import type { Database } from './db';

export interface ClusterOptions {
	userFolder: string;
	db: Database;
	redisPort: number;
	/** Folder for one log file per process and the pid list scale/run.sh's trap reads. */
	workDir: string;
	workers: number;
	workerConcurrency: number;
	extraEnv?: Record<string, string>;
}

export function queueModeEnv(options: ClusterOptions): Record<string, string> {
	const { db } = options;
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(options.redisPort),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: db.host,
		DB_POSTGRESDB_PORT: String(db.port),
		DB_POSTGRESDB_DATABASE: db.database,
		DB_POSTGRESDB_USER: db.user,
		DB_POSTGRESDB_PASSWORD: db.password,
		DB_POSTGRESDB_POOL_SIZE: '10',
		// Keep every execution: the count is the test (pruning would start at 10,000).
		EXECUTIONS_DATA_PRUNE: 'false',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '15',
		N8N_RUNNERS_MAX_OLD_SPACE_SIZE: '256',
		NODE_OPTIONS: '--max-old-space-size=1536',
		...options.extraEnv,
	};
}

/** A running n8n process whose output also goes to `<workDir>/logs/<name>.log`. */
function track(process: RunningN8n, name: string, workDir: string): RunningN8n {
	const file = createWriteStream(join(workDir, 'logs', `${name}.log`));
	process.child.stdout?.pipe(file);
	process.child.stderr?.pipe(file);
	appendFileSync(join(workDir, 'n8n.pids'), `${process.child.pid}\n`);
	return process;
}

async function waitForOutput(process: RunningN8n, pattern: RegExp, what: string, timeoutMs = 180_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!pattern.test(process.output)) {
		if (process.child.exitCode !== null) throw new Error(`${what} exited early:\n${process.output.slice(-4000)}`);
		if (Date.now() > deadline) throw new Error(`${what} not ready after ${timeoutMs} ms:\n${process.output.slice(-4000)}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

export class QueueCluster {
	readonly n8n: N8n;

	main?: RunningN8n;

	workers: RunningN8n[] = [];

	constructor(readonly options: ClusterOptions) {
		this.n8n = new N8n(options.userFolder, queueModeEnv(options));
	}

	/** `n8n start` (main) first, so it runs the migrations alone; then the workers. */
	async start(): Promise<void> {
		const port = await freePort();
		this.main = await this.n8n.start(port).catch((error: Error) => {
			throw new Error(`n8n main did not start: ${error.message}`);
		});
		track(this.main, 'main', this.options.workDir);
		this.workers = await Promise.all(
			Array.from({ length: this.options.workers }, async (_, index) => await this.startWorker(index + 1)),
		);
	}

	private async startWorker(number: number): Promise<RunningN8n> {
		// SCALE_CPU_PROF=<dir>: V8 CPU profiles of the workers (diagnostics only).
		const profile = process.env.SCALE_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SCALE_CPU_PROF}`] : [];
		const args = [...profile, N8N_BIN, 'worker', `--concurrency=${this.options.workerConcurrency}`];
		const child = spawn(join(NODE_BIN_DIR, 'node'), args, {
			env: this.n8n.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()) }),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const worker = track(new RunningN8n(child, `worker-${number}`), `worker-${number}`, this.options.workDir);
		await waitForOutput(worker, /n8n worker is now ready/, `n8n worker ${number}`);
		return worker;
	}

	get url(): string {
		if (!this.main) throw new Error('the cluster is not started');
		return this.main.url;
	}

	/** Execution ids each worker logged as finished ("Worker finished execution 123 (job 45)"). */
	finishedByWorker(): Record<string, Set<number>> {
		return Object.fromEntries(
			this.workers.map((worker) => [
				worker.url,
				new Set([...worker.output.matchAll(/Worker finished execution (\d+)/g)].map((match) => Number(match[1]))),
			]),
		);
	}

	/** Memory (RSS, MB) of main and workers, from /proc. */
	rssMb(): Record<string, number> {
		const processes = [this.main, ...this.workers].filter((process): process is RunningN8n => Boolean(process));
		return Object.fromEntries(
			processes.map((process) => [process === this.main ? 'main' : process.url, readRssMb(process.child.pid)]),
		);
	}

	async stop(): Promise<void> {
		await Promise.all(this.workers.map(async (worker) => await worker.stop()));
		await this.main?.stop();
	}
}

function readRssMb(pid: number | undefined): number {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
		return Math.round(kb / 1024);
	} catch {
		return 0;
	}
}
