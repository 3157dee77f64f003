import type { INodeProperties } from 'n8n-workflow';

import { seraCustomsPreSend } from '../../shared/customs';
import { seraShipmentExtras } from '../../shared/shipmentExtras';
import { seraRouting } from '../../shared/routing';
import { checkDates, requirePositive, SHIP_DATE } from '../../shared/validation';
import { rateGetDescription } from './get';
import { seraRateOutput } from './output';

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
					'Quote the rates of every service (or one carrier or service) for a package between two postal codes; returns one item per rate, or only the cheapest, fastest or best value one; buys nothing',
				routing: seraRouting({ method: 'POST', url: '/v1/rates' }, [seraRateOutput], [requirePositive([['weight', 'Weight']]), checkDates([SHIP_DATE]), seraCustomsPreSend, seraShipmentExtras]),
			},
		],
		default: 'get',
	},
	...rateGetDescription,
];
