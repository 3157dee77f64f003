/**
 * Handles one delivery: verify, then emit one item (or answer and stop).
 *
 * - Rejected deliveries get a short generic answer (404 / 400 / 401 / 503) written through the
 *   response object, `noWebhookResponse: true` and no workflow data: the workflow never starts
 *   and the caller learns nothing about why. The reason goes to n8n's log.
 * - A verified delivery whose signature was already seen within the tolerance window (a replay)
 *   is answered 200 and dropped, in this n8n process (not shared between queue-mode workers).
 * - Accepted deliveries return workflow data: n8n answers 200 at once (`responseMode:
 *   onReceived`) and starts the workflow.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { failureStatus, shipEngineApiRequest, shipEngineBaseUrl, shipEnginePublicGet } from '../shared/transport';
import { eventForResourceType } from './events';
import {
	DEFAULT_TOLERANCE_SECONDS,
	headerValue,
	jwksKeyLookup,
	KID_HEADER,
	TIMESTAMP_HEADER,
	verifySignature,
	type HeaderBag,
} from './signature';

const GENERIC_ANSWERS: Record<number, string> = {
	200: 'OK',
	400: 'Bad Request',
	401: 'Unauthorized',
	404: 'Not Found',
	503: 'Service Unavailable',
};

/** Quick policy for requests made while ShipEngine waits for our answer. */
const QUICK = { policy: { maxAttempts: 2, baseDelayMs: 300, maxDelayMs: 2_000 }, timeout: 10_000 };
/**
 * Fetch Full Resource waits behind the API key's shared rate-limit gate like any API call, but
 * only this long in all: then the workflow starts without the resource (resourceError says why).
 */
const RESOURCE = { ...QUICK, deadlineMs: 5_000 };

// ---- replay guard ------------------------------------------------------------------------

const MAX_REMEMBERED = 10_000;
const seenSignatures = new Map<string, number>();

/** True when this signature was already accepted and is still inside its tolerance window. */
export function isReplay(signature: string, now: number, toleranceMs: number): boolean {
	for (const [seen, expires] of seenSignatures) {
		if (expires > now) break;
		seenSignatures.delete(seen);
	}
	const expires = seenSignatures.get(signature);
	if (expires !== undefined && expires > now) return true;
	// Remembered until the timestamp can no longer pass the tolerance check (twice the window).
	seenSignatures.set(signature, now + 2 * toleranceMs);
	if (seenSignatures.size > MAX_REMEMBERED) seenSignatures.delete(seenSignatures.keys().next().value as string);
	return false;
}

/** Forgets every remembered signature (tests). */
export function clearReplayCache(): void {
	seenSignatures.clear();
}

// ---- delivery ----------------------------------------------------------------------------

function answer(ctx: IWebhookFunctions, status: number): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ message: GENERIC_ANSWERS[status] ?? 'Error' });
	return { noWebhookResponse: true };
}

function parsePayload(rawBody: unknown, fallback: IDataObject): IDataObject {
	const text = Buffer.isBuffer(rawBody) ? rawBody.toString('utf8') : typeof rawBody === 'string' ? rawBody : undefined;
	if (text === undefined) return fallback;
	try {
		const parsed = JSON.parse(text) as unknown;
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as IDataObject) : { body: parsed as IDataObject };
	} catch {
		return { body: text };
	}
}

const SHIPENGINE_API_HOSTS = new Set(['api.shipengine.com', 'api.eu.shipengine.com']);

/**
 * The path (with query) of a resource_url on ShipEngine's API, to be requested on the
 * credential's base URL. Undefined for any other host or path: the API key never leaves for a
 * host named by a payload.
 */
export function resourcePath(resourceUrl: unknown, baseUrl: string): string | undefined {
	if (typeof resourceUrl !== 'string') return undefined;
	let url: URL;
	try {
		url = new URL(resourceUrl);
	} catch {
		return undefined;
	}
	const baseHost = new URL(baseUrl).host;
	if (url.protocol !== 'https:' && url.host !== baseHost) return undefined;
	if (!SHIPENGINE_API_HOSTS.has(url.hostname) && url.host !== baseHost) return undefined;
	// /v1/ for most resources, /v-beta/ for sales orders and order sources (sales_orders_imported, order_source_refresh_complete).
	const at = url.pathname.search(/\/(v1|v-beta)\//);
	if (at < 0) return undefined;
	return `${url.pathname.slice(at)}${url.search}`;
}

async function loadResource(ctx: IWebhookFunctions, payload: IDataObject, baseUrl: string): Promise<IDataObject> {
	const path = resourcePath(payload.resource_url, baseUrl);
	if (!path) {
		return { resourceError: { message: 'resource_url is not a ShipEngine API address, so it was not requested' } };
	}
	try {
		return { resource: (await shipEngineApiRequest(ctx, 'GET', path, undefined, undefined, RESOURCE)) as IDataObject };
	} catch (error) {
		return { resourceError: { message: (error as Error).message, httpCode: failureStatus(error) ?? null } };
	}
}

export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const verify = options.verifySignature !== false;
	const toleranceSeconds = Number(options.timestampToleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS) || DEFAULT_TOLERANCE_SECONDS;
	const request = this.getRequestObject();
	const headers = this.getHeaderData() as HeaderBag;
	const baseUrl = await shipEngineBaseUrl(this);
	const now = Date.now();

	if (verify) {
		const lookup = jwksKeyLookup(`${baseUrl}/jwks`, async (url) => await shipEnginePublicGet(this, url, QUICK));
		const result = await verifySignature(request.rawBody, headers, lookup, now, { toleranceSeconds });
		if (!result.ok) {
			this.logger.warn(
				`ShipEngine Trigger rejected a delivery (${result.reason}, key id ${result.keyId ?? 'none'}); the workflow was not started`,
			);
			return answer(this, result.status);
		}
		if (isReplay(result.signature, now, toleranceSeconds * 1000)) {
			this.logger.warn('ShipEngine Trigger ignored a delivery whose signature it had already accepted (replay)');
			return answer(this, 200);
		}
	}

	const payload = parsePayload(request.rawBody, this.getBodyData());
	const event = eventForResourceType(payload.resource_type);
	const events = this.getNodeParameter('events', []) as string[];
	if (event && Array.isArray(events) && events.length && !events.includes(event)) return answer(this, 200);

	const item: IDataObject = {
		event: event ?? null,
		...payload,
		delivery: {
			signatureVerified: verify,
			keyId: headerValue(headers, KID_HEADER) ?? null,
			timestamp: headerValue(headers, TIMESTAMP_HEADER) ?? null,
			receivedAt: new Date(now).toISOString(),
		},
	};
	if (options.fetchResource === true) Object.assign(item, await loadResource(this, payload, baseUrl));
	return { workflowData: [[{ json: item }]] };
}
