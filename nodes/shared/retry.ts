/**
 * Retry policy shared by both nodes (ky / p-retry style, adapted to n8n).
 *
 * - A 429 is always retried: the API refused the request before doing anything, so even a
 *   purchase is safe to send again. The wait honours Retry-After (seconds or HTTP date).
 * - 408, 500, 502, 503, 504, timeouts and network errors are retried only when repeating the
 *   request cannot buy twice: reads (GET, HEAD, PUT, DELETE), POSTs that only compute
 *   (rates, address validation) and POSTs that carry an Idempotency-Key.
 * - Everything else fails at once with the API's own error; so does an OAuth2 credential whose
 *   token n8n could not refresh (revoked grant: "needs to be reconnected"), and then every other
 *   item of the execution on that credential fails at once without sending.
 *
 * Rate limits are shared: a 429 closes a per-host gate (base URL + a hash of the credential's
 * identity, never the key itself) that every request to that host waits behind until the
 * Retry-After time, so a thousand concurrent items do not hammer an API that already said no.
 * 429 retries are bounded by a total wait budget, not by the attempt count, as long as the host
 * accepts other requests meanwhile (a host that accepts nothing still fails after maxAttempts,
 * as a revoked or exhausted key should). After a first 429
 * the gate also learns the limit (requests accepted in the refused window) and the window length,
 * then paces requests to that rate so later windows draw no 429 at all.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import { createHash } from 'crypto';

import { type PurchaseState, withErrorItems } from './errorItem';
import { asNodeError } from './errors';
import { redactDeep, redactError } from './redact';

export const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];

export interface RetryPolicy {
	/** Attempts in all, the first one included. */
	maxAttempts: number;
	/** First backoff wait, doubled on every further attempt. */
	baseDelayMs: number;
	/** No single wait is longer than this (a longer Retry-After fails instead). */
	maxDelayMs: number;
	/**
	 * Total time one request may spend waiting because of 429 answers before it fails (gate waits
	 * only: queueing behind a learned rate is not a refusal and does not count). Default 240 s,
	 * well under n8n's 300 s request timeout.
	 */
	rateLimitBudgetMs?: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 4,
	baseDelayMs: 300,
	maxDelayMs: 60_000,
	rateLimitBudgetMs: 240_000,
};

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

/**
 * n8n failed inside itself before the request left it: the NodeApiError n8n's request helper
 * wraps around the failure (`new NodeApiError(node, error)`, so the original Error is its cause),
 * with no HTTP status and nothing from the HTTP client anywhere in the chain (no network code,
 * request, response or config). A busy n8n failing to load the credential looks like that
 * ("timeout exceeded when trying to connect" from its PostgreSQL pool). The errors our own code
 * builds (input checks, API errors from postReceive, failed label downloads) have no Error cause
 * and never match.
 */
export function failedInsideN8nBeforeSending(error: unknown): boolean {
	if (!(error instanceof NodeApiError) || !(error.cause instanceof Error)) return false;
	if (describeFailure(error).status !== undefined) return false;
	let current: unknown = error;
	for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
		const e = current as { name?: unknown; request?: unknown; response?: unknown; config?: unknown; cause?: unknown };
		if ('code' in e || e.request || e.response || e.config || e.name === 'AxiosError') return false;
		current = e.cause;
	}
	return true;
}

/**
 * n8n could not refresh the OAuth2 token because the grant is gone (the token endpoint answered
 * `invalid_grant`: refresh token revoked or expired, password or permissions changed). n8n 2.x
 * says the credential "needs to be reconnected" (a NodeOperationError with
 * `failure.cause: 'credential-invalid'`, wrapped by its request helper); n8n 1.x passes on the
 * OAuth2 client's AuthError (`code: 'EAUTH'`, the token endpoint's body). Sending the request
 * again only makes another refresh attempt that fails the same way.
 */
export function credentialNeedsReconnect(error: unknown): boolean {
	let current: unknown = error;
	for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
		const e = current as { failure?: { cause?: unknown }; code?: unknown; body?: { error?: unknown }; cause?: unknown };
		if (e.failure?.cause === 'credential-invalid') return true;
		if (e.code === 'EAUTH' && e.body?.error === 'invalid_grant') return true;
		current = e.cause;
	}
	return false;
}

