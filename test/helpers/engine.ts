/**
 * Runs one of our nodes the way n8n runs it inside a workflow: through n8n-core's
 * `WorkflowExecute`, which hands declarative nodes to `RoutingNode` with a real execute
 * context (parameters, expressions, credentials, binary data, Continue On Fail, Retry On Fail).
 * HTTP leaves through n8n's own request helper, so nock sees exactly what n8n would send.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { ExecutionLifecycleHooks, InstanceSettings, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, injectDomainRestrictionFields, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials';

export const PACKAGE_NAME = 'n8n-nodes-shipengine';

const credentialsDir = path.resolve(__dirname, '../../credentials');

/**
 * Every credential class the package ships, loaded from credentials/ like n8n's loader does,
 * including the "Allowed HTTP Request Domains" fields n8n 2.x adds to every credential that
 * authenticates requests (load-nodes-and-credentials: injectDomainRestrictionFields).
 */
export function loadCredentialTypes(): ICredentialType[] {
	return readdirSync(credentialsDir)
		.filter((file) => file.endsWith('.credentials.ts'))
		.flatMap((file) => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const exported = require(path.join(credentialsDir, file)) as Record<string, new () => ICredentialType>;
			return Object.values(exported).map((Credential) => {
				const type = new Credential();
				type.properties = injectDomainRestrictionFields(type);
				return type;
			});
		});
}

export type NodeSettings = Partial<
	Pick<INode, 'continueOnFail' | 'onError' | 'retryOnFail' | 'maxTries' | 'waitBetweenTries' | 'alwaysOutputData'>
>;

export interface RunNodeOptions {
	node: INodeType;
	parameters: INodeParameters;
	/** Credential data by credential type name, as a user would have saved it. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Items the node receives; one empty item when omitted (as after a manual trigger). */
	input?: INodeExecutionData[];
	settings?: NodeSettings;
	executionId?: string;
	nodeId?: string;
	/** Id of the credential the node references (default `cred-<type>`); the shared rate-limit gate is per credential. */
	credentialId?: string;
	mode?: WorkflowExecuteMode;
	/** n8n's instance id for this run (each n8n installation has its own); the process's own when omitted. */
	instanceId?: string;
	/** The workflow's id (default `test-workflow`). */
	workflowId?: string;
	/** The node's typeVersion, as a saved workflow states it (default: the newest). */
	typeVersion?: number;
}

/** n8n-core's InstanceSettings, from the DI container n8n-core itself uses. */
function instanceSettings(): InstanceSettings {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { Container } = require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] })) as {
		Container: { get<T>(type: new (...args: never[]) => T): T };
	};
	return Container.get(InstanceSettings);
}

export interface RunNodeResult {
	/** Items on the node's first output, as the next node would receive them. */
	items: INodeExecutionData[];
	/** The error n8n shows for the node when it failed (undefined when it succeeded). */
	error?: Error & { description?: string | null; httpCode?: string | null; context?: IDataObject };
	run: IRun;
	credentialsHelper: TestCredentialsHelper;
}

export const NODE_NAME = 'Node Under Test';

/** The instance id n8n-core gives this test process (what `getInstanceId()` returns without `instanceId`). */
export function currentInstanceId(): string {
	return instanceSettings().instanceId;
}

export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	if (options.instanceId === undefined) return await runNodeOnce(options);
	const settings = instanceSettings();
	const own = settings.instanceId;
	settings.instanceId = options.instanceId;
	try {
		return await runNodeOnce(options);
	} finally {
		settings.instanceId = own;
	}
}

async function runNodeOnce(options: RunNodeOptions): Promise<RunNodeResult> {
	const { node: nodeType, parameters } = options;
	const description = nodeType.description;
	const typeName = `${PACKAGE_NAME}.${description.name}`;
	const executionId = options.executionId ?? 'exec-1';
	const workflowId = options.workflowId ?? 'test-workflow';

	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};

	const node: INode = {
		id: options.nodeId ?? 'node-under-test',
		name: NODE_NAME,
		type: typeName,
		typeVersion: options.typeVersion ?? (Array.isArray(description.version)
			? description.version[description.version.length - 1]
			: description.version),
		position: [0, 0],
		parameters,
		credentials: Object.fromEntries(
			(description.credentials ?? []).map((credential) => [
				credential.name,
				{ id: options.credentialId ?? `cred-${credential.name}`, name: `${credential.name} account` },
			]),
		),
		...options.settings,
	};

	const workflow = new Workflow({
		id: workflowId,
		name: 'Test workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: {},
	});

	const credentialsHelper = new TestCredentialsHelper(loadCredentialTypes(), {
		...(options.credentials ?? {}),
	});

	const mode = options.mode ?? 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, executionId, {
		id: workflowId,
		name: 'Test workflow',
		active: false,
		isArchived: false,
		nodes: [node],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	});
	let resolveFinished!: (run: IRun) => void;
	const finished = new Promise<IRun>((resolve) => (resolveFinished = resolve));
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => resolveFinished(fullRunData));

	const additionalData = {
		hooks,
		credentialsHelper,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		variables: {},
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		executeWorkflow: async () => {
			throw new Error('executeWorkflow is not available in tests');
		},
		startRunnerTask: async () => {
			throw new Error('task runners are not available in tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [options.input ?? [{ json: {} }]] }, source: null }],
		},
	});

	const workflowExecute = new WorkflowExecute(additionalData, mode, runExecutionData);
	await workflowExecute.processRunExecutionData(workflow);
	const run = await finished;

	const taskData = run.data.resultData.runData[NODE_NAME]?.at(-1);
	const error = (taskData?.error ?? run.data.resultData.error) as RunNodeResult['error'];
	const items = taskData?.data?.main?.[0] ?? [];
	return { items, error, run, credentialsHelper };
}
