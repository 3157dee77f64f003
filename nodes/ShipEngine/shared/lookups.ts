/**
 * Dropdowns filled from the ShipEngine account: carriers (by ID or by carrier code), services and
 * package types of the chosen carrier, and warehouses. Each names a coded method of
 * loadOptions.ts (why coded: see there), so they load in the plain node and in its AI tool.
 */
import type { INodeProperties } from 'n8n-workflow';

import { CUSTOM_PACKAGE } from './loadOptions';

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;
type TypeOptions = NonNullable<INodeProperties['typeOptions']>;

export const CHOOSE_FROM_LIST =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

/** Connected carrier accounts → carrier_id (loadOptions.ts `getCarriers`). */
export const carrierLookup: TypeOptions = { loadOptionsMethod: 'getCarriers' };

/** Carrier codes of the connected accounts → carrier_code. */
export const carrierCodeLookup: TypeOptions = { loadOptionsMethod: 'getCarrierCodes' };

/** Services of the carrier chosen in Carrier → service_code; empty until one is chosen. */
export function serviceLookup(carrierField = 'carrierId'): TypeOptions {
	return { loadOptionsMethod: 'getServices', loadOptionsDependsOn: [carrierField] };
}

/** Package types of the chosen carrier(s) → package_code; empty until one is chosen. */
export function packageTypeLookup(carrierFields = ['carrierId']): TypeOptions {
	return { loadOptionsMethod: 'getPackageTypes', loadOptionsDependsOn: carrierFields };
}

/** Warehouses (ship-from locations) → warehouse_id. */
export const warehouseLookup: TypeOptions = { loadOptionsMethod: 'getWarehouses' };

/** The account's own records → their ID (loadOptions.ts `getWebhooks`, `getCustomPackages`, `getLabelImages`, `getTags`). */
export const webhookLookup: TypeOptions = { loadOptionsMethod: 'getWebhooks' };
export const customPackageLookup: TypeOptions = { loadOptionsMethod: 'getCustomPackages' };
export const labelImageLookup: TypeOptions = { loadOptionsMethod: 'getLabelImages' };
export const tagLookup: TypeOptions = { loadOptionsMethod: 'getTags' };

/** Carrier codes ShipEngine tracks most (shipengine-labels-reference.txt); any other code works too. */
export const CARRIER_CODES = ['usps', 'stamps_com', 'ups', 'fedex', 'dhl_express', 'dhl_global_mail', 'canada_post', 'royal_mail', 'ontrac', 'asendia', 'endicia'];

interface DropdownSpec {
	displayName: string;
	name: string;
	typeOptions: TypeOptions;
	what: string;
	example: string;
}

function dropdown(spec: DropdownSpec, show: Show, overrides: Partial<INodeProperties>): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'options',
		required: true,
		default: '',
		description: `${spec.what} (e.g. ${spec.example}). ${CHOOSE_FROM_LIST}.`,
		typeOptions: spec.typeOptions,
		displayOptions: { show },
		...overrides,
	};
}

/** Required carrier account dropdown (`carrierId`); pass overrides for another name or text. */
export function carrierDropdown(show: Show, overrides: Partial<INodeProperties> = {}): INodeProperties {
	const spec = { displayName: 'Carrier Name or ID', name: 'carrierId', typeOptions: carrierLookup };
	return dropdown({ ...spec, what: 'Carrier account', example: 'se-123456' }, show, overrides);
}

/** Required carrier code dropdown (`carrierCode`), for tracking numbers bought anywhere. */
export function carrierCodeDropdown(show: Show, overrides: Partial<INodeProperties> = {}): INodeProperties {
	const spec = { displayName: 'Carrier Code Name or ID', name: 'carrierCode', typeOptions: carrierCodeLookup };
	const what = `Carrier that shipped the package, as a ShipEngine carrier code in lower case: ${CARRIER_CODES.join(', ')}, or another code ShipEngine lists (upper case is converted). The list shows your connected carriers`;
	return dropdown({ ...spec, what, example: 'ups' }, show, overrides);
}

/** Required service dropdown (`serviceCode`) that depends on a carrier field. */
export function serviceDropdown(show: Show, carrierField = 'carrierId', overrides: Partial<INodeProperties> = {}): INodeProperties {
	const spec = { displayName: 'Service Name or ID', name: 'serviceCode', typeOptions: serviceLookup(carrierField) };
	return dropdown({ ...spec, what: 'Carrier service', example: 'usps_priority_mail' }, show, { hint: CHOOSE_CARRIER_FIRST, ...overrides });
}

/** Shown under a list that depends on the carrier (it stays empty until one is chosen). */
export const CHOOSE_CARRIER_FIRST = 'Choose the carrier first: the list shows its services';