/**
 * Credentials that need reconnecting, by throttle key and execution: once one item learned it,
 * the other items of the same execution fail at once instead of each sending a request that
 * makes n8n try (and fail) another token refresh. A new execution tries again (the user may
 * have reconnected the credential meanwhile). Bounded: the oldest entries go first.
 */
const needsReconnect = new Map<string, NodeApiError | NodeOperationError>();

function reconnectKey(ctx: Pick<IExecutePaginationFunctions, 'getNode'>, throttle: string): string {
	const execution = (ctx as Partial<Pick<IExecutePaginationFunctions, 'getExecutionId'>>).getExecutionId?.() ?? '';
	return `${throttle}|${execution}`;
}

function rememberReconnect(key: string, error: NodeApiError | NodeOperationError): void {
	needsReconnect.set(key, error);
	if (needsReconnect.size > 1000) needsReconnect.delete(needsReconnect.keys().next().value as string);
}

/** The reconnect error again, for another item: nothing was sent for it. */
function reconnectErrorFor(ctx: Pick<IExecutePaginationFunctions, 'getNode'>, known: NodeApiError | NodeOperationError): NodeApiError {
	const itemIndex = (ctx as Partial<Pick<IExecutePaginationFunctions, 'getItemIndex'>>).getItemIndex?.();
	const error = new NodeApiError(ctx.getNode(), { message: known.message } as JsonObject, {
		message: known.message,
		description: `${known.description ?? ''} Nothing was sent for this item: another item of this execution already found the credential needs reconnecting.`.trim(),
		itemIndex,
	});
	error.context = { ...(error.context ?? {}), credentialNeedsReconnect: true };
	return error;
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
	if (rateLimited || failure.status === 503) {
		const retryAfter = parseRetryAfter(header(failure.headers, 'retry-after'));
		if (retryAfter !== undefined) {
			if (retryAfter > policy.maxDelayMs) return undefined;
			return retryAfter;
		}
	}
	return backoffDelay(attempt, policy);
}

/** Exponential backoff with jitter before attempt `attempt + 1`, capped at the policy's maximum. */
export function backoffDelay(attempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
	const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
	return Math.min(backoff / 2 + Math.random() * (backoff / 2), policy.maxDelayMs);
}

/** Whether repeating this request can never create a second purchase. */
export function isSafeToRepeat(options: DeclarativeRestApiSettings.ResultOptions['options']): boolean {
	const method = String(options.method ?? 'GET').toUpperCase();
	if (method !== 'POST' && method !== 'PATCH') return true;
	const headers = (options.headers ?? {}) as IDataObject;
	return Boolean(header(headers, 'idempotency-key'));
}

// ---- the shared rate-limit gate ------------------------------------------------------------

/** Requests sent between two openings of the gate (or within one learned window). */
interface RateWindow {
	start: number;
	sent: number;
	/** Answers other than 429 to requests sent in this window (what the API accepted). */
	accepted: number;
	/** Requests of this window not answered yet (probes not counted). */
	inFlight: number;
	/** When the first answer other than 429 came back: the API's window began before that. */
	firstAnswerAt?: number;
	/** The reset the window's 429 answers announced, never early (see noteRateLimited). */
	resetAt?: number;
	/** The same reset counted from the send times: usually exact, early on a busy machine. */
	resetGuess?: number;
	/** Gate probes accepted after this window's reset: they count in the next window. */
	carry?: number;
}

/**
 * The rate learned from a refused window: `limit` requests per window. The window length lies
 * in (floorMs, windowMs]; while that range is wider than PROBE_PRECISION_MS, one request per
 * window is sent early, halfway in, as a probe: accepted, it proves the window shorter (and opens
 * the next window at once); refused (one 429), it raises the floor. A few 429s buy a pace within
 * PROBE_PRECISION_MS of the API's real window, although Retry-After only has whole seconds.
 */
interface Pace {
	limit: number;
	windowMs: number;
	floorMs: number;
	probing: boolean;
}

