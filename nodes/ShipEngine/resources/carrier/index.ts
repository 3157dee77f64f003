import type { INodeProperties } from 'n8n-workflow';

import { shipEngineError } from '../../shared/errors';

const showOnlyForCarriers = { resource: ['carrier'] };

export const carrierDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForCarriers },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many carriers',
				description: 'List the carrier accounts connected to ShipEngine, with their services and package types',
				routing: {
					request: { method: 'GET', url: '/v1/carriers' },
					output: {
						postReceive: [
							shipEngineError,
							{ type: 'rootProperty', properties: { property: 'carriers' } },
						],
					},
				},
			},
		],
		default: 'getAll',
	},
];
