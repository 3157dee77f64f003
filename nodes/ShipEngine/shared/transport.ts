/**
 * Programmatic ShipEngine requests (trigger lifecycle, delivery enrichment, signing keys): the
 * credential's own `authenticate` through `httpRequestWithAuthentication`, the shared retry
 * policy and per-host rate-limit gate (nodes/shared/retry.ts) and the same NodeApiError the
 * declarative operations throw.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { SHIPENGINE_BASE_URL } from '../../shared/constants';
import { apiError, asNodeError, parseBody } from '../../shared/errors';
import { DEFAULT_RETRY_POLICY, describeFailure, retryDelay, sendWithRetry, type RetryPolicy } from '../../shared/retry';
import { shipEngineFailureMessage } from './errors';

export type ShipEngineContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions | IWebhookFunctions;

export interface ShipEngineRequestOptions {
	/** Whether sending the request twice can do no harm. Default: true except for POST and PATCH. */
	safeToRepeat?: boolean;
	policy?: RetryPolicy;
	/** Milliseconds; n8n's default (300 s) when omitted. */
	timeout?: number;
	/**
	 * Milliseconds the whole call may take, the wait for the rate-limit gate included; then it
	 * fails, and a request still waiting for the gate is never sent. No limit when omitted.
	 */
	deadlineMs?: number;
}

/** The credential's base URL (a proxy or mock may replace ShipEngine's host), without a trailing slash. */
export async function shipEngineBaseUrl(ctx: ShipEngineContext): Promise<string> {
	const credentials = await ctx.getCredentials('shipEngineApi');
	const configured = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	return (configured || SHIPENGINE_BASE_URL).replace(/\/+$/, '');
}

/**
 * Sends one request to ShipEngine with the API key and returns the parsed body (undefined for
 * an empty 204). A failure becomes a NodeApiError whose `httpCode` tells callers what happened
 * (the trigger treats 404 on delete and 409 on create as expected outcomes). The request waits
 * behind the shared rate-limit gate of the credential's host, like the ShipEngine node's own.
 */
export async function shipEngineApiRequest(
	ctx: ShipEngineContext,
	method: IHttpRequestMethods,
	path: string,
	body?: IDataObject | IDataObject[],
	qs?: IDataObject,
	options: ShipEngineRequestOptions = {},
): Promise<unknown> {
	const request = requestOptions(method, path, options);
	request.baseURL = await shipEngineBaseUrl(ctx);
	if (body !== undefined) request.body = body;
	if (qs !== undefined) request.qs = qs;
	const deadline = options.deadlineMs === undefined ? Infinity : Date.now() + options.deadlineMs;
	const send = async () => {
		// Let go by the deadline while it waited for the gate: never sent.
		if (Date.now() >= deadline) throw tooLate(ctx, options.deadlineMs ?? 0);
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'shipEngineApi', request)) as IN8nHttpFullResponse;
		return answerOf(ctx, response);
	};
	const safeToRepeat = options.safeToRepeat ?? !['POST', 'PATCH'].includes(method);
	const call = sendWithRetry(ctx, { baseURL: request.baseURL }, send, safeToRepeat, options.policy);
	return options.deadlineMs === undefined ? await call : await withinDeadline(ctx, call, options.deadlineMs);
}

/**
 * A GET without the API key, for public documents such as the webhook signing keys (JWKS). It
 * does not count against the key's rate limit, so it does not wait behind the key's gate.
 */
export async function shipEnginePublicGet(
	ctx: ShipEngineContext,
	url: string,
	options: ShipEngineRequestOptions = {},
): Promise<unknown> {
	const request = requestOptions('GET', url, options);
	const policy = options.policy ?? DEFAULT_RETRY_POLICY;
	for (let attempt = 1; ; attempt++) {
		try {
			return answerOf(ctx, (await ctx.helpers.httpRequest(request)) as IN8nHttpFullResponse);
		} catch (error) {
			const wait = retryDelay(describeFailure(error), attempt, true, policy);
			if (wait === undefined) throw asNodeError(ctx.getNode(), error, attempt);
			await sleep(wait);
		}
	}
}

function requestOptions(method: IHttpRequestMethods, url: string, options: ShipEngineRequestOptions): IHttpRequestOptions {
	const request: IHttpRequestOptions = {
		method,
		url,
		headers: { Accept: 'application/json' },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	if (options.timeout !== undefined) request.timeout = options.timeout;
	return request;
}

/**
 * The parsed body of a successful answer; anything else throws the API's own NodeApiError with
 * the response headers (Retry-After) for the retry policy. A 2xx with a non-empty `errors[]`
 * (ShipEngine's partial failure) fails too, and is never retried.
 */
function answerOf(ctx: ShipEngineContext, response: IN8nHttpFullResponse): unknown {
	const parsed = parseBody(response.body);
	const errors = (parsed as { errors?: unknown } | undefined)?.errors;
	const partialFailure = Array.isArray(errors) && errors.length > 0;
	if (response.statusCode < 400 && !partialFailure) return parsed;
	const headers = (response.headers ?? {}) as IDataObject;
	throw apiError(ctx, {
		status: response.statusCode,
		headers,
		...shipEngineFailureMessage(response.statusCode, parsed),
		body: parsed,
	});
}

function tooLate(ctx: ShipEngineContext, deadlineMs: number): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`No answer from ShipEngine within ${deadlineMs / 1000} s (the API key's rate limit held the request, or the API was slow)`,
	);
}

/** The call's answer, or a failure once `deadlineMs` have passed (a late answer is dropped). */
async function withinDeadline(ctx: ShipEngineContext, call: Promise<unknown>, deadlineMs: number): Promise<unknown> {
	const expired = Symbol('expired');
	call.catch(() => undefined);
	const first = await Promise.race([call, sleep(deadlineMs).then(() => expired)]);
	if (first === expired) throw tooLate(ctx, deadlineMs);
	return first;
}

/** The HTTP status carried by an error from `shipEngineApiRequest` (undefined for network failures). */
export function failureStatus(error: unknown): number | undefined {
	return describeFailure(error).status;
}