interface HostThrottle {
	/** Nothing is sent to the host before this time, but a gate probe. */
	gateUntil: number;
	/** When one request may go ahead of the gate to see whether the API's window has reset. */
	gateProbeAt?: number;
	gateProbing: boolean;
	window: RateWindow;
	pace?: Pace;
	lastSentAt: number;
	/** Answers other than 429 since the throttle was created: whether the host makes progress. */
	acceptedTotal: number;
	/** Wakes requests waiting for the next window when a probe shows it has begun. */
	wake: { promise: Promise<void>; resolve: () => void };
	stats: RateLimitStats;
}

/** Counters for benchmarks and tests. */
export interface RateLimitStats {
	/** 429 answers seen (probes included). */
	rejected: number;
	/** Probes sent, and how many were refused. */
	probes: number;
	probesRefused: number;
	/** The learned pace, if any. */
	limit?: number;
	windowMs?: number;
	/** Windows opened before the API's had ended: their 429s taught nothing. */
	openedEarly?: number;
	/** Requests sent ahead of a closed gate at the reset counted from the send time, and how many were refused. */
	gateProbes?: number;
	gateProbesRefused?: number;
}

/** Learned paces shorter than this are ignored (Retry-After: 0 teaches nothing). */
const MIN_LEARNED_WINDOW_MS = 50;
/** Until a pace is learned, accepted requests are counted per minute (ShipEngine's limits are per minute). */
const ASSUMED_WINDOW_MS = 60_000;
/** Probing stops once the window length is known this precisely. */
const PROBE_PRECISION_MS = 60;
/**
 * Retry-After has whole seconds, and a window's first request may reach the API well after we
 * let it go (the engine prepares every item first): the first probe searches at least this far
 * below (further when the window's first answer says so).
 */
const PROBE_RANGE_MS = 2000;
/** Added to a reset counted from the send time: a request usually reaches the API within this. */
const RESET_MARGIN_MS = 250;
/** How often a request waiting for a refused window's last answers looks again. */
const IN_FLIGHT_POLL_MS = 10;

const throttles = new Map<string, HostThrottle>();

/** Forgets every gate, learned pace and credential known to need reconnecting (tests; a benchmark's cold start). */
export function resetRateLimits(): void {
	throttles.clear();
	needsReconnect.clear();
}

/** Counters of every host, by throttle key (base URL + credential hash; no secret in it). */
export function rateLimitStats(): Record<string, RateLimitStats> {
	return Object.fromEntries([...throttles].map(([key, throttle]) => [key, { ...throttle.stats }]));
}

/**
 * The host the request goes to plus a hash of the credential's identity (type and id, as the
 * workflow references it): two credentials never share a gate, and no key or token is stored.
 */
export function throttleKey(
	ctx: Pick<IExecutePaginationFunctions, 'getNode'>,
	options: DeclarativeRestApiSettings.ResultOptions['options'],
): string {
	let host = String(options.baseURL ?? '');
	if (!host) {
		try {
			host = new URL(String(options.url ?? '')).origin;
		} catch {
			host = '';
		}
	}
	const credentials = Object.entries(ctx.getNode().credentials ?? {})
		.map(([type, details]) => `${type}:${details?.id ?? details?.name ?? ''}`)
		.sort()
		.join(',');
	const identity = createHash('sha256').update(credentials).digest('hex').slice(0, 16);
	return `${host.replace(/\/+$/, '')}#${identity}`;
}

function deferred(): HostThrottle['wake'] {
	let resolve!: () => void;
	const promise = new Promise<void>((done) => (resolve = done));
	return { promise, resolve };
}

function throttleFor(key: string): HostThrottle {
	let throttle = throttles.get(key);
	if (!throttle) {
		throttle = {
			gateUntil: 0,
			gateProbing: false,
			window: { start: 0, sent: 0, accepted: 0, inFlight: 0 },
			lastSentAt: 0,
			acceptedTotal: 0,
			wake: deferred(),
			stats: { rejected: 0, probes: 0, probesRefused: 0 },
		};
		throttles.set(key, throttle);
	}
	return throttle;
}

