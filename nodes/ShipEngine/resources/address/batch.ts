/**
 * Address > Validate. POST /v1/addresses/validate takes an array of at most 250 addresses and
 * answers an array in the same order.
 *
 * One request per item (default): a preSend builds `[address]` from the item's own fields.
 *
 * Batch mode (Options > "Batch Items"): item 0 sends every item's address in
 * chunks of 250 and pairs the results back (../../../shared/allItems.ts, shared with Stamps.com's
 * Address > Validate and Shipment > Create).
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';

import { isBatch, requestForAllItems } from '../../../shared/allItems';
import { requestWithRetry, retryingComputeRequest } from '../../../shared/retry';
import { checkAddress, toApiAddress } from '../../shared/shipment';
import { TOP_LEVEL_PARAMETERS } from './validate';

export const BATCH_SIZE = 250;

/** The validated API address of one input item (`ctx` seen as that item: shared/allItems.ts itemView). */
export function addressForItem(ctx: IExecuteSingleFunctions): IDataObject {
	const values: IDataObject = { ...((ctx.getNodeParameter('additionalFields', {}) as IDataObject) ?? {}) };
	for (const name of TOP_LEVEL_PARAMETERS) {
		// Version 1 keeps the postal code in Additional Fields; its top-level field does not exist there.
		const value = ctx.getNodeParameter(name, null) as string | null;
		if (value !== null && value !== undefined) values[name] = value;
	}
	const address = toApiAddress(values);
	checkAddress(ctx, 'Address', address, ['address_line1', 'city_locality', 'state_province', 'country_code']);
	return address as IDataObject;
}

/** preSend: the one-item body; in batch mode the paginator of item 0 builds the bodies. */
export async function addressValidatePreSend(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (!isBatch(this)) requestOptions.body = [addressForItem(this)];
	return requestOptions;
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
	if (!isBatch(this)) return await retryingComputeRequest.call(this, requestData);
	return await requestForAllItems(this, {
		entriesOf: (item) => [addressForItem(item)],
		send: async (addresses) => {
			const answer = await requestWithRetry.call(this, { ...requestData, options: { ...requestData.options, body: addresses } }, true);
			return answer.map((result) => result.json);
		},
		chunkSize: BATCH_SIZE,
		api: 'ShipEngine',
		noun: 'addresses',
	});
}
