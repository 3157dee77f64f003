/**
 * Rate › Calculate For Shipments: rates for many existing shipments in one request
 * (POST /v1/rates/bulk with shipment_ids). ShipEngine answers one rate request per shipment (status,
 * errors) without the rates themselves: they are read from each shipment afterwards.
 */
import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { carrierIdsField } from '../../shared/descriptions';
import { idList } from '../../shared/input';
import { asText, inputError } from '../../../shared/validation';

const showOnlyForBulkRates = { resource: ['rate'], operation: ['calculateBulk'] };

/** preSend: { shipment_ids, rate_options: { carrier_ids } }. */
export async function bulkRatesBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const shipmentIds = idList(this, 'bulkShipmentIds', 'Shipment IDs To Rate');
	if (!shipmentIds.length) throw inputError(this, 'Shipment IDs To Rate', 'give at least one shipment ID (e.g. se-123456)');
	const carrierIds = (this.getNodeParameter('carrierIds', []) as unknown[]).map(asText).filter(Boolean);
	if (!carrierIds.length) throw inputError(this, 'Carrier Names or IDs', 'choose at least one carrier account');
	request.body = { shipment_ids: shipmentIds, rate_options: { carrier_ids: carrierIds } };
	return request;
}

export const rateBulkDescription: INodeProperties[] = [
	{
		displayName: 'Shipment IDs To Rate',
		name: 'bulkShipmentIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. se-123456, se-234567',
		description: 'Existing shipments to rate, separated by commas (or an array from an expression)',
		displayOptions: { show: showOnlyForBulkRates },
	},
	carrierIdsField(showOnlyForBulkRates),
];
