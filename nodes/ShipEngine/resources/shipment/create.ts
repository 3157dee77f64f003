/**
 * Shipment > Create and Update: a shipment (ship to, ship from or warehouse, packages, options)
 * built from the item's fields in code, so Create can build every input item's shipment and send
 * them in one request (../../../shared/allItems.ts): POST /v1/shipments takes `{ shipments: [...] }`
 * and answers them in the same order. Update sends one item's shipment to PUT /v1/shipments/{id}.
 *
 * The Additional Fields are the ones Label > Create has (shipmentAdditionalFields); their routing
 * (`shipment.confirmation`, …) says where each value goes, and is read here instead of by n8n.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { requestForAllItems } from '../../../shared/allItems';
import { requestWithRetry } from '../../../shared/retry';
import { asText, dateParam } from '../../../shared/validation';
import {
	addressCollection,
	carrierIdField,
	packagesCollection,
	serviceCodeField,
	shipmentAdditionalFields,
} from '../../shared/descriptions';
import { SHIPMENT_SHIP_DATE } from '../../shared/input';
import { shipEngineCustomsField } from '../../shared/customs';
import { buildShipment } from '../../shared/shipment';
import { labelPurchaseAdditionalFields } from '../label/purchaseFields';

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

/** Shipments per POST /v1/shipments (ShipEngine documents no maximum; 100 keeps each answer small). */
export const SHIPMENTS_PER_REQUEST = 100;

/** External Order ID and Shipment Number as Label > Create has them; the external ID is only stored here (no purchase to dedupe). */
const extraFields: INodeProperties[] = [
	...labelPurchaseAdditionalFields().filter((field) => ['externalOrderId', 'shipmentNumber'].includes(field.name)),
	{
		displayName: 'External Shipment ID',
		name: 'externalShipmentId',
		type: 'string',
		default: '',
		placeholder: 'e.g. order-1001',
		description: 'Your unique ID for this shipment (max 50 characters), e.g. the order number; Get By External ID finds it',
		routing: { send: { type: 'body', property: 'shipment.external_shipment_id' } },
	},
];

const additionalOptions = [...extraFields, ...shipmentAdditionalFields('shipment.validate_address')];

/** Additional Fields key → the shipment property it sets (from each field's routing). */
const SHIPMENT_PROPERTY: Record<string, string> = Object.fromEntries(
	additionalOptions
		.map((field) => [field.name, String(field.routing?.send?.property ?? '')])
		.filter(([name, property]) => property.startsWith('shipment.') && name !== 'shipDate')
		.map(([name, property]) => [name, property.slice('shipment.'.length)]),
);

/** The fields without routing: the shipment is built in code for every item. */
function unrouted(field: INodeProperties): INodeProperties {
	const copy = { ...field };
	delete copy.routing;
	return copy;
}

/** Carrier, service, addresses, packages and Additional Fields of a shipment (Create, Update). */
export function shipmentFields(show: Show, carrierRequired: boolean): INodeProperties[] {
	const optional = carrierRequired ? {} : { required: false };
	const carrierHint = ' Leave empty to choose the carrier later (Rates, Batch).';
	const carrier = carrierIdField(show, optional);
	const service = serviceCodeField(show);
	return [
		carrierRequired ? carrier : { ...carrier, description: `${carrier.description ?? ''}${carrierHint}` },
		carrierRequired ? service : { ...service, required: false },
		addressCollection('Ship To', 'shipTo', show, 'Recipient address'),
		addressCollection('Ship From', 'shipFrom', show, 'Sender address (leave empty when a Warehouse ID is set in Additional Fields)', false),
		packagesCollection(show),
		shipEngineCustomsField(show),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show },
			options: additionalOptions.map(unrouted).sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
	];
}

/** The checked shipment of the item `ctx` runs for (or sees: shared/allItems.ts itemView). */
export function shipmentForItem(ctx: IExecuteSingleFunctions): IDataObject {
	const base: IDataObject = {};
	const carrierId = asText(ctx.getNodeParameter('carrierId', '', { extractValue: true }));
	const serviceCode = asText(ctx.getNodeParameter('serviceCode', '', { extractValue: true }));
	if (carrierId) base.carrier_id = carrierId;
	if (serviceCode) base.service_code = serviceCode;
	const additional = (ctx.getNodeParameter('additionalFields', {}) as IDataObject) ?? {};
	for (const [name, property] of Object.entries(SHIPMENT_PROPERTY)) {
		const value = additional[name];
		if (value === undefined || value === '') continue;
		base[property] = typeof value === 'string' ? value.trim() : value;
	}
	const shipDate = dateParam(ctx, SHIPMENT_SHIP_DATE);
	if (shipDate) base.ship_date = shipDate;
	return buildShipment(ctx, base);
}

/** `routing.operations.pagination` of Shipment > Create: every item's shipment, 100 per request. */
export async function createShipments(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await requestForAllItems(this, {
		entriesOf: (item) => [shipmentForItem(item)],
		send: async (shipments) => {
			// Creating shipments buys nothing, but a repeat would create them twice: not retried.
			const [answer] = await requestWithRetry.call(this, { ...requestData, options: { ...requestData.options, body: { shipments } } }, false);
			return (answer?.json.shipments as IDataObject[] | undefined) ?? [];
		},
		chunkSize: SHIPMENTS_PER_REQUEST,
		api: 'ShipEngine',
		noun: 'shipments',
	});
}

/** preSend of Shipment > Update: the item's whole shipment as the body (PUT replaces it). */
export async function shipmentUpdateBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	request.body = shipmentForItem(this);
	return request;
}
