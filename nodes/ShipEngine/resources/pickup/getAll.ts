import type { INodeProperties } from 'n8n-workflow';

import { dateTimeQuery } from '../../shared/input';
import { carrierLookup, CHOOSE_FROM_LIST, warehouseLookup } from '../../shared/lookups';
import { returnAllFields } from '../../shared/pagination';

const showOnlyForPickupGetAll = { resource: ['pickup'], operation: ['getAll'] };

export const pickupDateFilters = dateTimeQuery('filters', {
	createdAtEnd: ['created_at_end', 'Filters > Created Before'],
	createdAtStart: ['created_at_start', 'Filters > Created After'],
});

export const pickupGetAllDescription: INodeProperties[] = [
	...returnAllFields(showOnlyForPickupGetAll),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showOnlyForPickupGetAll },
		options: [
			{
				displayName: 'Carrier Name or ID',
				name: 'carrierId',
				type: 'options',
				default: '',
				description: `Only pickups of this carrier account. ${CHOOSE_FROM_LIST}.`,
				typeOptions: carrierLookup,
				routing: { send: { type: 'query', property: 'carrier_id' } },
			},
			{
				displayName: 'Created After',
				name: 'createdAtStart',
				type: 'dateTime',
				default: '',
				description: 'Only pickups scheduled at or after this time',
			},
			{
				displayName: 'Created Before',
				name: 'createdAtEnd',
				type: 'dateTime',
				default: '',
				description: 'Only pickups scheduled at or before this time',
			},
			{
				displayName: 'Warehouse Name or ID',
				name: 'warehouseId',
				type: 'options',
				default: '',
				description: `Only pickups from this warehouse. ${CHOOSE_FROM_LIST}.`,
				typeOptions: warehouseLookup,
				routing: { send: { type: 'query', property: 'warehouse_id' } },
			},
		],
	},
];
