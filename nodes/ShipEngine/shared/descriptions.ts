/**
 * Field builders shared by the Label and Rate resources (and reusable by others): carrier and
 * service dropdowns, ship-to / ship-from address fixedCollections, packages, label rendering
 * options and the label download toggle. Builders take the displayOptions `show` object so
 * each operation file keeps its own `showOnlyFor…` constant.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { carrierDropdown, CHOOSE_FROM_LIST, serviceDropdown } from './lookups';

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

/** Required carrier account dropdown (lookups.ts `carrierDropdown`) worded for a purchase. */
export function carrierIdField(show: Show, overrides: Partial<INodeProperties> = {}): INodeProperties {
	return carrierDropdown(show, {
		description: `Carrier account that ships the parcel (e.g. se-123456). ${CHOOSE_FROM_LIST}.`,
		...overrides,
	});
}

/** Required multi-carrier dropdown over the same lookup as `carrierDropdown`. */
export function carrierIdsField(show: Show, overrides: Partial<INodeProperties> = {}): INodeProperties {
	return carrierDropdown(show, {
		displayName: 'Carrier Names or IDs',
		name: 'carrierIds',
		type: 'multiOptions',
		default: [],
		description: `Carrier accounts to get rates from. ${CHOOSE_FROM_LIST}.`,
		...overrides,
	});
}

/** Required service dropdown (lookups.ts `serviceDropdown`) depending on `carrierField`. */
export function serviceCodeField(show: Show, carrierField = 'carrierId'): INodeProperties {
	return serviceDropdown(show, carrierField, {
		description: `Carrier service, e.g. usps_priority_mail or ups_ground. ${CHOOSE_FROM_LIST}.`,
	});
}

const residentialOptions: INodePropertyOptions[] = [
	{ name: 'No (Business)', value: 'no' },
	{ name: 'Unknown', value: 'unknown' },
	{ name: 'Yes (Residential)', value: 'yes' },
];

/** The address properties ShipEngine uses everywhere (partial_address), camelCase → snake_case. */
export const ADDRESS_KEYS: Record<string, string> = {
	name: 'name',
	companyName: 'company_name',
	phone: 'phone',
	email: 'email',
	addressLine1: 'address_line1',
	addressLine2: 'address_line2',
	addressLine3: 'address_line3',
	cityLocality: 'city_locality',
	stateProvince: 'state_province',
	postalCode: 'postal_code',
	countryCode: 'country_code',
	addressResidentialIndicator: 'address_residential_indicator',
};

/** The address inputs (used in fixedCollections and as top-level fields). */
export function addressValues(requiredKeys: string[]): INodeProperties[] {
	const field = (
		displayName: string,
		name: string,
		description: string,
		placeholder?: string,
	): INodeProperties => ({
		displayName,
		name,
		type: 'string',
		default: '',
		description,
		...(placeholder ? { placeholder } : {}),
		...(requiredKeys.includes(name) ? { required: true } : {}),
	});
	return [
		field('Name', 'name', 'Contact person at this address', 'Jane Doe'),
		field('Company Name', 'companyName', 'Company, for business addresses'),
		field('Phone', 'phone', 'Phone number of the contact (some carriers require it)'),
		field('Email', 'email', 'Email of the contact', 'name@email.com'),
		field('Address Line 1', 'addressLine1', 'First line of the street address', '525 S Winchester Blvd'),
		field('Address Line 2', 'addressLine2', 'Second line of the street address (unit, suite)'),
		field('Address Line 3', 'addressLine3', 'Third line of the street address'),
		field('City', 'cityLocality', 'City or locality', 'San Jose'),
		field('State / Province', 'stateProvince', 'State or province; US and CA need the 2-letter abbreviation', 'CA'),
		field('Postal Code', 'postalCode', 'ZIP or postal code', '95128'),
		field('Country Code', 'countryCode', 'Two-letter ISO 3166-1 country code', 'US'),
		{
			displayName: 'Residential',
			name: 'addressResidentialIndicator',
			type: 'options',
			options: residentialOptions,
			default: 'unknown',
			description: 'Whether this is a residential address (carriers price residential delivery differently)',
		},
	];
}

