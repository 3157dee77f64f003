import type { INodeProperties } from 'n8n-workflow';

import { dateTimeFilter, dateTimeQuery } from '../../shared/input';
import { choiceFilter, query, sortFilters } from '../../shared/listFilters';
import { returnAllFields } from '../../shared/pagination';

const showOnlyForBatchGetAll = { resource: ['batch'], operation: ['getAll'] };

export const batchDateFilters = dateTimeQuery('filters', {
	createdAtEnd: ['created_at_end', 'Filters > Created Before'],
	createdAtStart: ['created_at_start', 'Filters > Created After'],
	processedAtEnd: ['processed_at_end', 'Filters > Processed Before'],
	processedAtStart: ['processed_at_start', 'Filters > Processed After'],
});

export const BATCH_STATUSES = ['archived', 'completed', 'completed_with_errors', 'invalid', 'notifying', 'open', 'processing', 'queued'];

export const batchGetAllDescription: INodeProperties[] = [
	...returnAllFields(showOnlyForBatchGetAll),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showOnlyForBatchGetAll },
		options: [
			{ displayName: 'Batch Number', name: 'batchNumber', type: 'string', default: '', description: 'Only the batch with this batch number', routing: query('batch_number') },
			dateTimeFilter('Created After', 'createdAtStart', 'Only batches created at or after this time'),
			dateTimeFilter('Created Before', 'createdAtEnd', 'Only batches created at or before this time'),
			dateTimeFilter('Processed After', 'processedAtStart', 'Only batches processed at or after this time'),
			dateTimeFilter('Processed Before', 'processedAtEnd', 'Only batches processed at or before this time'),
			...sortFilters(['created_at', 'processed_at', 'ship_date']),
			choiceFilter('Status', 'status', 'status', BATCH_STATUSES, 'open', 'Only batches in this state (open: not processed yet)'),
		],
	},
];
