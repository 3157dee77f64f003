import type { INodeProperties } from 'n8n-workflow';

import { dateTimeFilter, dateTimeQuery } from '../../shared/input';
import { filterDropdown } from '../../shared/lookups';
import { returnAllFields } from '../../shared/pagination';
import { asList } from '../../../shared/requestShaping';

const showOnlyForManifestGetAll = { resource: ['manifest'], operation: ['getAll'] };

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
			filterDropdown('carrier', 'Only manifests of this carrier account'),
			dateTimeFilter('Created After', 'createdAtStart', 'Only manifests created at or after this time'),
			dateTimeFilter('Created Before', 'createdAtEnd', 'Only manifests created at or before this time'),
			{
				displayName: 'Label IDs',
				name: 'labelIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. se-123456, se-234567',
				description: 'Only manifests that contain these labels (IDs separated by commas)',
				routing: {
					send: {
						type: 'query',
						property: 'label_ids',
						preSend: [asList('qs', 'label_ids')],
					},
				},
			},
			dateTimeFilter('Ship Date After', 'shipDateStart', 'Only manifests whose ship date is at or after this time'),
			dateTimeFilter('Ship Date Before', 'shipDateEnd', 'Only manifests whose ship date is at or before this time'),
			filterDropdown('warehouse', 'Only manifests of this warehouse'),
		],
	},
];
