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
