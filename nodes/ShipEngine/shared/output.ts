/**
 * Output shapers used after `shipEngineError` in postReceive. Each pairs its items with the
 * input item (RoutingNode adds no pairing, and the engine cannot infer it for 1 → n outputs).
 */
import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { parseBody } from '../../shared/errors';

type PostReceive = (
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
) => Promise<INodeExecutionData[]>;

/**
 * For answers with an empty body (204) or a bare acknowledgement: one item
 * `{ success: true, ...describe() }`, so the workflow can continue and show what was done.
 */
export function successOutput(describe: (ctx: IExecuteSingleFunctions, body: IDataObject) => IDataObject): PostReceive {
	return async function (this: IExecuteSingleFunctions, _items, response) {
		const parsed = parseBody(response.body);
		const body = (parsed && typeof parsed === 'object' ? parsed : {}) as IDataObject;
		return [{ json: { success: true, ...describe(this, body) }, pairedItem: { item: this.getItemIndex() } }];
	};
}

/** Keeps only `keys` of each item (in that order; absent keys are left out). */
export function pickFields(keys: string[]): PostReceive {
	return async function (this: IExecuteSingleFunctions, items) {
		const itemIndex = this.getItemIndex();
		return items.map((item) => {
			const json: IDataObject = {};
			for (const key of keys) if (item.json[key] !== undefined) json[key] = item.json[key];
			return { json, pairedItem: { item: itemIndex } };
		});
	};
}
