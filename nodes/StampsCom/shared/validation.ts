/** preSend checks that run before any request and name the field and item at fault. */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

function fail(ctx: IExecuteSingleFunctions, message: string, description?: string): never {
	throw new NodeOperationError(ctx.getNode(), message, {
		itemIndex: ctx.getItemIndex(),
		description: description ?? `Check this field for item ${ctx.getItemIndex()}.`,
	});
}

/** Each [parameter, display name] must not be empty (an expression can resolve to ""). */
export function requireValues(fields: Array<[string, string]>): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		for (const [parameter, displayName] of fields) {
			const value = this.getNodeParameter(parameter, '') as unknown;
			if (value === undefined || value === null || String(value).trim() === '') fail(this, `${displayName} is required`);
		}
		return requestOptions;
	};
}

/** Each [parameter, display name] must be a number above zero. */
export function requirePositive(fields: Array<[string, string]>): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		for (const [parameter, displayName] of fields) {
			const value = Number(this.getNodeParameter(parameter, 0));
			if (!Number.isFinite(value) || value <= 0) fail(this, `${displayName} must be greater than 0`);
		}
		return requestOptions;
	};
}

/** Each [parameter, display name], when set, must be a real calendar date (no 2026-02-30). */
export function requireDates(fields: Array<[string, string]>): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		for (const [parameter, displayName] of fields) {
			const text = String(this.getNodeParameter(parameter, '') ?? '').trim();
			if (!text) continue;
			const [, y, m, d] = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text)?.map(Number) ?? [];
			const date = new Date(Date.UTC(y, m - 1, d));
			if (!y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
				fail(this, `${displayName}: "${text}" is not a date (use e.g. 2026-04-10)`);
			}
		}
		return requestOptions;
	};
}

/** Label IDs as an array: an expression may give an array, typed text may be comma-separated. */
export function parseLabelIds(value: unknown): string[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(',');
	return list.map((id) => String(id).trim()).filter(Boolean);
}

/** preSend for a Label IDs field: body.label_ids = [...], at least one. */
export function setLabelIds(parameter: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const ids = parseLabelIds(this.getNodeParameter(parameter, ''));
		if (!ids.length) fail(this, 'Label IDs is required', 'Give at least one label_id, comma-separated, or an expression that returns a list.');
		requestOptions.body = { ...((requestOptions.body ?? {}) as IDataObject), label_ids: ids };
		return requestOptions;
	};
}

/** The date part (YYYY-MM-DD) of a date or date-time value, as SERA's ship_date expects. */
export const DATE_ONLY = '={{ String($value).slice(0, 10) }}';
