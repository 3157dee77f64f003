import type { INodeProperties } from 'n8n-workflow';

import { retryingComputeRequest } from '../../../shared/retry';
import { shipEngineError } from '../../shared/errors';
import { checkDates, ESTIMATE_SHIP_DATE, RATE_SHIP_DATE } from '../../shared/input';
import { pairWithInput } from '../../shared/labelOutput';
import { unpagedListOutput } from '../../shared/pagination';
import { bulkRatesBody, rateBulkDescription } from './bulk';
import { rateCalculateDescription } from './calculate';
import { rateEstimateDescription } from './estimate';
import { rateOutput } from './output';
import { rateCalculatePreSend, rateEstimatePreSend } from './preSend';

const showOnlyForRates = { resource: ['rate'] };

export const rateDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForRates },
		options: [
			{
				name: 'Calculate',
				value: 'calculate',
				action: 'Get shipping rates for a shipment for free',
				description:
					'Get live rates from the chosen carriers for a shipment (addresses and packages, or an existing shipment ID). Can output only the cheapest or fastest rate, whose rate_id Label > Create From Rate buys. Nothing is charged.',
				routing: {
					request: { method: 'POST', url: '/v1/rates' },
					send: { preSend: [checkDates([RATE_SHIP_DATE]), rateCalculatePreSend] },
					operations: { pagination: retryingComputeRequest },
					output: { postReceive: [shipEngineError, rateOutput] },
				},
			},
			{
				name: 'Calculate For Shipments',
				value: 'calculateBulk',
				action: 'Get shipping rates for many shipments for free',
				description:
					'Ask for rates of many existing shipments in one request; outputs one rate request per shipment (status, errors). The rates are then on each shipment. Nothing is charged.',
				routing: {
					request: { method: 'POST', url: '/v1/rates/bulk' },
					send: { preSend: [bulkRatesBody] },
					operations: { pagination: retryingComputeRequest },
					output: { postReceive: [shipEngineError, unpagedListOutput(undefined, false)] },
				},
			},
			{
				name: 'Estimate',
				value: 'estimate',
				action: 'Estimate shipping rates for free',
				description:
					'Estimate rates from origin and destination postal details and a weight, without a full address. Estimates have no rate ID and cannot be bought. Nothing is charged.',
				routing: {
					request: { method: 'POST', url: '/v1/rates/estimate' },
					send: { preSend: [checkDates([ESTIMATE_SHIP_DATE]), rateEstimatePreSend] },
					operations: { pagination: retryingComputeRequest },
					output: { postReceive: [shipEngineError, rateOutput] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a rate for free',
				description: 'Get a rate returned earlier by Calculate, by its rate ID',
				routing: {
					request: { method: 'GET', url: '/v1/rates/{rateId}' },
					output: { postReceive: [shipEngineError, pairWithInput] },
				},
			},
		],
		default: 'calculate',
	},
	...rateCalculateDescription,
	...rateEstimateDescription,
	...rateBulkDescription,
	{
		displayName: 'Rate ID',
		name: 'rateId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. se-123456',
		description: 'ID of the rate, from Rate > Calculate',
		displayOptions: { show: { resource: ['rate'], operation: ['get'] } },
	},
];
