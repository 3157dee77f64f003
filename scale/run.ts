/**
 * Scale test of the ShipEngine nodes in n8n's distributed (queue) mode. Started by
 * scale/run.sh (which runs PostgreSQL and Redis and passes their ports):
 *
 *  1. builds + packs this package and installs it into a fresh n8n user folder (as n8n's
 *     community-package installer does), imports the ShipEngine credential (pointed at the
 *     in-process ShipEngine mock) and the scale workflows, publishes them;
 *  2. starts n8n main + 2 workers (EXECUTIONS_MODE=queue, Redis, PostgreSQL);
 *  3. deliveries: sends SCALE_DELIVERIES signed ShipEngine deliveries (each with a unique id)
 *     to the ShipEngine Trigger's production webhook, SCALE_CONCURRENCY at a time, waits for
 *     the queue to drain and counts executions per id in PostgreSQL: lost and duplicated must
 *     be 0; throughput and latency (delivery → HTTP 200, delivery → execution finished);
 *  4. label batch: SCALE_BATCH_EXECUTIONS executions of SCALE_BATCH_SIZE orders each, every
 *     order bought by the ShipEngine node (Label > Create) against the mock, spread over the
 *     workers: the mock must see exactly one purchase per order;
 *  5. writes scale/results.json and prints a summary; exit code 1 when a check failed.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';

import { credentialsFor } from '../e2e/lib/credentials';
import { buildPackage, installTarball, packPackage } from '../e2e/lib/installPackage';
import { N8N_VERSION } from '../e2e/lib/paths';
import { startShipEngineMock, type ShipEngineMockServer } from '../test/mock';
import { QueueCluster } from './lib/cluster';
import { type Database, type ExecutionRow, type FailedExecution, executionIds, failedExecutions, statusCounts } from './lib/db';
import { countDeliveries, deliveryId, signedDelivery } from './lib/deliveries';
import { sendLoad, summarize } from './lib/load';

const SCALE_DIR = __dirname;
const WORKFLOWS_DIR = join(SCALE_DIR, 'workflows');
/** SCALE_RESULTS=<file> keeps a bounded or diagnostic run from replacing scale/results.json. */
const RESULTS_FILE = resolve(process.env.SCALE_RESULTS ?? join(SCALE_DIR, 'results.json'));

function int(name: string, fallback: number): number {
	const value = Number(process.env[name] ?? fallback);
	if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got ${process.env[name]}`);
	return value;
}

function required(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run "npm run test:scale" (scale/run.sh sets it)`);
	return value;
}

const config = {
	deliveries: int('SCALE_DELIVERIES', 10_000),
	warmup: int('SCALE_WARMUP', 20),
	probe: int('SCALE_PROBE', 200),
	concurrency: Math.max(1, int('SCALE_CONCURRENCY', 20)),
	maxSeconds: int('SCALE_MAX_SECONDS', 900),
	drainSeconds: int('SCALE_DRAIN_SECONDS', 600),
	batchExecutions: int('SCALE_BATCH_EXECUTIONS', 10),
	batchSize: int('SCALE_BATCH_SIZE', 100),
	workers: 2,
	workerConcurrency: int('SCALE_WORKER_CONCURRENCY', 10),
	/** SCALE_PHASES="deliveries,batch" (default both): run only some of the phases. */
	phases: (process.env.SCALE_PHASES ?? 'deliveries,batch').split(',').map((phase) => phase.trim()),
};

const work = required('SCALE_WORK');
const db: Database = {
	host: '127.0.0.1',
	port: Number(required('SCALE_PG_PORT')),
	user: 'n8n',
	password: 'n8n',
	database: 'n8n',
	binDir: required('SCALE_PG_BIN'),
};
const redisPort = Number(required('SCALE_REDIS_PORT'));

/** `path` empty: the URL is the one the trigger registered with ShipEngine (the mock) on activation. */
const TRIGGER_WORKFLOW = { file: 'deliveries-trigger.json', id: 'scaleDeliveryTrg1', path: '' };
const STANDIN_WORKFLOW = { file: 'deliveries-webhook-standin.json', id: 'scaleDeliveryWhk1', path: 'scale-deliveries' };
const BATCH_WORKFLOW = { file: 'label-batch.json', id: 'scaleLabelBatch01', path: 'scale-labels' };

