/** Service Point resource: carrier pickup points, drop-off points and lockers (POST /v1/service_points/list, GET …/{carrier}/{country}/{id}). */
import type { INodeProperties } from 'n8n-workflow';

import { shipEngineError } from '../../shared/errors';
import { pairWithInput } from '../../shared/labelOutput';
import { retryingComputeRequest } from '../../../shared/retry';
import { unpagedListOutput } from '../../shared/pagination';
import { checkServicePoint, servicePointFields, servicePointListBody } from './fields';

export const servicePointDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['servicePoint'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a service point for free',
				description: 'Get one carrier service point (address, opening hours, features) by carrier code, country and ID',
				routing: {
					request: { method: 'GET', url: '/v1/service_points/{servicePointCarrierCode}/{servicePointCountryCode}/{servicePointId}' },
					send: { preSend: [checkServicePoint] },
					output: { postReceive: [shipEngineError, { type: 'rootProperty', properties: { property: 'service_point' } }, pairWithInput] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'List service points near a location for free',
				description:
					'List carrier pickup points, drop-off points and parcel lockers near an address, free text or coordinates, one item each (service_point_id for labels and rates)',
				routing: {
					request: { method: 'POST', url: '/v1/service_points/list' },
					send: { preSend: [servicePointListBody] },
					// A search that only reads: retried like a read.
					operations: { pagination: retryingComputeRequest },
					output: { postReceive: [shipEngineError, unpagedListOutput('service_points')] },
				},
			},
		],
		default: 'getAll',
	},
	...servicePointFields,
];