/** A single address as a fixedCollection: { <name>: { address: {...} } }. */
export function addressCollection(
	displayName: string,
	name: string,
	show: Show,
	description: string,
	required = true,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		placeholder: 'Add Address',
		default: {},
		required,
		description,
		displayOptions: { show },
		options: [
			{
				displayName: 'Address',
				name: 'address',
				values: addressValues(['name', 'addressLine1', 'cityLocality', 'postalCode', 'countryCode']),
			},
		],
	};
}

export const weightUnitOptions: INodePropertyOptions[] = [
	{ name: 'Gram', value: 'gram' },
	{ name: 'Kilogram', value: 'kilogram' },
	{ name: 'Ounce', value: 'ounce' },
	{ name: 'Pound', value: 'pound' },
];

export const dimensionUnitOptions: INodePropertyOptions[] = [
	{ name: 'Centimeter', value: 'centimeter' },
	{ name: 'Inch', value: 'inch' },
];

/** Packages as a multi-value fixedCollection: { packages: { package: [...] } }. */
export function packagesCollection(show: Show): INodeProperties {
	const number = (displayName: string, name: string, description: string): INodeProperties => ({
		displayName,
		name,
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description,
	});
	return {
		displayName: 'Packages',
		name: 'packages',
		type: 'fixedCollection',
		placeholder: 'Add Package',
		required: true,
		default: {},
		typeOptions: { multipleValues: true },
		description: 'The parcels of the shipment: at least one, each with a weight above zero',
		displayOptions: { show },
		options: [
			{
				displayName: 'Package',
				name: 'package',
				values: [
					{ ...number('Weight', 'weight', 'Weight of the package (must be above zero)'), required: true },
					{
						displayName: 'Weight Unit',
						name: 'weightUnit',
						type: 'options',
						options: weightUnitOptions,
						default: 'pound',
					},
					number('Length', 'length', 'Length; leave length, width and height at 0 to send no dimensions'),
					number('Width', 'width', 'Width; leave length, width and height at 0 to send no dimensions'),
					number('Height', 'height', 'Height; leave length, width and height at 0 to send no dimensions'),
					{
						displayName: 'Dimension Unit',
						name: 'dimensionUnit',
						type: 'options',
						options: dimensionUnitOptions,
						default: 'inch',
					},
					{
						displayName: 'Package Code',
						name: 'packageCode',
						type: 'string',
						default: '',
						placeholder: 'package',
						description: 'Carrier package type such as package, flat_rate_envelope or medium_flat_rate_box; empty means a custom package',
					},
					number('Insured Value', 'insuredValue', 'Declared value to insure; 0 sends no insured value'),
					{
						displayName: 'Insured Value Currency',
						name: 'insuredCurrency',
						type: 'string',
						default: 'usd',
						description: 'ISO 4217 currency of the insured value',
					},
				],
			},
		],
	};
}

/** "Shipment JSON": raw shipment properties merged over the structured fields (power users). */
export const shipmentJsonField: INodeProperties = {
	displayName: 'Shipment JSON',
	name: 'shipmentJson',
	type: 'json',
	default: '{}',
	description:
		'Extra shipment properties in ShipEngine\'s own format (e.g. customs, advanced_options, items, tax_identifiers); top-level keys here replace the ones built from the fields above',
};

export const confirmationOptions: INodePropertyOptions[] = [
	{ name: 'Adult Signature', value: 'adult_signature' },
	{ name: 'Age Verification 16+', value: 'age_verification_16_plus' },
	{ name: 'Delivery', value: 'delivery' },
	{ name: 'Delivery Code', value: 'delivery_code' },
	{ name: 'Delivery Mailed', value: 'delivery_mailed' },
	{ name: 'Direct Signature', value: 'direct_signature' },
	{ name: 'None', value: 'none' },
	{ name: 'Signature', value: 'signature' },
	{ name: 'Verbal Confirmation', value: 'verbal_confirmation' },
];

const validateAddressOptions: INodePropertyOptions[] = [
	{ name: 'No Validation', value: 'no_validation' },
	{ name: 'Validate and Clean', value: 'validate_and_clean' },
	{ name: 'Validate Only', value: 'validate_only' },
];

