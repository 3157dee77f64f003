/** Warehouse resource: ship-from locations as data (GET/POST /v1/warehouses, PUT/DELETE /v1/warehouses/{id}, PUT …/settings). */
import type { INodeProperties } from 'n8n-workflow';

import { shipEngineError } from '../../shared/errors';
import { requireFields } from '../../shared/input';
import { pairWithInput } from '../../shared/labelOutput';
import { successOutput } from '../../shared/output';
import { unpagedListOutput } from '../../shared/pagination';
import { warehouseBody, warehouseFields, warehouseSettingsBody } from './fields';

const showOnlyForWarehouses = { resource: ['warehouse'] };

const warehouseUrl = '/v1/warehouses/{warehouseId}';
const checkWarehouse = requireFields(['warehouseId', 'Warehouse Name or ID']);

/** 204 answers: which warehouse, and what changed. */
const warehouseDone = (what: 'deleted' | 'updated' | 'settingsUpdated') =>
	successOutput((ctx) => ({ warehouse_id: String(ctx.getNodeParameter('warehouseId', '')).trim(), [what]: true }));

export const warehouseDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForWarehouses },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a warehouse for free',
				description: 'Add a ship-from location (name, origin and return address) to use as Warehouse in labels, rates and manifests',
				routing: {
					request: { method: 'POST', url: '/v1/warehouses' },
					send: { preSend: [warehouseBody] },
					output: { postReceive: [shipEngineError, pairWithInput] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a warehouse for free',
				description:
					'Permanently delete a warehouse (cannot be undone; the default warehouse cannot be deleted); outputs { success, warehouse_id, deleted }',
				routing: {
					request: { method: 'DELETE', url: warehouseUrl },
					send: { preSend: [checkWarehouse] },
					output: { postReceive: [shipEngineError, warehouseDone('deleted')] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a warehouse for free',
				description: 'Get one warehouse with its origin and return address',
				routing: {
					request: { method: 'GET', url: warehouseUrl },
					send: { preSend: [checkWarehouse] },
					output: { postReceive: [shipEngineError, pairWithInput] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many warehouses for free',
				description: 'List the warehouses of the account, one item each',
				routing: {
					request: { method: 'GET', url: '/v1/warehouses' },
					output: { postReceive: [shipEngineError, unpagedListOutput('warehouses')] },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a warehouse for free',
				description:
					'Replace the name and addresses of a warehouse (every field is sent: a return address left out becomes the origin address)',
				routing: {
					request: { method: 'PUT', url: warehouseUrl },
					send: { preSend: [checkWarehouse, warehouseBody] },
					output: { postReceive: [shipEngineError, warehouseDone('updated')] },
				},
			},
			{
				name: 'Update Settings',
				value: 'updateSettings',
				action: 'Update the settings of a warehouse for free',
				description: 'Make a warehouse the account default (or not)',
				routing: {
					request: { method: 'PUT', url: `${warehouseUrl}/settings` },
					send: { preSend: [checkWarehouse, warehouseSettingsBody] },
					output: { postReceive: [shipEngineError, warehouseDone('settingsUpdated')] },
				},
			},
		],
		default: 'getAll',
	},
	...warehouseFields,
];
