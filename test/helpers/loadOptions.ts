/**
 * Loads a dropdown the way n8n 2.41.1's editor does (packages/cli
 * src/services/dynamic-node-parameters.service.ts), for a node type or for its AI tool version:
 *  - `loadOptionsMethod` → the node type's `methods.loadOptions[name]` called on n8n-core's
 *    `LoadOptionsContext` (getOptionsViaMethodName);
 *  - `loadOptions.routing` → RoutingNode on a temporary node type made with object spread,
 *    `{ ...nodeType, description: { ...nodeType.description, properties: [routing] } }`
 *    (getOptionsViaLoadOptions).
 * `toolVersionOf` builds the tool version as n8n does (packages/cli src/node-types.ts
 * `getByNameAndVersion` + src/tool-generation/ai-tools.ts `convertNodeToAiTool`): an object whose
 * description inherits from the node's through the prototype chain, renamed `<name>Tool`.
 */
import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeConnectionTypes, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials';
import { loadCredentialTypes, PACKAGE_NAME, runNode } from './engine';

/** The node's AI tool version, built like n8n 2.41.1 builds it (see the file comment). */
export function toolVersionOf(nodeType: INodeType): INodeType {
	const base = nodeType.description;
	const clonedProperties = Object.create(base.properties) as typeof base.properties;
	const clonedDescription = Object.create(base, { properties: { value: clonedProperties, writable: false } }) as typeof base;
	const clonedNode = Object.create(nodeType, { description: { value: clonedDescription } }) as INodeType;
	// convertNodeToAiTool (the properties it adds, Tool Description, play no part in dropdowns).
	const description = clonedNode.description as unknown as Record<string, unknown>;
	description.name = `${base.name}Tool`;
	description.inputs = [];
	description.outputs = [NodeConnectionTypes.AiTool];
	description.displayName = `${base.displayName} Tool`;
	delete description.usableAsTool;
	return clonedNode;
}

export interface LoadDropdownOptions {
	nodeType: INodeType;
	/** The dropdown's typeOptions. */
	typeOptions: { loadOptionsMethod?: string; loadOptions?: { routing?: unknown } };
	/** The node's current parameters, as the editor sends them. */
	parameters?: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The parameter's path, e.g. `parameters.serviceCode`. */
	path?: string;
}

/** The options the editor would show, or the error it would show instead. */
export async function loadDropdown(options: LoadDropdownOptions): Promise<{ options?: INodePropertyOptions[]; error?: Error }> {
	const { nodeType, typeOptions } = options;
	const parameters = options.parameters ?? {};
	try {
		if (typeOptions.loadOptionsMethod) {
			const method = nodeType.methods?.loadOptions?.[typeOptions.loadOptionsMethod];
			if (typeof method !== 'function') throw new Error(`no loadOptions method ${typeOptions.loadOptionsMethod}`);
			return { options: await method.call(methodContext(options, parameters)) };
		}
		if (typeOptions.loadOptions?.routing) {
			if (!nodeType.description.requestDefaults?.baseURL) throw new Error('no requestDefaults.baseURL');
			const temp = {
				...nodeType,
				description: {
					...nodeType.description,
					properties: [{ displayName: '', type: 'string', name: '', default: '', routing: JSON.parse(JSON.stringify(typeOptions.loadOptions.routing)) }],
				},
			} as INodeType;
			const { items, error } = await runNode({ node: temp, parameters, credentials: options.credentials });
			if (error) return { error };
			return { options: items.map((item) => item.json as unknown as INodePropertyOptions) };
		}
		throw new Error('not a dropdown');
	} catch (error) {
		return { error: error as Error };
	}
}

function methodContext(options: LoadDropdownOptions, parameters: INodeParameters): LoadOptionsContext {
	const { nodeType } = options;
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const description = nodeType.description;
	const node: INode = {
		id: 'uuid-1234',
		name: 'Temp-Node',
		type: `${PACKAGE_NAME}.${description.name}`,
		typeVersion: ([] as number[]).concat(description.version).at(-1) as number,
		position: [0, 0],
		parameters,
		credentials: Object.fromEntries(
			(description.credentials ?? []).map((c) => [c.name, { id: `cred-${c.name}`, name: `${c.name} account` }]),
		),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(loadCredentialTypes(), options.credentials),
		currentNodeParameters: parameters,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, workflow.getNode('Temp-Node') as INode, additionalData, options.path ?? 'parameters.x');
}
