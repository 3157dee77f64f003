/**
 * The change to n8n-core that bench/n8n-core-skip-hidden-properties.patch proposes, applied in this
 * process only (memory case, path `getInlineSkipHidden`): `RoutingNode.runNode` and
 * `resolveBaseUrl` skip a top-level property that is not shown before they resolve its value.
 *
 * Same requests and items: for a property that is not shown, n8n-core's
 * `getRequestOptionsFromParameters` returns nothing (its first check is the same
 * `NodeHelpers.displayParameter`), so the value resolved for it, and the two objects spread for
 * it, are never used. What changes is the garbage: about 1.3 KB per property per item that
 * survives two scavenges (bench/RESULTS.md, "Memory (case 5)").
 *
 * Fails loudly when n8n-core's compiled file no longer has the two loops this patches.
 */
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname } from 'node:path';

const LOOP = 'for (const property of nodeType.description.properties) {';
const SKIP_HIDDEN =
	'if (!n8n_workflow_1.NodeHelpers.displayParameter(node.parameters, property, node, nodeType.description, node.parameters)) continue;';

type RoutingNodeClass = { prototype: Record<string, unknown> };

export function skipHiddenProperties(): void {
	const file = require.resolve('n8n-core/dist/execution-engine/routing-node.js');
	const source = readFileSync(file, 'utf8');
	const loops = source.split(LOOP).length - 1;
	if (loops !== 2) throw new Error(`${file}: expected 2 property loops (runNode, resolveBaseUrl), found ${loops}`);
	const patched = new Module(file, module) as Module & { _compile(code: string, filename: string): void };
	patched.filename = file;
	patched.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(file));
	patched._compile(source.split(LOOP).join(`${LOOP}\n${SKIP_HIDDEN}`), file);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { RoutingNode } = require(file) as { RoutingNode: RoutingNodeClass };
	const { RoutingNode: Patched } = patched.exports as { RoutingNode: RoutingNodeClass };
	for (const method of ['runNode', 'resolveBaseUrl']) RoutingNode.prototype[method] = Patched.prototype[method];
}
