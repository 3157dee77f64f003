/**
 * Return All / Limit for ShipEngine's paged lists (GET /v1/labels, /v1/shipments, /v1/manifests,
 * /v1/pickups, /v1/batches). They answer { <root>: [...], page, pages, total }.
 *
 * Preconditions (as n8n's own paginators document theirs): the operation sets
 * `send.paginate: true` (the node does so for every operation), has a `returnAll` boolean and a
 * `limit` number parameter, and its postReceive does not pick a root property: this paginator
 * does, and maps each record to its own item paired with the input item.
 *
 * Requests: ShipEngine documents no page_size maximum, so the paginator asks for PAGE_SIZE_ASKED
 * (with a Limit: the limit, if smaller) and sends that same page_size on every page. A server
 * that caps page_size silently then numbers its pages by its own cap, which the walk follows
 * (`pages` in the answer), so Return All takes ceil(total / min(cap, PAGE_SIZE_ASKED)) requests:
 * the minimum for whatever cap the server applies. A server that refuses the size with a 400
 * about page_size gets page 1 again at the maximum its message names (else PAGE_SIZE_FALLBACK),
 * and that maximum is remembered for the host for the rest of the process.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { withErrorItems } from '../../shared/errorItem';
import { asNodeError } from '../../shared/errors';
import { describeFailure, requestWithRetry } from '../../shared/retry';

/**
 * The page size asked for. A label record is about 1.5-2 KB of JSON, so a full page is about
 * 10 MB of response: a few seconds of server time and one transient string next to the items
 * Return All keeps anyway, while 10,000 labels take 2 requests even where the server has no cap.
 * Larger pages would save at most one request per 5000 records and make each timeout costlier.
 */
export const PAGE_SIZE_ASKED = 5000;
/** The size tried after a page_size refusal that names no maximum (the size this node used to ask). */
export const PAGE_SIZE_FALLBACK = 500;
/** Smaller sizes tried for one list before the refusal is given to the user. */
const MAX_SHRINKS = 3;

/** Largest page_size each host accepted after refusing a larger one (base URL → size). */
const pageSizeLimits = new Map<string, number>();

/** Forgets the page sizes learned from refusals (tests). */
export function resetPageSizeLimits(): void {
	pageSizeLimits.clear();
}

function hostOf(options: DeclarativeRestApiSettings.ResultOptions['options']): string {
	const base = String(options.baseURL ?? '');
	if (base) return base.replace(/\/+$/, '');
	try {
		return new URL(String(options.url ?? '')).origin;
	} catch {
		return '';
	}
}

/** The ShipEngine error messages of a failure, and whether one of them names page_size. */
function pageSizeComplaint(error: unknown): string | undefined {
	if (describeFailure(error).status !== 400) return undefined;
	const response = (error as { errorResponse?: { errors?: unknown } }).errorResponse;
	const errors = Array.isArray(response?.errors) ? (response.errors as IDataObject[]) : [];
	const messages = errors.length ? errors : [{ message: (error as Error).message }];
	const about = messages.filter((e) => e.field_name === 'page_size' || /page[_ ]?size/i.test(String(e.message ?? '')));
	return about.length ? about.map((e) => String(e.message ?? '')).join(' ') : undefined;
}

/**
 * The smaller page_size to try after `error`, or undefined when the error is not a refusal of
 * page_size (or no smaller size is left). "less than N" means N - 1; otherwise the largest
 * number below `asked` in the message ("between 1 and 500", "at most 500", "<= 500").
 */
export function smallerPageSize(error: unknown, asked: number): number | undefined {
	const message = pageSizeComplaint(error);
	if (message === undefined) return undefined;
	const lessThan = /less than (\d+)/i.exec(message);
	const numbers = lessThan ? [Number(lessThan[1]) - 1] : (message.match(/\d+/g) ?? []).map(Number);
	const named = Math.max(0, ...numbers.filter((n) => n > 1 && n < asked));
	if (named) return named;
	return PAGE_SIZE_FALLBACK < asked ? PAGE_SIZE_FALLBACK : undefined;
}

