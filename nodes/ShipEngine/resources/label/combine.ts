/**
 * Label › Combine: one PDF with up to 30 labels (POST /v1/documents/combined_labels), for
 * printing a day's labels in one go. Nothing is bought, so the request is retried like a read.
 */
import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { idList } from '../../shared/input';
import { attachLabelFile } from '../../shared/labelOutput';
import { inputError } from '../../shared/shipment';

const showOnlyForLabelCombine = { resource: ['label'], operation: ['combine'] };

/** ShipEngine combines at most 30 labels per document. */
export const COMBINE_MAX_LABELS = 30;

export const labelCombineDescription: INodeProperties[] = [
	{
		displayName: 'Label IDs',
		name: 'labelIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. se-123456, se-234567',
		description: `Labels to put into one PDF, separated by commas (at most ${COMBINE_MAX_LABELS})`,
		displayOptions: { show: showOnlyForLabelCombine },
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'Name of the binary field to put the combined PDF in',
		displayOptions: { show: showOnlyForLabelCombine },
	},
];

/** preSend: checks the IDs before anything is sent and builds the body. */
export async function labelCombineBody(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const labelIds = idList(this, 'labelIds', 'Label IDs');
	if (!labelIds.length) throw inputError(this, 'Label IDs', 'give at least one label ID (e.g. se-123456)');
	if (labelIds.length > COMBINE_MAX_LABELS) {
		throw inputError(this, 'Label IDs', `at most ${COMBINE_MAX_LABELS} labels fit in one document (got ${labelIds.length})`);
	}
	request.body = { label_ids: labelIds, label_format: 'pdf', label_download_type: 'inline' };
	return request;
}

/** postReceive: the combined PDF as binary data (label-combined.pdf), paired with the input item. */
export async function combinedLabelOutput(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const labelIds = idList(this, 'labelIds', 'Label IDs');
	const output: INodeExecutionData[] = [];
	for (const item of items) {
		const combined: INodeExecutionData = {
			json: { label_ids: labelIds, label_format: 'pdf', label_id: 'combined', label_download: item.json.label_download ?? {} },
			pairedItem: { item: this.getItemIndex() },
		};
		await attachLabelFile(this, combined);
		delete combined.json.label_id;
		output.push(combined);
	}
	return output;
}
