/**
 * Every dropdown the nodes fill from the account (`loadOptionsMethod`, declarative `loadOptions`,
 * `listSearch`), read from the built node descriptions the e2e run packed, with node parameters
 * that make each one visible: its resource and operation, the other values its displayOptions
 * ask for, the carrier it depends on, and its collection entry when it sits inside one. The
 * browser test opens each set of parameters once and checks every dropdown it shows.
 */
import type { INodeProperties, INodeType } from 'n8n-workflow';


export interface Dropdown {
	/** Parameter name (the editor's `parameter-input-<name>` test id). */
	name: string;
	displayName: string;
	/** Where it sits: top level, or inside a collection / fixed collection. */
	parent?: string;
}

export interface DropdownPanel {
	/** Node parameters that show `dropdowns`. */
	parameters: Record<string, unknown>;
	dropdowns: Dropdown[];
}

/** Values dropdowns depend on (`loadOptionsDependsOn`): accounts the local ShipEngine mock knows. */
export const DEPENDENCY_VALUES: Record<string, unknown> = {
	carrierId: 'se-100001',
	carrierIds: ['se-100001'],
	carrierCode: 'stamps_com',
};

const isDynamic = (property: INodeProperties): boolean =>
	(property.type === 'options' || property.type === 'multiOptions' || property.type === 'resourceLocator') &&
	Boolean(
		property.typeOptions?.loadOptionsMethod ||
			property.typeOptions?.loadOptions ||
			property.modes?.some((mode) => mode.typeOptions?.searchListMethod),
	);

interface Found {
	dropdown: Dropdown;
	show: Record<string, unknown[]>;
	dependsOn: string[];
	/** Parameters that put a nested dropdown on screen (its collection entry). */
	container: Record<string, unknown>;
	typeOptions: unknown;
}

function collect(properties: INodeProperties[]): Found[] {
	const found: Found[] = [];
	const dependsOn = (property: INodeProperties) => (property.typeOptions?.loadOptionsDependsOn ?? []).map((name) => name.replace(/^\//, ''));
	for (const property of properties) {
		const show = (property.displayOptions?.show ?? {}) as Record<string, unknown[]>;
		const base = { name: property.name, displayName: property.displayName };
		if (isDynamic(property)) found.push({ dropdown: base, show, dependsOn: dependsOn(property), container: {}, typeOptions: property.typeOptions });
		if (property.type === 'collection') {
			for (const child of (property.options ?? []) as INodeProperties[]) {
				if (!isDynamic(child)) continue;
				const dropdown = { name: child.name, displayName: child.displayName, parent: property.displayName };
				found.push({ dropdown, show, dependsOn: dependsOn(child), container: { [property.name]: { [child.name]: '' } }, typeOptions: child.typeOptions });
			}
		}
		if (property.type === 'fixedCollection') {
			for (const group of (property.options ?? []) as Array<{ name: string; values: INodeProperties[] }>) {
				for (const child of group.values ?? []) {
					if (!isDynamic(child)) continue;
					const entry = { [child.name]: '' };
					const value = property.typeOptions?.multipleValues ? [entry] : entry;
					const dropdown = { name: child.name, displayName: child.displayName, parent: property.displayName };
					found.push({ dropdown, show, dependsOn: dependsOn(child), container: { [property.name]: { [group.name]: value } }, typeOptions: child.typeOptions });
				}
			}
		}
	}
	return found;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function merge(target: Record<string, unknown>, source: Record<string, unknown>): void {
	for (const [key, value] of Object.entries(source)) {
		const existing = target[key];
		if (isObject(existing) && isObject(value)) merge(existing, value);
		else target[key] = value;
	}
}

/**
 * One panel per set of displayOptions values, covering each distinct dropdown once (the same
 * field with the same lookup on another operation is the same dropdown).
 */
export function dropdownPanels(node: INodeType): DropdownPanel[] {
	const panels = new Map<string, DropdownPanel>();
	const seen = new Set<string>();
	for (const { dropdown, show, dependsOn, container, typeOptions } of collect(node.description.properties)) {
		const signature = JSON.stringify([dropdown.name, dropdown.parent, typeOptions]);
		if (seen.has(signature)) continue;
		seen.add(signature);
		const shown: Record<string, unknown> = {};
		for (const [name, values] of Object.entries(show)) {
			if (name.startsWith('@') || !Array.isArray(values) || values.length === 0) continue;
			shown[name.replace(/^\//, '')] = values[0];
		}
		const key = JSON.stringify(Object.entries(shown).sort());
		const panel = panels.get(key) ?? { parameters: { ...shown }, dropdowns: [] };
		for (const name of dependsOn) {
			if (!(name in DEPENDENCY_VALUES)) throw new Error(`${dropdown.name} depends on ${name}: add a mock value to DEPENDENCY_VALUES`);
			panel.parameters[name] = DEPENDENCY_VALUES[name];
		}
		merge(panel.parameters, structuredClone(container));
		panel.dropdowns.push(dropdown);
		panels.set(key, panel);
	}
	return [...panels.values()];
}
