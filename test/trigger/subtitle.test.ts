/**
 * Issue 17, defect 11: the trigger's canvas subtitle names the events as the Events list does
 * ("Tracking Update"), not by their API values ("track"). Evaluated as n8n evaluates a subtitle:
 * an expression over the node's parameters (n8n-workflow's Expression, as the editor's
 * `getNodeSubtitle` does).
 */
import type { INode, INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ShipEngineTrigger } from '../../nodes/ShipEngine/ShipEngineTrigger.node';

const trigger = new ShipEngineTrigger();

function subtitle(parameters: INodeParameters): unknown {
	const node: INode = { id: 't', name: 'Trigger', type: 'n8n-nodes-shipengine.shipEngineTrigger', typeVersion: 1, position: [0, 0], parameters };
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: { getByName: () => trigger, getByNameAndVersion: () => trigger, getKnownTypes: () => ({}) },
	});
	return workflow.expression.getSimpleParameterValue(node, trigger.description.subtitle as string, 'internal', {});
}

describe('ShipEngine Trigger subtitle', () => {
	it('shows the events by their display names', () => {
		expect(subtitle({ events: ['track'] })).toBe('Events: Tracking Update');
		expect(subtitle({ events: ['track', 'batch'] })).toBe('Events: Tracking Update, Batch Processed');
	});

	it('names every event the Events list offers, and shows an unknown value as it is', () => {
		const events = trigger.description.properties.find((p) => p.name === 'events')!;
		for (const option of events.options as Array<{ name: string; value: string }>) {
			expect(subtitle({ events: [option.value] })).toBe(`Events: ${option.name}`);
		}
		expect(subtitle({ events: ['new_event'] })).toBe('Events: new_event');
	});
});
