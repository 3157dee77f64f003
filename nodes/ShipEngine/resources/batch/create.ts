/**
 * Batch > Create (POST /v1/batches): from shipment IDs or rate IDs typed or mapped per item (one
 * batch per item), or from every input item's shipment ID in one request (one batch for all
 * items: "end of day" after Shipment > Create). Creating a batch buys nothing; Process does.
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

import { inputItemCount, itemErrorOrThrow, itemView, type RawParameters } from '../../../shared/allItems';
import { withErrorItems } from '../../../shared/errorItem';
import { requestWithRetry } from '../../../shared/retry';
import { inputError } from '../../../shared/validation';
import { idList, requiredText } from '../../shared/input';

const show = { resource: ['batch'], operation: ['create'] };

export const batchCreateDescription: INodeProperties[] = [
	{
		displayName: 'Create From',
		name: 'batchSource',
		description: 'Which shipments or rates the batch holds',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'All Input Items\' Shipments (One Batch)',
				value: 'inputItems',
				description: 'One batch with the shipment ID of every input item, in one request (e.g. after Shipment > Create)',
			},
			{ name: 'Rate IDs (One Batch per Item)', value: 'rateIds', description: 'Rates from Rate > Calculate or Shipment > Get Rates: buys exactly those services' },
			{ name: 'Shipment IDs (One Batch per Item)', value: 'shipmentIds', description: 'A list of shipment IDs for each item' },
		],
		default: 'inputItems',
		displayOptions: { show },
	},
	{
		displayName: 'Shipment ID',
		name: 'shipmentId',
		type: 'string',
		required: true,
		default: '={{ $json.shipment_id }}',
		description: 'The shipment ID of each input item; all of them go into one batch',
		displayOptions: { show: { ...show, batchSource: ['inputItems'] } },
	},
	{
		displayName: 'Shipment IDs',
		name: 'shipmentIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. se-123456, se-234567',
		description: 'Shipments to put in the batch (IDs separated by commas, or an array from an expression)',
		displayOptions: { show: { ...show, batchSource: ['shipmentIds'] } },
	},
	{
		displayName: 'Rate IDs',
		name: 'rateIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. se-rate-1, se-rate-2',
		description: 'Rates to put in the batch (IDs separated by commas, or an array from an expression)',
		displayOptions: { show: { ...show, batchSource: ['rateIds'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Batch Notes',
				name: 'batchNotes',
				type: 'string',
				default: '',
				placeholder: 'e.g. Evening run',
				description: 'Your note on the batch',
				routing: { send: { type: 'body', property: 'batch_notes' } },
			},
			{
				displayName: 'External Batch ID',
				name: 'externalBatchId',
				type: 'string',
				default: '',
				placeholder: 'e.g. eod-2026-04-10',
				description: 'Your own ID for the batch (e.g. the date); Get By External ID finds it',
				routing: { send: { type: 'body', property: 'external_batch_id' } },
			},
		],
	},
];

/** preSend: the IDs of this item's batch (the input-items mode is built by createBatch). */
export async function batchCreateBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const source = this.getNodeParameter('batchSource', 'inputItems') as string;
	if (source === 'inputItems') return request;
	const body = { ...((request.body ?? {}) as IDataObject) };
	const [param, label, key] = source === 'rateIds' ? ['rateIds', 'Rate IDs', 'rate_ids'] : ['shipmentIds', 'Shipment IDs', 'shipment_ids'];
	const ids = idList(this, param, label);
	if (!ids.length) throw inputError(this, label, 'give at least one ID');
	body[key] = ids;
	request.body = body;
	return request;
}

/**
 * `routing.operations.pagination` of Batch > Create: one batch for all items in that mode. With
 * Continue On Fail, a bad item is its own error item, and a refused request an error item for
 * each item whose shipment it carried (../../../shared/errorItem.ts).
 */
export const createBatch = withErrorItems(async function (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	if (this.getNodeParameter('batchSource', 'inputItems') !== 'inputItems') {
		const [item] = await requestWithRetry.call(this, requestData, false);
		return [{ json: item?.json ?? {}, pairedItem: { item: itemIndex } }];
	}
	if (itemIndex !== 0) return [];
	const output: INodeExecutionData[] = [];
	const ids: string[] = [];
	const included: number[] = [];
	const raw: RawParameters = new Map();
	for (let i = 0; i < inputItemCount(this); i++) {
		try {
			const item = itemView(this, i, raw);
			const [id, ...more] = idList(item, 'shipmentId', 'Shipment ID');
			if (!id) requiredText(item, 'shipmentId', 'Shipment ID');
			if (more.length) throw inputError(item, 'Shipment ID', 'give one shipment ID per item');
			ids.push(id);
			included.push(i);
		} catch (error) {
			output.push(itemErrorOrThrow(this, error, i));
		}
	}
	if (!ids.length) return output;
	const body = { ...((requestData.options.body ?? {}) as IDataObject), shipment_ids: ids };
	try {
		const [item] = await requestWithRetry.call(this, { ...requestData, options: { ...requestData.options, body } }, false);
		output.unshift({ json: item?.json ?? {}, pairedItem: included.map((item) => ({ item })) });
		return output;
	} catch (error) {
		const failed = included.map((i) => itemErrorOrThrow(this, error, i));
		return [...failed, ...output].sort((a, b) => pairedIndex(a) - pairedIndex(b));
	}
});

function pairedIndex(item: INodeExecutionData): number {
	return (item.pairedItem as { item: number }).item;
}
