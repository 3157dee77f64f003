/**
 * Defect 2 of issue 17: the AI parameter names n8n's editor writes must differ for different
 * fields. When a user lets the model define a parameter of a tool node, the editor writes
 * `={{ $fromAI('<key>', ...) }}` with a key derived from the parameter's display name and path,
 * and the AI Agent builds the tool's schema from those keys: two fields with the same key are
 * filled by one value (Ship From's "Name" became Ship To's "Name").
 *
 * `fromAiKey` below re-implements the editor's rule faithfully, from n8n 2.41.1's
 * packages/frontend/editor-ui/src/features/ndv/parameters/utils/fromAIOverride.utils.ts
 * (`sanitizeFromAiParameterName`, `getParameterName` / `makeOverrideValue`; read from the
 * shipped bundle n8n-editor-ui/dist/assets/focusPanel.store-*.js):
 *   - the path's segments that carry an index (`package[0]`) lose their brackets (`package0`);
 *   - key = [...those segments, displayName].join('_'), cut to 63 characters (from the end when
 *     more than one indexed segment);
 *   - every character outside [a-zA-Z0-9-] becomes '_', then cut to 63 characters.
 *
 * The keys must be unique among the parameters one configuration of the node shows: a tool node
 * is one resource and operation, and n8n drops the parameters other operations would show, so
 * they never meet. Every parameter counts, options included: the editor's button is not offered
 * on fixed option lists, but a user may still type `$fromAI()` into any field.
 */
import type { INodeProperties, INodePropertyCollection, INodeType } from 'n8n-workflow';

import { ShipEngine } from '../../nodes/ShipEngine/ShipEngine.node';
import { StampsCom } from '../../nodes/StampsCom/StampsCom.node';

function sanitizeFromAiParameterName(s: string): string {
	s = s.replace(/[^a-zA-Z0-9-]/g, '_');
	if (s.length >= 64) s = s.slice(0, 63);
	return s;
}

/** The key n8n 2.41.1's editor gives the parameter `displayName` at `path` (e.g. `parameters.packages.package[0].weight`). */
export function fromAiKey(displayName: string, path: string): string {
	const indexed = path
		.split('.')
		.filter((segment) => /\[\d+\]/i.test(segment))
		.map((segment) => segment.replaceAll(/[[\]]/gi, ''));
	let key = [...indexed, displayName].join('_');
	key = indexed.length > 1 ? key.slice(-63) : key.slice(0, 63);
	return sanitizeFromAiParameterName(key);
}

interface Leaf {
	key: string;
	path: string;
	prop: INodeProperties;
}

const isCollection = (value: unknown): value is INodePropertyCollection =>
	typeof value === 'object' && value !== null && 'values' in value;

/** Whether a `@version` rule shows the property on node version `version` (n8n's `_cnd.gte` included). */
function versionShown(prop: INodeProperties, version: number | undefined): boolean {
	const rule = (prop.displayOptions?.show as Show | undefined)?.['@version'];
	if (!rule || version === undefined) return true;
	return rule.some((entry) =>
		typeof entry === 'number' ? entry === version : version >= Number((entry as { _cnd: { gte: number } })._cnd.gte),
	);
}

/** Every value-holding parameter under `properties`, with its editor path (first item of each list). */
function leaves(properties: INodeProperties[], version?: number, base = 'parameters'): Leaf[] {
	return properties.filter((prop) => versionShown(prop, version)).flatMap((prop) => {
		const path = `${base}.${prop.name}`;
		if (prop.type === 'collection') return leaves((prop.options ?? []) as INodeProperties[], version, path);
		if (prop.type === 'fixedCollection') {
			return ((prop.options ?? []) as unknown[]).filter(isCollection).flatMap((group) => {
				const groupPath = `${path}.${group.name}${prop.typeOptions?.multipleValues ? '[0]' : ''}`;
				return leaves(group.values, version, groupPath);
			});
		}
		if (prop.type === 'hidden' || prop.type === 'notice') return [];
		return [{ key: fromAiKey(prop.displayName, path), path, prop }];
	});
}

