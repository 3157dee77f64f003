/**
 * n8n's own HTTP Request node (n8n-nodes-base, the version `e2e/install.sh` caches), the baseline
 * "what a user would do instead". Its copy of n8n-workflow is the same version (2.41.0) as ours,
 * so the class runs in the engine harness unchanged.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeParameters, INodeType } from 'n8n-workflow';

import { N8N_DIR } from '../e2e/lib/paths';

const NODE_FILE = join(N8N_DIR, 'node_modules', 'n8n-nodes-base', 'dist', 'nodes', 'HttpRequest', 'HttpRequest.node.js');

export function loadHttpRequestNode(): INodeType {
	if (!existsSync(NODE_FILE)) throw new Error(`${NODE_FILE} is missing: run "bash e2e/install.sh" first`);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { HttpRequest } = require(NODE_FILE) as { HttpRequest: new () => { nodeVersions: Record<string, INodeType>; currentVersion: number } };
	const versioned = new HttpRequest();
	return versioned.nodeVersions[versioned.currentVersion];
}

/** HTTP Request parameters for a GET with an API-Key header (as a user would set it up). */
export function httpGet(url: string, query: Record<string, string>, apiKey: string, options: INodeParameters = {}): INodeParameters {
	return {
		method: 'GET',
		url,
		sendQuery: Object.keys(query).length > 0,
		queryParameters: { parameters: Object.entries(query).map(([name, value]) => ({ name, value })) },
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'API-Key', value: apiKey }] },
		options,
	};
}

/** The same GET with the API key in an n8n Header Auth credential (node credential `httpHeaderAuth`). */
export function httpGetWithHeaderAuth(url: string, query: Record<string, string>, options: INodeParameters = {}): INodeParameters {
	return {
		method: 'GET',
		url,
		authentication: 'genericCredentialType',
		genericAuthType: 'httpHeaderAuth',
		sendQuery: Object.keys(query).length > 0,
		queryParameters: { parameters: Object.entries(query).map(([name, value]) => ({ name, value })) },
		options,
	};
}
