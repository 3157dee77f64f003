/** Fields of the Shipment operations that address one shipment (ID, tags, rates, parse). */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { requiredText } from '../../shared/input';
import { parseJsonObject } from '../../shared/shipment';
import { rateOutputField } from '../rate/fields';
import { rateOutput } from '../rate/output';
import { recordDropdown } from '../../shared/lookups';

const show = (...operation: string[]) => ({ resource: ['shipment'], operation });

export const shipmentIdField: INodeProperties = {
	displayName: 'Shipment ID',
	name: 'shipmentId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. se-123456',
	description: 'ID of the shipment (shipment_id, from Shipment > Create or Get Many)',
	displayOptions: { show: show('addTag', 'cancel', 'get', 'getRates', 'getTags', 'removeTag', 'replaceTags', 'update') },
};

const TAG_NAME = /^[^/\\?#]{1,100}$/;

/** The tag of Add Tag / Remove Tag, checked (it goes into the URL path). */
export async function checkTagName(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	requiredText(this, 'shipmentId', 'Shipment ID');
	const tag = requiredText(this, 'tagName', 'Tag');
	if (!TAG_NAME.test(tag)) throw inputError(this, 'Tag', `"${tag}" cannot be a tag name (1-100 characters, no / \\ ? #)`);
	delete request.body;
	return request;
}

/** Replace Tags: PUT /v1/shipments/tags with this item's shipment and its complete tag list. */
export async function replaceTagsBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const shipmentId = requiredText(this, 'shipmentId', 'Shipment ID');
	const raw = this.getNodeParameter('tags', '') as unknown;
	const tags = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(',')).map((t) => t.trim()).filter(Boolean);
	const bad = tags.find((tag) => !TAG_NAME.test(tag));
	if (bad !== undefined) throw inputError(this, 'Tags', `"${bad}" cannot be a tag name (1-100 characters, no / \\ ? #)`);
	request.body = { shipments_tags: [{ shipment_id: shipmentId, tags }] };
	return request;
}

/** Parse: `{ text, shipment? }`, the known values as Shipment JSON. */
export async function shipmentParseBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const text = requiredText(this, 'text', 'Text');
	const known = parseJsonObject(this, 'Known Shipment Values (JSON)', this.getNodeParameter('knownShipment', ''));
	request.body = Object.keys(known).length ? { text, shipment: known } : { text };
	return request;
}

/**
 * Rates of a shipment (GET /v1/shipments/{id}/rates answers the rate response itself): the
 * Output choice of Rate > Calculate, through its own postReceive.
 */
export async function shipmentRatesOutput(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const body = (items[0]?.json ?? {}) as IDataObject;
	if (this.getNodeParameter('output', 'all') === 'all') return [{ json: body, pairedItem: { item: this.getItemIndex() } }];
	return await rateOutput.call(this, [{ json: { shipment_id: body.shipment_id, rate_response: body } }]);
}

export const shipmentFieldsDescription: INodeProperties[] = [
	shipmentIdField,
	{
		displayName: 'External Shipment ID',
		name: 'externalShipmentId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. order-1001',
		description: 'Your ID given as External Shipment ID when the shipment was created (e.g. the order number)',
		displayOptions: { show: show('getByExternalId') },
	},
	recordDropdown('tag', show('addTag', 'removeTag'), {
		description:
			'Name of the tag, case-sensitive (e.g. Fragile); a new name is created when first used on a shipment. Choose from the list, or specify a name using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	}),
	{
		displayName: 'Tags',
		name: 'tags',
		type: 'string',
		default: '',
		placeholder: 'e.g. Fragile, International',
		description: 'All tags the shipment should have, separated by commas (empty removes every tag)',
		displayOptions: { show: show('replaceTags') },
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		placeholder: "e.g. I have a 4oz package that's 5x10x14in to ship to Margie McMiller at 3800 North Lamar suite 200 in austin, tx 78652",
		description: 'Free text with shipping details (names, addresses, weights, dimensions, carrier, insurance)',
		displayOptions: { show: show('parse') },
	},
	{
		displayName: 'Known Shipment Values (JSON)',
		name: 'knownShipment',
		type: 'json',
		default: '',
		description: 'Values you already know, as a ShipEngine shipment object (e.g. {"ship_from": {...}, "carrier_id": "se-123"}); the text fills in the rest',
		displayOptions: { show: show('parse') },
	},
	{ ...rateOutputField(show('getRates'), 'all'), description: 'Which rates to output; pick the cheapest or fastest to feed Label > Create From Rate or Batch > Create' },
	{
		displayName: 'Rates Created After',
		name: 'createdAtStart',
		type: 'dateTime',
		default: '',
		description: 'Only rates quoted at or after this time (default: the latest rates of the shipment)',
		displayOptions: { show: show('getRates') },
	},
];
