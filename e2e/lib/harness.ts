/**
 * What every e2e test file uses: the n8n instance globalSetup prepared, the mock ports, and
 * helpers to load an example workflow and run it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { N8n, type ExecutionResult } from './n8n';
import { EXAMPLES_DIR } from './paths';
import { runSucceeded } from './versions';

export interface WorkflowFile {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown> }>;
	[key: string]: unknown;
}

function env(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run the e2e suite with "npm run test:e2e" (its globalSetup sets it)`);
	return value;
}

export const n8n = (): N8n => new N8n(env('E2E_USER_FOLDER'));
export const shipEnginePort = (): number => Number(env('E2E_SHIPENGINE_PORT'));
export const seraPort = (): number => Number(env('E2E_SERA_PORT'));
export const chatModelPort = (): number => Number(env('E2E_CHAT_MODEL_PORT'));
export const smtpPort = (): number => Number(env('E2E_SMTP_PORT'));
export const missingPackageFiles = (): string[] => JSON.parse(env('E2E_MISSING_FILES')) as string[];
export const loadFailures = (): string[] => JSON.parse(env('E2E_LOAD_FAILURES')) as string[];

export function exampleWorkflow(file: string): WorkflowFile {
	return JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowFile;
}

/** Runs an imported example workflow by its file's id; the run must have finished successfully. */
export async function runExample(file: string): Promise<ExecutionResult> {
	const workflow = exampleWorkflow(file);
	const { run, cli } = await n8n().execute(workflow.id);
	if (!runSucceeded(run)) {
		const error = run.data.resultData.error;
		throw new Error(
			`workflow "${workflow.name}" ended with status ${run.status}: ${error?.message ?? ''} ${JSON.stringify(error ?? {}).slice(0, 1500)}\n${cli.stdout.slice(-1500)}`,
		);
	}
	return run;
}
