/**
 * Drives the real n8n CLI (installed by e2e/install.sh) against one user folder:
 * import:credentials, import:workflow, execute --id --rawOutput, and `n8n start` for triggers.
 * Every command runs with the cached Node 24 and `N8N_USER_FOLDER` pointing at the e2e folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { N8N_BIN, NODE_BIN_DIR } from './paths';
import { publishArgs, unpublishArgs } from './versions';

export const ENCRYPTION_KEY = 'n8n-nodes-shipengine-e2e-encryption-key';

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
	ms: number;
}

export interface NodeRun {
	executionStatus?: string;
	error?: { message?: string; description?: string; httpCode?: string; [key: string]: unknown };
	data?: { main?: Array<Array<OutputItem> | null> };
}

export interface OutputItem {
	json: Record<string, unknown>;
	binary?: Record<string, BinaryMeta>;
	pairedItem?: unknown;
	error?: unknown;
}

export interface BinaryMeta {
	mimeType: string;
	fileName?: string;
	fileExtension?: string;
	fileSize?: string;
	data?: string;
	id?: string;
	[key: string]: unknown;
}

export interface ExecutionResult {
	status: string;
	finished: boolean;
	data: {
		resultData: {
			error?: { message?: string; [key: string]: unknown };
			lastNodeExecuted?: string;
			runData: Record<string, NodeRun[]>;
		};
	};
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** Failure lines n8n prints when our package or one of its nodes does not load. */
export const LOAD_FAILURE = /Failed to load package "n8n-nodes-shipengine"|Cannot find module .*n8n-nodes-shipengine|Skipping package .*n8n-nodes-shipengine/;

export class N8n {
	constructor(
		readonly userFolder: string,
		private readonly extraEnv: Record<string, string> = {},
	) {}

	env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		// Jest sets NODE_ENV=test, which makes n8n behave as in its own unit tests (silent logger,
		// no node loading): give n8n the environment a user's shell would have.
		const inherited = Object.fromEntries(
			Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('JEST_')),
		);
		return {
			...inherited,
			PATH: `${NODE_BIN_DIR}:${process.env.PATH ?? ''}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_LOG_LEVEL: process.env.E2E_N8N_LOG_LEVEL ?? 'info',
			N8N_LOG_OUTPUT: 'console',
			N8N_SECURE_COOKIE: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			...this.extraEnv,
			...extra,
		};
	}

	/** Runs one CLI command to completion (n8n boots, runs it, exits). */
	async cli(args: string[], options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliResult> {
		const started = Date.now();
		const child = spawn(join(NODE_BIN_DIR, 'node'), [N8N_BIN, ...args], {
			env: this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...options.env }),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
		const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
		clearTimeout(timer);
		return { code, stdout, stderr, ms: Date.now() - started };
	}

	async mustCli(args: string[]): Promise<CliResult> {
		const result = await this.cli(args);
		const output = `${result.stdout}\n${result.stderr}`;
		if (result.code !== 0 || /An error occurred|Error importing|GOT ERROR/.test(output)) {
			throw new Error(`n8n ${args.join(' ')} failed (exit ${result.code}):\n${output.slice(-4000)}`);
		}
		return result;
	}

	async importCredentials(file: string): Promise<CliResult> {
		return await this.mustCli(['import:credentials', `--input=${file}`]);
	}

	async importWorkflows(directory: string): Promise<CliResult> {
		return await this.mustCli(['import:workflow', '--separate', `--input=${directory}`]);
	}

	/**
	 * Marks a workflow active so the next `n8n start` activates its triggers: `publish:workflow`
	 * on n8n 2.x, `update:workflow --active=true` on 1.x (e2e/lib/versions.ts).
	 */
	async publishWorkflow(workflowId: string): Promise<CliResult> {
		return await this.mustCli(publishArgs(workflowId));
	}

	async unpublishWorkflow(workflowId: string): Promise<CliResult> {
		return await this.mustCli(unpublishArgs(workflowId));
	}

	/** `n8n execute --id --rawOutput`, parsed. The run JSON is printed on success and on failure. */
	async execute(workflowId: string): Promise<{ run: ExecutionResult; cli: CliResult }> {
		const cli = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		const run = parseRun(cli.stdout);
		if (!run) {
			throw new Error(
				`n8n execute --id=${workflowId} printed no execution (exit ${cli.code}):\n${(cli.stdout + cli.stderr).slice(-4000)}`,
			);
		}
		return { run, cli };
	}

	/** Starts `n8n start` and resolves once its HTTP server answers /healthz/readiness. */
	async start(port: number, readyTimeoutMs?: number): Promise<RunningN8n> {
		const child = spawn(join(NODE_BIN_DIR, 'node'), [N8N_BIN, 'start'], {
			env: this.env({
				N8N_PORT: String(port),
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_HOST: '127.0.0.1',
				N8N_PROTOCOL: 'http',
				WEBHOOK_URL: `http://127.0.0.1:${port}/`,
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			}),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const running = new RunningN8n(child, `http://127.0.0.1:${port}`);
		try {
			await running.ready(readyTimeoutMs);
		} catch (error) {
			// Not ready in time (a busy machine): stop it, or it outlives the test and the run.
			await running.stop();
			throw error;
		}
		return running;
	}
}

export class RunningN8n {
	output = '';

	constructor(
		readonly child: ChildProcess,
		readonly url: string,
	) {
		child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
	}

	async ready(timeoutMs = 120_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.child.exitCode !== null) throw new Error(`n8n start exited early:\n${this.output.slice(-4000)}`);
			try {
				const response = await fetch(`${this.url}/healthz/readiness`);
				if (response.ok && /Editor is now accessible/.test(this.output)) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`n8n start not ready after ${timeoutMs} ms:\n${this.output.slice(-4000)}`);
	}

	async stop(): Promise<void> {
		if (this.child.exitCode !== null) return;
		const exited = new Promise((resolve) => this.child.once('exit', resolve));
		this.child.kill('SIGTERM');
		const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
		await exited;
		clearTimeout(timer);
	}
}

/** The pretty-printed IRun JSON `execute` logs: from a line "{" to the next line "}". */
export function parseRun(stdout: string): ExecutionResult | undefined {
	const start = stdout.search(/^\{$/m);
	if (start < 0) return undefined;
	const rest = stdout.slice(start);
	const end = rest.search(/^\}$/m);
	if (end < 0) return undefined;
	return JSON.parse(rest.slice(0, end + 1)) as ExecutionResult;
}

/** Items the node produced on its first output in its first run. */
export function nodeItems(run: ExecutionResult, nodeName: string, output = 0): OutputItem[] {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs?.length) {
		const error = run.data.resultData.error?.message;
		throw new Error(`node "${nodeName}" did not run${error ? ` (workflow error: ${error})` : ''}`);
	}
	const first = runs[0];
	if (first.error) {
		throw new Error(`node "${nodeName}" failed: ${first.error.message ?? ''} ${first.error.description ?? ''}`);
	}
	return first.data?.main?.[output] ?? [];
}
