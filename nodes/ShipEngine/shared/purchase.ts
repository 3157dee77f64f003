/**
 * Safe label purchase. ShipEngine has no idempotency key on label purchases, so a purchase
 * request is never repeated automatically after a 5xx, timeout or network error (a 429 is
 * repeated: the API refused it before doing anything). Instead, where an earlier attempt could
 * have bought (see lookupNeeded: a key in this process's record, ./purchaseRecord.ts, or the
 * user's own External Shipment ID) the node first looks for a label that this very item already
 * bought, and returns it instead of buying again (`reused_existing_label: true`). A first attempt
 * with the default key sends only the purchase:
 *
 * - Create / Create With Rate Shopper: by `external_shipment_id`
 *   (GET /v1/labels/external_shipment_id/{id}; 404 means "not bought yet"). The id is the one
 *   given in Additional Fields (e.g. an order number), else a deterministic
 *   `n8n-<sha256(n8n instance id, workflow id, execution id, node id, run index, item index)>`
 *   (../../shared/itemIdentity.ts: two installations never share one). A label found by it is
 *   returned only when it is this item's shipment (./sameShipment.ts); otherwise the item stops
 *   with an error and nothing is bought. That default key is the same
 *   when n8n's Retry On Fail re-runs the node (same execution, same run index, same item), so a
 *   retry after a failed or unanswered purchase never buys twice. A new execution (a manual
 *   re-run, "Retry execution" from the list, a loop iteration with another run index) gets a new
 *   key and buys again: give your own External Shipment ID (order number) to dedupe across
 *   executions.
 * - Create From Rate: an existing non-voided label bought with that rate (GET /v1/labels?rate_id=).
 * - Create From Shipment: an existing non-voided label of that shipment (GET /v1/labels?shipment_id=).
 *
 * Lookups go through the shared retry policy and rate-limit gate (requestWithRetry), like every
 * other request to the host. n8n itself can fail around a purchase, as a busy queue-mode worker
 * does when no database connection frees up in time (scale/README.md):
 *
 * - before sending, loading the credential: the error has no HTTP status and nothing from an
 *   HTTP client in it (no error code, request, response or config). The lookup runs again and,
 *   when it finds nothing, the purchase is sent again (bounded, with backoff);
 * - after a 2xx answer (ShipEngine sold the label), storing the label file: a first postReceive
 *   step notes the 2xx, and the lookup returns the label with its file instead of buying again.
 *
 * Either way an item ends with one label or with an error that says what happened to it.
 */
import { createHash } from 'crypto';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { markPurchaseState, withErrorItems } from '../../shared/errorItem';
import { apiError } from '../../shared/errors';
import { identitySeed, itemIdentity } from '../../shared/itemIdentity';
import {
	DEFAULT_RETRY_POLICY,
	describeFailure,
	failedInsideN8nBeforeSending,
	isNetworkFailure,
	purchaseStateOf,
	requestWithRetry,
	throttleKey,
	watchAnswer,
} from '../../shared/retry';
import { shipEngineFailureMessage } from './errors';
import { labelOutput } from './labelOutput';
import { noteAttempt, wasAttempted } from './purchaseRecord';
import { shipmentDifference, type ShipmentDifference } from './sameShipment';

const REUSABLE_STATUSES = ['completed', 'processing'];

/**
 * Deterministic external_shipment_id for this installation, workflow, execution, node, run and
 * item: `n8n-` + 46 hex digits of a SHA-256 (50 characters, ShipEngine's limit).
 */
export function defaultExternalShipmentId(ctx: IExecuteSingleFunctions): string {
	return `n8n-${createHash('sha256').update(identitySeed(itemIdentity(ctx))).digest('hex').slice(0, 46)}`;
}

/** preSend: stamps body.shipment.external_shipment_id unless the user gave one. */
export async function stampExternalShipmentId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	const shipment = (body.shipment ?? {}) as IDataObject;
	if (!shipment.external_shipment_id) shipment.external_shipment_id = defaultExternalShipmentId(this);
	body.shipment = shipment;
	requestOptions.body = body;
	return requestOptions;
}

