/**
 * One address description for both nodes: the same fields in the same order, with the same
 * labels, descriptions, "e.g." placeholders, defaults and required markers, mapped to each API's
 * property names (ShipEngine `city_locality`, SERA `city`, ...).
 *
 * Parameter NAMES stay what each node shipped with (saved workflows store them: renaming one
 * would silently drop a saved value), so each API also maps the parts to its node's names.
 * Every field's display name starts with the address's role ("Ship To City"): n8n derives the
 * `$fromAI` key of a tool parameter from its display name (see test/shared/fromAiKeys.test.ts),
 * so two addresses with plain "City" fields would be filled by one value.
 */
import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

export type AddressPart =
	| 'name'
	| 'companyName'
	| 'addressLine1'
	| 'addressLine2'
	| 'addressLine3'
	| 'city'
	| 'stateProvince'
	| 'postalCode'
	| 'countryCode'
	| 'phone'
	| 'email'
	| 'residential';

export interface AddressApi {
	/** The node's parameter name of each part (what saved workflows store). */
	parameter: Record<AddressPart, string>;
	/** The API's property of each part. */
	property: Record<AddressPart, string>;
	/** The API's values for the residential flag; `unknown` is never sent. */
	residential: { no: string; unknown: string; yes: string };
}

const SAME_NAMES = {
	name: 'name',
	companyName: 'companyName',
	addressLine1: 'addressLine1',
	addressLine2: 'addressLine2',
	addressLine3: 'addressLine3',
	stateProvince: 'stateProvince',
	postalCode: 'postalCode',
	countryCode: 'countryCode',
	phone: 'phone',
	email: 'email',
};

const SNAKE_PROPERTIES = {
	name: 'name',
	companyName: 'company_name',
	addressLine1: 'address_line1',
	addressLine2: 'address_line2',
	addressLine3: 'address_line3',
	stateProvince: 'state_province',
	postalCode: 'postal_code',
	countryCode: 'country_code',
	phone: 'phone',
	email: 'email',
};

/** ShipEngine's address (partial_address) and the ShipEngine node's parameter names. */
export const SHIPENGINE_ADDRESS: AddressApi = {
	parameter: { ...SAME_NAMES, city: 'cityLocality', residential: 'addressResidentialIndicator' },
	property: { ...SNAKE_PROPERTIES, city: 'city_locality', residential: 'address_residential_indicator' },
	residential: { no: 'no', unknown: 'unknown', yes: 'yes' },
};

/** SERA's address and the Stamps.com node's parameter names. */
export const SERA_ADDRESS: AddressApi = {
	parameter: { ...SAME_NAMES, city: 'city', residential: 'residentialIndicator' },
	property: { ...SNAKE_PROPERTIES, city: 'city', residential: 'residential_indicator' },
	residential: { no: 'no', unknown: '', yes: 'yes' },
};

/** The default country of every address field set (both APIs ship mostly from the US). */
export const DEFAULT_COUNTRY = 'US';

interface PartSpec {
	part: AddressPart;
	label: string;
	description: string;
	placeholder?: string;
}

/** The shared order: who, where, how to reach them. */
const PARTS: PartSpec[] = [
	{ part: 'name', label: 'Name', description: 'Full name of the person at this address', placeholder: 'e.g. Jane Doe' },
	{ part: 'companyName', label: 'Company Name', description: 'Company at this address, for business addresses', placeholder: 'e.g. Acme Inc.' },
	{ part: 'addressLine1', label: 'Address Line 1', description: 'Street address: house number and street', placeholder: 'e.g. 525 S Winchester Blvd' },
	{ part: 'addressLine2', label: 'Address Line 2', description: 'Second line of the street address: apartment, suite, unit', placeholder: 'e.g. Suite 200' },
	{ part: 'addressLine3', label: 'Address Line 3', description: 'Third line of the street address, when needed', placeholder: 'e.g. Building 4' },
	{ part: 'city', label: 'City', description: 'City or locality', placeholder: 'e.g. San Jose' },
	{
		part: 'stateProvince',
		label: 'State/Province',
		description: 'State or province; the two-letter code in the US and Canada. Leave empty where the country has none.',
		placeholder: 'e.g. CA',
	},
	{ part: 'postalCode', label: 'Postal Code', description: 'ZIP or postal code', placeholder: 'e.g. 95128' },
	{
		part: 'countryCode',
		label: 'Country Code',
		description: 'Two-letter ISO 3166-1 country code, upper case (US, CA, GB, DE, ...)',
		placeholder: 'e.g. US',
	},
	{ part: 'phone', label: 'Phone', description: 'Phone number of the contact; some carriers and most international shipments need it', placeholder: 'e.g. +1 555 0100' },
	{ part: 'email', label: 'Email', description: 'Email address of the contact', placeholder: 'e.g. name@email.com' },
	{
		part: 'residential',
		label: 'Residential',
		description: 'Whether the address is a home (carriers may add a residential surcharge); Unknown lets the carrier decide',
	},
];

