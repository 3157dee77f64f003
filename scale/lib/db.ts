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
