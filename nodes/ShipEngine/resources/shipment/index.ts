import type { INodeProperties } from 'n8n-workflow';

import { retryingComputeRequest } from '../../../shared/retry';
import { checkDates } from '../../../shared/validation';
import { shipEngineError } from '../../shared/errors';
import { noBody, requireFields } from '../../shared/input';
import { pairWithInput } from '../../shared/labelOutput';
import { successOutput } from '../../shared/output';
import { pageNumberPaginator } from '../../shared/pagination';
import { createShipments, shipmentFields, shipmentUpdateBody } from './create';
import {
	checkTagName,
	replaceTagsBody,
	shipmentFieldsDescription,
	shipmentParseBody,
	shipmentRatesOutput,
} from './fields';
import { shipmentDateFilters, shipmentGetAllDescription } from './getAll';

const showOnlyForShipments = { resource: ['shipment'] };

const shipmentUrl = '/v1/shipments/{shipmentId}';
const checkShipmentId = requireFields(['shipmentId', 'Shipment ID']);
const single = { postReceive: [shipEngineError, pairWithInput] };
const shipmentIdOf = (ctx: Parameters<Parameters<typeof successOutput>[0]>[0]) => String(ctx.getNodeParameter('shipmentId', '')).trim();

const ratesCreatedAfter = checkDates([
	{ param: 'createdAtStart', label: 'Rates Created After', format: 'utc', target: { type: 'qs', property: 'created_at_start' } },
]);

export const shipmentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForShipments },
		options: [
			{
				name: 'Add Tag',
				value: 'addTag',
				action: 'Add a tag to a shipment for free',
				description: 'Tag a shipment (e.g. Fragile, or the day\'s batch) so Get Many can find it by tag',
				routing: {
					request: { method: 'POST', url: `${shipmentUrl}/tags/{tagName}` },
					send: { preSend: [checkTagName] },
					output: single,
				},
			},
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a shipment for free',
				description: 'Mark a shipment cancelled so no batch or label buys it (void its label first, if it has one)',
				routing: {
					request: { method: 'PUT', url: `${shipmentUrl}/cancel` },
					send: { preSend: [checkShipmentId, noBody] },
					output: { postReceive: [shipEngineError, successOutput((ctx) => ({ shipment_id: shipmentIdOf(ctx), shipment_status: 'cancelled' }))] },
				},
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create shipments for free',
				description:
					'Create a shipment for every input item in one request (100 per request), to rate, batch or buy later; each result is paired with its item. Nothing is bought.',
				routing: {
					request: { method: 'POST', url: '/v1/shipments' },
					operations: { pagination: createShipments },
					output: { postReceive: [shipEngineError] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a shipment for free',
				description: 'Get a shipment by ID: addresses, packages, carrier, service and status',
				routing: {
					request: { method: 'GET', url: shipmentUrl },
					send: { preSend: [checkShipmentId] },
					output: single,
				},
			},
			{
				name: 'Get By External ID',
				value: 'getByExternalId',
				action: 'Get a shipment by external ID for free',
				description: 'Get a shipment by your own External Shipment ID (e.g. the order number)',
				routing: {
					request: { method: 'GET', url: '/v1/shipments/external_shipment_id/{externalShipmentId}' },
					send: { preSend: [requireFields(['externalShipmentId', 'External Shipment ID'])] },
					output: single,
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many shipments for free',
				description: 'List shipments, filtered by status (e.g. pending: no label yet), batch, tag, sales order or date',
				routing: {
					request: { method: 'GET', url: '/v1/shipments' },
					send: { preSend: [shipmentDateFilters] },
					operations: { pagination: pageNumberPaginator('shipments') },
					output: { postReceive: [shipEngineError] },
				},
			},
			{
				name: 'Get Rates',
				value: 'getRates',
				action: 'Get the rates of a shipment for free',
				description: 'Get the rates quoted for a shipment; can output only the cheapest, fastest or best value rate',
				routing: {
					request: { method: 'GET', url: `${shipmentUrl}/rates` },
					send: { preSend: [checkShipmentId, ratesCreatedAfter] },
					output: { postReceive: [shipEngineError, shipmentRatesOutput] },
				},
			},
			{
				name: 'Get Tags',
				value: 'getTags',
				action: 'Get the tags of a shipment for free',
				description: 'List the tags of a shipment',
				routing: {
					request: { method: 'GET', url: `${shipmentUrl}/tags` },
					send: { preSend: [checkShipmentId] },
					output: single,
				},
			},
			{
				name: 'Parse',
				value: 'parse',
				action: 'Parse a shipment from free text for free',
				description:
					'Extract a shipment (addresses, packages, weights, carrier, insurance) from free text such as an email, with a confidence score. Nothing is created.',
				routing: {
					request: { method: 'PUT', url: '/v1/shipments/recognize' },
					send: { preSend: [shipmentParseBody] },
					operations: { pagination: retryingComputeRequest },
					output: single,
				},
			},
			{
				name: 'Remove Tag',
				value: 'removeTag',
				action: 'Remove a tag from a shipment for free',
				description: 'Remove one tag from a shipment',
				routing: {
					request: { method: 'DELETE', url: `${shipmentUrl}/tags/{tagName}` },
					send: { preSend: [checkTagName] },
					output: {
						postReceive: [
							shipEngineError,
							successOutput((ctx) => ({ shipment_id: shipmentIdOf(ctx), removed_tag: String(ctx.getNodeParameter('tagName', '')).trim() })),
						],
					},
				},
			},
			{
				name: 'Replace Tags',
				value: 'replaceTags',
				action: 'Replace the tags of a shipment for free',
				description: 'Set the complete list of tags of a shipment (PUT /v1/shipments/tags)',
				routing: {
					request: { method: 'PUT', url: '/v1/shipments/tags' },
					send: { preSend: [replaceTagsBody] },
					output: {
						postReceive: [
							shipEngineError,
							successOutput((ctx) => ({ shipment_id: shipmentIdOf(ctx), tags: ((ctx.getNodeParameter('tags', '') as string) || '').split(',').map((t) => t.trim()).filter(Boolean) })),
						],
					},
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a shipment for free',
				description: 'Replace a shipment\'s details (addresses, packages, carrier, options) before it is bought',
				routing: {
					request: { method: 'PUT', url: shipmentUrl },
					send: { preSend: [checkShipmentId, shipmentUpdateBody] },
					output: single,
				},
			},
		],
		default: 'create',
	},
	...shipmentFields({ resource: ['shipment'], operation: ['create', 'update'] }, false),
	...shipmentFieldsDescription,
	...shipmentGetAllDescription,
];
