/**
 * Fields of the Warehouse resource: ship-from locations kept in ShipEngine (name, origin
 * address, return address, default flag), and the preSend that builds and checks the body of
 * Create and Update (PUT replaces the whole warehouse, so both send name and origin address).
 */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { addressCollection } from '../../shared/descriptions';
import { requiredText } from '../../shared/input';
import { CHOOSE_FROM_LIST, warehouseDropdown } from '../../shared/lookups';
import { returnAllFields } from '../../shared/pagination';
import { checkAddress, toApiAddress } from '../../shared/shipment';

const showOnlyForWarehouseWrite = { resource: ['warehouse'], operation: ['create', 'update'] };
const showOnlyForOneWarehouse = { resource: ['warehouse'], operation: ['delete', 'get', 'update', 'updateSettings'] };
const showOnlyForWarehouseSettings = { resource: ['warehouse'], operation: ['updateSettings'] };

const ORIGIN_REQUIRED = ['name', 'phone', 'address_line1', 'city_locality', 'state_province', 'postal_code', 'country_code'];
const RETURN_REQUIRED = ['name', 'address_line1', 'city_locality', 'state_province', 'postal_code', 'country_code'];

const defaultWarehouse = (description: string): INodeProperties => ({
	displayName: 'Default Warehouse',
	name: 'isDefaultWarehouse',
	type: 'boolean',
	default: true,
	description,
});

export const warehouseFields: INodeProperties[] = [
	warehouseDropdown(showOnlyForOneWarehouse, { description: `Warehouse to act on (e.g. se-123456). ${CHOOSE_FROM_LIST}.` }),
	{
		displayName: 'Warehouse Display Name',
		name: 'warehouseName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Austin HQ',
		description: 'Name of the warehouse as it appears in ShipEngine and in the warehouse dropdowns',
		displayOptions: { show: showOnlyForWarehouseWrite },
	},
	{
		...addressCollection(
			'Origin Address',
			'originAddress',
			showOnlyForWarehouseWrite,
			'Where parcels ship from: name, phone, street, city, state, postal code and country are required',
		),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForWarehouseWrite },
		options: [
			defaultWarehouse('Whether this becomes the account\'s default warehouse (used when a shipment names none)'),
			{
				...addressCollection(
					'Return Address',
					'returnAddress',
					{},
					'Where returns go; without it ShipEngine uses the origin address',
					false,
				),
				displayOptions: undefined,
			},
		],
	},
	{
		...defaultWarehouse('Whether this warehouse becomes the account\'s default (turning it off leaves no default only if no other is set)'),
		displayOptions: { show: showOnlyForWarehouseSettings },
	},
	...returnAllFields({ resource: ['warehouse'], operation: ['getAll'] }),
];

/** The address of a fixedCollection value `{ address: {...} }`, in API shape. */
function addressOf(value: unknown): IDataObject | undefined {
	return toApiAddress((value as IDataObject | undefined)?.address as IDataObject | undefined);
}

/** preSend of Create and Update: { name, origin_address, return_address?, is_default? }, checked before any request. */
export async function warehouseBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const name = requiredText(this, 'warehouseName', 'Warehouse Display Name');
	const origin = addressOf(this.getNodeParameter('originAddress', {}));
	checkAddress(this, 'Origin Address', origin, ORIGIN_REQUIRED);
	const extra = this.getNodeParameter('additionalFields', {}) as IDataObject;
	const body: IDataObject = { name, origin_address: origin };
	if (extra.returnAddress !== undefined) {
		const returnAddress = addressOf(extra.returnAddress);
		checkAddress(this, 'Additional Fields > Return Address', returnAddress, RETURN_REQUIRED);
		body.return_address = returnAddress;
	}
	if (typeof extra.isDefaultWarehouse === 'boolean') body.is_default = extra.isDefaultWarehouse;
	request.body = body;
	return request;
}

/** preSend of Update Settings: { is_default }. */
export async function warehouseSettingsBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	request.body = { is_default: this.getNodeParameter('isDefaultWarehouse', true) === true };
	return request;
}
