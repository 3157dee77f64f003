/**
 * The fields of the resources issue 16 added are what an AI agent fills through the node's tool
 * version: n8n derives each $fromAI key from a field's display name, so a display name must stand
 * for one parameter across the whole node, and every delete or disconnect says so.
 */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { ShipEngine } from '../../nodes/ShipEngine/ShipEngine.node';

const NEW_RESOURCES = ['account', 'carrierAccount', 'file', 'labelImage', 'packageType', 'servicePoint', 'tag', 'warehouse', 'webhook'];
/** Structural names every resource has (their values are not filled by an agent from the name). */
const STRUCTURAL = new Set(['operation', 'additionalFields', 'updateFields', 'options', 'returnAll', 'limit']);

const properties = new ShipEngine().description.properties;

function walk(list: INodeProperties[], visit: (property: INodeProperties, topLevel: INodeProperties) => void, top?: INodeProperties) {
	for (const property of list) {
		visit(property, top ?? property);
		for (const child of (property.options ?? []) as unknown[]) {
			if (child && typeof child === 'object' && 'type' in child && 'displayName' in child) walk([child as INodeProperties], visit, top ?? property);
			else if (child && typeof child === 'object' && 'values' in child) walk((child as INodePropertyCollection).values, visit, top ?? property);
		}
	}
}

const isNew = (top: INodeProperties) =>
	((top.displayOptions?.show?.resource ?? []) as string[]).some((resource) => NEW_RESOURCES.includes(resource));

describe('fields of the issue 16 resources', () => {
	it('each display name stands for one parameter name across the node', () => {
		const namesByDisplay = new Map<string, Set<string>>();
		walk(properties, (property) => {
			if (!namesByDisplay.has(property.displayName)) namesByDisplay.set(property.displayName, new Set());
			namesByDisplay.get(property.displayName)!.add(property.name);
		});
		const clashes: string[] = [];
		walk(properties, (property, top) => {
			if (!isNew(top) || STRUCTURAL.has(property.name)) return;
			const names = namesByDisplay.get(property.displayName)!;
			if (names.size > 1) clashes.push(`${property.displayName}: ${[...names].join(', ')}`);
		});
		expect([...new Set(clashes)]).toEqual([]);
	});

	it('every field has a description, and every operation that deletes or disconnects says so', () => {
		const undescribed: string[] = [];
		walk(properties, (property, top) => {
			if (isNew(top) && !STRUCTURAL.has(property.name) && !property.description && !['key', 'value', 'name'].includes(property.name)) undescribed.push(property.displayName);
		});
		expect(undescribed).toEqual([]);
		const destructive = properties
			.filter((property) => property.name === 'operation')
			.flatMap((property) => property.options as INodePropertyOptions[])
			.filter((option) => ['DELETE'].includes(String(option.routing?.request?.method)));
		expect(destructive.length).toBeGreaterThan(8);
		for (const option of destructive) {
			expect({ action: option.action, says: /delete|disconnect|cancel|remove/i.test(String(option.description)) }).toEqual({ action: option.action, says: true });
		}
	});
});
