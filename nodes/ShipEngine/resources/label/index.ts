import type { INodeProperties } from 'n8n-workflow';

import { retryingComputeRequest } from '../../../shared/retry';
import { shipEngineError } from '../../shared/errors';
import { checkDates, requireFields, SHIPMENT_SHIP_DATE } from '../../shared/input';
import { labelOutput, pairWithInput, requestInlineLabel } from '../../shared/labelOutput';
import { pageNumberPaginator } from '../../shared/pagination';
import { safePurchase, stampExternalShipmentId } from '../../shared/purchase';
import { shipmentPreSend } from '../../shared/shipment';
import { byVersion } from '../../shared/versions';
import { combinedLabelOutput, labelCombineBody, labelCombineDescription } from './combine';
import { labelCreateDescription } from './create';
import { labelCreateFromRateDescription } from './createFromRate';
import { labelCreateFromShipmentDescription } from './createFromShipment';
import { labelCreateReturnDescription } from './createReturn';
import { labelCreateWithRateShopperDescription } from './createWithRateShopper';
import { labelGetDescription } from './get';
import { labelDateFilters, labelGetAllDescription } from './getAll';
import { labelIdOnlyDescription } from './simple';

const showOnlyForLabels = { resource: ['label'] };

const labelPath = (suffix = '') => `/v1/labels/{labelId}${suffix}`;
const labelResult = { postReceive: [shipEngineError, labelOutput] };
const plainResult = { postReceive: [shipEngineError, pairWithInput] };

const labelOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: showOnlyForLabels },
	options: [
		{
			name: 'Cancel Refund',
			value: 'cancelRefund',
			action: 'Cancel a scheduled label refund so the label stays paid',
			description: 'Exclude a label whose refund status is request_scheduled from the upcoming Refund Assist request',
			routing: { request: { method: 'POST', url: labelPath('/cancel_refund') }, output: plainResult },
		},
		{
			name: 'Combine',
			value: 'combine',
			action: 'Combine labels into one PDF for free',
			description:
				'Put up to 30 existing labels into one PDF file for printing (nothing is bought). Returns the PDF as binary data.',
			routing: {
				request: { method: 'POST', url: '/v1/documents/combined_labels' },
				send: { preSend: [labelCombineBody] },
				operations: { pagination: retryingComputeRequest },
				output: { postReceive: [shipEngineError, combinedLabelOutput] },
			},
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Purchase a shipping label charged to the carrier account',
			description:
				'Purchase a shipping label for a shipment with a chosen carrier and service (charges the carrier account). Returns the label file as binary data. A retried item never buys twice.',
			routing: {
				request: { method: 'POST', url: '/v1/labels' },
				send: {
					preSend: [requireFields(['carrierId', 'Carrier'], ['serviceCode', 'Service']), checkDates([SHIPMENT_SHIP_DATE]), shipmentPreSend, stampExternalShipmentId, requestInlineLabel('body')],
				},
				operations: { pagination: safePurchase('externalShipmentId') },
				output: labelResult,
			},
		},
		{
			name: 'Create From Rate',
			value: 'createFromRate',
			action: 'Purchase a label from a rate charged to the carrier account',
			description:
				'Purchase the label for a rate ID returned by Rate > Calculate (charges the carrier account). Returns the label file as binary data.',
			routing: {
				request: { method: 'POST', url: '/v1/labels/rates/{rateId}' },
				send: { preSend: [requestInlineLabel('body')] },
				operations: { pagination: safePurchase('rateId') },
				output: labelResult,
			},
		},
		{
			name: 'Create From Shipment',
			value: 'createFromShipment',
			action: 'Purchase a label for an existing shipment charged to the carrier account',
			description:
				'Purchase the label for an existing ShipEngine shipment ID (charges the carrier account). Returns the label file as binary data.',
			routing: {
				request: { method: 'POST', url: '/v1/labels/shipment/{shipmentId}' },
				send: { preSend: [requestInlineLabel('body')] },
				operations: { pagination: safePurchase('shipmentId') },
				output: labelResult,
			},
		},
		{
			name: 'Create Return Label',
			value: 'createReturn',
			action: 'Purchase a return label charged to the carrier account',
			description:
				'Purchase a return label for an existing outbound label (charges the carrier account). Not repeated automatically on server errors.',
			routing: {
				request: { method: 'POST', url: labelPath('/return') },
				send: { preSend: [requestInlineLabel('body')] },
				operations: { pagination: safePurchase() },
				output: labelResult,
			},
		},
		{
			name: 'Create With Rate Shopper',
			value: 'createWithRateShopper',
			action: 'Purchase a label with the rate shopper charged to the carrier account',
			description:
				'Let ShipEngine pick the cheapest, fastest or best value service among your wallet carriers and purchase that label (charges the account). A retried item never buys twice.',
			routing: {
				request: {
					method: 'POST',
					url: '/v1/labels/rate_shopper_id/{rateShopperId}',
				},
				send: { preSend: [checkDates([SHIPMENT_SHIP_DATE]), shipmentPreSend, stampExternalShipmentId, requestInlineLabel('body')] },
				operations: { pagination: safePurchase('externalShipmentId') },
				output: labelResult,
			},
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a label for free',
			description: 'Get a label by its ID, with its file as binary data',
			routing: {
				request: { method: 'GET', url: labelPath() },
				send: { preSend: [requestInlineLabel('qs')] },
				output: labelResult,
			},
		},
		{
			name: 'Get By External Shipment ID',
			value: 'getByExternalShipmentId',
			action: 'Get a label by external shipment ID for free',
			description: 'Get the label bought with an external shipment ID (e.g. your order number), with its file as binary data',
			routing: {
				request: {
					method: 'GET',
					url: '/v1/labels/external_shipment_id/{externalShipmentId}',
				},
				send: { preSend: [requestInlineLabel('qs')] },
				output: labelResult,
			},
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many labels for free',
			description: 'List labels, newest first, filtered by status, carrier, tracking number, dates and more',
			routing: {
				request: { method: 'GET', url: '/v1/labels' },
				send: { preSend: [labelDateFilters] },
				operations: { pagination: pageNumberPaginator('labels') },
				output: { postReceive: [shipEngineError] },
			},
		},
		{
			name: 'Get Tracking',
			value: 'getTracking',
			action: 'Get tracking information of a label for free',
			description: 'Get the tracking status and events of a label bought through ShipEngine',
			routing: { request: { method: 'GET', url: labelPath('/track') }, output: plainResult },
		},
		{
			name: 'Void',
			value: 'void',
			action: 'Void an unused label to get its cost refunded',
			description: 'Void an unused label to get a refund; the answer says whether the carrier approved it',
			routing: { request: { method: 'PUT', url: labelPath('/void') }, output: plainResult },
		},
	],
	default: 'get',
};

export const labelDescription: INodeProperties[] = [
	// Version 1 started on Create (buys a label); 1.1 on Get (shared/versions.ts).
	...byVersion(labelOperation, { default: 'create' }),
	...labelCombineDescription,
	...labelCreateDescription,
	...labelCreateFromRateDescription,
	...labelCreateFromShipmentDescription,
	...labelCreateReturnDescription,
	...labelCreateWithRateShopperDescription,
	...labelGetDescription,
	...labelGetAllDescription,
	...labelIdOnlyDescription,
];
