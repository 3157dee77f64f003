/**
 * preSend checks that run before any request and name the field and item at fault, in the
 * wording both nodes share (`inputError` of nodes/shared/validation).
 */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { asText, inputError, type DateField } from '../../shared/validation';

export { checkDates } from '../../shared/validation';

/** Each [parameter, display name] must not be empty (an expression can resolve to ""). */
export function requireValues(fields: Array<[string, string]>): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		for (const [parameter, displayName] of fields) {
			if (!asText(this.getNodeParameter(parameter, ''))) throw inputError(this, displayName, 'is required');
		}
		return requestOptions;
	};
}

/** Each [parameter, display name] must be a number above zero. */
export function requirePositive(fields: Array<[string, string]>): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		for (const [parameter, displayName] of fields) {
			const raw = this.getNodeParameter(parameter, 0) as unknown;
			const value = typeof raw === 'number' ? raw : Number(asText(raw) || Number.NaN);
			if (!Number.isFinite(value) || value <= 0) throw inputError(this, displayName, `must be above zero (got ${JSON.stringify(raw)})`);
		}
		return requestOptions;
	};
}

/** Additional Fields > Ship Date (Label > Create, Rate > Get): body ship_date as YYYY-MM-DD. */
export const SHIP_DATE: DateField = {
	param: 'additionalFields.shipDate',
	label: 'Additional Fields > Ship Date',
	format: 'date',
	target: { type: 'body', property: 'ship_date' },
};

/** Filters > Ship Date (Carrier > Get Services): query ship_date as YYYY-MM-DD. */
export const FILTER_SHIP_DATE: DateField = {
	param: 'filters.shipDate',
	label: 'Filters > Ship Date',
	format: 'date',
	target: { type: 'qs', property: 'ship_date' },
};

/** Ship Date of a selection by origin address (Manifest, Container Label > Create): required there. */
export const SELECTION_SHIP_DATE: DateField = {
	param: 'shipDate',
	label: 'Ship Date',
	format: 'date',
	required: true,
	target: { type: 'body', property: 'ship_date' },
	when: (ctx) => ctx.getNodeParameter('selectBy', 'labelIds') === 'address',
};

/** Pickup > Schedule window edges: real date-times, sent as given (SERA documents no format). */
export const PICKUP_WINDOW: DateField[] = [
	{ param: 'pickupWindowStart', label: 'Pickup Window Start', format: 'asTyped', required: true },
	{ param: 'pickupWindowEnd', label: 'Pickup Window End', format: 'asTyped', required: true },
];

/** Label IDs as an array: an expression may give an array, typed text may be comma-separated. */
export function parseLabelIds(value: unknown): string[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(',');
	return list.map((id) => String(id).trim()).filter(Boolean);
}

/** preSend for a Label IDs field: body.label_ids = [...], at least one. */
export function setLabelIds(parameter: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const ids = parseLabelIds(this.getNodeParameter(parameter, ''));
		if (!ids.length) throw inputError(this, 'Label IDs', 'give at least one label_id (comma-separated, or an expression that returns a list)');
		requestOptions.body = { ...((requestOptions.body ?? {}) as IDataObject), label_ids: ids };
		return requestOptions;
	};
}

/** The date part (YYYY-MM-DD) of a date or date-time value, as SERA's ship_date expects. */
export const DATE_ONLY = '={{ String($value).slice(0, 10) }}';
