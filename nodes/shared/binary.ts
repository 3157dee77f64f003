/**
 * Labels as n8n binary data, shared by both nodes: right MIME type and a file name such as
 * label-<tracking number>.pdf, so Email, Google Drive or Write File nodes take them as is.
 */
import type { IBinaryData, IExecuteSingleFunctions } from 'n8n-workflow';

export const LABEL_MIME_TYPES: Record<string, string> = {
	pdf: 'application/pdf',
	png: 'image/png',
	zpl: 'application/zpl',
	epl: 'text/plain',
	jpg: 'image/jpeg',
	gif: 'image/gif',
};

export function labelFileName(format: string, id: string | undefined): string {
	const safe = String(id ?? 'label').replace(/[^A-Za-z0-9_-]+/g, '_') || 'label';
	return `label-${safe}.${format.toLowerCase()}`;
}

/** Stores label bytes as binary data with the MIME type and file name its format implies. */
export async function labelBinary(
	ctx: IExecuteSingleFunctions,
	data: Buffer,
	format: string,
	id: string | undefined,
): Promise<IBinaryData> {
	const fmt = format.toLowerCase();
	return await ctx.helpers.prepareBinaryData(
		data,
		labelFileName(fmt, id),
		LABEL_MIME_TYPES[fmt] ?? 'application/octet-stream',
	);
}

/** Strips a data: URI prefix, if any, and decodes base64 label data. */
export function decodeBase64Label(value: string): Buffer {
	const comma = value.startsWith('data:') ? value.indexOf(',') : -1;
	return Buffer.from(comma >= 0 ? value.slice(comma + 1) : value, 'base64');
}