/**
 * A refused window that began less than half a paced window before its reset opened before the
 * API's window ended (the reset estimate can be early by a request's latency): its 429s belong
 * to the API's old window and what it accepted to the new one. It teaches no limit.
 */
function openedEarly(throttle: HostThrottle, window: RateWindow): boolean {
	const pace = throttle.pace;
	return pace !== undefined && window.resetAt !== undefined && window.resetAt - window.start < pace.windowMs / 2;
}

/**
 * Opens a new window. A refused one first teaches the pace (its requests have been answered by
 * now); one that opened early instead carries what it had accepted into the new window, which
 * began at the API's reset, and lengthens the paced window by how early it was.
 */
function openWindow(throttle: HostThrottle, now: number): void {
	const last = throttle.window;
	if (last.resetAt !== undefined && throttle.pace && openedEarly(throttle, last)) {
		const pace = throttle.pace;
		const early = last.resetAt - last.start;
		pace.windowMs += early;
		Object.assign(throttle.stats, { windowMs: pace.windowMs, openedEarly: (throttle.stats.openedEarly ?? 0) + 1 });
		// Unanswered requests count as accepted: the new window is never overfilled.
		const carried = last.accepted + (last.carry ?? 0);
		throttle.window = { start: Math.min(now, last.resetAt), sent: carried, accepted: carried, inFlight: 0 };
		return;
	}
	if (last.resetAt !== undefined) {
		const windowMs = last.resetAt - last.start;
		if (last.accepted >= 1 && windowMs >= MIN_LEARNED_WINDOW_MS) {
			// The window's start is when its first request was let go, which on a busy machine is
			// seconds before it reached the API: the API's window began before the first answer came
			// back, so the probes search down to the length counted from that answer.
			const fromAnswer = last.firstAnswerAt === undefined ? windowMs : last.resetAt - last.firstAnswerAt;
			const floorMs = Math.max(MIN_LEARNED_WINDOW_MS, Math.min(windowMs - PROBE_RANGE_MS, fromAnswer));
			throttle.pace = { limit: last.accepted, windowMs, floorMs, probing: false };
			Object.assign(throttle.stats, { limit: last.accepted, windowMs });
		}
	}
	// Gate probes accepted since the reset count in the new window.
	const carried = last.resetAt === undefined ? 0 : (last.carry ?? 0);
	throttle.window = { start: carried ? Math.min(now, last.resetAt ?? now) : now, sent: carried, accepted: carried, inFlight: 0 };
}

interface Slot {
	window: RateWindow;
	/** Time spent behind a closed gate (counts against the 429 budget). */
	gateWaitMs: number;
	/** Set for a probe: how far into its window it was sent. */
	probeOffsetMs?: number;
	/** A request sent ahead of a closed gate (noteRateLimited). */
	gateProbe?: boolean;
}

/**
 * Waits until a request may be sent: behind the gate, then behind the learned pace. Undefined
 * when the gate stays closed longer than the budget left.
 */
