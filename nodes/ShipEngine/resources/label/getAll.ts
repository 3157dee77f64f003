import type { INodeProperties } from 'n8n-workflow';

import { dateTimeFilter, dateTimeQuery } from '../../shared/input';
import { filterDropdown } from '../../shared/lookups';
import { returnAllFields } from '../../shared/pagination';
import { asCommaList } from '../../../shared/requestShaping';

const showOnlyForLabelGetAll = { resource: ['label'], operation: ['getAll'] };

/** preSend: the date filters in the workflow's time zone → UTC query values (as Manifest and Pickup do). */
export const labelDateFilters = dateTimeQuery('filters', {
	createdAtEnd: ['created_at_end', 'Filters > Created Before'],
	createdAtStart: ['created_at_start', 'Filters > Created After'],
});

const query = (property: string) => ({ send: { type: 'query' as const, property } });

export const labelGetAllDescription: INodeProperties[] = [
	...returnAllFields(showOnlyForLabelGetAll),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showOnlyForLabelGetAll },
		options: [
			{ displayName: 'Batch ID', name: 'batchId', description: 'Only labels bought in this ShipEngine batch', type: 'string', default: '', routing: query('batch_id') },
			filterDropdown('carrier', 'Only labels of this carrier account'),
			dateTimeFilter('Created After', 'createdAtStart', 'Only labels created at or after this time'),
			dateTimeFilter('Created Before', 'createdAtEnd', 'Only labels created at or before this time'),
			{ displayName: 'Rate ID', name: 'rateId', description: 'Only the label bought from this rate ID (from Rate > Calculate)', type: 'string', default: '', routing: query('rate_id') },
			{
				displayName: 'Refund Status',
				name: 'refundStatus',
				type: 'multiOptions',
				options: [
					{ name: 'Approved', value: 'approved' },
					{ name: 'Excluded', value: 'excluded' },
					{ name: 'Pending', value: 'pending' },
					{ name: 'Rejected', value: 'rejected' },
					{ name: 'Request Scheduled', value: 'request_scheduled' },
				],
				default: [],
				description: 'Only labels whose Refund Assist request has one of these statuses',
				routing: { send: { type: 'query', property: 'refund_status', preSend: [asCommaList('qs', 'refund_status')] } },
			},
			{ displayName: 'Service Code', name: 'serviceCode', description: 'Only labels of this service code, lower case (e.g. usps_priority_mail)', type: 'string', default: '', placeholder: 'e.g. usps_priority_mail', routing: query('service_code') },
			{ displayName: 'Shipment ID', name: 'shipmentId', description: 'Only the labels of this ShipEngine shipment ID', type: 'string', default: '', routing: query('shipment_id') },
			{
				displayName: 'Sort By',
				name: 'sortBy',
				description: 'Which date to sort the labels by',
				type: 'options',
				options: [
					{ name: 'Created At', value: 'created_at' },
					{ name: 'Modified At', value: 'modified_at' },
					{ name: 'Voided At', value: 'voided_at' },
				],
				default: 'created_at',
				routing: query('sort_by'),
			},
			{
				displayName: 'Sort Direction',
				name: 'sortDir',
				description: 'Oldest or newest first',
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
				name: 'labelStatus',
				description: 'Only labels in this status',
				type: 'options',
				options: [
					{ name: 'Completed', value: 'completed' },
					{ name: 'Error', value: 'error' },
					{ name: 'Processing', value: 'processing' },
					{ name: 'Voided', value: 'voided' },
				],
				default: 'completed',
				routing: query('label_status'),
			},
			{ displayName: 'Tracking Number', name: 'trackingNumber', description: 'Only the label with this tracking number', type: 'string', default: '', routing: query('tracking_number') },
			{ displayName: 'Warehouse ID', name: 'warehouseId', type: 'string', default: '', description: 'Only labels shipped from this warehouse ID', routing: query('warehouse_id') },
		],
	},
];
