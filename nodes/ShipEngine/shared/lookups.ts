/**
 * Dropdowns filled from the ShipEngine account: carriers (by ID or by carrier code), services and
 * package types of one carrier, and warehouses. Each is a declarative `typeOptions.loadOptions`.
 *
 * n8n's editor sends `loadOptions.routing` to the server as JSON and runs it through RoutingNode
 * on a temporary node (DynamicNodeParametersService), so the routing must be plain data: no
 * function postReceive (it would arrive as `null`). API errors still surface because the
 * request sets `ignoreHttpStatusErrors: false`, overriding the node's requestDefaults: a bad key
 * shows "Could not load options" with the API's error instead of an empty or garbage list.
 */
import type { INodeProperties } from 'n8n-workflow';

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;
type TypeOptions = NonNullable<INodeProperties['typeOptions']>;

export const CHOOSE_FROM_LIST =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

/** GET `url` → `rootProperty[]` → { name, value } options sorted by name. */
export function listLookup(url: string, rootProperty: string, name: string, value: string): TypeOptions['loadOptions'] {
	return {
		routing: {
			request: { method: 'GET', url, ignoreHttpStatusErrors: false },
			output: {
				postReceive: [
					{ type: 'rootProperty', properties: { property: rootProperty } },
					{ type: 'setKeyValue', properties: { name, value } },
					{ type: 'sort', properties: { key: 'name' } },
				],
			},
		},
	};
}

/** URL of a per-carrier list; the carrier comes from another parameter of the node. */
const carrierPath = (carrierField: string, tail: string) =>
	`=/v1/carriers/{{ encodeURIComponent($parameter["${carrierField}"]) }}/${tail}`;

const CARRIER_LABEL =
	'={{ $responseItem.nickname && $responseItem.nickname !== $responseItem.friendly_name ? $responseItem.friendly_name + " (" + $responseItem.nickname + ")" : $responseItem.friendly_name }}';

/** Connected carrier accounts: "Stamps.com (My account)" → carrier_id. */
export const carrierLookup: TypeOptions = {
	loadOptions: listLookup('/v1/carriers', 'carriers', CARRIER_LABEL, '={{ $responseItem.carrier_id }}'),
};

/** Carrier codes of the connected accounts: "Stamps.com (stamps_com)" → carrier_code. */
export const carrierCodeLookup: TypeOptions = {
	loadOptions: listLookup(
		'/v1/carriers',
		'carriers',
		'={{ $responseItem.friendly_name + " (" + $responseItem.carrier_code + ")" }}',
		'={{ $responseItem.carrier_code }}',
	),
};

/** Services of the carrier chosen in `carrierField`: "USPS Priority Mail" → service_code. */
export function serviceLookup(carrierField = 'carrierId'): TypeOptions {
	return {
		loadOptionsDependsOn: [carrierField],
		loadOptions: listLookup(
			carrierPath(carrierField, 'services'),
			'services',
			'={{ $responseItem.name }}',
			'={{ $responseItem.service_code }}',
		),
	};
}

/** Package types of the carrier chosen in `carrierField`: "Flat Rate Envelope" → package_code. */
export function packageTypeLookup(carrierField = 'carrierId'): TypeOptions {
	return {
		loadOptionsDependsOn: [carrierField],
		loadOptions: listLookup(
			carrierPath(carrierField, 'packages'),
			'packages',
			'={{ $responseItem.name }}',
			'={{ $responseItem.package_code }}',
		),
	};
}

/** Warehouses (ship-from locations): "Main HQ (default)" → warehouse_id. */
export const warehouseLookup: TypeOptions = {
	loadOptions: listLookup(
		'/v1/warehouses',
		'warehouses',
		'={{ $responseItem.is_default ? $responseItem.name + " (default)" : $responseItem.name }}',
		'={{ $responseItem.warehouse_id }}',
	),
};

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
	const what = 'Carrier that shipped the package; the list shows your connected carriers, any ShipEngine carrier code works';
	return dropdown({ ...spec, what, example: 'stamps_com, ups, fedex' }, show, overrides);
}

/** Required service dropdown (`serviceCode`) that depends on a carrier field. */
export function serviceDropdown(show: Show, carrierField = 'carrierId', overrides: Partial<INodeProperties> = {}): INodeProperties {
	const spec = { displayName: 'Service Name or ID', name: 'serviceCode', typeOptions: serviceLookup(carrierField) };
	return dropdown({ ...spec, what: 'Carrier service', example: 'usps_priority_mail' }, show, overrides);
}

/** Required package type dropdown (`packageCode`) that depends on a carrier field. */
export function packageTypeDropdown(show: Show, carrierField = 'carrierId', overrides: Partial<INodeProperties> = {}): INodeProperties {
	const spec = { displayName: 'Package Type Name or ID', name: 'packageCode', typeOptions: packageTypeLookup(carrierField) };
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
	packageTypes: packageTypeLookup(),
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

/** Package Code of one package (Label and Rate). */
export function packageCodeField(): INodeProperties {
	return {
		displayName: 'Package Code',
		name: 'packageCode',
		type: 'string',
		default: '',
		placeholder: 'e.g. package',
		description: 'Carrier package type such as package, flat_rate_envelope or medium_flat_rate_box; empty means a custom package',
	};
}
