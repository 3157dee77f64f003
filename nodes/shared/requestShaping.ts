/**
 * Request shaping without n8n expressions.
 *
 * n8n's declarative engine evaluates every `={{ … }}` in a node's routing once per item (and the
 * base URL twice), and each evaluation builds a fresh workflow data proxy: on 1000 items that
 * was a third of our per-item time (bench/RESULTS.md). These preSend functions do the same jobs
 * in plain code: fill path parameters, trim identifiers, turn lists into what the API takes.
 */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

type Location = 'qs' | 'body';

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Fills `{parameterName}` placeholders in the request URL with the item's parameter values,
 * trimmed and URL-encoded (an ID can never change the path: `a/../b` is sent as `a%2F..%2Fb`).
 * Operations write their path as a plain template, e.g. `/v1/labels/{labelId}/void`. A missing
 * value fills in as empty; the operation's own validation names the field before any request.
 */
export async function fillPathParameters(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { url } = requestOptions;
	if (typeof url !== 'string' || !url.includes('{')) return requestOptions;
	requestOptions.url = url.replace(PLACEHOLDER, (_, name: string) => {
		const value = this.getNodeParameter(name, '', { extractValue: true });
		return encodeURIComponent(String(value ?? '').trim());
	});
	return requestOptions;
}

function target(requestOptions: IHttpRequestOptions, location: Location): IDataObject | undefined {
	const holder = location === 'qs' ? requestOptions.qs : requestOptions.body;
	return holder && typeof holder === 'object' ? (holder as IDataObject) : undefined;
}

/** Walks a dotted path (`contact_details.name`) to the object holding its last key. */
function parentOf(root: IDataObject, path: string): [IDataObject, string] | undefined {
	const keys = path.split('.');
	let node: IDataObject = root;
	for (const key of keys.slice(0, -1)) {
		const next = node[key];
		if (!next || typeof next !== 'object' || Array.isArray(next)) return undefined;
		node = next as IDataObject;
	}
	return [node, keys[keys.length - 1]];
}

/** A preSend that rewrites the value at each path (when present) with `change`. */
export function reshape(location: Location, paths: string[], change: (value: unknown) => unknown): PreSendAction {
	return async function reshapeValues(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const root = target(requestOptions, location);
		if (!root) return requestOptions;
		for (const path of paths) {
			const found = parentOf(root, path);
			if (!found || !(found[1] in found[0])) continue;
			const [holder, key] = found;
			holder[key] = change(holder[key]) as IDataObject[string];
		}
		return requestOptions;
	};
}

/** Trims surrounding whitespace of text values (identifiers pasted from emails and sheets). */
export const trimmed = (location: Location, ...paths: string[]): PreSendAction =>
	reshape(location, paths, (value) => (typeof value === 'string' ? value.trim() : value));

/**
 * Carrier, service and package codes: both APIs want them in lower case and refuse "UPS" or
 * "USPS_Priority_Mail" (an AI model often writes them so); sent trimmed and lower case.
 */
export const asCode = (location: Location, ...paths: string[]): PreSendAction =>
	reshape(location, paths, (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** Turns "a, b; c" (or an array) into ['a', 'b', 'c'] without empty entries. */
export const splitList = (value: unknown): string[] =>
	(Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,;]+/))
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');

/** Sends a list as an array of strings, whatever the user typed between the entries. */
export const asList = (location: Location, ...paths: string[]): PreSendAction => reshape(location, paths, splitList);

/** Sends a multi-select's values as one comma-separated string (e.g. refund_status=a,b). */
export const asCommaList = (location: Location, ...paths: string[]): PreSendAction =>
	reshape(location, paths, (value) => (Array.isArray(value) ? value.join(',') : value));