/** Required warehouse dropdown (`warehouseId`). */
export function warehouseDropdown(show: Show, overrides: Partial<INodeProperties> = {}): INodeProperties {
	const spec = { displayName: 'Warehouse Name or ID', name: 'warehouseId', typeOptions: warehouseLookup };
	return dropdown({ ...spec, what: 'Warehouse (ship-from location)', example: 'se-123456' }, show, overrides);
}

const RECORDS = {
	webhook: {
		displayName: 'Webhook Name or ID',
		name: 'webhookId',
		typeOptions: webhookLookup,
		what: 'Webhook: the list shows each with its event and URL; Webhook › Get Many gives the webhook_id',
		example: 'se-123456',
	},
	customPackage: {
		displayName: 'Custom Package Name or ID',
		name: 'packageId',
		typeOptions: customPackageLookup,
		what: 'Custom package type (package_id; Package Type › Get Many lists them)',
		example: 'se-123456',
	},
	labelImage: {
		displayName: 'Label Image Name or ID',
		name: 'labelImageId',
		typeOptions: labelImageLookup,
		what: 'Label image, a logo printed on labels (label_image_id; Label Image › Get Many lists them)',
		example: 'img_DtBXupDBxREpHnwEXhTfgK',
	},
	tag: {
		displayName: 'Tag Name or ID',
		name: 'tagName',
		typeOptions: tagLookup,
		what: 'Name of the tag, case-sensitive (its name is its ID)',
		example: 'Fragile',
	},
} satisfies Record<string, DropdownSpec>;

/**
 * Required dropdown of one of the account's own records (webhook, custom package type, label
 * image, tag): the list, or any ID (a saved text value, an expression, an AI tool's value).
 */
export function recordDropdown(kind: keyof typeof RECORDS, show: Show, overrides: Partial<INodeProperties> = {}): INodeProperties {
	return dropdown(RECORDS[kind], show, overrides);
}

/** An optional dropdown (in a collection: no displayOptions, empty sends nothing). */
function optionalDropdown(
	spec: { displayName: string; name: string; typeOptions: TypeOptions },
	what: string,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'options',
		default: '',
		description: `${what}. ${CHOOSE_FROM_LIST}.`,
		typeOptions: spec.typeOptions,
		...overrides,
	};
}

/** The same as an optional field (in a collection: no displayOptions, empty sends nothing). */
export function optionalRecordField(kind: keyof typeof RECORDS, what: string, overrides: Partial<INodeProperties> = {}): INodeProperties {
	return optionalDropdown(RECORDS[kind], what, overrides);
}

/** Every lookup by name, for tests and for documentation. */
export const LOOKUPS: Record<string, TypeOptions> = {
	carriers: carrierLookup,
	carrierCodes: carrierCodeLookup,
	services: serviceLookup(),
	packageTypes: packageTypeLookup(['carrierId', 'carrierIds']),
	warehouses: warehouseLookup,
	webhooks: webhookLookup,
	customPackages: customPackageLookup,
	labelImages: labelImageLookup,
	tags: tagLookup,
};

/** An optional carrier or warehouse dropdown inside a Filters collection, sent as a query parameter. */
export function filterDropdown(kind: 'carrier' | 'warehouse', description: string): INodeProperties {
	const spec =
		kind === 'carrier'
			? { displayName: 'Carrier Name or ID', name: 'carrierId', typeOptions: carrierLookup, property: 'carrier_id' }
			: { displayName: 'Warehouse Name or ID', name: 'warehouseId', typeOptions: warehouseLookup, property: 'warehouse_id' };
	return optionalDropdown(spec, description, { routing: { send: { type: 'query', property: spec.property } } });
}

/**
 * Package Code of one package (Label and Rate): the package types of the chosen carrier(s),
 * or any code as an expression; empty means a custom package.
 */
export function packageCodeField(): INodeProperties {
	return {
		displayName: 'Package Code Name or ID',
		name: 'packageCode',
		type: 'options',
		default: '',
		typeOptions: packageTypeLookup(['carrierId', 'carrierIds']),
		// n8n's select shows an empty value as its placeholder, not as the option it matches.
		placeholder: CUSTOM_PACKAGE.name,
		hint: 'Choose the carrier first: the list shows its package types',
		description: `Carrier package type such as package, flat_rate_envelope or medium_flat_rate_box; empty means a custom package. ${CHOOSE_FROM_LIST}.`,
	};
}

/** Warehouse ID in Additional Fields (Label and Rate): ship from a warehouse instead of a Ship From address. */
export function warehouseIdField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Warehouse Name or ID',
		name: 'warehouseId',
		type: 'options',
		default: '',
		typeOptions: warehouseLookup,
		description: `Ship from this warehouse instead of a Ship From address. ${CHOOSE_FROM_LIST}.`,
		...overrides,
	};
}