async function acquireSlot(throttle: HostThrottle, budgetLeftMs: number): Promise<Slot | undefined> {
	let gateWaitMs = 0;
	for (;;) {
		const now = Date.now();
		if (now < throttle.gateUntil) {
			if (gateWaitMs + throttle.gateUntil - now > budgetLeftMs) return undefined;
			const probeAt = throttle.gateProbing ? undefined : throttle.gateProbeAt;
			if (probeAt !== undefined && now >= probeAt) {
				throttle.gateProbing = true;
				throttle.stats.gateProbes = (throttle.stats.gateProbes ?? 0) + 1;
				throttle.lastSentAt = now;
				return { window: throttle.window, gateWaitMs, gateProbe: true };
			}
			const wake = throttle.wake.promise;
			await Promise.race([sleep(Math.min(throttle.gateUntil, probeAt ?? Infinity) - now), wake]);
			gateWaitMs += Date.now() - now;
			continue;
		}
		// A pace learned long ago (no traffic for two windows) may be stale: start afresh.
		if (throttle.pace && now - throttle.lastSentAt > 2 * throttle.pace.windowMs) throttle.pace = undefined;
		const pace = throttle.pace;
		const window = throttle.window;
		const refused = window.resetAt !== undefined;
		// A refused window teaches the limit from what it accepted: let its answers arrive first
		// (for at most another window: a request may hang until its timeout).
		const resetAt = window.resetAt ?? now;
		const answersDue = resetAt + (pace?.windowMs ?? resetAt - window.start);
		if (refused && window.inFlight > 0 && now < answersDue) {
			await sleep(IN_FLIGHT_POLL_MS);
			continue;
		}
		const expired = now - window.start >= (pace?.windowMs ?? ASSUMED_WINDOW_MS);
		if (refused || expired || window.sent === 0) openWindow(throttle, now);
		if (pace && throttle.window.sent >= pace.limit) {
			const current = throttle.window;
			if (!pace.probing && pace.windowMs - pace.floorMs > PROBE_PRECISION_MS) {
				pace.probing = true;
				const offset = (pace.floorMs + pace.windowMs) / 2;
				await sleep(Math.max(0, current.start + offset - now));
				if (throttle.window !== current || throttle.pace !== pace) {
					pace.probing = false;
					continue;
				}
				throttle.stats.probes++;
				throttle.lastSentAt = Date.now();
				return { window: current, gateWaitMs, probeOffsetMs: Date.now() - current.start };
			}
			const wake = throttle.wake.promise;
			await Promise.race([sleep(Math.max(1, current.start + pace.windowMs - now)), wake]);
			continue;
		}
		throttle.window.sent++;
		throttle.window.inFlight++;
		throttle.lastSentAt = now;
		return { window: throttle.window, gateWaitMs };
	}
}

/** A probe's answer: accepted, the next window has begun (and the window is at most this long). */
function noteProbe(throttle: HostThrottle, slot: Slot, accepted: boolean): void {
	const pace = throttle.pace;
	if (!pace || slot.probeOffsetMs === undefined) return;
	pace.probing = false;
	if (!accepted) {
		throttle.stats.probesRefused++;
		pace.floorMs = Math.max(pace.floorMs, slot.probeOffsetMs);
		return;
	}
	pace.windowMs = Math.max(pace.floorMs, slot.probeOffsetMs);
	throttle.stats.windowMs = pace.windowMs;
	if (throttle.window === slot.window) {
		throttle.window = { start: slot.window.start + slot.probeOffsetMs, sent: 1, accepted: 1, inFlight: 0 };
		const { resolve } = throttle.wake;
		throttle.wake = deferred();
		resolve();
	}
}

/**
 * A 429 for a request sent in `window` at `sentAt`: close the gate until the announced reset.
 * Retry-After counts from when the API answered, somewhere between sending and the moment n8n
 * hands the 429 over. Counted from the hand-over the reset is never early (the gate's time), but
 * on a busy machine the hand-over comes seconds late (the window's accepted answers are processed
 * first). Counted from the send time it is exact give or take the request's latency (plus
 * RESET_MARGIN_MS): at that time one request, a gate probe, goes ahead to see whether the API's
 * window has reset. Accepted, it opens the gate; refused, its Retry-After moves the probe on.
 */
function noteRateLimited(throttle: HostThrottle, window: RateWindow, waitMs: number, sentAt: number, failure: AttemptFailure): void {
	const handedOver = Date.now() + waitMs;
	const fromSend = sentAt + waitMs + RESET_MARGIN_MS;
	// A window that is no longer the current one has reset already (a gate probe or the pace opened
	// a newer one): a late-handled 429 of it says nothing about now.
	if (window !== throttle.window) return;
	// Every 429 of one window announces the same reset: the earliest hand-over bound, the latest guess.
	window.resetAt = Math.min(window.resetAt ?? Infinity, handedOver);
	window.resetGuess = Math.max(window.resetGuess ?? 0, fromSend);
	throttle.gateUntil = Math.max(throttle.gateUntil, window.resetAt);
	const guess = Math.min(window.resetGuess, window.resetAt);
	// Only an announced reset is worth probing for, and only on a host that accepts requests at
	// all (a key refused outright keeps failing after maxAttempts, probes would not count).
	const announced = parseRetryAfter(header(failure.headers, 'retry-after')) !== undefined;
	throttle.gateProbeAt = announced && throttle.acceptedTotal > 0 && guess < throttle.gateUntil ? guess : undefined;
}