/** The label of each part, for error messages ("Ship To > City is required"). */
export const ADDRESS_LABELS = Object.fromEntries(PARTS.map((spec) => [spec.part, spec.label])) as Record<AddressPart, string>;

export const ADDRESS_PARTS: AddressPart[] = PARTS.map((spec) => spec.part);

export interface AddressFieldOptions {
	/** Who the address belongs to ("Ship To"): the start of every field's display name. */
	role?: string;
	/** Parts the editor marks as required. */
	required?: AddressPart[];
	/** Parts to include, in the shared order (default: all). */
	parts?: AddressPart[];
}

/** The address fields, in the shared order, named for `api`. */
export function addressFields(api: AddressApi, options: AddressFieldOptions = {}): INodeProperties[] {
	const include = new Set(options.parts ?? ADDRESS_PARTS);
	const required = new Set(options.required ?? []);
	const prefix = options.role ? `${options.role} ` : '';
	return PARTS.filter((spec) => include.has(spec.part)).map((spec): INodeProperties => {
		const field: INodeProperties = {
			displayName: `${prefix}${spec.label}`,
			name: api.parameter[spec.part],
			type: 'string',
			default: '',
			description: spec.description,
		};
		if (spec.part === 'countryCode') field.default = DEFAULT_COUNTRY;
		if (spec.placeholder) field.placeholder = spec.placeholder;
		if (spec.part === 'residential') {
			const choices: INodePropertyOptions[] = [
				{ name: 'No (Business)', value: api.residential.no },
				{ name: 'Unknown', value: api.residential.unknown },
				{ name: 'Yes (Residential)', value: api.residential.yes },
			];
			Object.assign(field, { type: 'options', options: choices, default: api.residential.unknown });
		}
		if (required.has(spec.part)) field.required = true;
		return field;
	});
}

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

export interface AddressCollectionOptions extends AddressFieldOptions {
	name: string;
	displayName: string;
	description: string;
	/** Whether the editor marks the whole address as required. */
	collectionRequired?: boolean;
	show?: Show;
	routing?: INodeProperties['routing'];
}

/** One address as a fixedCollection: `{ <name>: { address: {...} } }`. */
export function addressCollection(api: AddressApi, options: AddressCollectionOptions): INodeProperties {
	const property: INodeProperties = {
		displayName: options.displayName,
		name: options.name,
		type: 'fixedCollection',
		placeholder: 'Add Address',
		default: {},
		description: options.description,
		options: [
			{
				displayName: 'Address',
				name: 'address',
				values: addressFields(api, { role: options.role ?? options.displayName, required: options.required, parts: options.parts }),
			},
		],
	};
	if (options.collectionRequired) property.required = true;
	if (options.show) property.displayOptions = { show: options.show };
	if (options.routing) property.routing = options.routing;
	return property;
}

/** Parameter values → the API's address: trimmed, empty values and Unknown residential left out, country upper case. */
export function toApiAddress(api: AddressApi, values: IDataObject | undefined): IDataObject {
	const address: IDataObject = {};
	for (const part of ADDRESS_PARTS) {
		const value = values?.[api.parameter[part]];
		if (value === undefined || value === null) continue;
		const text = String(value).trim();
		if (!text || (part === 'residential' && text === api.residential.unknown)) continue;
		address[api.property[part]] = part === 'countryCode' ? text.toUpperCase() : text;
	}
	return address;
}
