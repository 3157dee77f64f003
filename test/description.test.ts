/**
 * Description contract (STYLE 4.12 layer 1) for the three nodes and both credentials: walks every
 * `description.properties` tree and reports each broken rule with the path of the offending
 * parameter, so a failure reads like a to-do list rather than a diff of two huge objects.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type {
	ICredentialType,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
	PostReceiveAction,
} from 'n8n-workflow';

import { ShipEngineApi } from '../credentials/ShipEngineApi.credentials';
import { StampsComOAuth2Api } from '../credentials/StampsComOAuth2Api.credentials';
import { ShipEngine } from '../nodes/ShipEngine/ShipEngine.node';
import { ShipEngineTrigger } from '../nodes/ShipEngine/ShipEngineTrigger.node';
import { shipEngineError } from '../nodes/ShipEngine/shared/errors';
import { StampsCom } from '../nodes/StampsCom/StampsCom.node';
import { seraError } from '../nodes/StampsCom/shared/errors';

const ROOT = path.resolve(__dirname, '..');

interface NodeCase {
	file: string;
	node: INodeType;
	/** Declarative nodes route every operation; their first postReceive must be this mapper. */
	errorMapper?: PostReceiveAction & { name: string };
	tool: boolean;
}

const NODES: NodeCase[] = [
	{ file: 'nodes/ShipEngine/ShipEngine.node.ts', node: new ShipEngine(), errorMapper: shipEngineError, tool: true },
	{ file: 'nodes/StampsCom/StampsCom.node.ts', node: new StampsCom(), errorMapper: seraError, tool: true },
	{ file: 'nodes/ShipEngine/ShipEngineTrigger.node.ts', node: new ShipEngineTrigger(), tool: false },
];

const CREDENTIALS: Array<{ file: string; credential: ICredentialType }> = [
	{ file: 'credentials/ShipEngineApi.credentials.ts', credential: new ShipEngineApi() },
	{ file: 'credentials/StampsComOAuth2Api.credentials.ts', credential: new StampsComOAuth2Api() },
];

/** Operations whose `routing` legitimately has no `request` (none today); value = why. */
const NO_REQUEST_EXCEPTIONS: Record<string, string> = {};

/** Collections that hold optional input: their default must be {} so nothing leaks. */
const COLLECTION_NAMES = new Set(['additionalFields', 'filters', 'options', 'updateFields']);

interface Entry {
	prop: INodeProperties;
	/** "resource=label/operation=create > Additional Fields > Weight", for messages. */
	where: string;
	topLevel: boolean;
}

const isProperty = (value: unknown): value is INodeProperties =>
	typeof value === 'object' && value !== null && 'type' in value && 'displayName' in value;
const isCollection = (value: unknown): value is INodePropertyCollection =>
	typeof value === 'object' && value !== null && 'values' in value;

function label(prop: INodeProperties): string {
	const show = prop.displayOptions?.show ?? {};
	const scope = ['resource', 'operation']
		.filter((key) => show[key])
		.map((key) => `${key}=${(show[key] as unknown[]).join('|')}`)
		.join('/');
	return `${scope ? `[${scope}] ` : ''}${prop.displayName} (${prop.name})`;
}

/** Every parameter of a node, nested collection and fixedCollection children included. */
function walk(properties: INodeProperties[], parent?: string): Entry[] {
	return properties.flatMap((prop) => {
		const where = parent ? `${parent} > ${prop.displayName} (${prop.name})` : label(prop);
		const children = (prop.options ?? []) as unknown[];
		const nested = children.flatMap((child) => {
			if (isProperty(child)) return walk([child], where);
			if (isCollection(child)) return walk(child.values, `${where} > ${child.displayName}`);
			return [];
		});
		return [{ prop, where, topLevel: !parent }, ...nested];
	});
}

const selectors = (properties: INodeProperties[], name: string) =>
	properties.filter((p) => p.name === name && p.type === 'options');
const optionsOf = (prop: INodeProperties) => (prop.options ?? []) as INodePropertyOptions[];

function unsorted<T>(list: T[], key: (item: T) => string): string | undefined {
	const names = list.map(key);
	const sorted = [...names].sort((a, b) => a.localeCompare(b));
	return names.every((name, i) => name === sorted[i]) ? undefined : `expected order: ${sorted.join(', ')}`;
}

