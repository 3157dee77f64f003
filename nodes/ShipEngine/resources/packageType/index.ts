/** Package Type resource: custom package types (GET/POST /v1/packages, GET/PUT/DELETE /v1/packages/{package_id}). */
import type { INodeProperties } from 'n8n-workflow';

import { shipEngineError } from '../../shared/errors';
import { requireFields } from '../../shared/input';
import { pairWithInput } from '../../shared/labelOutput';
import { successOutput } from '../../shared/output';
import { unpagedListOutput } from '../../shared/pagination';
import { packageTypeBody, packageTypeFields } from './fields';

const showOnlyForPackageTypes = { resource: ['packageType'] };

const packageUrl = '/v1/packages/{packageId}';
const checkPackage = requireFields(['packageId', 'Custom Package ID']);

const packageDone = (what: 'deleted' | 'updated') =>
	successOutput((ctx) => ({ package_id: String(ctx.getNodeParameter('packageId', '')).trim(), [what]: true }));

export const packageTypeDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForPackageTypes },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a custom package type for free',
				description: 'Add your own package type (code, name, dimensions) to use as package code in labels and rates',
				routing: {
					request: { method: 'POST', url: '/v1/packages' },
					send: { preSend: [packageTypeBody] },
					output: { postReceive: [shipEngineError, pairWithInput] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a custom package type for free',
				description: 'Permanently delete a custom package type; outputs { success, package_id, deleted }',
				routing: {
					request: { method: 'DELETE', url: packageUrl },
					send: { preSend: [checkPackage] },
					output: { postReceive: [shipEngineError, packageDone('deleted')] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a custom package type for free',
				description: 'Get one custom package type with its code and dimensions',
				routing: {
					request: { method: 'GET', url: packageUrl },
					send: { preSend: [checkPackage] },
					output: { postReceive: [shipEngineError, pairWithInput] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many custom package types for free',
				description: 'List the custom package types of the account, one item each (carrier package types: Carrier › Get Package Types)',
				routing: {
					request: { method: 'GET', url: '/v1/packages' },
					output: { postReceive: [shipEngineError, unpagedListOutput('packages')] },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a custom package type for free',
				description: 'Replace the code, name, dimensions and description of a custom package type (fields left out are cleared)',
				routing: {
					request: { method: 'PUT', url: packageUrl },
					send: { preSend: [checkPackage, packageTypeBody] },
					output: { postReceive: [shipEngineError, packageDone('updated')] },
				},
			},
		],
		default: 'getAll',
	},
	...packageTypeFields,
];
