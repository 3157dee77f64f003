/**
 * Field builders shared by the Label and Rate resources (and reusable by others): carrier and
 * service dropdowns, ship-to / ship-from address fixedCollections, packages, label rendering
 * options and the label download toggle. Builders take the displayOptions `show` object so
 * each operation file keeps its own `showOnlyFor…` constant.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import {
	addressCollection as sharedAddressCollection,
	addressFields,
	SHIPENGINE_ADDRESS,
	type AddressPart,
} from '../../shared/descriptions/address';
import { fileOutputField } from '../../shared/descriptions/fileOutput';
import {
	DIMENSION_UNIT_OPTIONS,
	dimensionFields,
	WEIGHT_UNIT_OPTIONS,
	weightField,
	weightUnitField,
} from '../../shared/descriptions/package';
import { carrierDropdown, CHOOSE_FROM_LIST, packageCodeField, serviceDropdown, warehouseIdField } from './lookups';
import { byVersion } from './versions';

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

/** ShipEngine's address: the shared description (nodes/shared/descriptions/address.ts) under this node's names. */
export const ADDRESS_API = SHIPENGINE_ADDRESS;

/** What ShipEngine needs of a shipment's Ship To and Ship From. */
export const SHIPMENT_ADDRESS_REQUIRED: AddressPart[] = ['name', 'addressLine1', 'city', 'postalCode', 'countryCode'];

/** The address inputs (used in fixedCollections and as top-level fields). */
export function addressValues(required: AddressPart[], role?: string): INodeProperties[] {
	return addressFields(ADDRESS_API, { required, role });
}

/** A single address as a fixedCollection: { <name>: { address: {...} } }. */
export function addressCollection(
	displayName: string,
	name: string,
	show: Show,
	description: string,
	required = true,
): INodeProperties {
	return sharedAddressCollection(ADDRESS_API, {
		displayName,
		name,
		description,
		show,
		collectionRequired: required,
		required: SHIPMENT_ADDRESS_REQUIRED,
	});
}

export { DIMENSION_UNIT_OPTIONS as dimensionUnitOptions, WEIGHT_UNIT_OPTIONS as weightUnitOptions };

/** The unit ShipEngine node version 1 started with; 1.1 starts with the shared default. */
export const V1_WEIGHT_UNIT = 'pound';

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
					weightField(),
					...byVersion(weightUnitField(), { default: V1_WEIGHT_UNIT }),
					...dimensionFields(),
					packageCodeField(),
					number('Insured Value', 'insuredValue', 'Declared value to insure, in Insured Value Currency; 0 sends no insured value'),
					{
						displayName: 'Insured Value Currency',
						name: 'insuredCurrency',
						type: 'string',
						default: 'usd',
						placeholder: 'e.g. usd',
						description: 'ISO 4217 currency of the insured value, lower case (usd, cad, gbp, eur)',
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
		warehouseIdField({ routing: { send: { type: 'body', property: 'shipment.warehouse_id' } } }),
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
		fileOutputField({ ...show, downloadLabel: [true] }, 'Name of the binary field to put the label file in'),
	];
}
