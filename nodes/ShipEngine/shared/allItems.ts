/**
 * One request for many input items, in a declarative node (Address > Validate's batch mode,
 * Shipment > Create, Batch > Create from the items' shipments).
 *
 * n8n's RoutingNode sends one request per item, so the request for every item is owned by item
 * 0: item 0's paginator reads every input item's parameters (their expressions evaluated for
 * that item through `itemView`), checks them all before anything is sent, sends them in chunks
 * and returns one result per input item with `pairedItem` pointing at it. Items 1…n send nothing
 * and output nothing. With Continue On Fail, bad input or a failed chunk becomes error items for
 * exactly the affected input items; without it, the first problem stops the node.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { requestWithRetry } from '../../shared/retry';

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

export function asItemError(ctx: IExecuteSingleFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error);
}

export function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, error: error as NodeApiError, pairedItem: { item: itemIndex } };
}

export interface AllItemsRequest<T> {
	/** One item's part of the request, checked (throws inputError naming the item). */
	build: (item: IExecuteSingleFunctions, itemIndex: number) => T;
	/** At most this many parts per request. */
	chunkSize: number;
	/** The request body for one chunk. */
	body: (parts: T[]) => IDataObject | IDataObject[];
	/** The results of one chunk's answer, in the order of its parts. */
	results: (answer: INodeExecutionData[]) => IDataObject[];
	/** What the parts are called in the mismatch error ("addresses", "shipments"). */
	noun: string;
	/** Whether the request may be sent again after a 5xx or dropped connection (a compute POST). */
	safeToRepeat: boolean;
}

/** Item 0 sends every item's part, chunked, and returns one result per item; other items return []. */
export async function requestForAllItems<T>(
	ctx: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	spec: AllItemsRequest<T>,
): Promise<INodeExecutionData[]> {
	if (ctx.getItemIndex() !== 0) return [];
	const count = inputItemCount(ctx);
	const output: Array<INodeExecutionData | undefined> = new Array(count);
	const ready: Array<{ itemIndex: number; part: T }> = [];
	const raw: RawParameters = new Map();
	for (let i = 0; i < count; i++) {
		try {
			ready.push({ itemIndex: i, part: spec.build(itemView(ctx, i, raw), i) });
		} catch (error) {
			if (!ctx.continueOnFail()) throw asItemError(ctx, error);
			output[i] = errorItem(error as Error, i);
		}
	}
	for (let start = 0; start < ready.length; start += spec.chunkSize) {
		const chunk = ready.slice(start, start + spec.chunkSize);
		try {
			const answer = await requestWithRetry.call(
				ctx,
				{ ...requestData, options: { ...requestData.options, body: spec.body(chunk.map((entry) => entry.part)) } },
				spec.safeToRepeat,
			);
			const results = spec.results(answer);
			if (results.length !== chunk.length) {
				throw new NodeApiError(ctx.getNode(), { results: results.length } as JsonObject, {
					message: `ShipEngine returned ${results.length} results for ${chunk.length} ${spec.noun}`,
					description: 'The results cannot be matched to the input items, so none are returned for this batch.',
				});
			}
			chunk.forEach((entry, j) => (output[entry.itemIndex] = { json: results[j], pairedItem: { item: entry.itemIndex } }));
		} catch (error) {
			if (!ctx.continueOnFail()) throw asItemError(ctx, error);
			for (const entry of chunk) output[entry.itemIndex] = errorItem(error as Error, entry.itemIndex);
		}
	}
	return output.filter((item): item is INodeExecutionData => item !== undefined);
}
