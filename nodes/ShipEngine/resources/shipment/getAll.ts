import type { INodeProperties } from 'n8n-workflow';

import { dateTimeFilter, dateTimeQuery } from '../../shared/input';
import { choiceFilter, query, sortFilters } from '../../shared/listFilters';
import { returnAllFields } from '../../shared/pagination';
import { trimmed } from '../../../shared/requestShaping';
import { optionalRecordField } from '../../shared/lookups';

const showOnlyForShipmentGetAll = { resource: ['shipment'], operation: ['getAll'] };

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
				placeholder: 'e.g. se-123456',
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
			...sortFilters(['created_at', 'modified_at']),
			choiceFilter('Status', 'shipmentStatus', 'shipment_status', ['cancelled', 'label_purchased', 'pending', 'processing'], 'pending', 'Only shipments in this state (pending: no label yet)'),
			optionalRecordField('tag', 'Only shipments with this tag', { displayName: 'With Tag Name or ID', name: 'tag', routing: query('tag') }),
		],
	},
];
