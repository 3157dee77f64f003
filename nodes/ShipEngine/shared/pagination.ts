/**
 * Return All / Limit for ShipEngine's paged lists (GET /v1/labels, /v1/shipments, /v1/manifests,
 * /v1/pickups, /v1/batches). They answer { <root>: [...], page, pages, total }.
 *
 * Preconditions (as n8n's own paginators document theirs): the operation sets
 * `send.paginate: true` (the node does so for every operation), has a `returnAll` boolean and a
 * `limit` number parameter, and its postReceive does not pick a root property: this paginator
 * does, and maps each record to its own item paired with the input item.
 *
 * Requests: with Return All, pages of PAGE_SIZE_MAX until `page >= pages`, which is the minimum
 * possible; with a Limit, one request of page_size = limit when limit <= PAGE_SIZE_MAX.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { requestWithRetry } from '../../shared/retry';

/** ShipEngine documents no upper bound for page_size; 500 keeps responses reasonable. */
export const PAGE_SIZE_MAX = 500;

export function pageNumberPaginator(rootProperty: string, pageSizeMax = PAGE_SIZE_MAX) {
	return async function paginate(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const limit = returnAll ? Infinity : Math.max(1, Number(this.getNodeParameter('limit', 50)));
		const itemIndex = this.getItemIndex();
		const results: INodeExecutionData[] = [];

		for (let page = 1; ; page++) {
			const pageSize = Math.min(pageSizeMax, limit - results.length);
			const pageRequest: DeclarativeRestApiSettings.ResultOptions = {
				...requestData,
				options: { ...requestData.options, qs: { ...(requestData.options.qs ?? {}), page, page_size: pageSize } },
			};
			const [response] = await requestWithRetry.call(this, pageRequest);
			const body = (response?.json ?? {}) as IDataObject;
			const records = (body[rootProperty] ?? []) as IDataObject[];
			for (const json of records) {
				if (results.length >= limit) break;
				results.push({ json, pairedItem: { item: itemIndex } });
			}
			const pages = Number(body.pages ?? 0);
			if (results.length >= limit || records.length === 0 || page >= pages) break;
		}
		return results;
	};
}

/** The Return All + Limit pair `pageNumberPaginator` reads, for one list operation. */
export function returnAllFields(show: NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}
