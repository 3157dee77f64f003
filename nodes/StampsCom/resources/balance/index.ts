import type { INodeProperties } from 'n8n-workflow';

import { idempotencyOptions } from '../../shared/descriptions';
import { toItems } from '../../shared/output';
import { seraRouting } from '../../shared/routing';
import { requirePositive } from '../../shared/validation';

const showOnlyForBalance = { resource: ['balance'] };
const showOnlyForAddFunds = { resource: ['balance'], operation: ['addFunds'] };

export const balanceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForBalance },
		options: [
			{
				name: 'Add Funds',
				value: 'addFunds',
				action: 'Add funds to the balance charged to the default payment method',
				description:
					'Buy postage: charges the account\'s default payment method in production (play money in staging) and returns the new balance',
				routing: seraRouting({ method: 'POST', url: '/v1/balance/add-funds' }, [toItems()], [requirePositive([['amount', 'Amount']])]),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get the balance for free',
				description: 'Get the postage balance available for labels and the maximum balance allowed',
				routing: seraRouting({ method: 'GET', url: '/v1/balance' }, [toItems()]),
			},
		],
		default: 'get',
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		required: true,
		default: 0,
		description: 'Amount to add to the balance, in US dollars',
		displayOptions: { show: showOnlyForAddFunds },
		routing: { send: { type: 'body', property: 'amount' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForAddFunds },
		options: [
			{
				displayName: 'Currency',
				name: 'currency',
				type: 'string',
				default: 'usd',
				description: 'Currency of Amount (SERA uses usd when unset)',
				routing: { send: { type: 'body', property: 'currency' } },
			},
		],
	},
	idempotencyOptions(showOnlyForAddFunds),
];
