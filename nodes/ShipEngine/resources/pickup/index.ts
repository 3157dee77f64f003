import type { INodeProperties } from 'n8n-workflow';

import { shipEngineError } from '../../shared/errors';
import { requireFields } from '../../shared/input';
import { pairWithInput } from '../../shared/labelOutput';
import { successOutput } from '../../shared/output';
import { pageNumberPaginator } from '../../shared/pagination';
import { pickupIdDescription } from './get';
import { pickupDateFilters, pickupGetAllDescription } from './getAll';
import { pickupScheduleBody, pickupScheduleDescription } from './schedule';

const showOnlyForPickups = { resource: ['pickup'] };

const pickupUrl = '/v1/pickups/{pickupId}';
const checkPickupId = requireFields(['pickupId', 'Pickup ID']);

/** DELETE answers { pickup_id, request_id, errors: [] } (or nothing): say what was cancelled. */
const pickupCancelled = successOutput((ctx, body) => ({
	pickup_id: body.pickup_id ?? String(ctx.getNodeParameter('pickupId', '')).trim(),
	...(body.request_id ? { request_id: body.request_id } : {}),
}));

export const pickupDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForPickups },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a scheduled pickup for free',
				description: 'Cancel a carrier pickup scheduled with Schedule; outputs { success, pickup_id }',
				routing: {
					request: { method: 'DELETE', url: pickupUrl },
					send: { preSend: [checkPickupId] },
					output: { postReceive: [shipEngineError, pickupCancelled] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a scheduled pickup for free',
				description: 'Get a scheduled pickup by ID: confirmation number, pickup windows, address and labels',
				routing: {
					request: { method: 'GET', url: pickupUrl },
					send: { preSend: [checkPickupId] },
					output: { postReceive: [shipEngineError, pairWithInput] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many scheduled pickups for free',
				description: 'List scheduled pickups, filtered by carrier, warehouse or creation date',
				routing: {
					request: { method: 'GET', url: '/v1/pickups' },
					send: { preSend: [pickupDateFilters] },
					operations: { pagination: pageNumberPaginator('pickups') },
					output: { postReceive: [shipEngineError] },
				},
			},
			{
				name: 'Schedule',
				value: 'schedule',
				action: 'Schedule a pickup the carrier may charge a fee for',
				description:
					'Ask the carrier to collect the parcels of one or more labels within a time window; the answer has the confirmation number',
				routing: {
					request: { method: 'POST', url: '/v1/pickups' },
					send: { preSend: [pickupScheduleBody] },
					output: { postReceive: [shipEngineError, pairWithInput] },
				},
			},
		],
		default: 'schedule',
	},
	...pickupScheduleDescription,
	...pickupIdDescription,
	...pickupGetAllDescription,
];
