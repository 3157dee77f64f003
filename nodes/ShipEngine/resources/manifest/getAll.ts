import type { INodeProperties } from 'n8n-workflow';

import { dateTimeQuery } from '../../shared/input';
import { carrierLookup, CHOOSE_FROM_LIST, warehouseLookup } from '../../shared/lookups';
import { returnAllFields } from '../../shared/pagination';

const showOnlyForManifestGetAll = { resource: ['manifest'], operation: ['getAll'] };

const query = (property: string) => ({ send: { type: 'query' as const, property } });

/** Date filters are turned into UTC ISO date-times by `manifestDateFilters`. */
const dateFilter = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'dateTime',
	default: '',
	description,
});

export const manifestDateFilters = dateTimeQuery('filters', {
	createdAtEnd: ['created_at_end', 'Filters > Created Before'],
	createdAtStart: ['created_at_start', 'Filters > Created After'],
	shipDateEnd: ['ship_date_end', 'Filters > Ship Date Before'],
	shipDateStart: ['ship_date_start', 'Filters > Ship Date After'],
});

export const manifestGetAllDescription: INodeProperties[] = [
	...returnAllFields(showOnlyForManifestGetAll),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showOnlyForManifestGetAll },
		options: [
			{
				displayName: 'Carrier Name or ID',
				name: 'carrierId',
				type: 'options',
				default: '',
				description: `Only manifests of this carrier account. ${CHOOSE_FROM_LIST}.`,
				typeOptions: carrierLookup,
				routing: query('carrier_id'),
			},
			dateFilter('Created After', 'createdAtStart', 'Only manifests created at or after this time'),
			dateFilter('Created Before', 'createdAtEnd', 'Only manifests created at or before this time'),
			{
				displayName: 'Label IDs',
				name: 'labelIds',
				type: 'string',
				default: '',
				placeholder: 'se-123456, se-234567',
				description: 'Only manifests that contain these labels (IDs separated by commas)',
				routing: {
					send: {
						type: 'query',
						property: 'label_ids',
						value: '={{ String($value).split(/[\\s,;]+/).filter(id => id) }}',
					},
				},
			},
			dateFilter('Ship Date After', 'shipDateStart', 'Only manifests whose ship date is at or after this time'),
			dateFilter('Ship Date Before', 'shipDateEnd', 'Only manifests whose ship date is at or before this time'),
			{
				displayName: 'Warehouse Name or ID',
				name: 'warehouseId',
				type: 'options',
				default: '',
				description: `Only manifests of this warehouse. ${CHOOSE_FROM_LIST}.`,
				typeOptions: warehouseLookup,
				routing: query('warehouse_id'),
			},
		],
	},
];
