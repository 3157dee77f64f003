/**
 * SERA's address object as one reusable fixedCollection ("Ship From", "Ship To", ...), and the
 * preSend that turns it into `from_address` / `to_address` / ...: empty fields are left out,
 * and the fields SERA needs are checked before any request, naming the field and item.
 */
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	PreSendAction,
} from 'n8n-workflow';

import {
	ADDRESS_LABELS,
	ADDRESS_PARTS,
	addressCollection as sharedAddressCollection,
	addressFields,
	SERA_ADDRESS,
	toApiAddress,
} from '../../shared/descriptions/address';
import { inputError } from '../../shared/validation';

/** Node field name -> SERA property (the shared address description under SERA's names). */
export const ADDRESS_KEYS: Record<string, string> = Object.fromEntries(
	ADDRESS_PARTS.map((part) => [SERA_ADDRESS.parameter[part], SERA_ADDRESS.property[part]]),
);

/** Node field name -> the label users see (without the address's role). */
const LABELS: Record<string, string> = Object.fromEntries(
	ADDRESS_PARTS.map((part) => [SERA_ADDRESS.parameter[part], ADDRESS_LABELS[part]]),
);

const PART_OF = new Map(ADDRESS_PARTS.map((part) => [SERA_ADDRESS.parameter[part], part]));

/** The address fields under SERA's names; `role` starts every display name ("Ship To City"). */
export function seraAddressFields(role?: string, requiredFields: string[] = []): INodeProperties[] {
	// "a|b" (either will do) cannot be marked in the editor; the preSend checks it.
	const required = requiredFields.filter((rule) => !rule.includes('|')).flatMap((name) => PART_OF.get(name) ?? []);
	return addressFields(SERA_ADDRESS, { role, required });
}

/**
 * A fixedCollection holding one address (one group named "address"); its own routing runs the
 * preSend that builds `bodyProperty`, so it only applies while the field is shown.
 * `path` is the parameter path when the collection sits inside another one (Additional Fields).
 */
export function addressCollection(options: {
	name: string;
	displayName: string;
	description: string;
	bodyProperty: string;
	requiredFields: string[];
	path?: string;
	displayOptions?: IDisplayOptions;
}): INodeProperties {
	const property = sharedAddressCollection(SERA_ADDRESS, {
		name: options.name,
		displayName: options.displayName,
		description: options.description,
		collectionRequired: options.requiredFields.length > 0,
		required: [],
		routing: {
			send: {
				preSend: [setAddress(options.path ?? options.name, options.displayName, options.bodyProperty, options.requiredFields)],
			},
		},
	});
	const [group] = property.options as Array<{ values: INodeProperties[] }>;
	group.values = seraAddressFields(options.displayName, options.requiredFields);
	if (options.displayOptions) property.displayOptions = options.displayOptions;
	return property;
}

/** Node address fields -> SERA address, without empty values. */
export function toSeraAddress(values: IDataObject | undefined): IDataObject {
	return toApiAddress(SERA_ADDRESS, values);
}

/**
 * Which fields must be filled: each entry is a field name, or "a|b" when either will do.
 * SERA's guide: a label's from_address needs name or company name, line 1, city, state and ZIP.
 */
export const SHIP_FROM_REQUIRED = ['name|companyName', 'addressLine1', 'city', 'stateProvince', 'postalCode'];
export const SHIP_TO_REQUIRED = ['name|companyName', 'addressLine1', 'city', 'countryCode'];
export const POSTAL_CODE_REQUIRED = ['postalCode'];

/** Throws a NodeOperationError naming the first missing or malformed field. */
export function checkAddress(
	ctx: IExecuteSingleFunctions,
	displayName: string,
	values: IDataObject | undefined,
	required: string[],
	itemIndex = ctx.getItemIndex(),
): void {
	const filled = (field: string) => String(values?.[field] ?? '').trim() !== '';
	for (const rule of required) {
		const alternatives = rule.split('|');
		if (!alternatives.some(filled)) {
			const names = alternatives.map((field) => LABELS[field]).join(' or ');
			throw inputError(ctx, `${displayName} > ${names}`, 'is required', itemIndex);
		}
	}
	const country = String(values?.countryCode ?? '').trim();
	if (country && !/^[A-Za-z]{2}$/.test(country)) {
		throw inputError(ctx, `${displayName} > Country Code`, `"${country}" is not a two-letter ISO country code (e.g. US, CA, GB)`, itemIndex);
	}
}

/** preSend: reads the address collection `parameter` and sets `body[bodyProperty]`. */
export function setAddress(parameter: string, displayName: string, bodyProperty: string, required: string[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const values = this.getNodeParameter(`${parameter}.address`, {}) as IDataObject;
		const present = values && Object.keys(values).length > 0;
		if (!present && required.length === 0) return requestOptions;
		checkAddress(this, displayName, values, required);
		const body = (requestOptions.body ?? {}) as IDataObject;
		body[bodyProperty] = toSeraAddress(values);
		requestOptions.body = body;
		return requestOptions;
	};
}