/** A gate probe's answer: accepted (anything but a 429), the API's window has reset: open the gate. */
function noteGateProbe(throttle: HostThrottle, slot: Slot, accepted: boolean): void {
	if (!slot.gateProbe) return;
	throttle.gateProbing = false;
	if (!accepted) return;
	const now = Date.now();
	const window = slot.window;
	if (window.resetAt !== undefined) window.resetAt = Math.min(window.resetAt, now);
	window.carry = (window.carry ?? 0) + 1;
	throttle.gateUntil = Math.min(throttle.gateUntil, now);
	throttle.gateProbeAt = undefined;
	const { resolve } = throttle.wake;
	throttle.wake = deferred();
	resolve();
}

/** An answer other than 429: the API accepted the request (in the rate limit's sense). */
function noteAnswer(throttle: HostThrottle, slot: Slot): void {
	if (!slot.gateProbe) {
		slot.window.accepted++;
		if (slot.probeOffsetMs === undefined) slot.window.firstAnswerAt ??= Date.now();
	}
	throttle.acceptedTotal++;
	noteProbe(throttle, slot, true);
	noteGateProbe(throttle, slot, true);
}

/**
 * The error to throw after the last attempt, without the node's credentials in it (./redact). Only
 * an answer can echo a credential value: without one (a network failure, or n8n failing to load
 * the credential) the credential is not loaded again and secret-shaped text alone is hidden.
 */
async function giveUp(ctx: IExecutePaginationFunctions, error: unknown, attempts: number) {
	const nodeError = asNodeError(ctx.getNode(), error, attempts);
	if (describeFailure(error).status === undefined) return redactDeep(nodeError, []);
	return await redactError(ctx, nodeError);
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
	const key = throttleKey(this, requestData.options);
	const throttle = throttleFor(key);
	const revoked = needsReconnect.get(reconnectKey(this, key));
	if (revoked) throw reconnectErrorFor(this, revoked);
	const budgetMs = policy.rateLimitBudgetMs ?? DEFAULT_RETRY_POLICY.rateLimitBudgetMs ?? 0;
	let refusedWaitMs = 0;
	let refusals = 0;
	let lastError: unknown;
	let acceptedBefore = throttle.acceptedTotal;
	for (let attempt = 1; ; ) {
		// Before a first 429 the gate wait is another request's refusal: it does not count.
		const slot = await acquireSlot(throttle, refusals === 0 ? Infinity : budgetMs - refusedWaitMs);
		if (!slot) throw await giveUp(this, lastError, attempt);
		if (refusals > 0) refusedWaitMs += slot.gateWaitMs;
		const sentAt = Date.now();
		try {
			const counted = slot.probeOffsetMs === undefined && !slot.gateProbe;
			const result = await this.makeRoutingRequest(requestData).finally(() => {
				if (counted) slot.window.inFlight--;
			});
			noteAnswer(throttle, slot);
			return result;
		} catch (error) {
			lastError = error;
			if (credentialNeedsReconnect(error)) {
				noteProbe(throttle, slot, false);
				noteGateProbe(throttle, slot, false);
				const final = await giveUp(this, error, attempt);
				rememberReconnect(reconnectKey(this, key), final);
				throw final;
			}
			const failure = describeFailure(error);
			if (failure.status === 429) {
				throttle.stats.rejected++;
				if (slot.probeOffsetMs !== undefined) {
					// A probe sent early on purpose: the window is longer than that. Not a refusal to count.
					noteProbe(throttle, slot, false);
					continue;
				}
				if (slot.gateProbe) {
					// Sent ahead of the gate on purpose: the API's window has not reset yet. Handled as
					// any 429 below (its Retry-After moves the next gate probe on), so a host that accepts
					// nothing still fails after maxAttempts.
					throttle.stats.gateProbesRefused = (throttle.stats.gateProbesRefused ?? 0) + 1;
					noteGateProbe(throttle, slot, false);
				}
				// Not an attempt (the API did nothing): bounded by the wait budget instead.
				// While the host accepts other requests, a 429 is our turn to wait (the budget bounds
				// it); a host that accepted nothing since our last try counts as a failed attempt, so
				// a key that is refused outright still gives up after maxAttempts.
				if (throttle.acceptedTotal === acceptedBefore) attempt++;
				acceptedBefore = throttle.acceptedTotal;
				if (attempt > policy.maxAttempts) throw await giveUp(this, error, attempt - 1);
				refusals++;
				const wait = retryDelay(failure, refusals, safeToRepeat, { ...policy, maxAttempts: Infinity });
				if (wait === undefined || refusedWaitMs + wait > budgetMs) throw await giveUp(this, error, attempt);
				noteRateLimited(throttle, slot.window, wait, sentAt, failure);
				continue;
			}
			if (failure.status !== undefined) {
				noteAnswer(throttle, slot);
			} else {
				noteProbe(throttle, slot, false);
				noteGateProbe(throttle, slot, false);
			}
			// A read n8n failed to send (credential not loaded) is as safe to send again as a dropped one.
			const wait =
				safeToRepeat && failedInsideN8nBeforeSending(error)
					? attempt < policy.maxAttempts
						? backoffDelay(attempt, policy)
						: undefined
					: retryDelay(failure, attempt, safeToRepeat, policy);
			if (wait === undefined) throw await giveUp(this, error, attempt);
			attempt++;
			await sleep(wait);
		}
	}
}

