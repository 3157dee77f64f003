/** The trigger's description against the official spec and n8n's trigger conventions. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { parse } from 'yaml';

import { ShipEngineTrigger } from '../../nodes/ShipEngine/ShipEngineTrigger.node';
import { eventForResourceType, WEBHOOK_EVENTS } from '../../nodes/ShipEngine/trigger/events';

const spec = parse(readFileSync(path.resolve(__dirname, '../contract/specs/shipengine-openapi.yaml'), 'utf8')) as {
	components: { schemas: { webhook_event: { enum: string[] } } };
};
const description = new ShipEngineTrigger().description;
const property = (name: string) => description.properties.find((p) => p.name === name) as INodeProperties;

describe('ShipEngine Trigger description', () => {
	it('offers exactly the webhook events of the spec, sorted by name, each with a description', () => {
		const options = property('events').options as INodePropertyOptions[];
		expect(options.map((o) => o.value).sort()).toEqual([...spec.components.schemas.webhook_event.enum].sort());
		const names = options.map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		for (const option of options) expect(option.description).toMatch(/\w{3,}/);
		expect(property('events')).toMatchObject({ type: 'multiOptions', required: true, default: [] });
	});

	it('maps every event to its payload resource_type and back', () => {
		for (const event of WEBHOOK_EVENTS) expect(eventForResourceType(event.resourceType)).toBe(event.value);
		expect(eventForResourceType('api_track')).toBe('track');
		expect(eventForResourceType(undefined)).toBeUndefined();
	});

	it('follows the trigger conventions', () => {
		expect(description).toMatchObject({
			name: 'shipEngineTrigger',
			displayName: 'ShipEngine Trigger',
			group: ['trigger'],
			inputs: [],
			credentials: [{ name: 'shipEngineApi', required: true }],
			webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		});
		expect(description.usableAsTool).toBeUndefined();
		const methods = new ShipEngineTrigger().webhookMethods.default;
		expect(Object.keys(methods).sort()).toEqual(['checkExists', 'create', 'delete']);
	});

	it('verifies signatures unless the user explicitly turns it off; options are sorted', () => {
		const options = property('options').options as INodeProperties[];
		expect(options.find((o) => o.name === 'verifySignature')).toMatchObject({ type: 'boolean', default: true });
		expect(options.find((o) => o.name === 'timestampToleranceSeconds')).toMatchObject({ default: 300 });
		const names = options.map((o) => o.displayName);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});
});
