/**
 * Issue 17, defect 3: what an AI model gets from the tool versions of the nodes.
 *  - Every field a model may fill has a description.
 *  - Carrier codes: the fields list the codes a model may use, and both nodes send codes in the
 *    lower case the APIs require ("UPS" → "ups").
 *  - Every operation's `action` says what it costs: with the tool description on "Set
 *    Automatically", n8n tells the model `<action> in <node>` (n8n-workflow
 *    NodeHelpers.getToolDescriptionForNode / makeDescription), nothing else about the operation.
 */
import nock from 'nock';
import type { INodeProperties, INodePropertyCollection, INodeType } from 'n8n-workflow';

import { ShipEngine } from '../../nodes/ShipEngine/ShipEngine.node';
import { StampsCom } from '../../nodes/StampsCom/StampsCom.node';
import { API, fixture as shipEngineFixture, headers, run as runShipEngine } from '../shipengine/labelHelpers';
import { BEARER, fixture as seraFixture, run as runStampsCom, STAGING_API } from '../stampscom/helpers';

const nodes: Array<[string, INodeType]> = [
	['ShipEngine', new ShipEngine()],
	['Stamps.com', new StampsCom()],
];
const isGroup = (value: unknown): value is INodePropertyCollection => typeof value === 'object' && value !== null && 'values' in value;

/** Every field that holds a value (what `$fromAI()` can fill), nested ones included. */
function valueFields(properties: unknown[], where = ''): Array<{ where: string; prop: INodeProperties }> {
	return properties.flatMap((item) => {
		if (isGroup(item)) return valueFields(item.values, `${where} > ${item.displayName}`);
		const prop = item as INodeProperties;
		if (!prop.type) return [];
		const here = `${where} > ${prop.displayName} (${prop.name})`;
		if (prop.type === 'collection' || prop.type === 'fixedCollection') return valueFields((prop.options ?? []) as unknown[], here);
		if (['hidden', 'notice'].includes(prop.type) || ['resource', 'operation'].includes(prop.name)) return [];
		return [{ where: here, prop }];
	});
}

/** Every operation's action: "label/create: Purchase a shipping label …". */
function actions(node: INodeType): Array<{ key: string; action: string }> {
	return node.description.properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) =>
			(p.options as Array<{ value: string; action?: string }>).map((o) => ({
				key: `${String((p.displayOptions?.show?.resource as string[])[0])}/${o.value}`,
				action: String(o.action),
			})),
		);
}

describe('what a model reads', () => {
	it.each(nodes)('%s: every field a model may fill has a description', (_name, node) => {
		const bare = valueFields(node.description.properties)
			.filter(({ prop }) => !prop.description?.trim())
			.map(({ where }) => where);
		expect(bare).toEqual([]);
	});

	it.each(nodes)('%s: every operation says what it costs', (_name, node) => {
		const money = /charged to|refunded|stays paid|charge a fee|counted against/;
		const unclear = actions(node).filter(({ action }) => !money.test(action) && !action.endsWith(' for free'));
		expect(unclear).toEqual([]);
	});

	it('buying a label and adding funds say they spend money', () => {
		const all = [...actions(new ShipEngine()), ...actions(new StampsCom())];
		const spending = all.filter(({ key }) => /^label\/create|^balance\/add/.test(key));
		expect(spending.length).toBeGreaterThanOrEqual(9);
		for (const { action } of spending) expect(action).toMatch(/charged to/);
	});

	it('the carrier code fields list the codes a model may use', () => {
		const tracking = new ShipEngine().description.properties.find((p) => p.name === 'carrierCode');
		expect(tracking?.description).toMatch(/ups, fedex/);
		expect(tracking?.description).toMatch(/lower case/);
		const sera = new StampsCom().description.properties.find(
			(p) => p.name === 'carrier' && (p.displayOptions?.show?.resource as string[]).includes('tracking'),
		);
		expect(sera?.description).toContain('canada_post, dhl_express, fedex, globalpost, ups, usps');
	});
});

describe('codes are sent in the lower case the APIs require', () => {
	afterEach(() => nock.cleanAll());

	it('ShipEngine Tracking > Get: carrier code "UPS" is sent as ups', async () => {
		nock(API, headers)
			.get('/v1/tracking')
			.query({ carrier_code: 'ups', tracking_number: '1Z999' })
			.reply(200, shipEngineFixture('tracking-get.json'));
		const { error } = await runShipEngine({ resource: 'tracking', operation: 'get', carrierCode: ' UPS ', trackingNumber: '1Z999' });
		expect(error).toBeUndefined();
	});

	it('Stamps.com Tracking > Get: carrier "USPS" is sent as usps', async () => {
		nock(STAGING_API, { reqheaders: { authorization: BEARER } })
			.get('/sera/v1/tracking')
			.query({ carrier: 'usps', tracking_number: '9405511899560772485630' })
			.reply(200, seraFixture('tracking.json'));
		const { error } = await runStampsCom({ resource: 'tracking', operation: 'get', carrier: '={{ "USPS" }}', trackingNumber: '9405511899560772485630' });
		expect(error).toBeUndefined();
	});
});
