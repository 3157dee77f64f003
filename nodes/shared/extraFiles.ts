/**
 * Where a label answer's further files go, the same in both nodes: the label in the binary field
 * the user named (`data`), more label pages in `data_2`, `data_3`…, customs forms in
 * `data_form`, `data_form_2`…, each with a file name that says what it is
 * (label-<id>.pdf, label-<id>-2.pdf, customs-form-<id>.pdf).
 */
import type { IBinaryData, IExecuteSingleFunctions } from 'n8n-workflow';

import { labelBinary } from './binary';

export type FileKind = 'label' | 'form';

/** Binary property of the `index`-th (0-based) file of a kind: data, data_2 / data_form, data_form_2. */
export function fileProperty(base: string, kind: FileKind, index = 0): string {
	return `${base}${kind === 'form' ? '_form' : ''}${index === 0 ? '' : `_${index + 1}`}`;
}

/** File name: `<prefix>-<id>[-n].<format>`, the id made safe for any file system. */
export function extraFileName(prefix: string, id: string, index: number, format: string): string {
	const safe = String(id || prefix).replace(/[^A-Za-z0-9_-]+/g, '_');
	return `${prefix}-${safe}${index === 0 ? '' : `-${index + 1}`}.${format.toLowerCase()}`;
}

/** Bytes as binary data with the MIME type of `format` and the given file name. */
export async function storeFile(ctx: IExecuteSingleFunctions, data: Buffer, format: string, fileName: string): Promise<IBinaryData> {
	const stored = await labelBinary(ctx, data, format, undefined);
	stored.fileName = fileName;
	return stored;
}
