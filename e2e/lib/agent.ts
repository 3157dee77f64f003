/**
 * An AI Agent workflow as the editor builds one: Manual Trigger → AI Agent, with n8n's OpenAI
 * Chat Model (Chat Completions, the Base URL from the credential: the local chat-model mock)
 * and our nodes attached as tools (`<type>Tool`, the variant n8n generates for a node with
 * `usableAsTool`). Used by the agent e2e run and the browser test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { MOCK_MODEL } from '../../test/mock';
import { OPENAI_CREDENTIAL, SHIPENGINE_CREDENTIAL, STAMPS_CREDENTIAL } from './credentials';
import { modelFields, type ModelFields } from './fromAi';
import { builtNode, latestVersion } from './nodes';
import { N8N_DIR } from './paths';

export interface ToolNode {
	name: string;
	node: 'shipEngine' | 'stampsCom';
	parameters: Record<string, unknown>;
	/** Defaults to the imported ShipEngine / Stamps.com credential. */
	credentials?: Record<string, unknown>;
}

/**
 * The version a new AI Agent node gets in the n8n under test (its `defaultVersion`): 3.1 in
 * 2.41 and 3 in 1.123 (tools run as steps of the execution), 2 in 1.100 (tools called inside
 * the agent node).
 */
export const AGENT_VERSION = agentDefaultVersion();

function agentDefaultVersion(): number {
	const file = join(N8N_DIR, 'node_modules', '@n8n', 'n8n-nodes-langchain', 'dist', 'nodes', 'agents', 'Agent', 'Agent.node.js');
	const match = existsSync(file) ? /defaultVersion:\s*([\d.]+)/.exec(readFileSync(file, 'utf8')) : null;
	if (!match) throw new Error(`no AI Agent defaultVersion in ${file}: run "bash e2e/install.sh"`);
	return Number(match[1]);
}

const CREDENTIALS = {
	shipEngine: { shipEngineApi: SHIPENGINE_CREDENTIAL },
	stampsCom: { stampsComOAuth2Api: STAMPS_CREDENTIAL },
};

export function agentWorkflow(options: { id?: string; name: string; prompt: string; tools: ToolNode[] }) {
	const connect = (node: string, type: string) => ({ [type]: [[{ node, type, index: 0 }]] });
	return {
		...(options.id ? { id: options.id } : {}),
		name: options.name,
		nodes: [
			{ id: 'b0f5c8de-0000-4000-8000-000000000001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'b0f5c8de-0000-4000-8000-000000000002',
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: AGENT_VERSION,
				position: [260, 0],
				parameters: { promptType: 'define', text: options.prompt, options: {} },
			},
			{
				id: 'b0f5c8de-0000-4000-8000-000000000003',
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.2,
				position: [140, 240],
				parameters: { model: { __rl: true, mode: 'id', value: MOCK_MODEL }, options: {} },
				credentials: { openAiApi: OPENAI_CREDENTIAL },
			},
			...options.tools.map((tool, index) => ({
				id: `b0f5c8de-0000-4000-8000-00000000001${index}`,
				name: tool.name,
				type: `n8n-nodes-shipengine.${tool.node}Tool`,
				typeVersion: latestVersion(builtNode(tool.node)),
				position: [360 + index * 200, 240],
				parameters: tool.parameters,
				credentials: tool.credentials ?? CREDENTIALS[tool.node],
			})),
		],
		connections: {
			Start: connect('AI Agent', 'main'),
			'OpenAI Chat Model': connect('AI Agent', 'ai_languageModel'),
			...Object.fromEntries(options.tools.map((tool) => [tool.name, connect('AI Agent', 'ai_tool')])),
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
		active: false,
	};
}

export interface ShippingTools {
	/** ShipEngine Tool, Tracking › Get: the model gives carrier code and tracking number. */
	shipEngine: ModelFields;
	/** Stamps.com Tool, Rate › Get: the model gives both postal and country codes and the weight (oz). */
	stamps: ModelFields;
	tools: ToolNode[];
}

/** The tools of the agent run and of the README's AI Agent picture. */
export function shippingTools(stampsCredentials?: Record<string, unknown>): ShippingTools {
	const shipEngine = modelFields(builtNode('shipEngine'), { resource: 'tracking', operation: 'get' }, [
		['carrierCode'],
		['trackingNumber'],
	]);
	const stamps = modelFields(builtNode('stampsCom'), { resource: 'rate', operation: 'get', weightUnit: 'ounce' }, [
		['shipFrom', 'address', 'postalCode'],
		['shipFrom', 'address', 'countryCode'],
		['shipTo', 'address', 'postalCode'],
		['shipTo', 'address', 'countryCode'],
		['weight'],
	]);
	return {
		shipEngine,
		stamps,
		tools: [
			{ name: 'ShipEngine', node: 'shipEngine', parameters: shipEngine.parameters },
			{ name: 'Stamps', node: 'stampsCom', parameters: stamps.parameters, credentials: stampsCredentials },
		],
	};
}