const started = Date.now();
const timings: Record<string, number> = {};
const seconds = (ms: number) => Math.round(ms / 100) / 10;
const log = (message: string) => process.stdout.write(`[scale] ${message}\n`);
async function timed<T>(name: string, step: () => Promise<T>): Promise<T> {
	const t0 = Date.now();
	try {
		return await step();
	} finally {
		timings[name] = seconds(Date.now() - t0);
	}
}

/** Waits until `expected` executions of the workflow exist and none is queued or running. */
async function drain(workflowId: string, expected: number): Promise<{ counts: Record<string, number>; complete: boolean }> {
	const deadline = Date.now() + config.drainSeconds * 1000;
	let last = '';
	let stableSince = Date.now();
	for (;;) {
		const counts = await statusCounts(db, workflowId);
		const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
		const pending = (counts.new ?? 0) + (counts.running ?? 0) + (counts.waiting ?? 0);
		if (total >= expected && pending === 0) return { counts, complete: true };
		const key = JSON.stringify(counts);
		if (key !== last) {
			last = key;
			stableSince = Date.now();
		}
		// Nothing moved for 60 s with nothing pending: the missing executions are not coming.
		if (pending === 0 && Date.now() - stableSince > 60_000) return { counts, complete: false };
		if (Date.now() > deadline) return { counts, complete: false };
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

function perWorker(cluster: QueueCluster, executionIdsOfPhase: number[]): Record<string, number> {
	const finished = cluster.finishedByWorker();
	return Object.fromEntries(
		Object.entries(finished).map(([worker, ids]) => [worker, executionIdsOfPhase.filter((id) => ids.has(id)).length]),
	);
}

function workerOf(cluster: QueueCluster, executionId: number): string | undefined {
	return Object.entries(cluster.finishedByWorker()).find(([, ids]) => ids.has(executionId))?.[0];
}

/** How many executions failed with each message, e.g. { "timeout exceeded when trying to connect": 3 }. */
function errorCounts(failed: FailedExecution[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const execution of failed) counts[execution.message] = (counts[execution.message] ?? 0) + 1;
	return counts;
}

function describeFailed(failed: FailedExecution[]): string {
	return Object.entries(errorCounts(failed))
		.map(([message, count]) => `${count} x "${message}"`)
		.join(', ');
}

/** Where deliveries go: the URL the trigger registered at ShipEngine (the mock), or the stand-in's path. */
function deliveryUrl(cluster: QueueCluster, mock: ShipEngineMockServer, workflow: typeof TRIGGER_WORKFLOW): string {
	if (workflow.path) return `${cluster.url}/webhook/${workflow.path}`;
	const registrations = mock.requests.filter((request) => request.method === 'POST' && request.path === '/v1/environment/webhooks');
	const registered = registrations.map((request) => (request.body as { event?: string; url?: string })).find((body) => body.event === 'track');
	if (!registered?.url) {
		throw new Error(`the ShipEngine Trigger registered no "track" webhook on activation: ${JSON.stringify(registrations.map((r) => r.body))}`);
	}
	return registered.url;
}

async function deliveriesPhase(cluster: QueueCluster, url: string, workflow: typeof TRIGGER_WORKFLOW, tag: string, failures: string[]) {
	log(`warm-up: ${config.warmup} deliveries to ${url}`);
	const warmIds = Array.from({ length: config.warmup }, (_, index) => deliveryId(tag, index, 'w'));
	const warm = await sendLoad({
		url,
		count: config.warmup,
		concurrency: Math.min(config.concurrency, Math.max(1, config.warmup)),
		maxSeconds: 60,
		build: (index) => signedDelivery(warmIds[index]),
	});
	const warmRejected = warm.deliveries.filter((delivery) => delivery.status !== 200);
	if (warmRejected.length > 0) {
		throw new Error(
			`warm-up deliveries were refused: ${JSON.stringify(warmRejected.slice(0, 3))}\n${cluster.main?.output.slice(-3000) ?? ''}`,
		);
	}

	// Unloaded latency: one delivery at a time (no queueing in front of n8n main).
	log(`latency probe: ${config.probe} deliveries, one at a time`);
	const probeIds = Array.from({ length: config.probe }, (_, index) => deliveryId(tag, index, 'p'));
	const probe = await timed('deliveries: probe', async () =>
		await sendLoad({ url, count: config.probe, concurrency: 1, maxSeconds: 120, build: (index) => signedDelivery(probeIds[index]) }),
	);
	const probeExpected = config.warmup + probe.deliveries.filter((delivery) => delivery.status === 200).length;
	await drain(workflow.id, probeExpected);

	log(`load: ${config.deliveries} signed deliveries, ${config.concurrency} in flight, at most ${config.maxSeconds} s`);
	const ids = Array.from({ length: config.deliveries }, (_, index) => deliveryId(tag, index));
	const cpuBefore = process.cpuUsage();
	const load = await timed('deliveries: send', async () =>
		await sendLoad({
			url,
			count: config.deliveries,
			concurrency: config.concurrency,
			maxSeconds: config.maxSeconds,
			build: (index) => signedDelivery(ids[index]),
			progressEvery: 1000,
			onProgress: (done, elapsedMs) => log(`  ${done} answered in ${seconds(elapsedMs)} s (${Math.round(done / (elapsedMs / 1000))}/s)`),
		}),
	);
	const loadAvgAfterSend = loadavg()[0];
	const generatorCpuS = seconds((process.cpuUsage(cpuBefore).user + process.cpuUsage(cpuBefore).system) / 1000);
	const expected = probeExpected + load.deliveries.filter((delivery) => delivery.status === 200).length;
	log(`sent ${load.deliveries.length} in ${seconds(load.durationMs)} s; waiting for ${expected} executions to finish`);
	const drained = await timed('deliveries: drain', async () => await drain(workflow.id, expected));
	const memoryAfterLoad = cluster.rssMb();

	const rows = await timed('deliveries: count', async () => await executionIds(db, workflow.id, `(${tag}-[dwp][0-9]{6})`));
	const kindOf = (row: ExecutionRow) => (row.ids.length === 1 ? row.ids[0].charAt(tag.length + 1) : '');
	const warmCount = countDeliveries(warmIds, warm.deliveries, rows.filter((row) => kindOf(row) === 'w'));
	const probeCount = countDeliveries(probeIds, probe.deliveries, rows.filter((row) => kindOf(row) === 'p'));
	const count = countDeliveries(ids, load.deliveries, rows.filter((row) => !['w', 'p'].includes(kindOf(row))));
	const probeEndToEnd = probe.deliveries.flatMap((delivery) => {
		const execution = probeCount.executionOf.get(probeIds[delivery.index]);
		return execution ? [execution.stoppedAt - delivery.sentAt] : [];
	});

	const accepted = load.deliveries.filter((delivery) => delivery.status >= 200 && delivery.status < 300);
	const endToEnd: number[] = [];
	const queueWait: number[] = [];
	let lastStop = 0;
	for (const delivery of accepted) {
		const execution = count.executionOf.get(ids[delivery.index]);
		if (!execution) continue;
		endToEnd.push(execution.stoppedAt - delivery.sentAt);
		queueWait.push(execution.startedAt - delivery.sentAt);
		lastStop = Math.max(lastStop, execution.stoppedAt);
	}
	const processingMs = lastStop - load.startedAt;
	const mainExecutionIds = rows.filter((row) => !['w', 'p'].includes(kindOf(row))).map((row) => row.id);
	const failed = (await failedExecutions(db, workflow.id)).map((execution) => ({ ...execution, worker: workerOf(cluster, execution.id) }));

	const result = {
		webhook: url,
		sent: count.sent,
		requested: config.deliveries,
		truncatedByTimeLimit: load.truncated,
		accepted: count.accepted,
		rejected: count.rejected,
		executions: count.executions,
		executionStatuses: count.executionStatuses,
		lost: count.lost.length,
		duplicated: count.duplicated.length,
		extraExecutions: count.duplicated.reduce((sum, entry) => sum + entry.executions - 1, 0),
		unattributedExecutions: count.unattributed.length,
		rejectedButExecuted: count.rejectedButExecuted.length,
		examples: {
			lost: count.lost.slice(0, 5),
			duplicated: count.duplicated.slice(0, 5),
			unattributed: count.unattributed.slice(0, 5),
		},
		drainComplete: drained.complete,
		warmup: { sent: warmCount.sent, lost: warmCount.lost.length, duplicated: warmCount.duplicated.length },
		probe: {
			sent: probeCount.sent,
			accepted: probeCount.accepted,
			lost: probeCount.lost.length,
			duplicated: probeCount.duplicated.length,
			concurrency: 1,
			latencyMs: {
				deliveryToHttp200: summarize(probe.deliveries.filter((d) => d.status === 200).map((d) => d.latencyMs)),
				deliveryToExecutionFinished: summarize(probeEndToEnd),
			},
		},
		sendSeconds: seconds(load.durationMs),
		acceptedPerSecond: Math.round((count.accepted / (load.durationMs / 1000)) * 10) / 10,
		processingSeconds: seconds(processingMs),
		executionsPerSecond: Math.round((endToEnd.length / (processingMs / 1000)) * 10) / 10,
		latencyMs: {
			deliveryToHttp200: summarize(accepted.map((delivery) => delivery.latencyMs)),
			deliveryToExecutionStarted: summarize(queueWait),
			deliveryToExecutionFinished: summarize(endToEnd),
		},
		executionsPerWorker: perWorker(cluster, mainExecutionIds),
		failedExecutions: failed.length,
		errors: errorCounts(failed),
		failedExamples: failed.slice(0, 5),
		loadGeneratorCpuSeconds: generatorCpuS,
		loadAverage1mAfterSend: Math.round(loadAvgAfterSend * 100) / 100,
		rssMbAfterLoad: memoryAfterLoad,
	};
	if (result.lost > 0) failures.push(`${result.lost} accepted deliveries produced no execution (e.g. ${result.examples.lost.join(', ')})`);
	if (result.duplicated > 0) failures.push(`${result.duplicated} deliveries ran more than once`);
	if (result.unattributedExecutions > 0) failures.push(`${result.unattributedExecutions} executions hold no delivery id or several`);
	if (result.accepted < result.sent) failures.push(`${result.sent - result.accepted} deliveries were not answered 2xx: ${JSON.stringify(result.rejected)}`);
	if (warmCount.lost.length + warmCount.duplicated.length > 0) failures.push('warm-up deliveries lost or duplicated');
	if (probeCount.accepted < probeCount.sent || probeCount.lost.length + probeCount.duplicated.length > 0) {
		failures.push(`latency probe: ${probeCount.sent - probeCount.accepted} refused, ${probeCount.lost.length} lost, ${probeCount.duplicated.length} duplicated`);
	}
	if (!drained.complete) failures.push(`executions did not drain: ${JSON.stringify(drained.counts)}`);
	if ((count.executionStatuses.success ?? 0) !== count.executions) failures.push(`not every execution succeeded: ${JSON.stringify(count.executionStatuses)}`);
	if (failed.length > 0) failures.push(`deliveries: ${failed.length} executions failed: ${describeFailed(failed)}`);
	return result;
}

async function batchPhase(cluster: QueueCluster, mock: ShipEngineMockServer, tag: string, failures: string[]) {
	const total = config.batchExecutions * config.batchSize;
	const orderId = (n: number) => `${tag}-o${String(n).padStart(6, '0')}`;
	const url = `${cluster.url}/webhook/${BATCH_WORKFLOW.path}`;
	mock.reset();
	log(`label batch: ${config.batchExecutions} executions x ${config.batchSize} orders = ${total} label purchases`);
	const load = await timed('labels: send', async () =>
		await sendLoad({
			url,
			count: config.batchExecutions,
			concurrency: Math.min(config.concurrency, Math.max(1, config.batchExecutions)),
			maxSeconds: 120,
			build: (batch) => ({
				headers: {},
				body: JSON.stringify({
					orders: Array.from({ length: config.batchSize }, (_, index) => {
						const n = batch * config.batchSize + index;
						return { order_id: orderId(n), name: `Scale Customer ${n}`, weight_oz: 8 + (n % 40) };
					}),
				}),
			}),
		}),
	);
	const drained = await timed('labels: drain', async () => await drain(BATCH_WORKFLOW.id, load.deliveries.filter((d) => d.status === 200).length));
	const rows = await executionIds(db, BATCH_WORKFLOW.id, `(${tag}-o[0-9]{6})`);

	const purchaseRequests = mock.requests.filter((request) => request.method === 'POST' && request.path === '/v1/labels');
	const externalIds = purchaseRequests.map(
		(request) => String(((request.body as { shipment?: { external_shipment_id?: string } }).shipment ?? {}).external_shipment_id),
	);
	const distinct = new Set(externalIds);
	const expectedIds = Array.from({ length: total }, (_, n) => orderId(n));
	const missing = expectedIds.filter((id) => !distinct.has(id));
	const lastStop = Math.max(0, ...rows.map((row) => row.stoppedAt));
	// Each failed execution with the error n8n stored, its worker and how many of its orders got no label.
	const failed = (await failedExecutions(db, BATCH_WORKFLOW.id)).map((execution) => {
		const orders = rows.find((row) => row.id === execution.id)?.ids ?? [];
		return {
			...execution,
			worker: workerOf(cluster, execution.id),
			orders: orders.length,
			ordersWithoutLabel: orders.filter((id) => !distinct.has(id)).length,
		};
	});
	const statuses: Record<string, number> = {};
	for (const row of rows) statuses[row.status] = (statuses[row.status] ?? 0) + 1;

	const result = {
		webhook: url,
		executions: rows.length,
		itemsPerExecution: config.batchSize,
		executionStatuses: statuses,
		ordersSeenInExecutions: new Set(rows.flatMap((row) => row.ids)).size,
		purchaseRequests: purchaseRequests.length,
		labelsBought: mock.purchases,
		distinctExternalShipmentIds: distinct.size,
		duplicatePurchases: externalIds.length - distinct.size,
		ordersWithoutLabel: missing.length,
		lookups: mock.requests.filter((request) => request.path.startsWith('/v1/labels/external_shipment_id/')).length,
		failedExecutions: failed,
		errors: errorCounts(failed),
		drainComplete: drained.complete,
		seconds: seconds(lastStop - load.startedAt),
		labelsPerSecond: Math.round((mock.purchases / ((lastStop - load.startedAt) / 1000)) * 10) / 10,
		executionsPerWorker: perWorker(
			cluster,
			rows.map((row) => row.id),
		),
	};
	if (result.labelsBought !== total) failures.push(`label batch: the mock sold ${result.labelsBought} labels, expected ${total}`);
	if (result.duplicatePurchases > 0) failures.push(`label batch: ${result.duplicatePurchases} orders were bought twice`);
	if (missing.length > 0) failures.push(`label batch: ${missing.length} orders got no label (e.g. ${missing.slice(0, 3).join(', ')})`);
	if ((statuses.success ?? 0) !== config.batchExecutions) failures.push(`label batch executions: ${JSON.stringify(statuses)}`);
	if (failed.length > 0) failures.push(`label batch: ${failed.length} executions failed: ${describeFailed(failed)}`);
	const idle = Object.entries(result.executionsPerWorker).filter(([, count]) => count === 0);
	if (config.batchExecutions >= config.workers * 2 && idle.length > 0) failures.push(`label batch: ${idle.map(([w]) => w).join(', ')} ran nothing`);
	return result;
}

async function main(): Promise<number> {
	const failures: string[] = [];
	const tag = `sc${randomBytes(3).toString('hex')}`;
	const userFolder = join(work, 'user');
	const loadAverageAtStart = loadavg().map((value) => Math.round(value * 100) / 100);
	let mock: ShipEngineMockServer | undefined;
	let cluster: QueueCluster | undefined;
	const stop = async () => {
		await cluster?.stop().catch(() => undefined);
		await mock?.close().catch(() => undefined);
	};
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			log(`${signal}: stopping n8n and the mock`);
			void stop().finally(() => process.exit(130));
		});
	}

	try {
		const installed = await timed('setup: build, pack, install package', async () => {
			process.env.E2E_ALLOW_MISSING_NODES = '1';
			buildPackage();
			return installTarball(packPackage(join(work, 'pack')), userFolder);
		});
		const triggerMissing =
			process.env.SCALE_STANDIN === '1' ||
			installed.missingFiles.some((file) => file.includes('ShipEngineTrigger')) ||
			!existsSync(join(WORKFLOWS_DIR, TRIGGER_WORKFLOW.file));
		const deliveriesWorkflow = triggerMissing ? STANDIN_WORKFLOW : TRIGGER_WORKFLOW;
		if (triggerMissing) log('ShipEngine Trigger not available: deliveries go to the n8n Webhook node stand-in');
		if (installed.missingFiles.length > 0) log(`package.json lists files the package lacks: ${installed.missingFiles.join(', ')}`);

		mock = await startShipEngineMock();
		const mockPort = Number(new URL(mock.url).port);
		const cluster_ = new QueueCluster({
			userFolder,
			db,
			redisPort,
			workDir: work,
			workers: config.workers,
			workerConcurrency: config.workerConcurrency,
			// SCALE_N8N_ENV="NAME=value,NAME=value": extra n8n settings to compare (e.g. the expression engine's pool size).
			extraEnv: Object.fromEntries(
				(process.env.SCALE_N8N_ENV ?? '')
					.split(',')
					.filter((pair) => pair.includes('='))
					.map((pair) => [pair.slice(0, pair.indexOf('=')).trim(), pair.slice(pair.indexOf('=') + 1).trim()]),
			),
		});
		cluster = cluster_;

		await timed('setup: import + publish (n8n CLI, runs the migrations)', async () => {
			const credentials = join(work, 'credentials.json');
			writeFileSync(credentials, JSON.stringify([credentialsFor({ shipEngine: mockPort, sera: 1 })[0]], null, 2));
			await cluster_.n8n.importCredentials(credentials);
			const workflowsDir = join(work, 'workflows');
			mkdirSync(workflowsDir, { recursive: true });
			for (const workflow of [deliveriesWorkflow, BATCH_WORKFLOW]) {
				copyFileSync(join(WORKFLOWS_DIR, workflow.file), join(workflowsDir, workflow.file));
			}
			await cluster_.n8n.importWorkflows(workflowsDir);
			for (const workflow of [deliveriesWorkflow, BATCH_WORKFLOW]) {
				await cluster_.n8n.mustCli(['publish:workflow', `--id=${workflow.id}`]);
			}
		});
		await timed('setup: start main + 2 workers', async () => await cluster_.start());
		log(`n8n ${N8N_VERSION} queue mode: main ${cluster_.url}, ${config.workers} workers (concurrency ${config.workerConcurrency}), PostgreSQL :${db.port}, Redis :${redisPort}`);
		const memoryIdle = cluster_.rssMb();

		const jwksBefore = mock.requests.filter((request) => request.path === '/jwks').length;
		const deliveries = config.phases.includes('deliveries')
			? await deliveriesPhase(cluster_, deliveryUrl(cluster_, mock, deliveriesWorkflow), deliveriesWorkflow, tag, failures)
			: undefined;
		const jwksFetches = mock.requests.filter((request) => request.path === '/jwks').length - jwksBefore;
		const batch = config.phases.includes('batch') ? await batchPhase(cluster_, mock, tag, failures) : undefined;

		const results = {
			date: new Date().toISOString(),
			passed: failures.length === 0,
			failures,
			machine: { cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), loadAverageAtStart },
			setup: {
				n8n: N8N_VERSION,
				mode: 'queue (EXECUTIONS_MODE=queue): 1 main + 2 workers',
				database: 'PostgreSQL (Debian package), 127.0.0.1',
				queue: 'Redis (Debian package), 127.0.0.1',
				deliveriesWorkflow: triggerMissing ? "n8n Webhook node (stand-in: the ShipEngine Trigger was not available)" : 'ShipEngine Trigger (signature verified against the mock /jwks)',
				n8nEnvOverrides: process.env.SCALE_N8N_ENV ?? '',
				...config,
			},
			deliveries: deliveries && { ...deliveries, jwksFetches },
			labelBatch: batch,
			memoryMb: { idle: memoryIdle, afterLoad: deliveries?.rssMbAfterLoad, end: cluster_.rssMb() },
			timingsSeconds: { ...timings, total: seconds(Date.now() - started) },
		};
		writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
		printSummary(results);
		return failures.length === 0 ? 0 : 1;
	} catch (error) {
		log(`FAILED: ${(error as Error).stack ?? String(error)}`);
		log(`logs: ${work}/logs (run with SCALE_KEEP=1 to keep them)`);
		return 1;
	} finally {
		await stop();
	}
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function printSummary(results: any): void {
	const d = results.deliveries;
	const b = results.labelBatch;
	const lat = (name: string) => {
		const { p50, p95, p99, max } = d.latencyMs[name];
		return `p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms, max ${max} ms`;
	};
	const failedLines = (failed: Array<Record<string, unknown>> = []) =>
		failed.slice(0, 10).flatMap((execution) => [
			`  failed execution ${String(execution.id)} (${String(execution.worker ?? '?')}, ${execution.node ? `node "${String(execution.node)}", item ${String(execution.itemIndex ?? '?')}` : 'no node recorded: n8n itself'}${execution.ordersWithoutLabel === undefined ? '' : `, ${String(execution.ordersWithoutLabel)} of ${String(execution.orders)} orders without label`}): ${String(execution.message)}`,
			...((execution.stack as string[] | undefined) ?? []).slice(1, 4).map((line) => `      ${line}`),
		]);
	const deliveryLines = d
		? [
				`Deliveries (${results.setup.deliveriesWorkflow}):`,
				`  sent ${d.sent}/${d.requested}${d.truncatedByTimeLimit ? ' (time limit reached)' : ''}, accepted ${d.accepted}, executions ${d.executions} ${JSON.stringify(d.executionStatuses)}`,
				`  lost ${d.lost}, duplicated ${d.duplicated}, unattributed ${d.unattributedExecutions}; JWKS fetches ${d.jwksFetches}`,
				`  accepted ${d.acceptedPerSecond}/s over ${d.sendSeconds} s (concurrency ${results.setup.concurrency}); processed ${d.executionsPerSecond} executions/s end to end (${d.processingSeconds} s)`,
				`  one at a time (${d.probe.sent}): HTTP 200 p50 ${d.probe.latencyMs.deliveryToHttp200.p50} ms, p95 ${d.probe.latencyMs.deliveryToHttp200.p95} ms; execution finished p50 ${d.probe.latencyMs.deliveryToExecutionFinished.p50} ms, p95 ${d.probe.latencyMs.deliveryToExecutionFinished.p95} ms`,
				`  under load (concurrency ${results.setup.concurrency}):`,
				`  delivery -> HTTP 200:            ${lat('deliveryToHttp200')}`,
				`  delivery -> execution started:   ${lat('deliveryToExecutionStarted')}`,
				`  delivery -> execution finished:  ${lat('deliveryToExecutionFinished')}`,
				`  executions per worker: ${JSON.stringify(d.executionsPerWorker)}`,
				...failedLines(d.failedExamples),
			]
		: ['Deliveries: not run (SCALE_PHASES)'];
	const batchLines = b
		? [
				`Label batch: ${b.executions} executions x ${b.itemsPerExecution} orders ${JSON.stringify(b.executionStatuses)}`,
				`  labels bought ${b.labelsBought}, purchase requests ${b.purchaseRequests}, lookups ${b.lookups}, distinct external_shipment_id ${b.distinctExternalShipmentIds}, duplicates ${b.duplicatePurchases}, orders without label ${b.ordersWithoutLabel}`,
				`  ${b.labelsPerSecond} labels/s (${b.seconds} s); executions per worker: ${JSON.stringify(b.executionsPerWorker)}`,
				...failedLines(b.failedExecutions),
			]
		: ['Label batch: not run (SCALE_PHASES)'];
	const lines = [
		'',
		`n8n ${results.setup.n8n} queue mode (main + 2 workers, PostgreSQL, Redis) on ${results.machine.cpus} CPUs${results.setup.n8nEnvOverrides ? `, n8n settings: ${results.setup.n8nEnvOverrides}` : ''}`,
		...deliveryLines,
		...batchLines,
		`Memory (RSS MB): idle ${JSON.stringify(results.memoryMb.idle)}, after load ${JSON.stringify(results.memoryMb.afterLoad)}`,
		`Timings (s): ${JSON.stringify(results.timingsSeconds)}`,
		results.passed ? 'PASSED' : `FAILED:\n  - ${results.failures.join('\n  - ')}`,
		`Results: ${resolve(RESULTS_FILE)}`,
		'',
	];
	process.stdout.write(lines.join('\n'));
}

void main().then((code) => process.exit(code));
