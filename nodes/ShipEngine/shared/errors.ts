/**
 * ShipEngine's error envelope is { request_id, errors: [{ error_source, error_type, error_code,
 * message, field_name }] }. A 2xx can still carry errors[] (partial success, 207 on carriers):
 * those are failures the user must see, never silent success.
 */
import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { apiError, excerpt, parseBody, unusableSuccessBody } from '../../shared/errors';

interface ShipEngineErrorBody {
	request_id?: string;
	errors?: Array<{ message?: string; error_code?: string; error_type?: string; field_name?: string }>;
	message?: string;
}

const HINTS: Record<string, string> = {
	unauthorized: 'Check the API key in the ShipEngine credential.',
	invalid_address: 'Fix the address fields named in the message, or validate the address first.',
	invalid_field_value: 'Fix the field named in the message.',
	field_value_required: 'Fill in the field named in the message.',
	rate_limit_exceeded: 'Too many requests for this API key: lower the batch size or wait.',
	insufficient_funds: 'Add funds to the carrier account (Balance > Add Funds) and try again.',
	not_found: 'Check the ID: it does not exist in this ShipEngine account (sandbox and production keys see different data).',
};

export function shipEngineFailureMessage(status: number, body: unknown): { message: string; code?: string; requestId?: string; hint?: string } {
	const parsed = (body && typeof body === 'object' ? body : {}) as ShipEngineErrorBody;
	const errors = parsed.errors ?? [];
	const codes = [...new Set(errors.map((e) => e.error_code).filter(Boolean))] as string[];
	const message =
		errors
			.map((e) => e.message)
			.filter(Boolean)
			.join('; ') ||
		parsed.message ||
		excerpt(body) ||
		(status === 429 ? 'ShipEngine rate limit reached' : `ShipEngine request failed with HTTP ${status}`);
	const code = codes.join(', ') || undefined;
	const hint = codes.map((c) => HINTS[c]).find(Boolean) ?? (status === 401 ? HINTS.unauthorized : status === 404 ? HINTS.not_found : undefined);
	return { message, code, requestId: parsed.request_id, hint };
}

/** Operations whose 2xx answer lists errors as its data (GET /v1/batches/{id}/errors), not as a failure. */
const ERRORS_ARE_DATA = new Set(['batch:getErrors']);

function errorsAreData(ctx: IExecuteSingleFunctions): boolean {
	return ERRORS_ARE_DATA.has(`${String(ctx.getNodeParameter('resource', ''))}:${String(ctx.getNodeParameter('operation', ''))}`);
}

/** postReceive, first in every operation: throws on HTTP errors and on 2xx bodies with errors[]. */
export async function shipEngineError(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = parseBody(response.body);
	// ShipEngine answers JSON to everything but 204: anything else is not data.
	const unusable = response.statusCode < 400 ? unusableSuccessBody('ShipEngine', response.statusCode, body, true) : undefined;
	if (unusable) throw apiError(this, { ...unusable, headers: response.headers as IDataObject });
	const hasErrors =
		Array.isArray((body as ShipEngineErrorBody | undefined)?.errors) && ((body as ShipEngineErrorBody).errors ?? []).length > 0 && !(response.statusCode < 400 && errorsAreData(this));
	if (response.statusCode < 400 && !hasErrors) return items;
	const status = response.statusCode < 400 ? response.statusCode : response.statusCode;
	throw apiError(this, {
		status,
		...shipEngineFailureMessage(status, body),
		body,
		headers: response.headers as IDataObject,
	});
}