describe.each(NODES)('$file', ({ file, node, errorMapper, tool }) => {
	const { description } = node;
	const entries = walk(description.properties);
	const resources = selectors(description.properties, 'resource').flatMap(optionsOf).map((o) => String(o.value));
	const operationSelectors = selectors(description.properties, 'operation');
	const operations = operationSelectors.flatMap((selector) =>
		optionsOf(selector).map((option) => ({ selector, option, where: `${label(selector)} > ${option.name}` })),
	);
	const paramNames = new Set(entries.map((e) => e.prop.name));

	it('is usable as an AI tool exactly when it is an action node', () => {
		if (tool) expect(description.usableAsTool).toBe(true);
		else expect(description.usableAsTool).toBeUndefined();
		if (!tool) expect(description.group).toEqual(['trigger']);
	});

	it('has an icon file for every themed icon path', () => {
		const icons: unknown[] = typeof description.icon === 'object' ? Object.values(description.icon) : [description.icon];
		const missing = icons
			.filter((icon): icon is string => typeof icon === 'string' && icon.startsWith('file:'))
			.map((icon) => path.resolve(ROOT, path.dirname(file), icon.slice('file:'.length)))
			.filter((target) => !existsSync(target))
			.map((target) => path.relative(ROOT, target));
		expect(missing).toEqual([]);
		expect(icons.length).toBeGreaterThan(0);
	});

	it('every operation has an action and (declarative) a request and the error mapper first in postReceive', () => {
		if (!errorMapper) {
			expect(operations).toEqual([]);
			return;
		}
		expect(operations.length).toBeGreaterThan(5);
		const problems: string[] = [];
		for (const { option, where } of operations) {
			if (!option.action) problems.push(`${where}: no action`);
			const routing = option.routing;
			if (!routing?.request?.method && !(where in NO_REQUEST_EXCEPTIONS)) problems.push(`${where}: no routing.request`);
			const postReceive = routing?.output?.postReceive ?? [];
			if (postReceive[0] !== errorMapper) {
				problems.push(`${where}: postReceive must start with ${errorMapper.name} (has ${postReceive.length} steps)`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('routes nothing from parameters outside an operation (only operation options carry routing.request)', () => {
		const stray = entries
			.filter((e) => e.prop.routing?.request)
			.map((e) => `${e.where}: routing.request on a parameter`);
		expect(stray).toEqual([]);
	});

	it('every displayOptions names an existing resource, operation or parameter', () => {
		const problems: string[] = [];
		for (const { prop, where } of entries) {
			for (const kind of ['show', 'hide'] as const) {
				const conditions = prop.displayOptions?.[kind] ?? {};
				const shownResources = ((conditions.resource ?? resources) as unknown[]).map(String);
				for (const [key, values] of Object.entries(conditions)) {
					const name = key.replace(/^\//, '');
					if (name === 'resource') {
						for (const value of values ?? []) if (!resources.includes(String(value))) problems.push(`${where}: unknown resource "${String(value)}"`);
					} else if (name === 'operation') {
						const known = operationSelectors
							.filter((s) => !resources.length || ((s.displayOptions?.show?.resource ?? []) as unknown[]).some((r) => shownResources.includes(String(r))))
							.flatMap(optionsOf)
							.map((o) => String(o.value));
						for (const value of values ?? []) {
							if (!known.includes(String(value))) problems.push(`${where}: operation "${String(value)}" does not exist for ${shownResources.join('|')}`);
						}
					} else if (!name.split('.').every((part) => paramNames.has(part)) && name !== '@version') {
						// "/options.verifySignature" is a path into a collection (lodash get in n8n).
						problems.push(`${where}: displayOptions.${kind} names unknown parameter "${key}"`);
					}
				}
			}
		}
		expect(problems).toEqual([]);
	});

	it('options are sorted the way n8n lint expects', () => {
		const problems: string[] = [];
		for (const { prop, where } of entries) {
			const options = (prop.options ?? []) as unknown[];
			// Resource and Operation selectors are always sorted; other lists from five items on
			// (eslint-plugin-n8n-nodes-base *-unsorted-items), numeric value lists excepted.
			const always = prop.name === 'resource' || prop.name === 'operation';
			if (options.length < (always ? 2 : 5)) continue;
			let order: string | undefined;
			if (prop.type === 'options' || prop.type === 'multiOptions') {
				const list = options as INodePropertyOptions[];
				if (/^\d+$/.test(String(list[0].value))) continue;
				order = unsorted(list, (o) => o.name);
			} else if (prop.type === 'collection') {
				order = unsorted(options as INodeProperties[], (o) => o.displayName);
			} else if (prop.type === 'fixedCollection') {
				order = unsorted(options as INodePropertyCollection[], (o) => o.displayName);
			}
			if (order) problems.push(`${where}: ${order}`);
		}
		expect(problems).toEqual([]);
	});

	it('no optional top-level field sends its value (a default would leak into every request)', () => {
		const leaks = entries
			.filter((e) => e.topLevel && !e.prop.required && e.prop.type !== 'hidden')
			.filter((e) => e.prop.routing?.send?.type || e.prop.routing?.send?.property || e.prop.routing?.send?.value)
			.map((e) => `${e.where}: optional field with routing.send (make it required or move it into a collection)`);
		expect(leaks).toEqual([]);
	});

	it('every Additional Fields / Filters / Options / Update Fields collection defaults to {}', () => {
		const problems = entries
			.filter((e) => e.prop.type === 'collection' || COLLECTION_NAMES.has(e.prop.name))
			.filter((e) => e.prop.type !== 'collection' || JSON.stringify(e.prop.default) !== '{}')
			.map((e) => `${e.where}: type ${e.prop.type}, default ${JSON.stringify(e.prop.default)}`);
		expect(problems).toEqual([]);
	});

	it('dropdowns are coded methods that exist (routed dropdowns fail in the AI tool version)', () => {
		const problems: string[] = [];
		const methods = Object.keys(node.methods?.loadOptions ?? {});
		let declarative = 0;
		let coded = 0;
		for (const { prop, where } of entries) {
			const method = prop.typeOptions?.loadOptionsMethod;
			if (method) coded++;
			if (method && !methods.includes(method)) problems.push(`${where}: loadOptionsMethod "${method}" is not in methods.loadOptions`);
			const routing = prop.typeOptions?.loadOptions?.routing;
			if (!routing) continue;
			declarative++;
			// The editor sends this routing to the server as JSON: functions would arrive as null.
			if (JSON.stringify(routing) !== JSON.stringify(JSON.parse(JSON.stringify(routing)))) problems.push(`${where}: not JSON-safe`);
			const postReceive = (routing.output?.postReceive ?? []) as unknown[];
			if (postReceive.some((step) => typeof step === 'function')) problems.push(`${where}: function postReceive in loadOptions`);
			if (routing.request?.ignoreHttpStatusErrors !== false) {
				problems.push(`${where}: loadOptions request must set ignoreHttpStatusErrors: false (the node default ignores errors)`);
			}
		}
		expect(problems).toEqual([]);
		// n8n runs a routed dropdown of a node's tool version without the node's requestDefaults
		// ("Invalid URL"; test/shipengine/dropdowns.test.ts): every dropdown is a coded method.
		expect(declarative).toBe(0);
		if (errorMapper === shipEngineError) expect(coded).toBeGreaterThanOrEqual(8);
	});

	it('has a codex file naming the node', () => {
		const codexFile = path.join(ROOT, file.replace(/\.ts$/, '.json'));
		expect(existsSync(codexFile)).toBe(true);
		const codex = JSON.parse(readFileSync(codexFile, 'utf8')) as Record<string, unknown>;
		expect(codex.node).toBe(`n8n-nodes-shipengine.${description.name}`);
		expect(codex.nodeVersion).toBe('1.0');
		expect(codex.codexVersion).toBe('1.0');
		expect(Array.isArray(codex.categories) && codex.categories.length > 0).toBe(true);
		const resources = codex.resources as { primaryDocumentation?: Array<{ url: string }>; credentialDocumentation?: Array<{ url: string }> };
		expect(resources.primaryDocumentation?.[0]?.url).toMatch(/^https:\/\//);
		expect(resources.credentialDocumentation?.[0]?.url).toMatch(/^https:\/\//);
		// Links into our README must hit a heading (GitHub's anchor: lower case, punctuation dropped).
		const anchors = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
			.split('\n')
			.filter((line) => line.startsWith('#'))
			.map((line) => line.replace(/^#+\s*/, '').toLowerCase().replace(/[^\w\s-]/g, '').replace(/\s/g, '-'));
		const links = [...(resources.primaryDocumentation ?? []), ...(resources.credentialDocumentation ?? [])].map((r) => r.url);
		const broken = links.filter((url) => url.includes('#') && !anchors.includes(url.split('#')[1]));
		expect(broken).toEqual([]);
	});
});

describe.each(CREDENTIALS)('$file', ({ file, credential }) => {
	it('follows n8n credential naming and has its icons and documentation', () => {
		const className = path.basename(file, '.credentials.ts');
		expect(credential.constructor.name).toBe(className);
		expect(credential.name).toBe(className[0].toLowerCase() + className.slice(1));
		expect(credential.name).toMatch(/Api$/);
		expect(credential.displayName).toMatch(/ API$/);
		expect(credential.documentationUrl).toMatch(/^https:\/\//);
		const icons: unknown[] = typeof credential.icon === 'object' ? Object.values(credential.icon) : [credential.icon];
		const missing = icons
			.filter((icon): icon is string => typeof icon === 'string')
			.map((icon) => path.resolve(ROOT, path.dirname(file), icon.replace(/^file:/, '')))
			.filter((target) => !existsSync(target));
		expect(missing).toEqual([]);
	});

	it('is testable (API key) or an OAuth2 extension', () => {
		if (credential.name.includes('OAuth2')) expect(credential.extends).toEqual(['oAuth2Api']);
		else expect(credential.test?.request.url).toBeTruthy();
	});
});

describe('package.json n8n block', () => {
	const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	const sources = (dir: string, suffix: string): string[] =>
		readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
			.filter((f) => f.endsWith(suffix))
			.map((f) => `dist/${dir}/${f.replace(/\\/g, '/').replace(/\.ts$/, '.js')}`)
			.sort();

	it('lists exactly the node source files', () => {
		expect([...pkg.n8n.nodes].sort()).toEqual(sources('nodes', '.node.ts'));
		expect(NODES.map((n) => `dist/${n.file.replace(/\.ts$/, '.js')}`).sort()).toEqual(sources('nodes', '.node.ts'));
	});

	it('lists exactly the credential source files', () => {
		expect([...pkg.n8n.credentials].sort()).toEqual(sources('credentials', '.credentials.ts'));
		expect(CREDENTIALS.map((c) => `dist/${c.file.replace(/\.ts$/, '.js')}`).sort()).toEqual(sources('credentials', '.credentials.ts'));
	});
});
