/**
 * Label → n8n binary data. With "Download Label" on, the label operations ask ShipEngine for
 * `label_download_type: inline`; ShipEngine then returns the file in `label_download.href` as a
 * base64 data URI (raw base64 is accepted too). If the answer carries a URL instead (the user
 * asked for one), the file is fetched with one extra GET through the shared retry policy and
 * rate-limit gate. The base64 blob is removed from the JSON so items stay small.
 */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { decodeBase64Label, downloadFile, downloadHttpCode, labelBinary } from '../../shared/binary';
import { SHIPENGINE_BASE_URL } from '../../shared/constants';
import { attachCustomsForm } from './customsForm';

function isUrl(value: string): boolean {
	return /^https?:\/\//i.test(value);
}

function wantsDownload(ctx: IExecuteSingleFunctions): boolean {
	return ctx.getNodeParameter('downloadLabel', false) as boolean;
}

/** preSend: asks for the label inline when it will be downloaded and the user chose no download type. */
export function requestInlineLabel(where: 'body' | 'qs') {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		if (!wantsDownload(this)) return requestOptions;
		const target = ((where === 'body' ? requestOptions.body : requestOptions.qs) ?? {}) as IDataObject;
		if (target.label_download_type === undefined) target.label_download_type = 'inline';
		if (where === 'body') requestOptions.body = target;
		else requestOptions.qs = target;
		return requestOptions;
	};
}

/** What a failed download says (Label: the purchase is not repeated; Batch > Get Labels: nothing is bought). */
export interface DownloadFailureText {
	message: (detail: string) => string;
	next: string;
}

export const LABEL_DOWNLOAD_FAILURE: DownloadFailureText = {
	message: (detail) => `The label was created, but downloading its file failed (${detail})`,
	next: 'Run the node again: the purchase is not repeated (the label is found by its ID or external shipment ID).',
};

/** GETs a label file; the API key goes only to the API's own host. */
export async function fetchLabelFile(ctx: IExecuteSingleFunctions, url: string, text = LABEL_DOWNLOAD_FAILURE): Promise<Buffer> {
	const credentials = await ctx.getCredentials<{ baseUrl?: string }>('shipEngineApi');
	const apiHost = new URL(credentials.baseUrl || SHIPENGINE_BASE_URL).host;
	// The API key is sent only to the API's own host (download links live there); never elsewhere.
	const credentialType = new URL(url).host === apiHost ? 'shipEngineApi' : undefined;
	const result = await downloadFile(ctx, url, { credentialType });
	if ('data' in result) return result.data;
	const { detail, attempts } = result.failure;
	throw new NodeApiError(ctx.getNode(), { message: detail } as JsonObject, {
		message: text.message(detail),
		description: `Download URL: ${url}${attempts > 1 ? ` (tried ${attempts} times)` : ''}. ${text.next}`,
		httpCode: downloadHttpCode(result.failure),
		itemIndex: ctx.getItemIndex(),
	});
}

/**
 * Takes inline file data (large base64) out of a label's `label_download`, keeping real links,
 * and returns it decoded. Done before anything is awaited, so while the file is stored (written
 * to disk in n8n's filesystem mode) the item holds only the bytes: never the base64 text, the
 * bytes and the JSON copy of a label at the same time.
 */
function takeInlineFile(label: IDataObject, format: string): { bytes: Buffer } | { url: string } | undefined {
	const download = { ...((label.label_download as IDataObject | undefined) ?? {}) };
	const source = [download.href, download[format]].find((v) => typeof v === 'string' && v !== '') as string | undefined;
	if (!source) return undefined;
	for (const key of Object.keys(download)) {
		if (typeof download[key] === 'string' && !isUrl(download[key] as string)) delete download[key];
	}
	label.label_download = download;
	return isUrl(source) ? { url: source } : { bytes: decodeBase64Label(source) };
}

/** Adds the label file as binary data to one label item (in place). */
export async function attachLabelFile(ctx: IExecuteSingleFunctions, item: INodeExecutionData): Promise<void> {
	const label = item.json;
	const format = String(label.label_format ?? (ctx.getNodeParameter('options.labelFormat', 'pdf') as string)).toLowerCase();
	const file = takeInlineFile(label, format);
	if (!file) {
		if (label.status === 'completed' && label.label_id) {
			throw new NodeOperationError(ctx.getNode(), `Label ${String(label.label_id)} has no file to download`, {
				itemIndex: ctx.getItemIndex(),
				description: 'Turn off "Download Label" for paperless labels, or fetch the label again with Label > Get.',
			});
		}
		return;
	}
	const bytes = 'url' in file ? await fetchLabelFile(ctx, file.url) : file.bytes;
	const binaryProperty = ctx.getNodeParameter('binaryPropertyName', 'data') as string;
	item.binary = {
		...(item.binary ?? {}),
		[binaryProperty]: await labelBinary(ctx, bytes, format, String(label.tracking_number || label.label_id || 'label')),
	};
}

/** postReceive (after shipEngineError): label JSON + binary file, paired with the input item. */
export async function labelOutput(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	for (const item of items) {
		if (wantsDownload(this)) {
			await attachLabelFile(this, item);
			await attachCustomsForm(this, item);
		}
		item.pairedItem = { item: itemIndex };
	}
	return items;
}

/** postReceive for single-object answers: pairs every output item with its input item. */
export async function pairWithInput(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	for (const item of items) item.pairedItem = { item: itemIndex };
	return items;
}
