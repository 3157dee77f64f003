import type { INodeProperties } from 'n8n-workflow';

import { carrierDropdown } from '../../shared/lookups';

const showOnlyForCarrierBalance = { resource: ['balance'], operation: ['get', 'addFunds'] };
const showOnlyForAddingFunds = { resource: ['balance'], operation: ['addFunds', 'addInsuranceFunds'] };

export const balanceFields: INodeProperties[] = [
	carrierDropdown(showOnlyForCarrierBalance, {
		description:
			'Carrier account (e.g. se-123456); adding funds only works for carriers with requires_funded_amount, such as Stamps.com. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	}),
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description: 'How much to add, greater than 0. This is charged to the payment method of the account.',
		displayOptions: { show: showOnlyForAddingFunds },
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		required: true,
		default: 'usd',
		placeholder: 'e.g. usd',
		description: 'ISO 4217 currency code of the amount, e.g. usd',
		displayOptions: { show: showOnlyForAddingFunds },
	},
];
