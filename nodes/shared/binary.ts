/**
 * Labels as n8n binary data, shared by both nodes: right MIME type and a file name such as
 * label-<tracking number>.pdf, so Email, Google Drive or Write File nodes take them as is.
 * Label files given as a URL are fetched through the shared retry policy and rate-limit gate.
 */
import type {
	IBinaryData,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { describeFailure, RETRY_STATUSES, sendWithRetry } from './retry';

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

/** How a download ended when it brought no file. */
export interface DownloadFailure {
	/** The last HTTP status, when the host answered. */
	status?: number;
	/** "HTTP 404", or the network error ("ECONNRESET: socket hang up"). */
	detail: string;
	attempts: number;
}

/**
 * GETs a file through the shared retry policy and rate-limit gate (a read: 408, 429, 5xx and
 * network failures are retried; a 429 holds every request to that host for this credential until
 * its Retry-After). `credentialType` signs the request with that credential; leave it out for
 * links that must not see a key.
 */
export async function downloadFile(
	ctx: IExecuteSingleFunctions,
	url: string,
	options: { credentialType?: string; timeout?: number } = {},
): Promise<{ data: Buffer } | { failure: DownloadFailure }> {
	const request: IHttpRequestOptions = {
		method: 'GET',
		url,
		encoding: 'arraybuffer',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	if (options.timeout !== undefined) request.timeout = options.timeout;
	let attempts = 0;
	let last: DownloadFailure | undefined;
	const send = async (): Promise<Buffer> => {
		attempts++;
		let response: IN8nHttpFullResponse;
		try {
			response = (
				options.credentialType
					? await ctx.helpers.httpRequestWithAuthentication.call(ctx, options.credentialType, request)
					: await ctx.helpers.httpRequest(request)
			) as IN8nHttpFullResponse;
		} catch (error) {
			const { code } = describeFailure(error);
			const message = (error as Error).message ?? String(error);
			last = { detail: code && !message.includes(code) ? `${code}: ${message}` : message, attempts };
			// Wrapped for n8n; the network code stays readable in the cause (the retry decides on it).
			throw error instanceof NodeApiError ? error : new NodeApiError(ctx.getNode(), error as JsonObject);
		}
		if (response.statusCode < 400) return Buffer.from(response.body as ArrayBuffer);
		last = { status: response.statusCode, detail: `HTTP ${response.statusCode}`, attempts };
		const failed = new NodeApiError(ctx.getNode(), { statusCode: response.statusCode }, {
			message: last.detail,
			httpCode: String(response.statusCode),
		});
		failed.context = { ...(failed.context ?? {}), responseHeaders: (response.headers ?? {}) as IDataObject };
		throw failed;
	};
	try {
		return { data: await sendWithRetry(ctx, { url }, send, true) };
	} catch (error) {
		return { failure: last ?? { detail: (error as Error).message, attempts } };
	}
}

/**
 * The httpCode for the error a failed download becomes: a status the retry policy would retry
 * (408, 429, 5xx) is left out, so the operation's own request (a purchase, say) is never
 * repeated because its label file could not be fetched; the status stays in the message.
 */
export function downloadHttpCode(failure: DownloadFailure): string | undefined {
	return failure.status !== undefined && !RETRY_STATUSES.includes(failure.status) ? String(failure.status) : undefined;
}
