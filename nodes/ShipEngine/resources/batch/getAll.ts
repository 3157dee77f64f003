import type { INodeProperties } from 'n8n-workflow';

import { dateTimeFilter, dateTimeQuery } from '../../shared/input';
import { returnAllFields } from '../../shared/pagination';

const showOnlyForBatchGetAll = { resource: ['batch'], operation: ['getAll'] };

const query = (property: string) => ({ send: { type: 'query' as const, property } });

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
			{ displayName: 'Batch Number', name: 'batchNumber', type: 'string', default: '', routing: query('batch_number') },
			dateTimeFilter('Created After', 'createdAtStart', 'Only batches created at or after this time'),
			dateTimeFilter('Created Before', 'createdAtEnd', 'Only batches created at or before this time'),
			dateTimeFilter('Processed After', 'processedAtStart', 'Only batches processed at or after this time'),
			dateTimeFilter('Processed Before', 'processedAtEnd', 'Only batches processed at or before this time'),
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				options: [
					{ name: 'Created At', value: 'created_at' },
					{ name: 'Processed At', value: 'processed_at' },
					{ name: 'Ship Date', value: 'ship_date' },
				],
				default: 'created_at',
				routing: query('sort_by'),
			},
			{
				displayName: 'Sort Direction',
				name: 'sortDir',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
				default: 'desc',
				routing: query('sort_dir'),
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: BATCH_STATUSES.map((value) => ({
					name: value.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase()),
					value,
				})),
				default: 'open',
				description: 'Only batches in this state (open: not processed yet)',
				routing: query('status'),
			},
		],
	},
];
