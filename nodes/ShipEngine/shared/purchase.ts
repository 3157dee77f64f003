/**
 * Safe label purchase. ShipEngine has no idempotency key on label purchases, so a purchase
 * request is never repeated automatically after a 5xx, timeout or network error (a 429 is
 * repeated: the API refused it before doing anything). Instead, before every purchase the
 * node looks for a label that this very item already bought, and returns it instead of buying
 * again (the item JSON then says `reused_existing_label: true`):
 *
 * - Create / Create With Rate Shopper: by `external_shipment_id`
 *   (GET /v1/labels/external_shipment_id/{id}; 404 means "not bought yet"). The id is the one
 *   given in Additional Fields (e.g. an order number), else a deterministic
 *   `n8n-<sha256(execution id, node id, run index, item index)>`. That default key is the same
 *   when n8n's Retry On Fail re-runs the node (same execution, same run index, same item), so a
 *   retry after a failed or unanswered purchase never buys twice. A new execution (a manual
 *   re-run, "Retry execution" from the list, a loop iteration with another run index) gets a new
 *   key and buys again: give your own External Shipment ID (order number) to dedupe across
 *   executions.
 * - Create From Rate: an existing non-voided label bought with that rate (GET /v1/labels?rate_id=).
 * - Create From Shipment: an existing non-voided label of that shipment (GET /v1/labels?shipment_id=).
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

import { apiError, asNodeError } from '../../shared/errors';
import { describeFailure, requestWithRetry, retryDelay } from '../../shared/retry';
import { shipEngineFailureMessage } from './errors';
import { labelOutput } from './labelOutput';

const REUSABLE_STATUSES = ['completed', 'processing'];

/** Deterministic external_shipment_id for this execution, node, run and item (≤ 50 chars). */
export function defaultExternalShipmentId(ctx: IExecuteSingleFunctions): string {
	const itemIndex = ctx.getItemIndex();
	const runIndex = ctx.getWorkflowDataProxy(itemIndex).$runIndex;
	const seed = [ctx.getExecutionId(), ctx.getNode().id, runIndex, itemIndex].join(':');
	return `n8n-${createHash('sha256').update(seed).digest('hex').slice(0, 40)}`;
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

/** One GET outside the operation's postReceive chain, retried like any read. */
async function lookup(
	ctx: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	url: string,
	qs: IDataObject,
): Promise<{ statusCode: number; body: IDataObject }> {
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
	for (let attempt = 1; ; attempt++) {
		let response: { statusCode: number; body: IDataObject; headers: IDataObject };
		try {
			response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'shipEngineApi', options)) as typeof response;
		} catch (error) {
			// No answer (reset, timeout): a lookup is a read, so it is retried like one.
			const wait = retryDelay(describeFailure(error), attempt, true);
			if (wait === undefined) throw asNodeError(ctx.getNode(), error, attempt);
			await sleep(wait);
			continue;
		}
		if (response.statusCode < 400 || response.statusCode === 404) return response;
		const wait = retryDelay({ status: response.statusCode, headers: response.headers }, attempt, true);
		if (wait === undefined) {
			throw apiError(ctx, {
				status: response.statusCode,
				...shipEngineFailureMessage(response.statusCode, response.body),
				hint: 'Could not check whether this item already bought a label, so nothing was bought.',
				body: response.body,
				headers: response.headers,
			});
		}
		await sleep(wait);
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

/** `routing.operations.pagination` for label purchases: look up first, buy at most once. */
export function safePurchase(key?: PurchaseKey) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		if (key) {
			const existing = await findExistingLabel(this, requestData, key);
			if (existing) {
				const items = await labelOutput.call(this, [{ json: existing }]);
				for (const item of items) item.json.reused_existing_label = true;
				return items;
			}
		}
		try {
			const items = await requestWithRetry.call(this, requestData, false);
			for (const item of items) item.json.reused_existing_label = false;
			return items;
		} catch (error) {
			const { status } = describeFailure(error);
			if (status === undefined || status >= 500 || status === 408) {
				const note = key
					? 'The purchase may or may not have gone through, so it was not repeated automatically. Running this item again (e.g. Retry On Fail) first looks for the label it may have bought and returns it instead of buying twice.'
					: 'The purchase may or may not have gone through, so it was not repeated automatically. Check Label > Get Many before running it again.';
				if (error instanceof NodeApiError || error instanceof NodeOperationError) {
					error.description = [note, error.description].filter(Boolean).join(' ');
				}
			}
			throw error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeApiError(this.getNode(), { message: String(error) } as JsonObject);
		}
	};
}
