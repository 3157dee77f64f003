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

/** Required package type dropdown (`packageCode`) that depends on a carrier field. */
export function packageTypeDropdown(show: Show, carrierField = 'carrierId', overrides: Partial<INodeProperties> = {}): INodeProperties {
	const spec = { displayName: 'Package Type Name or ID', name: 'packageCode', typeOptions: packageTypeLookup([carrierField]) };
	return dropdown({ ...spec, what: 'Carrier package type', example: 'package, flat_rate_envelope' }, show, overrides);
}

/** Required warehouse dropdown (`warehouseId`). */
export function warehouseDropdown(show: Show, overrides: Partial<INodeProperties> = {}): INodeProperties {
	const spec = { displayName: 'Warehouse Name or ID', name: 'warehouseId', typeOptions: warehouseLookup };
	return dropdown({ ...spec, what: 'Warehouse (ship-from location)', example: 'se-123456' }, show, overrides);
}

/** Every lookup by name, for tests and for documentation. */
export const LOOKUPS: Record<string, TypeOptions> = {
	carriers: carrierLookup,
	carrierCodes: carrierCodeLookup,
	services: serviceLookup(),
	packageTypes: packageTypeLookup(['carrierId', 'carrierIds']),
	warehouses: warehouseLookup,
};

/** An optional carrier or warehouse dropdown inside a Filters collection, sent as a query parameter. */
export function filterDropdown(kind: 'carrier' | 'warehouse', description: string): INodeProperties {
	const spec =
		kind === 'carrier'
			? { displayName: 'Carrier Name or ID', name: 'carrierId', typeOptions: carrierLookup, property: 'carrier_id' }
			: { displayName: 'Warehouse Name or ID', name: 'warehouseId', typeOptions: warehouseLookup, property: 'warehouse_id' };
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'options',
		default: '',
		description: `${description}. ${CHOOSE_FROM_LIST}.`,
		typeOptions: spec.typeOptions,
		routing: { send: { type: 'query', property: spec.property } },
	};
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
