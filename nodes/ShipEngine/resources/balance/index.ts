import type { INodeProperties } from 'n8n-workflow';

import { shipEngineError } from '../../shared/errors';
import { monetaryBody, requireFields } from '../../shared/input';
import { pairWithInput } from '../../shared/labelOutput';
import { pickFields } from '../../shared/output';
import { balanceFields } from './fields';
import { fundsAdded, sendFundsOnce } from './funding';

const showOnlyForBalances = { resource: ['balance'] };

const carrierUrl = (tail = '') => `/v1/carriers/{carrierId}${tail}`;
const checkCarrier = requireFields(['carrierId', 'Carrier']);

/** The balance-related fields of a carrier account (GET /v1/carriers[/{id}]). */
const carrierBalance = pickFields([
	'carrier_id',
	'carrier_code',
	'friendly_name',
	'nickname',
	'balance',
	'requires_funded_amount',
	'funding_source_id',
]);

const NO_RETRY_NOTE = 'Sent once and never retried automatically (except when rate limited), so a failure never charges twice.';

export const balanceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForBalances },
		options: [
			{
				name: 'Add Carrier Funds',
				value: 'addFunds',
				action: 'Add funds to a carrier balance charged to your payment method',
				description: `Buy postage: add money to the balance of a carrier account that needs funding (e.g. Stamps.com). Charges the account. ${NO_RETRY_NOTE}`,
				routing: {
					request: { method: 'PUT', url: carrierUrl('/add_funds') },
					send: { preSend: [checkCarrier, monetaryBody] },
					operations: { pagination: sendFundsOnce },
					output: {
						postReceive: [
							shipEngineError,
							fundsAdded((ctx, body) => ({
								carrier_id: String(ctx.getNodeParameter('carrierId', '')).trim(),
								balance: body.balance,
							})),
						],
					},
				},
			},
			{
				name: 'Add Insurance Funds',
				value: 'addInsuranceFunds',
				action: 'Add funds to the insurance balance charged to your payment method',
				description: `Add money to the Shipsurance insurance balance used for insured shipments. Charges the account. ${NO_RETRY_NOTE}`,
				routing: {
					request: { method: 'PATCH', url: '/v1/insurance/shipsurance/add_funds' },
					send: { preSend: [monetaryBody] },
					operations: { pagination: sendFundsOnce },
					output: {
						postReceive: [shipEngineError, fundsAdded((_ctx, body) => ({ balance: { currency: body.currency, amount: body.amount } }))],
					},
				},
			},
			{
				name: 'Get Carrier Balance',
				value: 'get',
				action: 'Get the balance of a carrier for free',
				description: 'Get the postage balance of one carrier account (carrier_id, friendly_name, balance)',
				routing: {
					request: { method: 'GET', url: carrierUrl() },
					send: { preSend: [checkCarrier] },
					output: { postReceive: [shipEngineError, carrierBalance] },
				},
			},
			{
				name: 'Get Insurance Balance',
				value: 'getInsuranceBalance',
				action: 'Get the insurance balance for free',
				description: 'Get the Shipsurance insurance balance ({ currency, amount })',
				routing: {
					request: { method: 'GET', url: '/v1/insurance/shipsurance/balance' },
					output: { postReceive: [shipEngineError, pairWithInput] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many carrier balances for free',
				description: 'Get the postage balance of every connected carrier account, one item per carrier',
				routing: {
					request: { method: 'GET', url: '/v1/carriers' },
					output: {
						postReceive: [shipEngineError, { type: 'rootProperty', properties: { property: 'carriers' } }, carrierBalance],
					},
				},
			},
		],
		default: 'getAll',
	},
	...balanceFields,
];