/** The policy's backoff before attempt `attempt + 1`, or undefined when the attempts are used up. */
function backoff(attempt: number): number | undefined {
	const { maxAttempts, baseDelayMs, maxDelayMs } = DEFAULT_RETRY_POLICY;
	if (attempt >= maxAttempts) return undefined;
	const wait = baseDelayMs * 2 ** (attempt - 1);
	return Math.min(wait / 2 + Math.random() * (wait / 2), maxDelayMs);
}

/** A failure without an HTTP answer that is not a dropped connection either (requestWithRetry retries those). */
function failedInsideN8n(error: unknown): boolean {
	const failure = describeFailure(error);
	return failure.status === undefined && !isNetworkFailure(failure);
}

interface LookupResponse {
	statusCode: number;
	body: IDataObject;
	headers: IDataObject;
}

/**
 * One GET outside the operation's postReceive chain, sent through the shared retry policy and
 * rate-limit gate (a 429 anywhere on the host holds it, a 5xx or reset is retried: it is a read).
 * A failure inside n8n before an answer (the credential could not be loaded) is retried too.
 */
async function lookup(
	ctx: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	url: string,
	qs: IDataObject,
): Promise<LookupResponse> {
	const options: IHttpRequestOptions = {
		method: 'GET',
		baseURL: requestData.options.baseURL,
		url,
		qs,
		headers: { Accept: 'application/json' },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: requestData.options.timeout,
	};
	const send = async (): Promise<INodeExecutionData[]> => {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'shipEngineApi', options)) as LookupResponse;
		if (response.statusCode >= 400 && response.statusCode !== 404) {
			throw apiError(ctx, {
				status: response.statusCode,
				...shipEngineFailureMessage(response.statusCode, response.body),
				hint: 'Could not check whether this item already bought a label, so nothing was bought.',
				body: response.body,
				headers: response.headers,
			});
		}
		return [{ json: response as unknown as IDataObject }];
	};
	const gated = Object.create(ctx, { makeRoutingRequest: { value: send } }) as IExecutePaginationFunctions;
	try {
		const [item] = await requestWithRetry.call(gated, { ...requestData, options }, true);
		return item.json as unknown as LookupResponse;
	} catch (error) {
		// requestWithRetry already tried a lookup n8n failed to send as often as the policy allows.
		if (!failedInsideN8n(error)) throw asN8nError(ctx, error);
		const attempts = Number((error as { context?: { attempts?: unknown } }).context?.attempts ?? 1);
		throw notSentError(ctx, error, attempts, 'lookup');
	}
}

export type PurchaseKey = 'externalShipmentId' | 'rateId' | 'shipmentId';

async function findExistingLabel(
	ctx: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	key: PurchaseKey,
): Promise<IDataObject | undefined> {
	if (key === 'externalShipmentId') {
		const body = (requestData.options.body ?? {}) as IDataObject;
		const id = String(((body.shipment ?? {}) as IDataObject).external_shipment_id ?? '');
		if (!id) return undefined;
		const qs: IDataObject = {};
		if (body.label_download_type) qs.label_download_type = body.label_download_type;
		const res = await lookup(ctx, requestData, `/v1/labels/external_shipment_id/${encodeURIComponent(id)}`, qs);
		if (res.statusCode === 404 || !res.body?.label_id) return undefined;
		const difference = shipmentDifference((body.shipment ?? {}) as IDataObject, res.body);
		if (difference) throw anotherShipmentError(ctx, id, res.body, difference);
		if (!REUSABLE_STATUSES.includes(String(res.body.status))) {
			throw new NodeOperationError(
				ctx.getNode(),
				`A label with external shipment ID "${id}" already exists with status "${String(res.body.status)}" (label ${String(res.body.label_id)})`,
				{
					itemIndex: ctx.getItemIndex(),
					description:
						'External shipment IDs are unique in ShipEngine. To buy a new label for this shipment, set a new External Shipment ID in Additional Fields.',
				},
			);
		}
		return res.body;
	}
	const filter = key === 'rateId' ? 'rate_id' : 'shipment_id';
	const id = ctx.getNodeParameter(key, '') as string;
	const res = await lookup(ctx, requestData, '/v1/labels', { [filter]: id, page_size: 25 });
	const labels = (res.statusCode === 404 ? [] : ((res.body.labels as IDataObject[] | undefined) ?? [])) as IDataObject[];
	return labels.find((label) => REUSABLE_STATUSES.includes(String(label.status)));
}

