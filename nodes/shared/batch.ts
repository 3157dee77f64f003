/**
 * "Batch Items" (validate all items in one request), shared by both nodes' Address > Validate. A declarative
 * node runs one request per item, so the batch is owned by item 0: its pagination function reads
 * every input item's entries (the same parameters, their expressions evaluated for each item
 * through `evaluateExpression(…, itemIndex)`), checks them all before anything is sent, sends them
 * in chunks, and returns one output item per result, paired with the input item the entry came
 * from. Items 1…n send nothing and output nothing. With Continue On Fail, a bad entry or a failed
 * chunk becomes error items for exactly the affected input items.
 */
import type { IDataObject, IExecutePaginationFunctions, IExecuteSingleFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

function resolve(ctx: IExecuteSingleFunctions, value: unknown, itemIndex: number): unknown {
	if (typeof value === 'string' && value.startsWith('=')) return ctx.evaluateExpression(value.slice(1), itemIndex);
	if (Array.isArray(value)) return value.map((v) => resolve(ctx, v, itemIndex));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(ctx, v, itemIndex)]));
	}
	return value;
}

/** The parameter as it evaluates for any input item (not only the one this context runs for). */
export function parameterForItem(ctx: IExecuteSingleFunctions, name: string, itemIndex: number, fallback: unknown): unknown {
	if (itemIndex === ctx.getItemIndex()) return ctx.getNodeParameter(name, fallback);
	return resolve(ctx, ctx.getNodeParameter(name, fallback, { rawExpressions: true }), itemIndex);
}

/** Whether Options > "Batch Items" is on. */
export function isBatch(ctx: IExecuteSingleFunctions): boolean {
	return Boolean((ctx.getNodeParameter('options', {}) as IDataObject).batch);
}

function asNodeError(ctx: IExecuteSingleFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error);
}

function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, error: error as NodeApiError, pairedItem: { item: itemIndex } };
}

export interface BatchOptions<T> {
	/** The entries of one input item (throws a named input error when they are bad). */
	entriesOf(itemIndex: number): T[];
	/** Sends one chunk; answers one result per entry, in order. */
	send(chunk: T[]): Promise<INodeExecutionData[]>;
	/** Entries per request (the API's limit). */
	size: number;
	/** "ShipEngine", "SERA": names the API when the answer cannot be matched. */
	api: string;
}

/** Runs item 0's batch (see the file comment); other items return no output. */
export async function runBatch<T>(ctx: IExecutePaginationFunctions, options: BatchOptions<T>): Promise<INodeExecutionData[]> {
	if (ctx.getItemIndex() !== 0) return [];
	const count = ctx.getExecuteData().data.main?.[0]?.length ?? 1;
	const output: INodeExecutionData[][] = Array.from({ length: count }, () => []);
	const ready: Array<{ itemIndex: number; entry: T }> = [];
	for (let i = 0; i < count; i++) {
		try {
			for (const entry of options.entriesOf(i)) ready.push({ itemIndex: i, entry });
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx, error);
			output[i] = [errorItem(error as Error, i)];
		}
	}
	for (let start = 0; start < ready.length; start += options.size) {
		const chunk = ready.slice(start, start + options.size);
		try {
			const results = await options.send(chunk.map((c) => c.entry));
			if (results.length !== chunk.length) {
				throw new NodeApiError(ctx.getNode(), { results: results.length } as JsonObject, {
					message: `${options.api} returned ${results.length} results for ${chunk.length} addresses`,
					description: 'The results cannot be matched to the input items, so none are returned for this batch.',
				});
			}
			chunk.forEach((c, j) => output[c.itemIndex].push({ json: results[j].json, pairedItem: { item: c.itemIndex } }));
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx, error);
			for (const itemIndex of new Set(chunk.map((c) => c.itemIndex))) output[itemIndex] = [errorItem(error as Error, itemIndex)];
		}
	}
	return output.flat();
}
