/**
 * Input checks and conversions run in preSend, before any request: each failure is a
 * NodeOperationError naming the field and the item (`inputError` of nodes/shared/validation,
 * the wording both nodes share), so with Continue On Fail the item gets an error and nothing is
 * sent for it. Dates are read by the shared strict reader there.
 */
import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { asText, checkDates, dateParam, inputError, toUtcDateTime, type DateField } from '../../shared/validation';

export type PreSend = (this: IExecuteSingleFunctions, request: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

export { asText, checkDates, toUtcDateTime };

/** Additional Fields > Ship Date of a shipment (Label > Create, Rate Shopper, Rate > Calculate): the day, midnight UTC. */
export const SHIPMENT_SHIP_DATE: DateField = {
	param: 'additionalFields.shipDate',
	label: 'Additional Fields > Ship Date',
	format: 'midnightUtc',
	target: { type: 'body', property: 'shipment.ship_date' },
};

/** The shipment's Ship Date on Rate > Calculate, where it exists only with Rate Source "Shipment Details". */
export const RATE_SHIP_DATE: DateField = {
	...SHIPMENT_SHIP_DATE,
	when: (ctx) => ctx.getNodeParameter('rateSource', 'shipmentDetails') === 'shipmentDetails',
};

/** Additional Fields > Ship Date of Rate > Estimate: a date-time (ShipEngine's `date_time`), in UTC. */
export const ESTIMATE_SHIP_DATE: DateField = {
	param: 'additionalFields.shipDate',
	label: 'Additional Fields > Ship Date',
	format: 'utc',
	target: { type: 'body', property: 'ship_date' },
};

/** A required text parameter, trimmed. */
export function requiredText(ctx: IExecuteSingleFunctions, param: string, label: string): string {
	const value = asText(ctx.getNodeParameter(param, ''));
	if (!value) throw inputError(ctx, label, 'is required');
	return value;
}

/** preSend: every listed parameter ([name, label]) must be non-empty. */
export function requireFields(...fields: Array<[param: string, label: string]>): PreSend {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
		for (const [param, label] of fields) requiredText(this, param, label);
		return request;
	};
}

const ID = /^[A-Za-z0-9_-]+$/;

/** IDs given as "se-1, se-2", one per line, or an array (from an expression). */
export function idList(ctx: IExecuteSingleFunctions, param: string, label: string): string[] {
	const raw = ctx.getNodeParameter(param, '') as unknown;
	const list = (Array.isArray(raw) ? raw.map(asText) : asText(raw).split(/[\s,;]+/)).filter(Boolean);
	const bad = list.find((id) => !ID.test(id));
	if (bad !== undefined) throw inputError(ctx, label, `"${bad}" is not an ID (expected IDs like se-123456, separated by commas)`);
	return list;
}

/** A date-time parameter (top level or "collection.key") → UTC ISO text; undefined when empty. */
export function dateTimeParam(ctx: IExecuteSingleFunctions, param: string, label: string): string | undefined {
	return dateParam(ctx, { param, label, format: 'utc' });
}

/** The calendar date the user wrote (time and offset ignored), as midnight UTC: a ship date. */
export function shipDateParam(ctx: IExecuteSingleFunctions, param: string, label: string): string {
	return dateParam(ctx, { param, label, format: 'midnightUtc', required: true })!;
}

/** A date-time filter field; it has no routing: `dateTimeQuery` sends it, converted to UTC. */
export function dateTimeFilter(displayName: string, name: string, description: string): INodeProperties {
	return { displayName, name, type: 'dateTime', default: '', description };
}

/**
 * preSend for date filters: each set `collection.key` date-time goes to its query property as
 * UTC ISO text (the filter fields themselves carry no routing).
 */
export function dateTimeQuery(collection: string, fields: Record<string, [apiName: string, label: string]>): PreSend {
	return checkDates(
		Object.entries(fields).map(([key, [apiName, label]]) => ({
			param: `${collection}.${key}`,
			label,
			format: 'utc' as const,
			target: { type: 'qs' as const, property: apiName },
		})),
	);
}

/** A money amount that must be above zero (funds are charged to the account's payment method). */
export function positiveAmount(ctx: IExecuteSingleFunctions, param: string, label: string): number {
	const raw = ctx.getNodeParameter(param, 0) as unknown;
	const amount = typeof raw === 'number' ? raw : Number(asText(raw));
	if (!Number.isFinite(amount) || amount <= 0) {
		throw inputError(ctx, label, `must be a number greater than 0 (got ${JSON.stringify(raw)}); no funds were added`);
	}
	return amount;
}

/** An ISO 4217 currency code, lower case as ShipEngine writes it ("usd"). */
export function currencyParam(ctx: IExecuteSingleFunctions, param: string, label: string): string {
	const currency = requiredText(ctx, param, label).toLowerCase();
	if (!/^[a-z]{3}$/.test(currency)) throw inputError(ctx, label, `"${currency}" is not a three-letter ISO 4217 currency code (e.g. usd)`);
	return currency;
}

/** preSend: body `{ currency, amount }` from the Amount and Currency fields, checked first. */
export const monetaryBody: PreSend = async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const amount = positiveAmount(this, 'amount', 'Amount');
	const currency = currencyParam(this, 'currency', 'Currency');
	request.body = { currency, amount };
	return request;
};

/** preSend: no request body (for POSTs that take only query parameters). */
export const noBody: PreSend = async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	delete request.body;
	return request;
};