function pageRequest(
	requestData: DeclarativeRestApiSettings.ResultOptions,
	page: number,
	pageSize: number,
	pageSizeParam: string,
): DeclarativeRestApiSettings.ResultOptions {
	const qs = { ...(requestData.options.qs ?? {}), page, [pageSizeParam]: pageSize };
	return { ...requestData, options: { ...requestData.options, qs } };
}

/** A count from the answer (pages, total), when the API sent one. */
function countOf(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** `pageSizeParam`: the query parameter of the page size (`pagesize` on GET /v1/batches/{id}/errors). */
export function pageNumberPaginator(rootProperty: string, { pageSizeParam = 'page_size' }: { pageSizeParam?: string } = {}) {
	return withErrorItems(async function paginate(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const limit = returnAll ? Infinity : Math.max(1, Number(this.getNodeParameter('limit', 50)));
		const itemIndex = this.getItemIndex();
		const host = hostOf(requestData.options);
		// The same page_size on every page: pages are numbered by it (or by the server's cap).
		let pageSize = Math.min(PAGE_SIZE_ASKED, pageSizeLimits.get(host) ?? Infinity, limit);
		const results: INodeExecutionData[] = [];
		let seen = 0;
		let firstPageLength = 0;

		for (let page = 1; ; page++) {
			let body: IDataObject | undefined;
			for (let shrinks = 0; body === undefined; shrinks++) {
				try {
					const [response] = await requestWithRetry.call(this, pageRequest(requestData, page, pageSize, pageSizeParam));
					body = (response?.json ?? {}) as IDataObject;
				} catch (error) {
					// Only before any record is taken: a new size renumbers the pages.
					const smaller = page === 1 && shrinks < MAX_SHRINKS ? smallerPageSize(error, pageSize) : undefined;
					// Already the API's NodeApiError (requestWithRetry made it one): given on as it is.
					if (smaller === undefined) throw asNodeError(this.getNode(), error, 1);
					pageSizeLimits.set(host, Math.min(smaller, pageSizeLimits.get(host) ?? Infinity));
					pageSize = smaller;
				}
			}
			const records = Array.isArray(body[rootProperty]) ? (body[rootProperty] as IDataObject[]) : [];
			for (const json of records) {
				if (results.length >= limit) break;
				results.push({ json, pairedItem: { item: itemIndex } });
			}
			seen += records.length;
			if (page === 1) firstPageLength = records.length;
			if (results.length >= limit || records.length === 0) break;
			const pages = countOf(body.pages);
			const total = countOf(body.total);
			if (pages !== undefined) {
				if (page >= pages) break;
			} else if (total !== undefined) {
				if (seen >= total) break;
			} else if (records.length < firstPageLength) {
				break;
			}
		}
		return results;
	});
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

/**
 * Return All / Limit for ShipEngine's unpaged lists (GET /v1/warehouses, /v1/packages, /v1/tags,
 * /v1/environment/webhooks, /v1/account/settings/images): the API sends the whole list in one
 * answer, so Return All is that answer and Limit keeps its first records. postReceive, after
 * shipEngineError: one item per record (of `rootProperty`, or of a bare array), paired with the input item.
 * `limited` false: an answer that is not a list to cut (every record is output; no Return All field).
 */
export function unpagedListOutput(rootProperty?: string, limited = true) {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const body = (items[0]?.json ?? response.body) as unknown;
		const list = rootProperty ? (body as IDataObject | undefined)?.[rootProperty] : body;
		const records = Array.isArray(list) ? (list as IDataObject[]) : [];
		const returnAll = !limited || (this.getNodeParameter('returnAll', false) as boolean);
		const limit = returnAll ? records.length : Math.max(1, Number(this.getNodeParameter('limit', 50)));
		const itemIndex = this.getItemIndex();
		return records.slice(0, limit).map((json) => ({ json, pairedItem: { item: itemIndex } }));
	};
}
