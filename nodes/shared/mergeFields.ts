/**
 * One property instead of many: fields that several operations define identically (Download
 * Label, Put Output File in Field, Ship To, Return All, ...) are merged into one property whose
 * displayOptions list all those operations.
 *
 * Why: n8n's declarative engine walks every property of the node twice for every item (once for
 * the request, once to check the base URL), shown or not, so the per-item cost grows with the
 * property count (bench/RESULTS.md). The editor shows exactly the same fields in the same order,
 * and workflows keep the same parameter names and values.
 *
 * Two definitions merge when they are equal apart from `displayOptions.show`, and their `show`
 * rules differ in exactly one key (then the union of that key's values matches exactly the
 * union of the two, e.g. operation: [get] + operation: [void] → operation: [get, void]). A merge
 * is kept only when no resource/operation sees its fields in another order (see `fieldOrder`): the
 * merged field takes the place of its later copy, or of its earlier one when only that keeps the order.
 */
import type { INodeProperties } from 'n8n-workflow';

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

/** A stable text of a property without its show rule; functions compare by identity. */
function definitionKey(property: INodeProperties, functionIds: Map<unknown, number>): string {
	const { displayOptions, ...rest } = property;
	return JSON.stringify({ rest, hide: displayOptions?.hide ?? null }, (_key, value: unknown) => {
		if (typeof value !== 'function') return value;
		if (!functionIds.has(value)) functionIds.set(value, functionIds.size);
		return `function#${functionIds.get(value)}`;
	});
}

/** The one key in which two show rules differ, or undefined when they differ in more or none. */
function soleDifference(a: Show, b: Show): string | undefined {
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	const differing = [...keys].filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
	if (differing.length !== 1) return undefined;
	const [key] = differing;
	return Array.isArray(a[key]) && Array.isArray(b[key]) ? key : undefined;
}

const listOf = (value: unknown): unknown[] | undefined => (Array.isArray(value) ? value : undefined);

/**
 * For every resource/operation pair the node offers, the names of the fields it shows, in order
 * (only `resource` and `operation` rules are read: the others do not depend on the operation).
 */
export function fieldOrder(properties: INodeProperties[]): Map<string, string[]> {
	const views = new Map<string, string[]>();
	const operationsOf = new Map<string, unknown[]>();
	for (const property of properties) {
		if (property.name !== 'operation' || !property.options) continue;
		for (const resource of listOf(property.displayOptions?.show?.resource) ?? []) {
			operationsOf.set(String(resource), property.options.map((option) => ('value' in option ? option.value : undefined)));
		}
	}
	for (const [resource, operations] of operationsOf) {
		for (const operation of operations) {
			const names = properties
				.filter((property) => {
					const show = property.displayOptions?.show ?? {};
					const resources = listOf(show.resource);
					const ops = listOf(show.operation);
					return (!resources || resources.includes(resource)) && (!ops || ops.includes(operation));
				})
				.map((property) => property.name);
			views.set(`${resource}/${String(operation)}`, names);
		}
	}
	return views;
}

const sameOrder = (a: Map<string, string[]>, b: Map<string, string[]>) =>
	a.size === b.size && [...a].every(([view, names]) => JSON.stringify(names) === JSON.stringify(b.get(view)));

/** The show rule two copies of a field merge into, or undefined when they cannot merge. */
function mergedShow(first: INodeProperties, second: INodeProperties, functionIds: Map<unknown, number>): Show | undefined {
	const showA = first.displayOptions?.show;
	const showB = second.displayOptions?.show;
	if (first.name !== second.name || !showA || !showB) return undefined;
	if (definitionKey(first, functionIds) !== definitionKey(second, functionIds)) return undefined;
	const key = soleDifference(showA, showB);
	if (!key) return undefined;
	const a = showA[key] as unknown[];
	const values = [...a, ...(showB[key] as unknown[]).filter((value) => !a.includes(value))];
	return { ...showB, [key]: values as Show[string] };
}

export function mergeRepeatedFields(properties: INodeProperties[]): INodeProperties[] {
	const original = fieldOrder(properties);
	const functionIds = new Map<unknown, number>();
	let current = [...properties];
	for (let index = 0; index < current.length; index++) {
		for (let later = index + 1; later < current.length; later++) {
			// Fields that follow each other (Download Label, then its output field) move as a block:
			// merging one alone would put it on the wrong side of its neighbour.
			const block: Array<Show> = [];
			while (index + block.length < later && later + block.length < current.length) {
				const show = mergedShow(current[index + block.length], current[later + block.length], functionIds);
				if (!show) break;
				block.push(show);
			}
			if (!block.length) continue;
			const merged = block.map((show, offset) => {
				const property = current[later + offset];
				return { ...property, displayOptions: { ...property.displayOptions, show } };
			});
			// The merged block takes the later place (the earlier copies go) or, when that would
			// reorder a view, the earlier place (the later copies go).
			const before = current.slice(0, index);
			const between = current.slice(index + block.length, later);
			const after = current.slice(later + block.length);
			const candidate = [[...before, ...between, ...merged, ...after], [...before, ...merged, ...between, ...after]].find(
				(properties) => sameOrder(original, fieldOrder(properties)),
			);
			if (!candidate) continue;
			current = candidate;
			index--;
			break;
		}
	}
	return current;
}
