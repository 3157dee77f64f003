/**
 * Reads the "Customs" collection (description.ts) of one item into API-neutral values and checks
 * them before any request: every problem is an `inputError` ("Customs > Customs Item 2 >
 * Quantity: must be a whole number above zero (got 0) (item 0)"). Items come from the typed
 * rows first, then the entries of "Customs Items (List)" (an expression giving a list, or JSON text).
 * Also decides whether a shipment needs customs at all (`customsNeededReason`).
 */
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { inputError } from '../validation';
import { isCurrencyCode } from './currencies';
import { LIST_ITEM_KEYS } from './description';

export interface CustomsItem {
	description: string;
	quantity: number;
	/** Value of one item. */
	value?: number;
	/** ISO 4217, lower case. */
	currency: string;
	weight?: number;
	weightUnit: string;
	hsCode?: string;
	/** ISO 3166-1 alpha-2, upper case. */
	countryOfOrigin?: string;
	sku?: string;
}

export interface CustomsValues {
	contents: string;
	contentsExplanation?: string;
	nonDelivery: string;
	invoiceNumber?: string;
	licenseNumber?: string;
	certificateNumber?: string;
	items: CustomsItem[];
	/** The whole collection as the user filled it (for each node's own extra fields). */
	raw: IDataObject;
}

const FIELD = 'Customs';

function trimmed(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	return text === '' ? undefined : text;
}

function numberOrUndefined(value: unknown): number | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
	return typeof value === 'number' ? value : Number(value);
}

/** One customs item, checked; `field` names it in errors ("Customs > Customs Item 2"). */
function checkedItem(ctx: IExecuteSingleFunctions, field: string, entry: IDataObject): CustomsItem {
	const fail = (name: string, problem: string): never => {
		throw inputError(ctx, `${field} > ${name}`, problem);
	};
	const description = trimmed(entry.description);
	if (!description) fail('Description', 'is required (say what the item is)');
	const rawQuantity = entry.quantity ?? 1;
	const quantity = numberOrUndefined(rawQuantity);
	if (quantity === undefined || !Number.isInteger(quantity) || quantity <= 0) {
		fail('Quantity', `must be a whole number above zero (got ${JSON.stringify(rawQuantity)})`);
	}
	const value = numberOrUndefined(entry.value);
	if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
		fail('Value', `must be zero or more (got ${JSON.stringify(entry.value)})`);
	}
	const currency = trimmed(entry.currency) ?? 'USD';
	if (!isCurrencyCode(currency)) fail('Currency', `"${currency}" is not an ISO 4217 currency code (e.g. USD, EUR, GBP)`);
	const weight = numberOrUndefined(entry.weight);
	if (weight !== undefined && (!Number.isFinite(weight) || weight < 0)) {
		fail('Weight', `must be zero or more (got ${JSON.stringify(entry.weight)})`);
	}
	const weightUnit = trimmed(entry.weightUnit) ?? 'ounce';
	if (!['gram', 'kilogram', 'ounce', 'pound'].includes(weightUnit)) {
		fail('Weight Unit', `"${weightUnit}" is not one of gram, kilogram, ounce, pound`);
	}
	const countryOfOrigin = trimmed(entry.countryOfOrigin);
	if (countryOfOrigin !== undefined && !/^[A-Za-z]{2}$/.test(countryOfOrigin)) {
		fail('Country of Origin', `"${countryOfOrigin}" is not a two-letter ISO country code (e.g. US, CN, DE)`);
	}
	return {
		description: description!,
		quantity: quantity!,
		value,
		currency: currency.toLowerCase(),
		weight: weight ? weight : undefined,
		weightUnit,
		hsCode: trimmed(entry.hsCode),
		countryOfOrigin: countryOfOrigin?.toUpperCase(),
		sku: trimmed(entry.sku),
	};
}

/** The typed rows, in the neutral shape. */
function rowEntries(raw: IDataObject): IDataObject[] {
	const rows = ((raw.customsItems as IDataObject | undefined)?.item as IDataObject[] | undefined) ?? [];
	return rows.filter(Boolean).map((row) => ({
		description: row.customsItemDescription,
		quantity: row.customsItemQuantity,
		value: row.customsItemValue,
		currency: row.customsItemCurrency,
		weight: row.customsItemWeight,
		weightUnit: row.customsItemWeightUnit,
		hsCode: row.customsItemHsCode,
		countryOfOrigin: row.customsItemCountryOfOrigin,
		sku: row.customsItemSku,
	}));
}

