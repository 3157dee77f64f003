/**
 * Batch > Get Labels: the batch's combined label file (every label of the batch in one PDF, PNG
 * or ZPL file, `label_download` of the processed batch) as binary data, so an evening run ends in
 * one file to print. One GET of the batch, one download through the shared retry policy and
 * rate-limit gate (the API key goes only to the API's own host). Nothing is bought.
 */
import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { labelBinary } from '../../../shared/binary';
import { fetchLabelFile } from '../../shared/labelOutput';

export const batchLabelsDescription: INodeProperties[] = [
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'Name of the binary field to put the batch\'s label file in',
		displayOptions: { show: { resource: ['batch'], operation: ['getLabels'] } },
	},
];

const LABELLED = ['completed', 'completed_with_errors'];

function noFile(ctx: IExecuteSingleFunctions, message: string, description: string): NodeOperationError {
	const error = new NodeOperationError(ctx.getNode(), message, { itemIndex: ctx.getItemIndex(), description });
	// An answer was read: nothing for the retry policy to repeat.
	return Object.assign(error, { code: 'NO_BATCH_LABEL_FILE' });
}

/** postReceive (after shipEngineError): the batch JSON with its label file as binary data. */
export async function batchLabelsOutput(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const batch = (items[0]?.json ?? {}) as IDataObject;
	const id = String(batch.batch_id ?? '');
	const status = String(batch.status ?? '');
	if (!LABELLED.includes(status)) {
		throw noFile(
			this,
			`Batch ${id} has no label file yet: its status is ${status || 'unknown'}`,
			'Labels exist once the batch is processed: use Batch > Process (with Wait Until Processed), or run Get Labels when the ShipEngine Trigger reports "Batch Processed".',
		);
	}
	const download = (batch.label_download ?? {}) as IDataObject;
	const format = String(batch.label_format ?? 'pdf').toLowerCase();
	const url = [download[format], download.href].find((v) => typeof v === 'string' && v !== '') as string | undefined;
	if (!url) throw noFile(this, `Batch ${id} has no label file`, 'ShipEngine returned no label_download link (every label may have failed: see Batch > Get Errors).');
	const bytes = await fetchLabelFile(this, url, {
		message: (detail) => `Downloading the label file of batch ${id} failed (${detail})`,
		next: 'Run Get Labels again: it only reads, nothing is bought.',
	});
	const binaryProperty = this.getNodeParameter('binaryPropertyName', 'data') as string;
	const name = `batch-${String(batch.batch_number || id || 'labels')}`;
	return [{ json: batch, binary: { [binaryProperty]: await labelBinary(this, bytes, format, name) }, pairedItem: { item: this.getItemIndex() } }];
}
