/**
 * Input checks and conversions run in preSend, before any request: each failure is a
 * NodeOperationError naming the field and the item (shared `inputError`), so with Continue On
 * Fail the item gets an error and nothing is sent for it.
 */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { inputError } from './shipment';

export type PreSend = (this: IExecuteSingleFunctions, request: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

/** A parameter value as trimmed text ('' when empty); Luxon DateTimes and Dates become ISO text. */
export function asText(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (value instanceof Date) return value.toISOString();
	if (typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		return String((value as { toISO: () => string }).toISO());
	}
	return String(value).trim();
}

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

/** Milliseconds to add to UTC to get the wall-clock time in `timeZone` at instant `utc`. */
function zoneOffset(utc: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	}).formatToParts(new Date(utc));
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
	const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
	return wall - Math.floor(utc / 1000) * 1000;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An ISO date-time in UTC ("2026-04-10T13:00:00.000Z"). A value without an offset (what n8n's
 * date picker gives) is wall-clock time in the workflow's time zone; a date alone is midnight.
 * Returns undefined when the text is not a date-time.
 */
export function toUtcDateTime(text: string, timeZone: string): string | undefined {
	if (ZONED_DATE_TIME.test(text)) {
		const time = Date.parse(text);
		return Number.isNaN(time) ? undefined : new Date(time).toISOString();
	}
	const match = LOCAL_DATE_TIME.exec(text);
	if (!match) return undefined;
	const [y, mo, d, h, mi, s, ms] = match.slice(1).map((part) => Number(part ?? 0));
	const wall = Date.UTC(y, mo - 1, d, h, mi, s, Number(String(ms).padEnd(3, '0').slice(0, 3)));
	const check = new Date(wall);
	if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
	let utc = wall - zoneOffset(wall, timeZone);
	const corrected = wall - zoneOffset(utc, timeZone); // across a DST change the offset differs
	if (corrected !== utc) utc = corrected;
	return new Date(utc).toISOString();
}

/** A date-time parameter (top level or "collection.key") → UTC ISO text; undefined when empty. */
export function dateTimeParam(ctx: IExecuteSingleFunctions, param: string, label: string): string | undefined {
	const text = asText(ctx.getNodeParameter(param, ''));
	if (!text) return undefined;
	const iso = toUtcDateTime(text, ctx.getTimezone());
	if (!iso) throw inputError(ctx, label, `"${text}" is not a date and time (use e.g. 2026-04-10T15:00:00)`);
	return iso;
}

/** The calendar date the user wrote (time and offset ignored), as midnight UTC: a ship date. */
export function shipDateParam(ctx: IExecuteSingleFunctions, param: string, label: string): string {
	const text = requiredText(ctx, param, label);
	const date = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(text)?.[1];
	if (!date || !toUtcDateTime(date, 'UTC')) throw inputError(ctx, label, `"${text}" is not a date (use e.g. 2026-04-10)`);
	return `${date}T00:00:00.000Z`;
}

/** A date-time filter field; it has no routing: `dateTimeQuery` sends it, converted to UTC. */
export function dateTimeFilter(displayName: string, name: string, description: string): INodeProperties {
	return { displayName, name, type: 'dateTime', default: '', description };
}

/**
 * preSend for date filters: each present `collection.key` date-time goes to its query property
 * as UTC ISO text (the filter fields themselves carry no routing).
 */
export function dateTimeQuery(collection: string, fields: Record<string, [apiName: string, label: string]>): PreSend {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
		const values = this.getNodeParameter(collection, {}) as IDataObject;
		for (const [key, [apiName, label]] of Object.entries(fields)) {
			if (!(key in values)) continue;
			const iso = dateTimeParam(this, `${collection}.${key}`, label);
			if (iso) request.qs = { ...(request.qs ?? {}), [apiName]: iso };
		}
		return request;
	};
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
