/**
 * n8n's PostgreSQL database, read with psql (the client of the server scale/run.sh started):
 * execution counts per status, and per execution the delivery ids found in its stored data.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Database {
	host: string;
	port: number;
	user: string;
	database: string;
	password: string;
	binDir: string;
}

export interface ExecutionRow {
	id: number;
	status: string;
	startedAt: number;
	stoppedAt: number;
	/** Distinct ids matching the marker pattern in the execution's stored data. */
	ids: string[];
}

export async function query(db: Database, sql: string): Promise<string[][]> {
	const { stdout } = await run(
		join(db.binDir, 'psql'),
		['-X', '-q', '-At', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-h', db.host, '-p', String(db.port), '-U', db.user, '-d', db.database, '-c', sql],
		{ maxBuffer: 512 * 1024 * 1024, env: { ...process.env, PGPASSWORD: db.password } },
	);
	return stdout
		.split('\n')
		.filter((line) => line.length > 0)
		.map((line) => line.split('\t'));
}

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Executions of one workflow per status, e.g. { success: 9990, running: 10 }. */
export async function statusCounts(db: Database, workflowId: string): Promise<Record<string, number>> {
	const rows = await query(
		db,
		`select status, count(*) from execution_entity where "workflowId" = ${literal(workflowId)} group by status`,
	);
	return Object.fromEntries(rows.map(([status, count]) => [status, Number(count)]));
}

/**
 * Every execution of the workflow with the distinct ids matching `pattern` (a POSIX regex with
 * one capture group) in its stored run data; the regex runs inside PostgreSQL so only the ids
 * travel.
 */
export async function executionIds(db: Database, workflowId: string, pattern: string): Promise<ExecutionRow[]> {
	const rows = await query(
		db,
		`select e.id, e.status,
			round(extract(epoch from e."startedAt") * 1000), round(extract(epoch from e."stoppedAt") * 1000),
			coalesce((select string_agg(distinct m[1], ',') from regexp_matches(d.data, ${literal(pattern)}, 'g') as m), '')
		from execution_entity e left join execution_data d on d."executionId" = e.id
		where e."workflowId" = ${literal(workflowId)} order by e.id`,
	);
	return rows.map(([id, status, startedAt, stoppedAt, ids]) => ({
		id: Number(id),
		status,
		startedAt: Number(startedAt),
		stoppedAt: Number(stoppedAt),
		ids: ids ? ids.split(',') : [],
	}));
}

/** n8n stores execution data with `flatted` (every string and object is an entry, referenced by its index). */
export function parseFlatted(text: string): unknown {
	const input = JSON.parse(text) as unknown[];
	const revived = new Map<number, unknown>();
	const revive = (index: number): unknown => {
		if (revived.has(index)) return revived.get(index);
		const value = input[index];
		if (value === null || typeof value !== 'object') return value;
		const out: Record<string, unknown> = Array.isArray(value) ? ([] as unknown as Record<string, unknown>) : {};
		revived.set(index, out);
		for (const [key, item] of Object.entries(value)) out[key] = typeof item === 'string' ? revive(Number(item)) : item;
		return out;
	};
	return revive(0);
}

export interface FailedExecution {
	id: number;
	status: string;
	/** The node that failed and the item it named, as n8n recorded them. */
	node?: string;
	itemIndex?: number;
	message: string;
	description?: string;
	/** The first lines of the error's stack (where it was thrown). */
	stack?: string[];
}

interface StoredError {
	message?: string;
	description?: string | null;
	node?: { name?: string };
	context?: { itemIndex?: number };
	stack?: string;
}

/** Every execution of the workflow that did not succeed, with the error n8n stored for it. */
export async function failedExecutions(db: Database, workflowId: string): Promise<FailedExecution[]> {
	const rows = await query(
		db,
		`select e.id, e.status, coalesce(d.data, '') from execution_entity e left join execution_data d on d."executionId" = e.id
		where e."workflowId" = ${literal(workflowId)} and e.status <> 'success' order by e.id`,
	);
	return rows.map(([id, status, data]) => {
		let error: StoredError | undefined;
		try {
			const run = parseFlatted(data) as {
				resultData?: { error?: StoredError; lastNodeExecuted?: string; runData?: Record<string, Array<{ error?: StoredError }>> };
			};
			const { resultData } = run;
			error = resultData?.error ?? resultData?.runData?.[resultData.lastNodeExecuted ?? '']?.at(-1)?.error;
		} catch {
			error = { message: `(execution data not readable: ${data.slice(0, 80)})` };
		}
		return {
			id: Number(id),
			status,
			node: error?.node?.name,
			itemIndex: error?.context?.itemIndex,
			message: error?.message ?? '(no error stored)',
			description: error?.description ?? undefined,
			stack: error?.stack?.split('\n').slice(0, 8).map((line) => line.trim()),
		};
	});
}
