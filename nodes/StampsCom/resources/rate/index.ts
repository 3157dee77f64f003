import type { INodeProperties } from 'n8n-workflow';

import { toItems } from '../../shared/output';
import { seraRouting } from '../../shared/routing';
import { checkDates, requirePositive, SHIP_DATE } from '../../shared/validation';
import { rateGetDescription } from './get';

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
				name: 'Get',
				value: 'get',
				action: 'Get shipping rates for free',
				description:
					'Quote the rates of every service (or one carrier or service) for a package between two postal codes; returns one item per rate, buys nothing',
				routing: seraRouting({ method: 'POST', url: '/v1/rates' }, [toItems()], [requirePositive([['weight', 'Weight']]), checkDates([SHIP_DATE])]),
			},
		],
		default: 'get',
	},
	...rateGetDescription,
];
