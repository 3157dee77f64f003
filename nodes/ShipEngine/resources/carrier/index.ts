import type { INodeProperties } from 'n8n-workflow';

import { shipEngineError } from '../../shared/errors';
import { requireFields } from '../../shared/input';
import { pairWithInput } from '../../shared/labelOutput';
import { successOutput } from '../../shared/output';
import { carrierFields } from './fields';

const showOnlyForCarriers = { resource: ['carrier'] };

const carrierUrl = (tail = '') => `/v1/carriers/{carrierId}${tail}`;
const checkCarrier = { preSend: [requireFields(['carrierId', 'Carrier'])] };

/** One item per element of `property` (services, packages, options), paired with the input item. */
const listOf = (property: string) => ({
	postReceive: [shipEngineError, { type: 'rootProperty' as const, properties: { property } }, pairWithInput],
});

export const carrierDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForCarriers },
		options: [
			{
				name: 'Disconnect',
				value: 'disconnect',
				action: 'Disconnect a carrier for free',
				description:
					'Remove a carrier account from ShipEngine: no more labels or rates with it until it is connected again (cannot be undone); outputs { success, carrier_id, disconnected }',
				routing: {
					request: { method: 'DELETE', url: carrierUrl() },
					send: checkCarrier,
					output: {
						postReceive: [
							shipEngineError,
							successOutput((ctx) => ({ carrier_id: String(ctx.getNodeParameter('carrierId', '')).trim(), disconnected: true })),
						],
					},
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a carrier for free',
				description: 'Get one connected carrier account with its balance, services, package types and options',
				routing: {
					request: { method: 'GET', url: carrierUrl() },
					send: checkCarrier,
					output: { postReceive: [shipEngineError, pairWithInput] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many carriers for free',
				description: 'List the carrier accounts connected to ShipEngine, with their services and package types',
				routing: {
					request: { method: 'GET', url: '/v1/carriers' },
					output: listOf('carriers'),
				},
			},
			{
				name: 'Get Options',
				value: 'getOptions',
				action: 'Get the advanced options of a carrier for free',
				description: 'List the advanced shipment options a carrier supports (name, default value, description), one item each',
				routing: { request: { method: 'GET', url: carrierUrl('/options') }, send: checkCarrier, output: listOf('options') },
			},
			{
				name: 'Get Package Types',
				value: 'getPackageTypes',
				action: 'Get the package types of a carrier for free',
				description: 'List the package types of a carrier (package_code, name, dimensions), one item each',
				routing: { request: { method: 'GET', url: carrierUrl('/packages') }, send: checkCarrier, output: listOf('packages') },
			},
			{
				name: 'Get Services',
				value: 'getServices',
				action: 'Get the services of a carrier for free',
				description: 'List the shipping services of a carrier (service_code, name, domestic, international), one item each',
				routing: { request: { method: 'GET', url: carrierUrl('/services') }, send: checkCarrier, output: listOf('services') },
			},
		],
		default: 'getAll',
	},
	...carrierFields,
];
