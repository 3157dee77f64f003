/**
 * A user-set Idempotency Key reused for another shipment. SERA replays the first answer to a
 * repeated Idempotency-Key for 24 hours, so an order number put in Options > Idempotency Key and
 * used again for a different shipment would get the other order's label back, charged nothing,
 * as if it were this item's.
 *
 * What SERA's label answer carries that can be compared with the request: `service_type`,
 * `packaging_type` and `is_return_label` (the carrier follows from the service). It has no
 * ship-to address, no weight, no reference or order number, and nothing (no field or header)
 * that tells a replay from a new purchase. So, for a user-set key:
 * - after the answer: a label whose service, packaging or return flag differs from the request
 *   can only be a replay of another request (a new purchase is what was asked for): the item
 *   stops with a NodeApiError naming the field, the label id and the key; nothing was bought
 *   for it and the other label is not returned;
 * - before sending: a key this n8n process bought a label with in the last 24 hours is compared
 *   with that purchase (ship-to name, postal code, first address line, service, packaging,
 *   weight, the shared rules of ../../shared/sameShipment.ts); on a difference the item stops
 *   before anything is sent. Another process (a restart, another queue-mode worker, another
 *   installation) has no such record: there only the answer check above applies.
 */
import type { DeclarativeRestApiSettings, IDataObject, IExecutePaginationFunctions, IN8nHttpFullResponse, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { markPurchaseState } from '../../shared/errorItem';
import { firstDifference, samePostal, sameText, sameWeight, type ShipmentCheck, type ShipmentDifference } from '../../shared/sameShipment';

/** SERA's replay window. */
const REPLAY_MS = 24 * 60 * 60 * 1000;
const MAX_KEYS = 100_000;

interface Purchase {
	body: IDataObject;
	/** Undefined while the first purchase with the key is under way. */
	labelId?: string;
	at: number;
}

/** Labels this process bought (or is buying) with a user-set key, by Idempotency-Key (bounded, oldest first out). */
const bought = new Map<string, Purchase>();

/** Forgets every purchase (tests). */
export function resetLabelRecord(): void {
	bought.clear();
}

function boughtWith(key: string, now = Date.now()): Purchase | undefined {
	const purchase = bought.get(key);
	if (purchase && now - purchase.at > REPLAY_MS) {
		bought.delete(key);
		return undefined;
	}
	return purchase;
}

function noteBought(key: string, purchase: Purchase): void {
	bought.delete(key);
	bought.set(key, purchase);
	if (bought.size > MAX_KEYS) bought.delete(bought.keys().next().value as string);
}

const obj = (value: unknown): IDataObject => (value && typeof value === 'object' ? (value as IDataObject) : {});

/** The values a SERA label answer has, against the request. */
function answerDifference(asked: IDataObject, label: IDataObject): ShipmentDifference | undefined {
	return firstDifference([
		['service_type', asked.service_type, label.service_type, sameText],
		['package.packaging_type', obj(asked.package).packaging_type, label.packaging_type, sameText],
		['is_return_label', asked.is_return_label === undefined ? undefined : String(asked.is_return_label), label.is_return_label === undefined ? undefined : String(label.is_return_label), sameText],
	]);
}

/** Two label requests: ship-to name, postal code, first address line, service, packaging, weight. */
function requestDifference(asked: IDataObject, earlier: IDataObject): ShipmentDifference | undefined {
	const [to, was] = [obj(asked.to_address), obj(earlier.to_address)];
	const [pkg, wasPkg] = [obj(asked.package), obj(earlier.package)];
	const weight = (p: IDataObject) => ({ value: p.weight, unit: p.weight_unit ?? 'ounce' });
	const checks: ShipmentCheck[] = [
		['to_address.name', to.name ?? to.company_name, was.name ?? was.company_name, sameText],
		['to_address.postal_code', to.postal_code, was.postal_code, samePostal],
		['to_address.address_line1', to.address_line1, was.address_line1, sameText],
		['service_type', asked.service_type, earlier.service_type, sameText],
		['package.packaging_type', pkg.packaging_type, wasPkg.packaging_type, sameText],
		['package.weight', weight(pkg), weight(wasPkg), sameWeight],
	];
	return firstDifference(checks);
}

function anotherShipmentError(
	ctx: IExecutePaginationFunctions,
	userKey: string,
	labelId: string | undefined,
	difference: ShipmentDifference,
	sent: boolean,
): NodeApiError {
	const { field, asked, found } = difference;
	const label = labelId ? `label ${labelId}` : 'the label another item is buying';
	const error = new NodeApiError(ctx.getNode(), { message: 'another shipment' } as JsonObject, {
		message: `Idempotency Key "${userKey}" belongs to another shipment: ${label} (Idempotency Key "${userKey}") has ${field} "${found}", this item asks for "${asked}"`,
		description: `${sent ? 'SERA replayed that label (it replays the first answer to a repeated Idempotency-Key for 24 hours): nothing was bought for this item' : 'Nothing was sent: SERA would replay that label (it replays the first answer to a repeated Idempotency-Key for 24 hours)'} and the other label was not returned. Give this shipment its own Idempotency Key (Options), or clear it to let the node make one.`,
		itemIndex: ctx.getItemIndex(),
	});
	error.context = { ...(error.context ?? {}), field, labelId, idempotencyKey: userKey };
	return markPurchaseState(error, sent ? 'not_bought' : 'not_sent');
}

/**
 * For Label > Create with a user-set Idempotency Key: stops a key this process already bought
 * (or is buying) another shipment's label with, before sending; notes this purchase; and adds a
 * first postReceive step that refuses a replayed answer for another shipment. Call `failed` when
 * the purchase fails without a label, to forget the note. No-op for the node's own keys
 * (one per installation, workflow, execution, node run and item: only this item can replay them).
 */
export function checkReplayedLabel(
	ctx: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): { failed: () => void } {
	const userKey = String(ctx.getNodeParameter('options.idempotencyKey', '') ?? '').trim();
	if (!userKey) return { failed: () => {} };
	const headers = obj(requestData.options.headers);
	const key = String(headers['Idempotency-Key'] ?? '');
	const asked = obj(requestData.options.body);
	const earlier = boughtWith(key);
	if (earlier) {
		const difference = requestDifference(asked, earlier.body);
		if (difference) throw anotherShipmentError(ctx, userKey, earlier.labelId, difference, false);
	}
	// Noted before sending, so another item with the same key in this execution is checked too.
	const purchase: Purchase = earlier ?? { body: asked, at: Date.now() };
	if (!earlier) noteBought(key, purchase);
	const check = async (items: INodeExecutionData[], response: IN8nHttpFullResponse) => {
		const label = obj(response.body);
		if (response.statusCode < 200 || response.statusCode >= 300 || !label.label_id) return items;
		const labelId = String(label.label_id);
		const difference = answerDifference(asked, label);
		if (difference) throw anotherShipmentError(ctx, userKey, labelId, difference, true);
		purchase.labelId ??= labelId;
		return items;
	};
	requestData.postReceive = [{ data: { parameterValue: undefined }, actions: [check] }, ...requestData.postReceive];
	// A first purchase that bought nothing leaves no record (the user may correct the shipment).
	return {
		failed: () => {
			if (purchase.labelId === undefined && bought.get(key) === purchase) bought.delete(key);
		},
	};
}
