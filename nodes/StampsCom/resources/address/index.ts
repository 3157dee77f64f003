import type { INodeProperties } from 'n8n-workflow';

import { toItems } from '../../shared/output';
import { seraRouting } from '../../shared/routing';
import { requireValues } from '../../shared/validation';
import { addressParseDescription } from './parse';
import { addressValidateDescription, buildAddressList, validateAddressesPagination } from './validate';

const showOnlyForAddresses = { resource: ['address'] };

export const addressDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForAddresses },
		options: [
			{
				name: 'Parse',
				value: 'parse',
				action: 'Parse an address for free',
				description: 'Split a free-text address into address fields (does not validate it)',
				routing: seraRouting({ method: 'POST', url: '/v1/addresses/parse' }, [toItems()], [requireValues([['fullAddress', 'Full Address']])]),
			},
			{
				name: 'Validate',
				value: 'validate',
				action: 'Validate addresses for free',
				description:
					'Check one or more addresses against carrier data; returns one item per address with the result code, the matched address and candidates; optionally every input item in one request',
				routing: {
					...seraRouting({ method: 'POST', url: '/v1/addresses/validate' }, [toItems()], [buildAddressList]),
					operations: { pagination: validateAddressesPagination },
				},
			},
		],
		default: 'validate',
	},
	...addressParseDescription,
	...addressValidateDescription,
];
