/** The node classes of the build the e2e run packed (dist/), for reading their descriptions. */
import { join } from 'node:path';

import type { INodeType } from 'n8n-workflow';

import { REPO_ROOT } from './paths';

export function loadBuiltNode(file: string): INodeType {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(join(REPO_ROOT, 'dist', 'nodes', file)) as Record<string, new () => INodeType>;
	const NodeClass = Object.values(module)[0];
	return new NodeClass();
}

/** The version the editor gives a new node of this type: `defaultVersion`, else the highest listed. */
export function latestVersion(node: INodeType): number {
	const { version, defaultVersion } = node.description as { version: number | number[]; defaultVersion?: number };
	return defaultVersion ?? (Array.isArray(version) ? Math.max(...version) : version);
}

const FILES: Record<string, string> = {
	shipEngine: 'ShipEngine/ShipEngine.node.js',
	shipEngineTrigger: 'ShipEngine/ShipEngineTrigger.node.js',
	stampsCom: 'StampsCom/StampsCom.node.js',
};

/** Our node by its type name (`shipEngine`, `stampsCom`, `shipEngineTrigger`). */
export function builtNode(name: keyof typeof FILES | string): INodeType {
	const file = FILES[name];
	if (!file) throw new Error(`no node "${name}" in this package`);
	return loadBuiltNode(file);
}
