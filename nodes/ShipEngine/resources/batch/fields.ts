/** Fields of the Batch operations that address one batch, and their request shaping. */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { idList } from '../../shared/input';
import { returnAllFields } from '../../shared/pagination';

const show = (...operation: string[]) => ({ resource: ['batch'], operation });

/** Add / Remove: `{ shipment_ids?, rate_ids? }`, at least one ID. */
export async function modifyBatchBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const shipmentIds = idList(this, 'shipmentIds', 'Shipment IDs');
	const rateIds = idList(this, 'rateIds', 'Rate IDs');
	if (!shipmentIds.length && !rateIds.length) throw inputError(this, 'Shipment IDs', 'give at least one shipment ID or rate ID');
	const body: IDataObject = {};
	if (shipmentIds.length) body.shipment_ids = shipmentIds;
	if (rateIds.length) body.rate_ids = rateIds;
	request.body = body;
	return request;
}

/** The answer of a 204 Add / Remove: what changed. */
export function modifiedBatch(ctx: IExecuteSingleFunctions, change: 'added' | 'removed'): IDataObject {
	const list = (param: string) => {
		const raw = ctx.getNodeParameter(param, '') as unknown;
		return (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(/[\s,;]+/)).map((id) => id.trim()).filter(Boolean);
	};
	return { batch_id: String(ctx.getNodeParameter('batchId', '')).trim(), [`${change}_shipment_ids`]: list('shipmentIds'), [`${change}_rate_ids`]: list('rateIds') };
}

export const batchFieldsDescription: INodeProperties[] = [
	{
		displayName: 'Batch ID',
		name: 'batchId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. se-123456',
		description: 'ID of the batch (batch_id, from Batch > Create or Get Many)',
		displayOptions: { show: show('addTo', 'delete', 'get', 'getErrors', 'getLabels', 'process', 'removeFrom') },
	},
	{
		displayName: 'External Batch ID',
		name: 'externalBatchId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. eod-2026-04-10',
		description: 'Your ID given as External Batch ID when the batch was created',
		displayOptions: { show: show('getByExternalId') },
	},
	{
		displayName: 'Shipment IDs',
		name: 'shipmentIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. se-123456, se-234567',
		description: 'Shipments to add or remove (IDs separated by commas, or an array from an expression)',
		displayOptions: { show: show('addTo', 'removeFrom') },
	},
	{
		displayName: 'Rate IDs',
		name: 'rateIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. se-rate-1',
		description: 'Rates to add or remove (IDs separated by commas, or an array from an expression)',
		displayOptions: { show: show('addTo', 'removeFrom') },
	},
	...returnAllFields(show('getErrors')),
];
