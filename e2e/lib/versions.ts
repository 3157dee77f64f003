/**
 * Everything the e2e suite does differently per n8n line, in one place, so test files never
 * branch on the version. The matrix entry comes from N8N_E2E_VERSION (README "Compatibility").
 *
 * - Activating a workflow ("publish"): n8n 2.x has `publish:workflow` / `unpublish:workflow` and
 *   REST `POST /rest/workflows/:id/activate|deactivate`; n8n 1.x (1.100 to 1.123) has
 *   `update:workflow --active=true|false` and REST `PATCH /rest/workflows/:id` with `active`.
 * - `n8n execute --rawOutput`: n8n 1.100 prints a successful run before marking it, so it says
 *   `status: "running"` with `finished: true` and no error; 1.123 and 2.x print "success".
 * - Declarative nodes as AI Agent tools: n8n before 1.109.0 (1.100 to 1.105; 1.106 to 1.108 were not
 *   published) gives a declarative node's tool version no `execute` when the node has `methods`
 *   (our dropdowns): its `shouldAssignExecuteMethod` required `!nodeType.methods`; 1.109.0 added
 *   `|| isDeclarativeNode`. The tool then answers the model an empty string and sends nothing
 *   (`TOOLS_RUN`; README "Compatibility").
 * - A test that cannot run on a version is skipped with the reason printed (`onlyOn`), never
 *   silently.
 */
import type { ExecutionResult } from './n8n';
import { N8N_VERSION } from './paths';

export const N8N_MAJOR = Number(N8N_VERSION.split('.')[0]);

/** Whether `version` (x.y.z) is `minimum` or newer. */
export function atLeast(version: string, minimum: string): boolean {
	const [a, b] = [version, minimum].map((v) => v.split('.').map(Number));
	for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
	return true;
}

/** n8n runs our nodes as AI Agent tools from 1.109.0 on (see above). */
export const TOOLS_RUN_FROM = '1.109.0';

/** n8n 2.x and later publish workflows; 1.x activates them. */
export const PUBLISHES = N8N_MAJOR >= 2;

/** Whether an `n8n execute` run succeeded, on every tested version (see above). */
export function runSucceeded(run: ExecutionResult): boolean {
	if (run.status === 'success') return true;
	return run.status === 'running' && run.finished && !run.data.resultData.error && N8N_MAJOR < 2;
}

/** CLI arguments that make the next `n8n start` activate the workflow's triggers. */
export function publishArgs(workflowId: string): string[] {
	return PUBLISHES ? ['publish:workflow', `--id=${workflowId}`] : ['update:workflow', `--id=${workflowId}`, '--active=true'];
}

export function unpublishArgs(workflowId: string): string[] {
	return PUBLISHES ? ['unpublish:workflow', `--id=${workflowId}`] : ['update:workflow', `--id=${workflowId}`, '--active=false'];
}

/** What the editor's REST API needs: `data(method, path, body)` answering the response's `data`. */
interface RestSession {
	data<T>(method: string, path: string, body?: unknown): Promise<T>;
}

/** The editor's Publish (2.x) / Active toggle (1.x) on a running n8n; resolves with the stored flag. */
export async function activateWorkflow(session: RestSession, workflowId: string): Promise<boolean> {
	const stored = await session.data<{ versionId: string }>('GET', `/rest/workflows/${workflowId}`);
	const answer = PUBLISHES
		? await session.data<{ active: boolean }>('POST', `/rest/workflows/${workflowId}/activate`, { versionId: stored.versionId })
		: await session.data<{ active: boolean }>('PATCH', `/rest/workflows/${workflowId}`, { versionId: stored.versionId, active: true });
	return answer.active;
}

/** The editor's Unpublish (2.x) / Active toggle off (1.x); resolves with the stored flag. */
export async function deactivateWorkflow(session: RestSession, workflowId: string): Promise<boolean> {
	if (PUBLISHES) return (await session.data<{ active: boolean }>('POST', `/rest/workflows/${workflowId}/deactivate`, {})).active;
	const stored = await session.data<{ versionId: string }>('GET', `/rest/workflows/${workflowId}`);
	return (await session.data<{ active: boolean }>('PATCH', `/rest/workflows/${workflowId}`, { versionId: stored.versionId, active: false }))
		.active;
}

/**
 * `it` on the versions `runs` accepts; elsewhere `it.skip` with the reason in the test name (Jest
 * lists it as skipped, the summary counts it).
 */
export function onlyOn(runs: (major: number, version: string) => boolean, reason: string): jest.It {
	if (runs(N8N_MAJOR, N8N_VERSION)) return it;
	const skipped = ((name: string, ...rest: unknown[]) =>
		(it.skip as (name: string, ...args: unknown[]) => void)(`${name} [skipped on n8n ${N8N_VERSION}: ${reason}]`, ...rest)) as unknown as jest.It;
	return skipped;
}
