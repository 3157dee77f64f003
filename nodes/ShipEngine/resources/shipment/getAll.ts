import type { INodeProperties } from 'n8n-workflow';

import { dateTimeFilter, dateTimeQuery } from '../../shared/input';
import { returnAllFields } from '../../shared/pagination';
import { trimmed } from '../../../shared/requestShaping';

const showOnlyForShipmentGetAll = { resource: ['shipment'], operation: ['getAll'] };

const query = (property: string) => ({ send: { type: 'query' as const, property } });

export const shipmentDateFilters = dateTimeQuery('filters', {
	createdAtEnd: ['created_at_end', 'Filters > Created Before'],
	createdAtStart: ['created_at_start', 'Filters > Created After'],
	modifiedAtEnd: ['modified_at_end', 'Filters > Modified Before'],
	modifiedAtStart: ['modified_at_start', 'Filters > Modified After'],
});

export const shipmentGetAllDescription: INodeProperties[] = [
	...returnAllFields(showOnlyForShipmentGetAll),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showOnlyForShipmentGetAll },
		options: [
			{
				displayName: 'Batch ID',
				name: 'batchId',
				type: 'string',
				default: '',
				placeholder: 'se-123456',
				description: 'Only the shipments of this batch',
				routing: { send: { ...query('batch_id').send, preSend: [trimmed('qs', 'batch_id')] } },
			},
			dateTimeFilter('Created After', 'createdAtStart', 'Only shipments created at or after this time'),
			dateTimeFilter('Created Before', 'createdAtEnd', 'Only shipments created at or before this time'),
			dateTimeFilter('Modified After', 'modifiedAtStart', 'Only shipments changed at or after this time'),
			dateTimeFilter('Modified Before', 'modifiedAtEnd', 'Only shipments changed at or before this time'),
			{
				displayName: 'Sales Order ID',
				name: 'salesOrderId',
				type: 'string',
				default: '',
				description: 'Only the shipments of this sales order',
				routing: query('sales_order_id'),
			},
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				options: [
					{ name: 'Created At', value: 'created_at' },
					{ name: 'Modified At', value: 'modified_at' },
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
				name: 'shipmentStatus',
				type: 'options',
				options: [
					{ name: 'Cancelled', value: 'cancelled' },
					{ name: 'Label Purchased', value: 'label_purchased' },
					{ name: 'Pending', value: 'pending' },
					{ name: 'Processing', value: 'processing' },
				],
				default: 'pending',
				description: 'Only shipments in this state (pending: no label yet)',
				routing: query('shipment_status'),
			},
			{
				displayName: 'Tag',
				name: 'tag',
				type: 'string',
				default: '',
				description: 'Only shipments with this tag',
				routing: query('tag'),
			},
		],
	},
];
