/**
 * Label, manifest and container-label files as n8n binary data (PDF, PNG or ZPL with the right
 * MIME type and file name), whether SERA answered with base64 data or with a URL.
 *
 * SERA answers `labels: [{ href }]` (label_output_type "url", its default) or, for "base64", the
 * data inline (`label_data` in third-party clients; the official field name is undocumented, so
 * a few likely names are read). A URL is fetched with a second, unauthenticated GET, as SERA's
 * guide says to open it in a browser; that GET goes through the shared retry policy and the
 * link host's rate-limit gate (408/429/5xx/network errors retried, Retry-After honoured).
 * The base64 blob is removed from the item's JSON once it is binary data.
 */
import type {
	IBinaryData,
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	JsonObject,
	PostReceiveAction,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { decodeBase64Label, downloadFile, downloadHttpCode } from '../../shared/binary';
import { extraFileName, fileProperty, storeFile, type FileKind } from '../../shared/extraFiles';
import { apiError, unusableSuccessBody } from '../../shared/errors';

const INLINE_DATA_KEYS = ['label_data', 'data', 'base64', 'image_data', 'label_image', 'content'];

export interface LabelOutputOptions {
	/** The response property holding the id used in file names (label_id, manifest_id...). */
	idProperty: string;
	/** File name prefix: "label", "manifest", "container-label". */
	filePrefix: string;
	/** Node parameter holding the requested format (label_format); PDF when unset. */
	formatParameter?: string;
	/** A fixed id when the response has none (reprint answers without label_id). */
	idParameter?: string;
}

/** File extension and MIME key for a SERA label_format (zpl_ascii is ZPL too). */
export function fileFormat(labelFormat: string | undefined, data?: Buffer): string {
	const fmt = String(labelFormat ?? '').toLowerCase();
	if (fmt === 'zpl' || fmt === 'zpl_ascii') return 'zpl';
	if (fmt === 'png' || fmt === 'pdf') return fmt;
	// Unknown: sniff the bytes, PDF otherwise (SERA's default).
	if (data?.subarray(0, 4).toString('latin1') === '%PDF') return 'pdf';
	if (data?.subarray(1, 4).toString('latin1') === 'PNG') return 'png';
	if (data?.subarray(0, 3).toString('latin1') === '^XA') return 'zpl';
	return 'pdf';
}

function inlineData(file: IDataObject): { key: string; value: string } | undefined {
	for (const key of INLINE_DATA_KEYS) {
		const value = file[key];
		if (typeof value === 'string' && value.length > 0 && !/^https?:\/\//i.test(value)) return { key, value };
	}
	return undefined;
}

/**
 * GET a label URL (no credentials: SERA's label links are meant for a browser) through the shared
 * retry policy and rate-limit gate of the link's host.
 */
export async function downloadLabel(ctx: IExecuteSingleFunctions, url: string): Promise<Buffer> {
	if (url.startsWith('data:')) return decodeBase64Label(url);
	const result = await downloadFile(ctx, url, { timeout: 120_000 });
	if ('data' in result) return result.data;
	const { detail, attempts } = result.failure;
	throw new NodeApiError(ctx.getNode(), { message: detail } as JsonObject, {
		message: `The file could not be downloaded from SERA (${detail})`,
		description: `Tried ${attempts} time(s): ${url.split('?')[0]}`,
		httpCode: downloadHttpCode(result.failure),
		itemIndex: ctx.getItemIndex(),
	});
}

async function filesToBinary(
	ctx: IExecuteSingleFunctions,
	files: unknown,
	opts: LabelOutputOptions & { format?: string; id: string; property: string; kind: FileKind; namePrefix: string },
	binary: Record<string, IBinaryData>,
): Promise<void> {
	if (!Array.isArray(files)) return;
	for (const [index, raw] of files.entries()) {
		if (!raw || typeof raw !== 'object') continue;
		const file = raw as IDataObject;
		const inline = inlineData(file);
		let data: Buffer | undefined;
		if (inline) {
			data = decodeBase64Label(inline.value);
			delete file[inline.key];
		} else if (typeof file.href === 'string' && file.href) {
			data = await downloadLabel(ctx, file.href);
		}
		if (!data) continue;
		const fmt = fileFormat(opts.format, data);
		binary[fileProperty(opts.property, opts.kind, index)] = await storeFile(ctx, data, fmt, extraFileName(opts.namePrefix, opts.id, index, fmt));
	}
}

/**
 * postReceive after the error mapper: `labels[]` become binary properties `<field>`, `<field>_2`…
 * and `forms[]` (customs forms) `<field>_form`, `<field>_form_2`…
 */
export function labelToBinary(options: LabelOutputOptions): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		// A label answer always has a body: an empty one must not pass as a bought or reprinted label.
		const empty = items.find((item) => !item.json || typeof item.json !== 'object');
		if (empty) {
			const failure = unusableSuccessBody('SERA', response.statusCode, undefined, true);
			if (failure) throw apiError(this, { ...failure, headers: response.headers as IDataObject });
		}
		const property = (this.getNodeParameter('binaryPropertyName', 'data') as string) || 'data';
		const format = options.formatParameter
			? (this.getNodeParameter(options.formatParameter, '') as string)
			: undefined;
		for (const item of items) {
			const json = item.json;
			const id =
				String(json[options.idProperty] ?? '') ||
				(options.idParameter ? String(this.getNodeParameter(options.idParameter, '')).trim() : '') ||
				options.filePrefix;
			const binary: Record<string, IBinaryData> = {};
			const base = { ...options, format, id, namePrefix: options.filePrefix };
			await filesToBinary(this, json.labels, { ...base, property, kind: 'label' }, binary);
			await filesToBinary(this, json.forms, { ...base, property, kind: 'form', namePrefix: `${options.filePrefix}-form` }, binary);
			if (Object.keys(binary).length) item.binary = { ...(item.binary ?? {}), ...binary };
			item.pairedItem = { item: this.getItemIndex() };
		}
		return items;
	};
}
