import type { INodeProperties } from 'n8n-workflow';

import { dateTimeFilter, dateTimeQuery } from '../../shared/input';
import { filterDropdown } from '../../shared/lookups';
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
			filterDropdown('carrier', 'Only pickups of this carrier account'),
			dateTimeFilter('Created After', 'createdAtStart', 'Only pickups scheduled at or after this time'),
			dateTimeFilter('Created Before', 'createdAtEnd', 'Only pickups scheduled at or before this time'),
			filterDropdown('warehouse', 'Only pickups from this warehouse'),
		],
	},
];
