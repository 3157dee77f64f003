/**
 * Address > Validate. POST /v1/addresses/validate takes an array of at most 250 addresses and
 * answers an array in the same order.
 *
 * One request per item (default): a preSend builds `[address]` from the item's own fields.
 *
 * Batch mode (Options > "Batch Items"): a declarative node runs one request per
 * item, so the batch is owned by item 0. Item 0's paginator reads every input item's address
 * (the same parameters, with their expressions evaluated for each item through
 * `evaluateExpression(…, itemIndex)`), validates them all before anything is sent, sends them in
 * chunks of 250, and returns one result per input item with `pairedItem` pointing at that
 * item. Items 1…n send nothing and output nothing. With Continue On Fail, a bad address or a
 * failed chunk becomes error items for exactly the affected input items.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { requestWithRetry } from '../../../shared/retry';
import { checkAddress, toApiAddress } from '../../shared/shipment';
import { TOP_LEVEL_PARAMETERS } from './validate';

export const BATCH_SIZE = 250;

function isBatch(ctx: IExecuteSingleFunctions): boolean {
	return Boolean((ctx.getNodeParameter('options', {}) as IDataObject).batch);
}

function resolve(ctx: IExecuteSingleFunctions, value: unknown, itemIndex: number): unknown {
	if (typeof value === 'string' && value.startsWith('=')) return ctx.evaluateExpression(value.slice(1), itemIndex);
	if (Array.isArray(value)) return value.map((v) => resolve(ctx, v, itemIndex));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(ctx, v, itemIndex)]));
	}
	return value;
}

/** The parameter as it evaluates for any input item (not only the one this context runs for). */
function parameterForItem(ctx: IExecuteSingleFunctions, name: string, itemIndex: number, fallback: unknown): unknown {
	if (itemIndex === ctx.getItemIndex()) return ctx.getNodeParameter(name, fallback);
	return resolve(ctx, ctx.getNodeParameter(name, fallback, { rawExpressions: true }), itemIndex);
}

/** The validated API address of one input item. */
export function addressForItem(ctx: IExecuteSingleFunctions, itemIndex: number): IDataObject {
	const values: IDataObject = { ...((parameterForItem(ctx, 'additionalFields', itemIndex, {}) as IDataObject) ?? {}) };
	for (const name of TOP_LEVEL_PARAMETERS) {
		// Version 1 keeps the postal code in Additional Fields; its top-level field does not exist there.
		const value = parameterForItem(ctx, name, itemIndex, null) as string | null;
		if (value !== null && value !== undefined) values[name] = value;
	}
	const address = toApiAddress(values);
	checkAddress(ctx, 'Address', address, ['address_line1', 'city_locality', 'state_province', 'country_code'], itemIndex);
	return address as IDataObject;
}

/** preSend: the one-item body; in batch mode the paginator of item 0 builds the bodies. */
export async function addressValidatePreSend(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (!isBatch(this)) requestOptions.body = [addressForItem(this, this.getItemIndex())];
	return requestOptions;
}

function asNodeError(ctx: IExecuteSingleFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error);
}

function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, error: error as NodeApiError, pairedItem: { item: itemIndex } };
}

/** postReceive (after shipEngineError): one item per result, paired with this item. */
export async function addressResults(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const body = items[0]?.json as unknown;
	const results = (Array.isArray(body) ? body : [body]) as IDataObject[];
	return results.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

/** `routing.operations.pagination` of Address > Validate (a compute POST: retried like a read). */
export async function validateAddresses(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	if (!isBatch(this)) return await requestWithRetry.call(this, requestData, true);
	if (this.getItemIndex() !== 0) return [];

	const count = this.getExecuteData().data.main?.[0]?.length ?? 1;
	const output: Array<INodeExecutionData | undefined> = new Array(count);
	const ready: Array<{ itemIndex: number; address: IDataObject }> = [];
	for (let i = 0; i < count; i++) {
		try {
			ready.push({ itemIndex: i, address: addressForItem(this, i) });
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this, error);
			output[i] = errorItem(error as Error, i);
		}
	}
	for (let start = 0; start < ready.length; start += BATCH_SIZE) {
		const chunk = ready.slice(start, start + BATCH_SIZE);
		try {
			const results = await requestWithRetry.call(
				this,
				{ ...requestData, options: { ...requestData.options, body: chunk.map((entry) => entry.address) } },
				true,
			);
			if (results.length !== chunk.length) {
				throw new NodeApiError(this.getNode(), { results: results.length } as JsonObject, {
					message: `ShipEngine returned ${results.length} results for ${chunk.length} addresses`,
					description: 'The results cannot be matched to the input items, so none are returned for this batch.',
				});
			}
			chunk.forEach((entry, j) => (output[entry.itemIndex] = { json: results[j].json, pairedItem: { item: entry.itemIndex } }));
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this, error);
			for (const entry of chunk) output[entry.itemIndex] = errorItem(error as Error, entry.itemIndex);
		}
	}
	return output.filter((item): item is INodeExecutionData => item !== undefined);
}

