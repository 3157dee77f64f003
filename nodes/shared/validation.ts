/**
 * Input checks both nodes share, run in preSend before any request. Every failure has one
 * wording, `<Field>: <problem> (item N)`, and is a NodeOperationError carrying the item index,
 * so with Continue On Fail only that item fails and nothing is sent for it.
 *
 * Dates: one strict ISO 8601 reader for every date and date-time field of both nodes (no
 * 2026-02-30, no 24:00, no "next tuesday"), and one preSend that checks them and writes the value
 * the API wants into the request.
 */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

type ItemContext = Pick<IExecuteSingleFunctions, 'getNode' | 'getItemIndex'>;

/** The error for a bad field value: names the field and the item, says nothing was sent. */
export function inputError(ctx: ItemContext, field: string, problem: string, itemIndex = ctx.getItemIndex()): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${field}: ${problem} (item ${itemIndex})`, {
		itemIndex,
		description: `Fix "${field}" for input item ${itemIndex} and run the node again. No request was sent for this item.`,
	});
}

/** A parameter value as trimmed text ('' when empty); Luxon DateTimes and Dates become ISO text. */
export function asText(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
	if (typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		return String((value as { toISO: () => string | null }).toISO() ?? 'Invalid DateTime');
	}
	return String(value).trim();
}

interface DateTimeParts {
	/** YYYY-MM-DD exactly as written. */
	date: string;
	/** Wall-clock time as milliseconds since 1970 read as UTC. */
	wall: number;
	/** Minutes east of UTC when the text has Z or an offset. */
	offset?: number;
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Reads YYYY-MM-DD[Thh:mm[:ss[.fff]]][Z|±hh:mm]; undefined unless every part is real. */
function parseDateTime(text: string): DateTimeParts | undefined {
	const match = ISO_DATE_TIME.exec(text);
	if (!match) return undefined;
	const [y, mo, d, h, mi, s] = match.slice(1, 7).map((part) => Number(part ?? 0));
	const ms = Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3));
	const day = new Date(0);
	day.setUTCFullYear(y, mo - 1, d); // not Date.UTC: it reads years 0-99 as 1900-1999
	if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return undefined;
	if (h > 23 || mi > 59 || s > 59) return undefined;
	const zone = match[8]?.toUpperCase();
	let offset: number | undefined = zone === 'Z' ? 0 : undefined;
	if (zone && zone !== 'Z') {
		const oh = Number(zone.slice(1, 3));
		const om = zone.length === 3 ? 0 : Number(zone.slice(-2)); // "+02", "+0200", "+02:00"
		if (oh > 23 || om > 59) return undefined;
		offset = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
	}
	day.setUTCHours(h, mi, s, ms);
	return { date: match.slice(1, 4).join('-'), wall: day.getTime(), offset };
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
	const wall = new Date(0);
	wall.setUTCFullYear(part('year'), part('month') - 1, part('day'));
	wall.setUTCHours(part('hour'), part('minute'), part('second'));
	return wall.getTime() - Math.floor(utc / 1000) * 1000;
}

/**
 * An ISO date-time in UTC ("2026-04-10T13:00:00.000Z"). A value without an offset (what n8n's
 * date picker gives) is wall-clock time in `timeZone`; a date alone is midnight there.
 * Undefined when the text is not a real date-time.
 */
export function toUtcDateTime(text: string, timeZone: string): string | undefined {
	const parts = parseDateTime(text);
	if (!parts) return undefined;
	if (parts.offset !== undefined) return new Date(parts.wall - parts.offset * 60_000).toISOString();
	let utc = parts.wall - zoneOffset(parts.wall, timeZone);
	const corrected = parts.wall - zoneOffset(utc, timeZone); // across a DST change the offset differs
	if (corrected !== utc) utc = corrected;
	return new Date(utc).toISOString();
}

/** The calendar date written at the start of a real date or date-time ("2026-04-10"), else undefined. */
export function calendarDate(text: string): string | undefined {
	return parseDateTime(text)?.date;
}

/**
 * What a date field sends:
 * - `date`: the calendar date written, YYYY-MM-DD (SERA ship_date);
 * - `midnightUtc`: that date as YYYY-MM-DDT00:00:00.000Z (ShipEngine ship dates);
 * - `utc`: the instant in UTC, a value without offset read in the workflow's time zone (ShipEngine date-times);
 * - `asTyped`: checked, then sent as the user gave it (SERA pickup window, format undocumented).
 */
export type DateFormat = 'date' | 'midnightUtc' | 'utc' | 'asTyped';

export interface DateField {
	/** Parameter name, "collection.key" for a field inside a collection. */
	param: string;
	/** The field as the user sees it, e.g. "Additional Fields > Ship Date". */
	label: string;
	format: DateFormat;
	/** Empty is an error (otherwise empty means "not set": nothing is sent). */
	required?: boolean;
	/** Where the checked value goes, e.g. { type: 'body', property: 'shipment.ship_date' }; left to routing when unset. */
	target?: { type: 'body' | 'qs'; property: string };
	/** Only checked when this holds (for a field shown only in one mode). */
	when?: (ctx: IExecuteSingleFunctions) => boolean;
}

const EXAMPLE: Record<DateFormat, string> = {
	date: 'is not a date (use e.g. 2026-04-10)',
	midnightUtc: 'is not a date (use e.g. 2026-04-10)',
	utc: 'is not a date and time (use e.g. 2026-04-10T15:00:00)',
	asTyped: 'is not a date and time (use e.g. 2026-04-10T15:00:00)',
};

/** One date field of this item, checked and converted; undefined when empty and optional. */
export function dateParam(ctx: IExecuteSingleFunctions, field: DateField): string | undefined {
	const text = asText(ctx.getNodeParameter(field.param, ''));
	if (!text) {
		if (field.required) throw inputError(ctx, field.label, 'is required');
		return undefined;
	}
	const date = calendarDate(text);
	const utc = date === undefined ? undefined : toUtcDateTime(text, ctx.getTimezone());
	if (date === undefined || utc === undefined) throw inputError(ctx, field.label, `"${text}" ${EXAMPLE[field.format]}`);
	if (field.format === 'date') return date;
	if (field.format === 'midnightUtc') return `${date}T00:00:00.000Z`;
	return field.format === 'utc' ? utc : text;
}

/** Sets (or, for undefined, removes) a dotted property such as "shipment.ship_date". */
function place(target: IDataObject, property: string, value: string | undefined): void {
	const keys = property.split('.');
	const last = keys.pop()!;
	let node = target;
	for (const key of keys) {
		if (typeof node[key] !== 'object' || node[key] === null) {
			if (value === undefined) return;
			node[key] = {};
		}
		node = node[key] as IDataObject;
	}
	if (value === undefined) delete node[last];
	else node[last] = value;
}

/** preSend: every listed date field checked (named error before any request) and sent as the API wants. */
export function checkDates(fields: DateField[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		for (const field of fields) {
			if (field.when && !field.when(this)) continue;
			const value = dateParam(this, field);
			if (!field.target) continue;
			if (field.target.type === 'qs') {
				request.qs = { ...(request.qs ?? {}) };
				place(request.qs, field.target.property, value);
			} else {
				request.body = { ...((request.body ?? {}) as IDataObject) };
				place(request.body as IDataObject, field.target.property, value);
			}
		}
		return request;
	};
}
