/**
 * Issue 17, defects 7, 8 and 12: the two nodes describe addresses, packages and the output file
 * the same way (one shared description in nodes/shared/descriptions/), the editor flags an empty
 * Weight before a run, and no placeholder looks like real data.
 *
 * "The editor flags" is checked with n8n's own rule: n8n-workflow's
 * `NodeHelpers.getNodeParametersIssues`, which the editor runs for its red issue badges and the
 * engine runs before a manual execution.
 */
import type { ICredentialType, INode, INodeProperties, INodePropertyCollection, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { ShipEngineApi } from '../../credentials/ShipEngineApi.credentials';
import { StampsComOAuth2Api } from '../../credentials/StampsComOAuth2Api.credentials';
import { ShipEngine } from '../../nodes/ShipEngine/ShipEngine.node';
import { CUSTOM_PACKAGE } from '../../nodes/ShipEngine/shared/loadOptions';
import { ShipEngineTrigger } from '../../nodes/ShipEngine/ShipEngineTrigger.node';
import { StampsCom } from '../../nodes/StampsCom/StampsCom.node';

const shipEngine = new ShipEngine();
const stampsCom = new StampsCom();
const newest = (node: INodeType) => ([] as number[]).concat(node.description.version).at(-1) as number;

type Show = Record<string, unknown[] | undefined>;
const isGroup = (value: unknown): value is INodePropertyCollection => typeof value === 'object' && value !== null && 'values' in value;

/** The top-level fields a new node shows for resource/operation, in the editor's order. */
function fieldsOf(node: INodeType, resource: string, operation: string): INodeProperties[] {
	const version = newest(node);
	return node.description.properties.filter((prop) => {
		const show = (prop.displayOptions?.show ?? {}) as Show;
		if (show.resource && !show.resource.includes(resource)) return false;
		if (show.operation && !show.operation.includes(operation)) return false;
		const versions = show['@version'];
		if (versions && !versions.some((v) => (typeof v === 'number' ? v === version : version >= (v as { _cnd: { gte: number } })._cnd.gte))) return false;
		return !['resource', 'operation', 'retryPolicy'].includes(prop.name);
	});
}

function addressOf(node: INodeType, name: string): INodeProperties[] {
	const collection = fieldsOf(node, 'label', 'create').find((prop) => prop.name === name);
	const group = (collection?.options ?? []).find(isGroup);
	return group?.values ?? [];
}

/** A field as the user sees it, without the address's role ("Ship To City" → "City"). */
const looks = (field: INodeProperties, role: string) => ({
	label: field.displayName.replace(`${role} `, ''),
	type: field.type,
	// The same choice, whatever value the API gives it ("Unknown": ShipEngine 'unknown', SERA '').
	default: (field.options as Array<{ name: string; value: unknown }> | undefined)?.find((o) => o.value === field.default)?.name ?? field.default,
	placeholder: field.placeholder,
	description: field.description,
	required: field.required ?? false,
	options: (field.options as Array<{ name: string }> | undefined)?.map((option) => option.name),
});

function issuesOf(node: INodeType, parameters: INode['parameters']): Record<string, string[]> {
	const version = newest(node);
	const stub: INode = { id: 'n', name: 'n', type: node.description.name, typeVersion: version, position: [0, 0], parameters };
	const full = NodeHelpers.getNodeParameters(node.description.properties, parameters, true, false, stub, node.description);
	stub.parameters = full ?? {};
	return NodeHelpers.getNodeParametersIssues(node.description.properties, stub, node.description)?.parameters ?? {};
}

describe('one description for addresses, packages and the output file', () => {
	it.each(['shipFrom', 'shipTo'])('Label > Create %s: same fields, order, labels, defaults, placeholders and markers in both nodes', (name) => {
		const role = name === 'shipTo' ? 'Ship To' : 'Ship From';
		const ours = addressOf(shipEngine, name).map((f) => looks(f, role));
		const theirs = addressOf(stampsCom, name).map((f) => looks(f, role));
		// What differs is what the APIs decide: which parts are required.
		const shape = (list: Array<ReturnType<typeof looks>>) => list.map(({ required: _required, ...rest }) => rest);
		expect(shape(ours)).toEqual(shape(theirs));
		expect(ours.map((f) => f.label)).toEqual([
			'Name', 'Company Name', 'Address Line 1', 'Address Line 2', 'Address Line 3', 'City', 'State/Province',
			'Postal Code', 'Country Code', 'Phone', 'Email', 'Residential',
		]);
		expect(ours.find((f) => f.label === 'Country Code')?.default).toBe('US');
		// Both nodes mark what their API requires; the Stamps.com node marks its Ship From postal code.
		expect(ours.filter((f) => f.required).map((f) => f.label)).toEqual(['Name', 'Address Line 1', 'City', 'Postal Code', 'Country Code']);
		expect(theirs.some((f) => f.required)).toBe(true);
	});

	it('a new node of either kind weighs in the same unit by default', () => {
		const shipEnginePackage = fieldsOf(shipEngine, 'label', 'create').find((p) => p.name === 'packages');
		const values = (shipEnginePackage?.options ?? []).find(isGroup)?.values ?? [];
		const version = newest(shipEngine);
		const unit = values.find(
			(v) => v.name === 'weightUnit' && JSON.stringify(v.displayOptions?.show?.['@version']).includes(`${version}`),
		);
		const seraUnit = fieldsOf(stampsCom, 'label', 'create').find((p) => p.name === 'weightUnit');
		expect(unit?.default).toBe(seraUnit?.default);
		expect(unit?.default).toBe('ounce');
	});

	it.each([
		['ShipEngine', shipEngine],
		['Stamps.com', stampsCom],
	])('%s: Put Output File in Field is the last field of every operation that outputs a file', (_name, node) => {
		const operations = node.description.properties
			.filter((p) => p.name === 'binaryPropertyName')
			.flatMap((p) => ((p.displayOptions?.show ?? {}) as Show).resource!.flatMap((r) => ((p.displayOptions?.show ?? {}) as Show).operation!.map((o) => [String(r), String(o)])));
		expect(operations.length).toBeGreaterThanOrEqual(4);
		for (const [resource, operation] of operations) {
			const names = fieldsOf(node, resource, operation).map((p) => p.name);
			expect([resource, operation, names.at(-1)]).toEqual([resource, operation, 'binaryPropertyName']);
		}
	});
});

describe('Weight is required and has no default the editor takes for a value', () => {
	it('ShipEngine: an added package with no weight is flagged before a run', () => {
		const issues = issuesOf(shipEngine, { resource: 'label', operation: 'create', packages: { package: [{}] } });
		expect(Object.values(issues).flat()).toContain('Parameter "Weight" is required.');
	});

	it('Stamps.com: Label > Create and Rate > Get with no weight are flagged before a run', () => {
		for (const [resource, operation] of [['label', 'create'], ['rate', 'get']]) {
			const issues = issuesOf(stampsCom, { resource, operation });
			expect(issues.weight).toEqual(['Parameter "Weight" is required.']);
		}
	});

	it('ShipEngine: Rate > Estimate with no weight is flagged before a run', () => {
		const issues = issuesOf(shipEngine, { resource: 'rate', operation: 'estimate' });
		expect(issues.weight).toEqual(['Parameter "Weight" is required.']);
	});
});

describe('placeholders are examples, never look like entered data', () => {
	/** Names of loaded options whose value is '' (the default a dropdown shows as its placeholder). */
	const EMPTY_CHOICES = [CUSTOM_PACKAGE.name];
	const walk = (props: unknown[]): INodeProperties[] =>
		props.flatMap((prop) => {
			if (isGroup(prop)) return walk(prop.values);
			const p = prop as INodeProperties;
			return [p, ...walk((p.options ?? []).filter((o) => typeof o === 'object' && o !== null && ('type' in o || 'values' in o)))];
		});
	const sources: Array<[string, INodeProperties[]]> = [
		['ShipEngine', shipEngine.description.properties],
		['Stamps.com', stampsCom.description.properties],
		['ShipEngine Trigger', new ShipEngineTrigger().description.properties],
		['ShipEngine API credential', (new ShipEngineApi() as ICredentialType).properties],
		['Stamps.com credential', (new StampsComOAuth2Api() as ICredentialType).properties],
	];
	it.each(sources)('%s: every placeholder starts with "e.g." (collections: "Add …")', (_name, properties) => {
		const bad = walk(properties)
			.filter((p) => p.placeholder !== undefined)
			.filter((p) => !(p.type === 'collection' || p.type === 'fixedCollection' ? /^Add /.test(String(p.placeholder)) : /^e\.g\. /.test(String(p.placeholder))))
			// A dropdown shows its empty value as the placeholder: there it names the choice '' stands for.
			.filter((p) => !(p.type === 'options' && p.default === '' && EMPTY_CHOICES.includes(String(p.placeholder))))
			.map((p) => `${p.name}: ${String(p.placeholder)}`);
		expect(bad).toEqual([]);
	});
});
