/**
 * Retry policy shared by both nodes (ky / p-retry style, adapted to n8n).
 *
 * - A 429 is always retried: the API refused the request before doing anything, so even a
 *   purchase is safe to send again. The wait honours Retry-After (seconds or HTTP date).
 * - 408, 500, 502, 503, 504, timeouts and network errors are retried only when repeating the
 *   request cannot buy twice: reads (GET, HEAD, PUT, DELETE), POSTs that only compute
 *   (rates, address validation) and POSTs that carry an Idempotency-Key.
 * - Everything else fails at once with the API's own error.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { asNodeError } from './errors';

export const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];

export interface RetryPolicy {
	/** Attempts in all, the first one included. */
	maxAttempts: number;
	/** First backoff wait, doubled on every further attempt. */
	baseDelayMs: number;
	/** No single wait is longer than this (a longer Retry-After fails instead). */
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 300, maxDelayMs: 60_000 };

/** Error codes of requests that never got an answer (Node sockets, axios, undici). */
const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ERR_NETWORK',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** What a failed attempt looked like, as far as the retry decision is concerned. */
export interface AttemptFailure {
	/** HTTP status, when the API answered. */
	status?: number;
	/** Response headers, when the API answered. */
	headers?: IDataObject;
	/** Error code of a network failure (ECONNRESET, ETIMEDOUT, ...). */
	code?: string;
}

/** Reads an HTTP status, headers and network code from whatever a request threw. */
export function describeFailure(error: unknown): AttemptFailure {
	const e = (error ?? {}) as IDataObject & {
		httpCode?: string;
		context?: IDataObject;
		cause?: IDataObject;
		response?: { status?: number; headers?: IDataObject };
	};
	const cause = (e.cause ?? {}) as IDataObject & { response?: { status?: number; headers?: IDataObject } };
	const status =
		Number(e.httpCode) ||
		Number(e.statusCode) ||
		Number(e.response?.status) ||
		Number(cause.statusCode) ||
		Number(cause.response?.status) ||
		undefined;
	const headers =
		(e.context?.responseHeaders as IDataObject | undefined) ??
		e.response?.headers ??
		cause.response?.headers ??
		undefined;
	const code = (e.code ?? cause.code) as string | undefined;
	return { status, headers, code };
}

/**
 * Only a request that provably got no answer counts: an error without a code (thrown by our own
 * postReceive or preSend, say) is never a reason to send a request again.
 */
export function isNetworkFailure(failure: AttemptFailure): boolean {
	if (failure.status || !failure.code) return false;
	return NETWORK_CODES.has(failure.code) || failure.code.startsWith('UND_ERR_');
}

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(Array.isArray(value) ? value[0] : value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

function header(headers: IDataObject | undefined, name: string): unknown {
	if (!headers) return undefined;
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
	return key === undefined ? undefined : headers[key];
}

/**
 * How long to wait before the next attempt, or undefined when the failure must not be retried.
 * `attempt` counts the attempts made so far (1 after the first failure).
 */
export function retryDelay(
	failure: AttemptFailure,
	attempt: number,
	safeToRepeat: boolean,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): number | undefined {
	if (attempt >= policy.maxAttempts) return undefined;
	const rateLimited = failure.status === 429;
	if (!rateLimited) {
		if (!safeToRepeat) return undefined;
		const retryable =
			(failure.status !== undefined && RETRY_STATUSES.includes(failure.status)) || isNetworkFailure(failure);
		if (!retryable) return undefined;
	}
	const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
	const jittered = backoff / 2 + Math.random() * (backoff / 2);
	if (rateLimited || failure.status === 503) {
		const retryAfter = parseRetryAfter(header(failure.headers, 'retry-after'));
		if (retryAfter !== undefined) {
			if (retryAfter > policy.maxDelayMs) return undefined;
			return retryAfter;
		}
	}
	return Math.min(jittered, policy.maxDelayMs);
}

/** Whether repeating this request can never create a second purchase. */
export function isSafeToRepeat(options: DeclarativeRestApiSettings.ResultOptions['options']): boolean {
	const method = String(options.method ?? 'GET').toUpperCase();
	if (method !== 'POST' && method !== 'PATCH') return true;
	const headers = (options.headers ?? {}) as IDataObject;
	return Boolean(header(headers, 'idempotency-key'));
}

/**
 * Sends one declarative request with the retry policy above. `safeToRepeat` overrides the
 * method-based guess (true for POSTs that only compute, such as rate quotes).
 */
export async function requestWithRetry(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	safeToRepeat = isSafeToRepeat(requestData.options),
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<INodeExecutionData[]> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await this.makeRoutingRequest(requestData);
		} catch (error) {
			const wait = retryDelay(describeFailure(error), attempt, safeToRepeat, policy);
			if (wait === undefined) throw asNodeError(this.getNode(), error, attempt);
			await sleep(wait);
		}
	}
}

/** `routing.operations.pagination` for single requests: the request, with retries. */
export async function retryingRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await requestWithRetry.call(this, requestData);
}

/** The same for POSTs that never charge anything (quotes, validations): retried like reads. */
export async function retryingComputeRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await requestWithRetry.call(this, requestData, true);
}