type Show = Record<string, unknown[] | undefined>;

/** Every resource/operation pair of the node. */
function configurations(node: INodeType): Array<{ resource: string; operation: string }> {
	const pairs = new Map<string, { resource: string; operation: string }>();
	for (const prop of node.description.properties) {
		if (prop.name !== 'operation') continue;
		const resources = (prop.displayOptions?.show as Show | undefined)?.resource ?? [];
		for (const resource of resources) {
			for (const option of prop.options ?? []) {
				const operation = String((option as { value: unknown }).value);
				pairs.set(`${String(resource)}/${operation}`, { resource: String(resource), operation });
			}
		}
	}
	return [...pairs.values()];
}

const shownFor = (prop: INodeProperties, resource: string, operation: string): boolean => {
	const show = (prop.displayOptions?.show ?? {}) as Show;
	if (show.resource && !show.resource.includes(resource)) return false;
	if (show.operation && !show.operation.includes(operation)) return false;
	return true;
};

/** Keys given to more than one field in any configuration: "label/create: Name ← a, b". */
export function duplicateKeys(node: INodeType): string[] {
	const problems: string[] = [];
	const versions = ([] as number[]).concat(node.description.version);
	for (const version of versions) {
		for (const { resource, operation } of configurations(node)) {
			const shown = node.description.properties.filter(
				(prop) => !['resource', 'operation'].includes(prop.name) && shownFor(prop, resource, operation),
			);
			const byKey = new Map<string, Set<string>>();
			for (const leaf of leaves(shown, version)) {
				// Version twins (same name and path) are one field.
				byKey.set(leaf.key, (byKey.get(leaf.key) ?? new Set()).add(leaf.path));
			}
			for (const [key, paths] of byKey) {
				if (paths.size > 1) problems.push(`v${version} ${resource}/${operation}: ${key} ← ${[...paths].join(', ')}`);
			}
		}
	}
	return problems;
}

describe('$fromAI keys n8n derives for tool parameters', () => {
	it('follows the editor rule (index segments, sanitising, 63 characters)', () => {
		expect(fromAiKey('Name', 'parameters.shipTo.address.name')).toBe('Name');
		expect(fromAiKey('Weight', 'parameters.packages.package[0].weight')).toBe('package0_Weight');
		expect(fromAiKey('State / Province', 'parameters.stateProvince')).toBe('State___Province');
		expect(fromAiKey('x'.repeat(70), 'parameters.a')).toHaveLength(63);
	});

	it('finds a collision when two fields share a display name (control)', () => {
		const node = {
			description: {
				version: 1,
				properties: [
					{ displayName: 'Operation', name: 'operation', type: 'options', default: 'a', options: [{ name: 'A', value: 'a' }], displayOptions: { show: { resource: ['r'] } } },
					{ displayName: 'Name', name: 'one', type: 'string', default: '' },
					{ displayName: 'Name', name: 'two', type: 'string', default: '' },
				],
			},
		} as unknown as INodeType;
		expect(duplicateKeys(node)).toEqual(['v1 r/a: Name ← parameters.one, parameters.two']);
	});

	it.each([
		['ShipEngine', new ShipEngine()],
		['Stamps.com', new StampsCom()],
	])('%s: every field of an operation gets its own key (Ship From and Ship To differ)', (_name, node) => {
		expect(duplicateKeys(node)).toEqual([]);
	});

	it.each([
		['ShipEngine', 'label', 'create', new ShipEngine()],
		['Stamps.com', 'label', 'create', new StampsCom()],
	])('%s %s > %s: the address keys name their address', (_name, resource, operation, node) => {
		const keys = leaves(node.description.properties.filter((p) => shownFor(p, resource, operation))).map((l) => l.key);
		expect(keys).toEqual(expect.arrayContaining(['Ship_From_Name', 'Ship_To_Name', 'Ship_From_Address_Line_1', 'Ship_To_Address_Line_1']));
	});
});
