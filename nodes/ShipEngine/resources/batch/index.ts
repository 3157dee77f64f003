import type { INodeProperties } from 'n8n-workflow';

import { checkDates } from '../../../shared/validation';
import { shipEngineError } from '../../shared/errors';
import { noBody, requireFields } from '../../shared/input';
import { pairWithInput } from '../../shared/labelOutput';
import { successOutput } from '../../shared/output';
import { pageNumberPaginator } from '../../shared/pagination';
import { batchCreateBody, batchCreateDescription, createBatch } from './create';
import { batchFieldsDescription, modifiedBatch, modifyBatchBody } from './fields';
import { batchDateFilters, batchGetAllDescription } from './getAll';
import { batchLabelsDescription, batchLabelsOutput } from './labels';
import { batchProcessDescription, processBatch } from './process';

const showOnlyForBatches = { resource: ['batch'] };

const batchUrl = '/v1/batches/{batchId}';
const checkBatchId = requireFields(['batchId', 'Batch ID']);
const single = { postReceive: [shipEngineError, pairWithInput] };
const processShipDate = checkDates([
	{ param: 'options.shipDate', label: 'Options > Ship Date', format: 'midnightUtc', target: { type: 'body', property: 'ship_date' } },
]);

export const batchDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForBatches },
		options: [
			{
				name: 'Add To',
				value: 'addTo',
				action: 'Add shipments or rates to a batch for free',
				description: 'Add shipments or rates to an open batch',
				routing: {
					request: { method: 'POST', url: `${batchUrl}/add` },
					send: { preSend: [checkBatchId, modifyBatchBody] },
					output: { postReceive: [shipEngineError, successOutput((ctx) => modifiedBatch(ctx, 'added'))] },
				},
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a batch for free',
				description:
					'Create a batch of shipments or rates to buy together; from every input item\'s shipment in one request, or from ID lists. Nothing is bought until Process.',
				routing: {
					request: { method: 'POST', url: '/v1/batches' },
					send: { preSend: [batchCreateBody] },
					operations: { pagination: createBatch },
					output: { postReceive: [shipEngineError] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a batch for free',
				description: 'Delete a batch (its shipments stay)',
				routing: {
					request: { method: 'DELETE', url: batchUrl },
					send: { preSend: [checkBatchId, noBody] },
					output: {
						postReceive: [shipEngineError, successOutput((ctx) => ({ batch_id: String(ctx.getNodeParameter('batchId', '')).trim(), deleted: true }))],
					},
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a batch for free',
				description: 'Get a batch by ID: status, counts of labels, errors and warnings, and its label file link',
				routing: {
					request: { method: 'GET', url: batchUrl },
					send: { preSend: [checkBatchId] },
					output: single,
				},
			},
			{
				name: 'Get By External ID',
				value: 'getByExternalId',
				action: 'Get a batch by external ID for free',
				description: 'Get a batch by your own External Batch ID',
				routing: {
					request: { method: 'GET', url: '/v1/batches/external_batch_id/{externalBatchId}' },
					send: { preSend: [requireFields(['externalBatchId', 'External Batch ID'])] },
					output: single,
				},
			},
			{
				name: 'Get Errors',
				value: 'getErrors',
				action: 'Get the errors of a batch for free',
				description: 'List the shipments of a processed batch that got no label, one item per error, with the reason',
				routing: {
					request: { method: 'GET', url: `${batchUrl}/errors` },
					send: { preSend: [checkBatchId] },
					operations: { pagination: pageNumberPaginator('errors', { pageSizeParam: 'pagesize' }) },
					output: { postReceive: [shipEngineError] },
				},
			},
			{
				name: 'Get Labels',
				value: 'getLabels',
				action: 'Get the label file of a batch for free',
				description: 'The combined label file of a processed batch (every label in one PDF, PNG or ZPL file) as binary data, ready to print or email',
				routing: {
					request: { method: 'GET', url: batchUrl },
					send: { preSend: [checkBatchId] },
					output: { postReceive: [shipEngineError, batchLabelsOutput] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many batches for free',
				description: 'List batches, filtered by status, batch number, creation or processing date',
				routing: {
					request: { method: 'GET', url: '/v1/batches' },
					send: { preSend: [batchDateFilters] },
					operations: { pagination: pageNumberPaginator('batches') },
					output: { postReceive: [shipEngineError] },
				},
			},
			{
				name: 'Process',
				value: 'process',
				action: 'Process a batch and buy its labels charged to the carrier accounts',
				description:
					'Buy every label of an open batch, in the chosen label format and layout. Reads the status first: a batch already queued, processing or completed is returned as it is, never processed twice.',
				routing: {
					request: { method: 'POST', url: `${batchUrl}/process/labels` },
					send: { preSend: [checkBatchId, processShipDate] },
					operations: { pagination: processBatch },
					output: { postReceive: [shipEngineError] },
				},
			},
			{
				name: 'Remove From',
				value: 'removeFrom',
				action: 'Remove shipments or rates from a batch for free',
				description: 'Take shipments or rates out of an open batch',
				routing: {
					request: { method: 'POST', url: `${batchUrl}/remove` },
					send: { preSend: [checkBatchId, modifyBatchBody] },
					output: { postReceive: [shipEngineError, successOutput((ctx) => modifiedBatch(ctx, 'removed'))] },
				},
			},
		],
		default: 'create',
	},
	...batchCreateDescription,
	...batchFieldsDescription,
	...batchGetAllDescription,
	...batchProcessDescription,
	...batchLabelsDescription,
];