/** `routing.operations.pagination` for single requests: the request, with retries (a failure is an error item under Continue On Fail: ./errorItem.ts). */
export const retryingRequest = withErrorItems(async function (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await requestWithRetry.call(this, requestData);
});

/** The same for POSTs that never charge anything (quotes, validations): retried like reads. */
export const retryingComputeRequest = withErrorItems(async function (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await requestWithRetry.call(this, requestData, true);
});

/**
 * Puts a first postReceive step on a purchase, before the operation's own (which turn an error
 * status into an error): it notes whether the API answered with a 2xx, that is, sold the label.
 */
export function watchAnswer(requestData: DeclarativeRestApiSettings.ResultOptions): { answered: boolean } {
	const watch = { answered: false };
	const markAnswered = async (items: INodeExecutionData[], response: IN8nHttpFullResponse) => {
		watch.answered = response.statusCode >= 200 && response.statusCode < 300;
		return items;
	};
	requestData.postReceive = [{ data: { parameterValue: undefined }, actions: [markAnswered] }, ...requestData.postReceive];
	return watch;
}

/** What a failed purchase did: never sent, refused by the API (4xx, 429 included), or not known (sold, then failed; 5xx; no answer). */
export function purchaseStateOf(error: unknown, answered: boolean): PurchaseState {
	if (answered) return 'unknown';
	if (failedInsideN8nBeforeSending(error)) return 'not_sent';
	const { status } = describeFailure(error);
	return status !== undefined && status >= 400 && status < 500 && status !== 408 ? 'not_bought' : 'unknown';
}

/**
 * The same policy and gate for a request sent another way than the declarative routing (n8n's
 * httpRequest helpers: the trigger's API calls, label file downloads). `send` resolves with the
 * answer or throws what describeFailure reads (an HTTP status with the response headers, or a
 * network code); `target` names the host whose gate it waits behind (`baseURL`, else the origin
 * of `url`), keyed with the node's credential as throttleKey does.
 */
export async function sendWithRetry<T>(
	ctx: Pick<IExecutePaginationFunctions, 'getNode' | 'getCredentials'>,
	target: { baseURL?: string; url?: string },
	send: () => Promise<T>,
	safeToRepeat: boolean,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<T> {
	let answer: T | undefined;
	const sender = {
		getNode: () => ctx.getNode(),
		getCredentials: async (type: string) => await ctx.getCredentials(type),
		makeRoutingRequest: async () => {
			answer = await send();
			return [];
		},
	} as unknown as IExecutePaginationFunctions;
	const request = { options: { ...target } } as DeclarativeRestApiSettings.ResultOptions;
	await requestWithRetry.call(sender, request, safeToRepeat, policy);
	return answer as T;
}
