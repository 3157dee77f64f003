/**
 * Last postReceive of every operation: one n8n item per record, each paired with the input item
 * (RoutingNode adds no pairing, and rates or validation results give several items per input).
 */
import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData, PostReceiveAction } from 'n8n-workflow';

import { parseBody } from '../../shared/errors';

export interface ToItemsOptions {
	/** Take the records from this property of the response (e.g. "tracking_events"). */
	rootProperty?: string;
	/** What to return when SERA answers 2xx with no body (void, cancel, connect...). */
	whenEmpty?: (ctx: IExecuteSingleFunctions) => IDataObject;
}

function isEmptyBody(body: unknown): boolean {
	return body === undefined || body === null || body === '' || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);
}

export function toItems(options: ToItemsOptions = {}): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const pairedItem = { item: this.getItemIndex() };
		const body = items.length === 1 ? parseBody(items[0].json) : undefined;
		if (items.length === 1 && isEmptyBody(body)) {
			const json = options.whenEmpty ? options.whenEmpty(this) : { success: true };
			return [{ json: { ...json, status_code: response.statusCode }, pairedItem }];
		}
		let records: unknown[] = items.map((item) => item.json);
		if (items.length === 1) {
			let value: unknown = body;
			if (options.rootProperty && value && typeof value === 'object' && !Array.isArray(value)) {
				value = (value as IDataObject)[options.rootProperty] ?? [];
			}
			records = Array.isArray(value) ? value : [value];
		}
		return records.map((json) => ({
			json: (json && typeof json === 'object' ? json : { value: json }) as IDataObject,
			pairedItem,
		}));
	};
}
