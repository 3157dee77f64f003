/**
 * Turns an API failure into the NodeApiError n8n shows: the API's own message (never n8n's
 * generic status text), its error code and request id in the description, and the response
 * headers kept in the error context so the retry policy can honour Retry-After.
 */
import type { IDataObject, IExecuteSingleFunctions, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export interface ApiFailure {
	/** HTTP status the API answered with. */
	status: number;
	/** The API's own message, shown as the error title. */
	message: string;
	/** The API's error code(s), e.g. "invalid_address" or "800002". */
	code?: string;
	/** The API's request / reference id, for support tickets. */
	requestId?: string;
	/** What the user should change, when we know. */
	hint?: string;
	/** The parsed response body, kept for the error details panel. */
	body?: unknown;
	headers?: IDataObject;
}

export function describeApiFailure(failure: ApiFailure): string {
	const facts = [
		failure.code ? `error code: ${failure.code}` : undefined,
		failure.requestId ? `request id: ${failure.requestId}` : undefined,
		`HTTP ${failure.status}`,
	].filter(Boolean);
	return [failure.hint, `(${facts.join(', ')})`].filter(Boolean).join(' ');
}

/** `ctx` is any n8n context; the item index is recorded when there is one (not in trigger hooks). */
export function apiError(
	ctx: Pick<IExecuteSingleFunctions, 'getNode'> & Partial<Pick<IExecuteSingleFunctions, 'getItemIndex'>>,
	failure: ApiFailure,
): NodeApiError {
	const body =
		failure.body && typeof failure.body === 'object'
			? (failure.body as JsonObject)
			: ({ body: failure.body === undefined ? null : String(failure.body) } as JsonObject);
	const error = new NodeApiError(ctx.getNode(), body, {
		message: failure.message,
		description: describeApiFailure(failure),
		httpCode: String(failure.status),
		itemIndex: ctx.getItemIndex?.(),
	});
	error.context = {
		...(error.context ?? {}),
		responseHeaders: failure.headers ?? {},
		apiErrorCode: failure.code ?? null,
		requestId: failure.requestId ?? null,
	};
	return error;
}

/** Parses a response body that should be JSON but may be text, HTML or empty. */
export function parseBody(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string') return body;
	const text = body.trim();
	if (!text) return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

/** A short, readable excerpt of a non-JSON error body (an HTML error page, say). */
export function excerpt(body: unknown, max = 200): string | undefined {
	if (typeof body !== 'string') return undefined;
	const text = body
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	if (!text) return undefined;
	return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * n8n wraps a request that got no answer (reset, timeout) in a NodeApiError whose `cause` is the
 * HTTP client's error, request config included: headers with the API key or Bearer token. n8n
 * stores the error with the execution and shows it in the error details, so the cause keeps only
 * what explains the failure.
 */
function withoutRequestConfig(error: NodeApiError | NodeOperationError): void {
	const cause = error.cause as (Error & { code?: string; config?: unknown; request?: unknown }) | undefined;
	if (!cause || typeof cause !== 'object' || !('config' in cause || 'request' in cause)) return;
	error.cause = Object.assign(new Error(String(cause.message ?? '')), { name: String(cause.name ?? 'Error'), code: cause.code });
}

/**
 * The error to give n8n after the last attempt: n8n's own errors as they are (with the attempt
 * count), anything else (a reset connection, a timeout) as a NodeApiError that says what happened.
 */
export function asNodeError(node: INode, error: unknown, attempts: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (attempts > 1) error.context = { ...(error.context ?? {}), attempts };
		withoutRequestConfig(error);
		return error;
	}
	const e = (error ?? {}) as { message?: string; code?: string };
	const reason = e.code ? `${e.code}: ${e.message ?? ''}`.trim() : (e.message ?? 'unknown error');
	const wrapped = new NodeApiError(node, { message: reason } as JsonObject, {
		message: `The request did not get an answer (${reason})`,
		description:
			attempts > 1
				? `Gave up after ${attempts} attempts. Check the network path to the API (proxy, base URL in the credential) and try again.`
				: 'Check the network path to the API (proxy, base URL in the credential). Purchases are not repeated automatically after such a failure.',
	});
	wrapped.context = { ...(wrapped.context ?? {}), attempts, networkCode: e.code ?? null };
	return wrapped;
}

/**
 * A 2xx answer the node must not pass on as data: a body that is not JSON (cut off mid-way, or
 * a proxy's HTML page) and, where the API always sends one, no body at all (204 is fine).
 * Returns the failure to throw, or undefined when the body is usable.
 */
export function unusableSuccessBody(api: string, status: number, body: unknown, bodyRequired: boolean): ApiFailure | undefined {
	if (status === 204) return undefined;
	const hint =
		'The answer was cut off or replaced on the way (proxy, network). If this was a purchase it may have gone through: look it up before running the item again.';
	if (body === undefined || body === null) {
		return bodyRequired ? { status, message: `${api} answered HTTP ${status} without a body`, hint } : undefined;
	}
	if (typeof body !== 'string') return undefined;
	const text = excerpt(body, 120);
	return { status, message: `${api} answered HTTP ${status} with a body that is not JSON${text ? `: "${text}"` : ''}`, hint, body };
}
