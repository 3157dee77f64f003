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

import { inputError } from '../../shared/validation';

/** Node field name -> SERA property, in SERA's order. */
export const ADDRESS_KEYS: Record<string, string> = {
	companyName: 'company_name',
	name: 'name',
	addressLine1: 'address_line1',
	addressLine2: 'address_line2',
	addressLine3: 'address_line3',
	city: 'city',
	stateProvince: 'state_province',
	postalCode: 'postal_code',
	countryCode: 'country_code',
	phone: 'phone',
	email: 'email',
	residentialIndicator: 'residential_indicator',
};

const LABELS: Record<string, string> = {
	addressLine1: 'Address Line 1',
	addressLine2: 'Address Line 2',
	addressLine3: 'Address Line 3',
	city: 'City',
	companyName: 'Company Name',
	countryCode: 'Country Code',
	email: 'Email',
	name: 'Name',
	phone: 'Phone',
	postalCode: 'Postal Code',
	residentialIndicator: 'Residential Indicator',
	stateProvince: 'State/Province',
};

export const ADDRESS_FIELDS: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Full name of the person' },
	{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '' },
	{ displayName: 'Address Line 1', name: 'addressLine1', type: 'string', default: '', placeholder: '1150 Magic Way' },
	{ displayName: 'Address Line 2', name: 'addressLine2', type: 'string', default: '' },
	{ displayName: 'Address Line 3', name: 'addressLine3', type: 'string', default: '' },
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{ displayName: 'State/Province', name: 'stateProvince', type: 'string', default: '', placeholder: 'CA', description: 'Two-letter code for US states and Canadian provinces' },
	{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '', placeholder: '92802' },
	{ displayName: 'Country Code', name: 'countryCode', type: 'string', default: 'US', description: 'ISO 3166-1 alpha-2 country code, e.g. US, CA, GB' },
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
	{
		displayName: 'Residential Indicator',
		name: 'residentialIndicator',
		type: 'options',
		options: [
			{ name: 'Not Set', value: '' },
			{ name: 'No (Commercial)', value: 'no' },
			{ name: 'Yes (Residential)', value: 'yes' },
		],
		default: '',
		description: 'Whether the address is residential; carriers may add a residential surcharge',
	},
];

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
	const required = options.requiredFields.length > 0;
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'fixedCollection',
		placeholder: 'Add Address',
		required,
		default: {},
		description: options.description,
		displayOptions: options.displayOptions,
		options: [{ displayName: 'Address', name: 'address', values: ADDRESS_FIELDS }],
		routing: {
			send: {
				preSend: [setAddress(options.path ?? options.name, options.displayName, options.bodyProperty, options.requiredFields)],
			},
		},
	};
}

/** Node address fields -> SERA address, without empty values. */
export function toSeraAddress(values: IDataObject | undefined): IDataObject {
	const address: IDataObject = {};
	for (const [field, key] of Object.entries(ADDRESS_KEYS)) {
		const value = values?.[field];
		if (value === undefined || value === null) continue;
		const text = String(value).trim();
		if (text) address[key] = field === 'countryCode' ? text.toUpperCase() : text;
	}
	return address;
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