/** A label found by this item's key was bought for another shipment: nothing is bought. */
function anotherShipmentError(
	ctx: IExecutePaginationFunctions,
	externalId: string,
	label: IDataObject,
	difference: ShipmentDifference,
): NodeApiError {
	const { field, asked, found } = difference;
	const labelId = String(label.label_id);
	const error = new NodeApiError(ctx.getNode(), { message: 'another shipment' } as JsonObject, {
		message: `External shipment ID "${externalId}" belongs to another shipment: label ${labelId} (external shipment ID "${String(label.external_shipment_id ?? externalId)}") has ${field} "${found}", this item asks for "${asked}"`,
		description:
			'Nothing was bought and the other label was not returned. External shipment IDs are unique in a ShipEngine account: give this shipment its own External Shipment ID (Additional Fields), or clear it to let the node make one.',
		itemIndex: ctx.getItemIndex(),
	});
	error.context = { ...(error.context ?? {}), field, labelId, externalShipmentId: externalId };
	return error;
}

function asN8nError(ctx: IExecutePaginationFunctions, error: unknown): NodeApiError | NodeOperationError {
	return error instanceof NodeApiError || error instanceof NodeOperationError
		? error
		: new NodeApiError(ctx.getNode(), { message: String(error) } as JsonObject);
}

/** n8n failed before the purchase (or the lookup before it) left it, e.g. loading the credential. */
function notSentError(
	ctx: IExecutePaginationFunctions,
	error: unknown,
	attempts: number,
	what: 'purchase' | 'lookup',
): NodeApiError {
	const reason = (error as { message?: string } | undefined)?.message ?? String(error);
	const tries = `${attempts} attempt${attempts > 1 ? 's' : ''}`;
	const wrapped = new NodeApiError(ctx.getNode(), { message: reason } as JsonObject, {
		message: what === 'purchase' ? `n8n could not send the purchase (${reason})` : `n8n could not check whether this item already bought a label (${reason})`,
		description: `n8n failed before the ${what} was sent, so no label was bought (${tries}). This is usually a busy n8n (e.g. no free database connection in time). Running this item again is safe: it first looks for the label by its key.`,
		itemIndex: ctx.getItemIndex(),
	});
	wrapped.context = { ...(wrapped.context ?? {}), attempts };
	return wrapped;
}

/** A label this item bought (now or before), as output items with its file attached. */
async function reusedLabel(ctx: IExecutePaginationFunctions, label: IDataObject): Promise<INodeExecutionData[]> {
	let items: INodeExecutionData[];
	try {
		items = await labelOutput.call(ctx, [{ json: label }]);
	} catch (error) {
		if (error instanceof NodeApiError || error instanceof NodeOperationError) throw asN8nError(ctx, error);
		throw new NodeOperationError(
			ctx.getNode(),
			`Label ${String(label.label_id)} was bought, but n8n could not store its file (${(error as Error)?.message ?? String(error)})`,
			{
				itemIndex: ctx.getItemIndex(),
				description:
					'Running this item again returns this label (found by its external shipment ID) instead of buying another. Label > Get also returns it.',
			},
		);
	}
	for (const item of items) item.json.reused_existing_label = true;
	return items;
}

/** The label this item's key finds, null when there is none, undefined when the lookup failed. */
async function lookUpQuietly(
	ctx: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	key: PurchaseKey,
): Promise<IDataObject | null | undefined> {
	try {
		return (await findExistingLabel(ctx, requestData, key)) ?? null;
	} catch {
		return undefined;
	}
}

/** The value a purchase is keyed by: the external shipment ID, rate ID or shipment ID. */
function keyValue(ctx: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions, key: PurchaseKey): string {
	if (key !== 'externalShipmentId') return String(ctx.getNodeParameter(key, '') ?? '');
	const shipment = (((requestData.options.body ?? {}) as IDataObject).shipment ?? {}) as IDataObject;
	return String(shipment.external_shipment_id ?? '');
}

