import type { INodeProperties } from 'n8n-workflow';

import { idempotencyOptions } from '../../shared/descriptions';

const showOnlyForAddressParse = { resource: ['address'], operation: ['parse'] };

export const addressParseDescription: INodeProperties[] = [
	{
		displayName: 'Full Address',
		name: 'fullAddress',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Jeff Moreau 7700 W Parmer Ln Unit 250 Austin Tx 78729',
		description: 'Free-text address to split into name, street, city, state and postal code',
		displayOptions: { show: showOnlyForAddressParse },
		routing: { send: { type: 'body', property: 'full_address' } },
	},
	idempotencyOptions(showOnlyForAddressParse),
];