/** "Customs Items (List)": an array (from an expression) or JSON text of one. */
function listEntries(ctx: IExecuteSingleFunctions, value: unknown): IDataObject[] {
	const field = `${FIELD} > Customs Items (List)`;
	if (value === undefined || value === null || value === '') return [];
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = jsonParse(value);
		} catch {
			throw inputError(ctx, field, 'is not valid JSON: give a list such as [{"description": "T-shirt", "quantity": 2, "value": 15}]');
		}
	}
	if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) parsed = [parsed];
	if (!Array.isArray(parsed)) throw inputError(ctx, field, `must be a list of items (got ${typeof parsed})`);
	return parsed.map((entry, index) => {
		const at = `${field} > Entry ${index + 1}`;
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw inputError(ctx, at, 'is not an object');
		const unknown = Object.keys(entry as IDataObject).filter((key) => !(LIST_ITEM_KEYS as readonly string[]).includes(key));
		if (unknown.length) {
			throw inputError(ctx, at, `unknown key(s) ${unknown.join(', ')} (allowed: ${LIST_ITEM_KEYS.join(', ')})`);
		}
		const e = entry as IDataObject;
		return {
			description: e.description,
			quantity: e.quantity,
			value: e.value,
			currency: e.currency,
			weight: e.weight,
			weightUnit: e.weight_unit,
			hsCode: e.harmonized_tariff_code,
			countryOfOrigin: e.country_of_origin,
			sku: e.sku,
			_listIndex: index + 1,
		};
	});
}

/**
 * This item's customs values, checked; undefined when the user filled no customs field.
 * `sideKeys`: fields of the collection that live beside the customs object in the API (ShipEngine's
 * tax identifiers) and do not by themselves make a customs declaration.
 */
export function readCustoms(ctx: IExecuteSingleFunctions, sideKeys: string[] = []): CustomsValues | undefined {
	const raw = (ctx.getNodeParameter('customs', {}) as IDataObject | undefined) ?? {};
	const keys = Object.keys(raw).filter((key) => !sideKeys.includes(key));
	if (!keys.length) return undefined;
	const rows = rowEntries(raw).map((entry, index) => checkedItem(ctx, `${FIELD} > Customs Item ${index + 1}`, entry));
	const listed = listEntries(ctx, raw.customsItemsList).map((entry) =>
		checkedItem(ctx, `${FIELD} > Customs Items (List) > Entry ${String(entry._listIndex)}`, entry),
	);
	const contents = trimmed(raw.contents) ?? 'merchandise';
	const contentsExplanation = trimmed(raw.contentsExplanation);
	if (contents === 'other' && !contentsExplanation) {
		throw inputError(ctx, `${FIELD} > Contents Explanation`, 'is required when Contents Type is Other');
	}
	return {
		contents,
		contentsExplanation,
		nonDelivery: trimmed(raw.nonDelivery) ?? 'return_to_sender',
		invoiceNumber: trimmed(raw.invoiceNumber),
		licenseNumber: trimmed(raw.licenseNumber),
		certificateNumber: trimmed(raw.certificateNumber),
		items: [...rows, ...listed],
		raw,
	};
}

/** Military post (APO/FPO/DPO): "state" AA, AE or AP. */
const MILITARY_STATES = new Set(['AA', 'AE', 'AP']);
/**
 * US territories and freely associated states whose mail needs a customs form under USPS rules
 * (DMM 608.2.4), written either as their own country code or as a US state code.
 */
const CUSTOMS_TERRITORIES = new Set(['AS', 'FM', 'GU', 'MH', 'MP', 'PW', 'VI']);

export interface PlaceForCustoms {
	country?: string;
	state?: string;
	city?: string;
}

function specialPlace(place: PlaceForCustoms): string | undefined {
	const country = (place.country ?? '').trim().toUpperCase();
	const state = (place.state ?? '').trim().toUpperCase();
	const city = (place.city ?? '').trim().toUpperCase();
	if (country === 'US' && (MILITARY_STATES.has(state) || ['APO', 'FPO', 'DPO'].includes(city))) return 'a US military (APO/FPO/DPO) address';
	if (CUSTOMS_TERRITORIES.has(country) || (country === 'US' && CUSTOMS_TERRITORIES.has(state))) {
		return `a US territory or freely associated state (${CUSTOMS_TERRITORIES.has(country) ? country : state})`;
	}
	return undefined;
}

/** Why this shipment needs customs, or undefined when it is domestic (or the origin is unknown). */
export function customsNeededReason(from: PlaceForCustoms, to: PlaceForCustoms): string | undefined {
	const fromCountry = (from.country ?? '').trim().toUpperCase();
	const toCountry = (to.country ?? '').trim().toUpperCase();
	// A malformed country code is the address check's to report, not this one's.
	const known = (code: string) => /^[A-Z]{2}$/.test(code);
	if (known(fromCountry) && known(toCountry) && fromCountry !== toCountry) return `it goes from ${fromCountry} to ${toCountry}`;
	const special = specialPlace(to) ?? specialPlace(from);
	return special ? `it goes to or from ${special}` : undefined;
}

/** The error for an international shipment without any customs information. */
export function customsMissingError(ctx: IExecuteSingleFunctions, reason: string, where = 'the Customs fields') {
	return inputError(ctx, FIELD, `this shipment needs a customs declaration because ${reason}; fill ${where} (at least one Customs Item)`);
}
