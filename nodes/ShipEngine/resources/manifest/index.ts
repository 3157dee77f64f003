import type { INodeProperties } from 'n8n-workflow';

import { shipEngineError } from '../../shared/errors';
import { requireFields } from '../../shared/input';
import { pairWithInput } from '../../shared/labelOutput';
import { pageNumberPaginator } from '../../shared/pagination';
import { manifestCreateBody, manifestCreateDescription } from './create';
import { manifestGetDescription } from './get';
import { manifestDateFilters, manifestGetAllDescription } from './getAll';

const showOnlyForManifests = { resource: ['manifest'] };

const single = { postReceive: [shipEngineError, pairWithInput] };

export const manifestDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForManifests },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a manifest for free',
				description:
					'Create an end-of-day manifest (SCAN form) for the labels of one carrier, warehouse and ship date, so the carrier scans one form instead of every parcel',
				routing: {
					request: { method: 'POST', url: '/v1/manifests' },
					send: { preSend: [manifestCreateBody] },
					output: single,
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a manifest for free',
				description: 'Get a manifest by ID, with its label IDs and the download link of the form',
				routing: {
					request: { method: 'GET', url: '/v1/manifests/{manifestId}' },
					send: { preSend: [requireFields(['manifestId', 'Manifest ID'])] },
					output: single,
				},
			},
			{
				name: 'Get Manifest Request',
				value: 'getRequest',
				action: 'Get the status of a manifest request for free',
				description: 'Check whether a manifest created with Create is ready (status in_progress or completed) and get its manifests',
				routing: {
					request: {
						method: 'GET',
						url: '/v1/manifests/requests/{manifestRequestId}',
					},
					send: { preSend: [requireFields(['manifestRequestId', 'Manifest Request ID'])] },
					output: single,
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many manifests for free',
				description: 'List manifests, filtered by carrier, warehouse, ship date, creation date or label IDs',
				routing: {
					request: { method: 'GET', url: '/v1/manifests', arrayFormat: 'repeat' },
					send: { preSend: [manifestDateFilters] },
					operations: { pagination: pageNumberPaginator('manifests') },
					output: { postReceive: [shipEngineError] },
				},
			},
		],
		default: 'create',
	},
	...manifestCreateDescription,
	...manifestGetDescription,
	...manifestGetAllDescription,
];
