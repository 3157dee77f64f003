/**
 * Programmatic ShipEngine requests (trigger lifecycle, delivery enrichment, signing keys): the
 * credential's own `authenticate` through `httpRequestWithAuthentication`, the shared retry
 * policy (nodes/shared/retry.ts) and the same NodeApiError the declarative operations throw.
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
import { sleep } from 'n8n-workflow';

import { SHIPENGINE_BASE_URL } from '../../shared/constants';
import { apiError, asNodeError, parseBody } from '../../shared/errors';
import { DEFAULT_RETRY_POLICY, describeFailure, retryDelay, type RetryPolicy } from '../../shared/retry';
import { shipEngineFailureMessage } from './errors';

export type ShipEngineContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions | IWebhookFunctions;

export interface ShipEngineRequestOptions {
	/** Whether sending the request twice can do no harm. Default: true except for POST and PATCH. */
	safeToRepeat?: boolean;
	policy?: RetryPolicy;
	/** Milliseconds; n8n's default (300 s) when omitted. */
	timeout?: number;
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
 * (the trigger treats 404 on delete and 409 on create as expected outcomes).
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
	const send = async () =>
		(await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'shipEngineApi', request)) as IN8nHttpFullResponse;
	return await sendWithPolicy(ctx, send, options.safeToRepeat ?? !['POST', 'PATCH'].includes(method), options.policy);
}

/** A GET without the API key, for public documents such as the webhook signing keys (JWKS). */
export async function shipEnginePublicGet(
	ctx: ShipEngineContext,
	url: string,
	options: ShipEngineRequestOptions = {},
): Promise<unknown> {
	const request = requestOptions('GET', url, options);
	const send = async () => (await ctx.helpers.httpRequest(request)) as IN8nHttpFullResponse;
	return await sendWithPolicy(ctx, send, true, options.policy);
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
 * Sends a request until it succeeds or the retry policy gives up. An answer with HTTP >= 400 or
 * a non-empty `errors[]` (ShipEngine's partial failure) becomes the API's own NodeApiError.
 */
async function sendWithPolicy(
	ctx: ShipEngineContext,
	send: () => Promise<IN8nHttpFullResponse>,
	safeToRepeat: boolean,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<unknown> {
	for (let attempt = 1; ; attempt++) {
		let response: IN8nHttpFullResponse;
		try {
			response = await send();
		} catch (error) {
			const wait = retryDelay(describeFailure(error), attempt, safeToRepeat, policy);
			if (wait === undefined) throw asNodeError(ctx.getNode(), error, attempt);
			await sleep(wait);
			continue;
		}
		const parsed = parseBody(response.body);
		const errors = (parsed as { errors?: unknown } | undefined)?.errors;
		const partialFailure = Array.isArray(errors) && errors.length > 0;
		if (response.statusCode < 400 && !partialFailure) return parsed;
		const headers = (response.headers ?? {}) as IDataObject;
		const failure = { status: response.statusCode, headers };
		const wait = partialFailure ? undefined : retryDelay(failure, attempt, safeToRepeat, policy);
		if (wait === undefined) {
			throw apiError(ctx, { ...failure, ...shipEngineFailureMessage(response.statusCode, parsed), body: parsed });
		}
		await sleep(wait);
	}
}

/** The HTTP status carried by an error from `shipEngineApiRequest` (undefined for network failures). */
export function failureStatus(error: unknown): number | undefined {
	return describeFailure(error).status;
}
