/**
 * Runs the ShipEngine Trigger the way n8n's server does, with n8n-core's real contexts:
 *
 * - activation: a real `HookContext` (parameters with defaults filled by the real `Workflow`,
 *   the node's webhook URL from n8n's own URL builder, static data on the workflow, and
 *   `httpRequestWithAuthentication` going through the credential's `authenticate` to the
 *   network, where nock answers). `activate()` runs checkExists, then create when it returned
 *   false, like n8n's WebhookService.createWebhookIfNotExists.
 * - deliveries: a real `WebhookContext` over a request/response pair shaped like the Express
 *   objects n8n hands to `webhook()` (headers, parsed body, rawBody Buffer; status/json/end).
 */
import { HookContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	INodeTypes,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ShipEngineTrigger } from '../../nodes/ShipEngine/ShipEngineTrigger.node';
import { TestCredentialsHelper } from '../helpers/credentials';
import { loadCredentialTypes, PACKAGE_NAME } from '../helpers/engine';

export const WORKFLOW_ID = 'wf-trigger-1';
export const WEBHOOK_ID = '5b2f7e0c-4b1e-4a51-9d7f-3c1f9a1e2d01';
export const PRODUCTION_URL = `https://n8n.example.com/webhook/${WEBHOOK_ID}/webhook`;
export const TEST_URL = `https://n8n.example.com/webhook-test/${WEBHOOK_ID}/webhook`;
export const API_KEY = 'TEST_trigger_key';

export interface FakeResponse {
	statusCode?: number;
	body?: unknown;
	ended: boolean;
	status(code: number): FakeResponse;
	json(body: unknown): FakeResponse;
	send(body: unknown): FakeResponse;
	end(): FakeResponse;
	setHeader(): FakeResponse;
}

function fakeResponse(): FakeResponse {
	const res: FakeResponse = {
		ended: false,
		status(code) {
			res.statusCode = code;
			return res;
		},
		json(body) {
			res.body = body;
			res.ended = true;
			return res;
		},
		send(body) {
			res.body = body;
			res.ended = true;
			return res;
		},
		end() {
			res.ended = true;
			return res;
		},
		setHeader() {
			return res;
		},
	};
	return res;
}

export interface Delivery {
	/** The raw body exactly as sent (what the signature covers). */
	rawBody: string;
	headers: Record<string, string>;
	/** What n8n's body parser would have produced; JSON.parse(rawBody) when omitted. */
	body?: IDataObject;
}

export interface DeliveryResult {
	result: IWebhookResponseData;
	res: FakeResponse;
	/** The items the workflow would start with (undefined when it does not start). */
	items?: IDataObject[];
}

export interface TriggerHarness {
	workflow: Workflow;
	node: INode;
	/** getWorkflowStaticData('node') as the node sees it. */
	staticData(): IDataObject;
	/** checkExists, then create when needed, as n8n does on activation (or on "listen for test event"). */
	activate(mode?: 'production' | 'test'): Promise<{ existed: boolean }>;
	checkExists(mode?: 'production' | 'test'): Promise<boolean>;
	create(mode?: 'production' | 'test'): Promise<boolean>;
	deactivate(mode?: 'production' | 'test'): Promise<boolean>;
	deliver(delivery: Delivery, mode?: 'production' | 'test'): Promise<DeliveryResult>;
}

export function triggerHarness(options: {
	parameters: INodeParameters;
	credentials?: ICredentialDataDecryptedObject;
	staticData?: IDataObject;
}): TriggerHarness {
	const nodeType = new ShipEngineTrigger();
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'trigger-node-1',
		name: 'ShipEngine Trigger',
		type: `${PACKAGE_NAME}.shipEngineTrigger`,
		typeVersion: 1,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters: options.parameters,
		credentials: { shipEngineApi: { id: 'cred-1', name: 'ShipEngine account' } },
	};
	const workflow = new Workflow({
		id: WORKFLOW_ID,
		name: 'Trigger workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData: options.staticData ? { [`node:${node.name}`]: options.staticData } : undefined,
	});
	const workflowNode = workflow.getNode(node.name) as INode;
	const credentialsHelper = new TestCredentialsHelper(loadCredentialTypes(), {
		shipEngineApi: options.credentials ?? { apiKey: API_KEY },
	});
	const baseAdditionalData = () =>
		({
			credentialsHelper,
			executionId: 'exec-trigger',
			currentNodeExecutionIndex: 0,
			restApiUrl: 'https://n8n.example.com/rest',
			instanceBaseUrl: 'https://n8n.example.com/',
			webhookBaseUrl: 'https://n8n.example.com/webhook',
			webhookWaitingBaseUrl: 'https://n8n.example.com/webhook-waiting',
			webhookTestBaseUrl: 'https://n8n.example.com/webhook-test',
			formBaseUrl: 'https://n8n.example.com/form',
			formTestBaseUrl: 'https://n8n.example.com/form-test',
			formWaitingBaseUrl: 'https://n8n.example.com/form-waiting',
			variables: {},
		}) as unknown as IWorkflowExecuteAdditionalData;

	const webhookData = (mode: 'production' | 'test', additionalData: IWorkflowExecuteAdditionalData): IWebhookData => ({
		httpMethod: 'POST',
		node: node.name,
		path: `${WEBHOOK_ID}/webhook`,
		webhookDescription: nodeType.description.webhooks![0],
		workflowId: WORKFLOW_ID,
		workflowExecuteAdditionalData: additionalData,
		webhookId: WEBHOOK_ID,
		isTest: mode === 'test',
	});

	const hookContext = (mode: 'production' | 'test') => {
		const additionalData = baseAdditionalData();
		const executeMode: WorkflowExecuteMode = mode === 'test' ? 'manual' : 'trigger';
		return new HookContext(
			workflow,
			workflowNode,
			additionalData,
			executeMode,
			mode === 'test' ? 'manual' : 'activate',
			webhookData(mode, additionalData),
		);
	};

	const webhooks = nodeType.webhookMethods.default;
	const harness: TriggerHarness = {
		workflow,
		node: workflowNode,
		staticData: () => workflow.getStaticData('node', workflowNode),
		checkExists: async (mode = 'production') => await webhooks.checkExists.call(hookContext(mode)),
		create: async (mode = 'production') => await webhooks.create.call(hookContext(mode)),
		deactivate: async (mode = 'production') => await webhooks.delete.call(hookContext(mode)),
		activate: async (mode = 'production') => {
			const existed = await harness.checkExists(mode);
			if (!existed) await harness.create(mode);
			return { existed };
		},
		deliver: async (delivery, mode = 'production') => {
			const additionalData = baseAdditionalData();
			const headers = Object.fromEntries(Object.entries(delivery.headers).map(([k, v]) => [k.toLowerCase(), v]));
			const body = delivery.body ?? (JSON.parse(delivery.rawBody) as IDataObject);
			const req = {
				method: 'POST',
				headers,
				body,
				rawBody: Buffer.from(delivery.rawBody, 'utf8'),
				params: {},
				query: {},
				header: (name: string) => headers[name.toLowerCase()],
			};
			const res = fakeResponse();
			additionalData.httpRequest = req as never;
			additionalData.httpResponse = res as never;
			const context = new WebhookContext(
				workflow,
				workflowNode,
				additionalData,
				mode === 'test' ? 'manual' : 'webhook',
				webhookData(mode, additionalData),
				[],
				null,
			);
			const result = await nodeType.webhook.call(context);
			const items = result.workflowData?.[0]?.map((item) => item.json);
			return { result, res, items };
		},
	};
	return harness;
}