/**
 * Whether an earlier attempt could have bought this item's label, so a lookup must come first:
 * the key is in this process's record (n8n's Retry On Fail re-running the node, another item or
 * execution with the same rate or shipment), or it is the user's own External Shipment ID (an
 * order number an earlier execution may have used). A default key not in the record is this
 * item's first attempt anywhere (it names this installation, workflow, execution, node, run and
 * item): its purchase goes out alone, one request per label.
 */
function lookupNeeded(
	ctx: IExecutePaginationFunctions,
	key: PurchaseKey,
	value: string,
	recordKey: string,
): boolean {
	if (wasAttempted(recordKey)) return true;
	return key === 'externalShipmentId' && value !== '' && value !== defaultExternalShipmentId(ctx);
}

/** ShipEngine refused the purchase because its external shipment ID is taken (e.g. bought by a try in another process). */
function externalIdTaken(error: unknown): boolean {
	const { status } = describeFailure(error);
	const code = String((error as { context?: IDataObject }).context?.apiErrorCode ?? '');
	return (status === 400 || status === 409) && code.split(/[,\s]+/).includes('identifier_conflict');
}

/** `routing.operations.pagination` for label purchases: buy at most once, looking up first where an earlier attempt could have bought. */
export function safePurchase(key?: PurchaseKey) {
	return withErrorItems(async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const value = key ? keyValue(this, requestData, key) : '';
		const recordKey = key && value ? `${throttleKey(this, requestData.options)}|${key}|${value}` : undefined;
		if (key && recordKey && lookupNeeded(this, key, value, recordKey)) {
			// Nothing is sent for the purchase when the lookup fails or finds another shipment's label.
			const existing = await findExistingLabel(this, requestData, key).catch((error: unknown) => {
				throw markPurchaseState(error, 'not_sent');
			});
			if (existing) return await reusedLabel(this, existing);
		}
		const watch = watchAnswer(requestData);
		for (let attempt = 1; ; attempt++) {
			watch.answered = false;
			if (recordKey) noteAttempt(recordKey);
			try {
				const items = await requestWithRetry.call(this, requestData, false);
				for (const item of items) item.json.reused_existing_label = false;
				return items;
			} catch (error) {
				const { status } = describeFailure(error);
				const beforeSending = !watch.answered && failedInsideN8nBeforeSending(error);
				if (key && (watch.answered || beforeSending)) {
					// ShipEngine sold the label and n8n failed afterwards (storing its file, say), or n8n
					// failed before the request left it (loading the credential, say). The lookup by this
					// item's key tells: a label found is returned; none found after a failure before
					// sending means none was bought, so the purchase is sent again (bounded).
					const wait = beforeSending ? backoff(attempt) : undefined;
					if (watch.answered || wait !== undefined) {
						const bought = await lookUpQuietly(this, requestData, key);
						if (bought) return await reusedLabel(this, bought);
						if (bought === null && wait !== undefined) {
							await sleep(wait);
							continue;
						}
					}
				}
				if (key === 'externalShipmentId' && externalIdTaken(error)) {
					// The key was used before, by an attempt this process has no record of: the label
					// it bought is returned when it is this item's shipment, else the mismatch error.
					const bought = await findExistingLabel(this, requestData, key).catch((lookupError: unknown) => {
						throw markPurchaseState(lookupError, 'not_bought');
					});
					if (bought) return await reusedLabel(this, bought);
				}
				if (beforeSending && key) throw markPurchaseState(notSentError(this, error, attempt, 'purchase'), 'not_sent');
				if (status === undefined || status >= 500 || status === 408) {
					const note = key
						? 'The purchase may or may not have gone through, so it was not repeated automatically. Running this item again (e.g. Retry On Fail) first looks for the label it may have bought and returns it instead of buying twice.'
						: 'The purchase may or may not have gone through, so it was not repeated automatically. Check Label > Get Many before running it again.';
					if (error instanceof NodeApiError || error instanceof NodeOperationError) {
						error.description = [note, error.description].filter(Boolean).join(' ');
					}
				}
				throw markPurchaseState(asN8nError(this, error), purchaseStateOf(error, watch.answered));
			}
		}
	});
}