/** Shipment-level Additional Fields shared by label purchase and rate calculation. */
export function shipmentAdditionalFields(validateAddressPath = 'shipment.validate_address'): INodeProperties[] {
	return [
		{
			displayName: 'Confirmation',
			name: 'confirmation',
			type: 'options',
			options: confirmationOptions,
			default: 'none',
			description: 'Delivery confirmation the carrier must obtain',
			routing: { send: { type: 'body', property: 'shipment.confirmation' } },
		},
		{
			displayName: 'Insurance Provider',
			name: 'insuranceProvider',
			type: 'options',
			options: [
				{ name: 'Carrier', value: 'carrier' },
				{ name: 'None', value: 'none' },
				{ name: 'Shipsurance', value: 'shipsurance' },
				{ name: 'Third Party', value: 'third_party' },
			],
			default: 'none',
			description: 'Who insures the packages that have an insured value',
			routing: { send: { type: 'body', property: 'shipment.insurance_provider' } },
		},
		{
			displayName: 'Ship Date',
			name: 'shipDate',
			type: 'dateTime',
			default: '',
			description: 'Date the parcel is handed to the carrier (default: today)',
			routing: { send: { type: 'body', property: 'shipment.ship_date' } },
		},
		shipmentJsonField,
		{
			displayName: 'Validate Address',
			name: 'validateAddress',
			type: 'options',
			options: validateAddressOptions,
			default: 'no_validation',
			description: 'Whether ShipEngine validates (and optionally corrects) the addresses first',
			routing: { send: { type: 'body', property: validateAddressPath } },
		},
		{
			displayName: 'Warehouse ID',
			name: 'warehouseId',
			type: 'string',
			default: '',
			placeholder: 'se-123456',
			description: 'Ship from this warehouse instead of a Ship From address',
			routing: { send: { type: 'body', property: 'shipment.warehouse_id' } },
		},
	];
}

/** Label rendering Options (label_format, label_layout, display_scheme, label_download_type). */
export function labelRenderingOptions(show: Show): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Display Scheme',
				name: 'displayScheme',
				type: 'options',
				options: [
					{ name: 'Label', value: 'label' },
					{ name: 'Label and Paperless', value: 'label_and_paperless' },
					{ name: 'Paperless', value: 'paperless' },
				],
				default: 'label',
				description: 'Printable label, a paperless (QR code) label, or both',
				routing: { send: { type: 'body', property: 'display_scheme' } },
			},
			{
				displayName: 'Label Download Type',
				name: 'labelDownloadType',
				type: 'options',
				options: [
					{ name: 'Inline (File in Response)', value: 'inline' },
					{ name: 'URL (Link Valid 90 Days)', value: 'url' },
				],
				default: 'inline',
				description:
					'How ShipEngine returns the label; with Download Label on, "URL" costs one more request to fetch the file',
				routing: { send: { type: 'body', property: 'label_download_type' } },
			},
			{
				displayName: 'Label Format',
				name: 'labelFormat',
				type: 'options',
				options: [
					{ name: 'PDF', value: 'pdf' },
					{ name: 'PNG', value: 'png' },
					{ name: 'ZPL (Thermal Printers)', value: 'zpl' },
				],
				default: 'pdf',
				description: 'File format of the label; PDF works with every carrier',
				routing: { send: { type: 'body', property: 'label_format' } },
			},
			{
				displayName: 'Label Layout',
				name: 'labelLayout',
				type: 'options',
				options: [
					{ name: '4x6', value: '4x6' },
					{ name: 'A4', value: 'A4' },
					{ name: 'A6', value: 'A6' },
					{ name: 'Letter (PDF Only)', value: 'letter' },
				],
				default: '4x6',
				description: 'Paper size of the label',
				routing: { send: { type: 'body', property: 'label_layout' } },
			},
		],
	};
}

/** The "Download Label" toggle and the binary field it writes to. */
export function downloadLabelFields(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Download Label',
			name: 'downloadLabel',
			type: 'boolean',
			default: true,
			description:
				'Whether to return the label file as binary data (asks ShipEngine for the file inline, so no extra request is needed)',
			displayOptions: { show },
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			description: 'Name of the binary field to put the label file in',
			displayOptions: { show: { ...show, downloadLabel: [true] } },
		},
	];
}
