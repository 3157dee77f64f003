/**
 * SERA error mapper, first postReceive of every operation (SERA reports its documented errors as
 * HTTP 400 with an 8000xx code). The error body is undocumented: we read errors[0] first, then
 * top-level fields, and keep the raw body in the error for the details panel.
 */
import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData, NodeApiError } from 'n8n-workflow';

import { apiError, excerpt, parseBody, unusableSuccessBody } from '../../shared/errors';
import type { HttpAnswer } from '../../shared/n8nVersions';

type ErrorEntry = IDataObject & {
	error_code?: string | number;
	error_message?: string;
	error_reference_id?: string;
	message?: string;
	code?: string | number;
};

/** What to fix, for the codes of SERA's error table (all HTTP 400). */
export const SERA_HINTS: Record<string, string> = {
	'800000': 'SERA rejected part of the request: fix the field named in the message.',
	'800001':
		'The Idempotency-Key is not a version-4 UUID. Clear the Idempotency Key option, or enter any text: the node turns text into a v4 UUID.',
	'800002':
		'SERA expected an Idempotency-Key header on this POST. The node always sends one, so a proxy between n8n and SERA (see the API Base URL in the credential) probably removed it.',
	'800010': 'Check the Label ID: it must be the label_id returned when the label was created with this account.',
	'800100': 'This carrier does not offer pickups through SERA: choose another carrier.',
	'800101': 'All labels of one pickup must belong to the same carrier: split the label IDs by carrier.',
	'800102': 'Remove the labels that cannot be picked up (already picked up, voided or of another service) from Label IDs.',
	'800103': 'USPS does not pick up on Sundays: choose another day for the pickup window.',
	'800104': 'USPS does not pick up on holidays: choose another day for the pickup window.',
	'800105': 'USPS pickups must be for the next USPS business day: change the pickup window.',
	'800106': 'All labels of one pickup must share the same address and contact details: split the label IDs.',
	'800200': 'This carrier does not support manifests (SCAN forms) through SERA: choose another carrier.',
	'899999':
		'SERA hit an unexpected error. Try again later; if it persists, send the reference ID to developersupport@stamps.com.',
};

const VARYING_CODES = new Set(['800000', '899999']);

const TEXT_HINTS: Array<[RegExp, string]> = [
	[/insufficient|not enough (funds|postage)|balance/i, 'Add funds (Balance > Add Funds) or lower the cost, then run the node again.'],
	[/address/i, 'Check the address fields named in the message, or run Address > Validate first and use the matched address.'],
	[/ship_date|ship date/i, 'Use a ship date that is today or later (format YYYY-MM-DD).'],
	[/service_type|service type/i, 'Pick a service your account offers (Carrier > Get Services lists them).'],
];

const STATUS_HINTS: Record<number, string> = {
	401: 'The access token was refused even after a refresh: reconnect the Stamps.com credential.',
	403: 'This account may not use this feature or carrier: check the account capabilities (Account > Get).',
	404: 'Check the ID in the request: it does not exist for this account and environment (staging and production see different data).',
	429: 'Too many requests: space the requests out (batching in the node settings) or try again later.',
};

function firstString(...values: unknown[]): string | undefined {
	for (const value of values) {
		if (typeof value === 'string' && value.trim()) return value.trim();
		if (typeof value === 'number') return String(value);
	}
	return undefined;
}

export function seraFailure(status: number, body: unknown) {
	const parsed = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as ErrorEntry & {
		errors?: ErrorEntry[];
	};
	const first = (Array.isArray(parsed.errors) ? parsed.errors[0] : undefined) ?? {};
	const code = firstString(first.error_code, first.code, parsed.error_code, parsed.code);
	const message =
		firstString(first.error_message, first.message, parsed.error_message, parsed.message, parsed.error_description, parsed.error) ??
		excerpt(body) ??
		`SERA request failed with HTTP ${status}`;
	const requestId = firstString(
		first.error_reference_id,
		first.reference_id,
		parsed.error_reference_id,
		parsed.reference_id,
		parsed.request_id,
	);
	const textHint = TEXT_HINTS.find(([pattern]) => pattern.test(message))?.[1];
	// 800000 and 899999 carry varying messages: a hint read from the message is more precise.
	const codeHint = code ? SERA_HINTS[code] : undefined;
	const hint =
		(code && VARYING_CODES.has(code) ? (textHint ?? codeHint) : (codeHint ?? textHint)) ??
		STATUS_HINTS[status] ??
		(status >= 500 ? 'SERA had a server problem; the node already retried with the same Idempotency-Key. Try again later.' : undefined);
	return { message, code, requestId, hint };
}

/**
 * postReceive: rejects a success answer whose body is not JSON. HTTP errors throw before
 * postReceive (the node does not ignore them, see nodes/shared/n8nVersions.ts) and seraRequest
 * maps them; the >= 400 branch maps the same way should an answer with an error status arrive.
 */
export async function seraError(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode < 400) {
		// No body is fine (void, cancel and connect answer without one); text that is not JSON is not.
		const unusable = unusableSuccessBody('SERA', response.statusCode, parseBody(response.body), false);
		if (unusable) throw apiError(this, { ...unusable, headers: response.headers as IDataObject });
		return items;
	}
	throw seraHttpError(this, { status: response.statusCode, body: parseBody(response.body), headers: response.headers as IDataObject });
}

/** SERA's answer with HTTP >= 400 as a NodeApiError with its message, code, reference id and hint. */
export function seraHttpError(ctx: Parameters<typeof apiError>[0], answer: HttpAnswer): NodeApiError {
	return apiError(ctx, { status: answer.status, ...seraFailure(answer.status, answer.body), body: answer.body, headers: answer.headers });
}
