/**
 * One request for many input items, in a declarative node: Address > Validate's "Batch Items" in
 * both nodes, ShipEngine Shipment > Create and Batch > Create from the items' shipments.
 *
 * n8n's RoutingNode sends one request per item, so the request for every item is owned by item
 * 0: item 0's pagination function reads every input item's parameters (their expressions
 * evaluated for that item through `itemView`), checks them all before anything is sent, sends
 * the entries in chunks and returns the results, each paired with the input item its entry came
 * from (an item may give several entries: several addresses, several results). Items 1…n send
 * nothing and output nothing.
 *
 * With Continue On Fail, bad input or a failed chunk becomes an error item (./errorItem.ts:
 * `error`, `errorCode`, `httpCode`, `requestId`) for exactly each input item it hit, paired with
 * that item; without it, the first problem stops the node.
 */
import type { IDataObject, IExecutePaginationFunctions, IExecuteSingleFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { errorItemFor } from './errorItem';

function resolve(ctx: IExecuteSingleFunctions, value: unknown, itemIndex: number): unknown {
	if (typeof value === 'string' && value.startsWith('=')) return ctx.evaluateExpression(value.slice(1), itemIndex);
	if (Array.isArray(value)) return value.map((v) => resolve(ctx, v, itemIndex));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(ctx, v, itemIndex)]));
	}
	return value;
}

/** Raw (unevaluated) parameter values by name: the same for every item, read from n8n once. */
export type RawParameters = Map<string, unknown>;

/** The parameter as it evaluates for any input item (not only the one this context runs for). */
export function parameterForItem(
	ctx: IExecuteSingleFunctions,
	name: string,
	itemIndex: number,
	fallback: unknown,
	options: { extractValue?: boolean } = {},
	raw: RawParameters = new Map(),
): unknown {
	if (itemIndex === ctx.getItemIndex()) return ctx.getNodeParameter(name, fallback, options);
	if (!raw.has(name)) raw.set(name, ctx.getNodeParameter(name, fallback, { rawExpressions: true }));
	const value = resolve(ctx, raw.get(name) ?? fallback, itemIndex);
	if (options.extractValue && value && typeof value === 'object' && '__rl' in value) return (value as IDataObject).value;
	return value;
}

/**
 * The context as item `itemIndex` sees it: its parameters, its index in error messages. Code
 * written for one item (field builders, input checks) runs unchanged for every item of a batch.
 */
export function itemView(ctx: IExecuteSingleFunctions, itemIndex: number, raw: RawParameters = new Map()): IExecuteSingleFunctions {
	if (itemIndex === ctx.getItemIndex()) return ctx;
	return new Proxy(ctx, {
		get(target, property, receiver) {
			if (property === 'getItemIndex') return () => itemIndex;
			if (property === 'getNodeParameter') {
				return (name: string, fallback?: unknown, options?: { extractValue?: boolean }) =>
					parameterForItem(target, name, itemIndex, fallback, options, raw);
			}
			const value = Reflect.get(target, property, receiver) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}

/** Number of input items of the node (1 when it runs without input). */
export function inputItemCount(ctx: IExecutePaginationFunctions): number {
	return ctx.getExecuteData().data.main?.[0]?.length ?? 1;
}

/** Whether Options > "Batch Items" (all items in one request) is on. */
export function isBatch(ctx: IExecuteSingleFunctions): boolean {
	return Boolean((ctx.getNodeParameter('options', {}) as IDataObject).batch);
}

function asItemError(ctx: IExecuteSingleFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error);
}

/** Input item `itemIndex`'s error item under Continue On Fail; otherwise the error stops the node. */
export function itemErrorOrThrow(ctx: IExecuteSingleFunctions, error: unknown, itemIndex: number): INodeExecutionData {
	if (!ctx.continueOnFail()) throw asItemError(ctx, error);
	return errorItemFor(ctx, error, itemIndex);
}

export interface AllItemsRequest<T> {
	/** The entries of one input item, checked (throws inputError naming the item). */
	entriesOf: (item: IExecuteSingleFunctions, itemIndex: number) => T[];
	/** Sends one chunk of entries; answers one result per entry, in order. */
	send: (entries: T[]) => Promise<IDataObject[]>;
	/** At most this many entries per request (the API's limit). */
	chunkSize: number;
	/** "ShipEngine", "SERA": names the API when its answer cannot be matched. */
	api: string;
	/** What the entries are called in that error ("addresses", "shipments"). */
	noun: string;
}

/** Item 0 sends every item's entries, chunked, and returns their results paired (file comment); other items return []. */
export async function requestForAllItems<T>(ctx: IExecutePaginationFunctions, spec: AllItemsRequest<T>): Promise<INodeExecutionData[]> {
	if (ctx.getItemIndex() !== 0) return [];
	const count = inputItemCount(ctx);
	const output: INodeExecutionData[][] = Array.from({ length: count }, () => []);
	const failed = new Set<number>();
	const fail = (itemIndex: number, error: unknown) => {
		output[itemIndex] = [itemErrorOrThrow(ctx, error, itemIndex)];
		failed.add(itemIndex);
	};
	const ready: Array<{ itemIndex: number; entry: T }> = [];
	const raw: RawParameters = new Map();
	for (let i = 0; i < count; i++) {
		try {
			for (const entry of spec.entriesOf(itemView(ctx, i, raw), i)) ready.push({ itemIndex: i, entry });
		} catch (error) {
			fail(i, error);
		}
	}
	for (let start = 0; start < ready.length; start += spec.chunkSize) {
		const chunk = ready.slice(start, start + spec.chunkSize);
		try {
			const results = await spec.send(chunk.map((c) => c.entry));
			if (results.length !== chunk.length) {
				throw new NodeApiError(ctx.getNode(), { results: results.length } as JsonObject, {
					message: `${spec.api} returned ${results.length} results for ${chunk.length} ${spec.noun}`,
					description: 'The results cannot be matched to the input items, so none are returned for this batch.',
				});
			}
			chunk.forEach((c, j) => {
				if (!failed.has(c.itemIndex)) output[c.itemIndex].push({ json: results[j], pairedItem: { item: c.itemIndex } });
			});
		} catch (error) {
			for (const itemIndex of new Set(chunk.map((c) => c.itemIndex))) fail(itemIndex, error);
		}
	}
	return output.flat();
}
