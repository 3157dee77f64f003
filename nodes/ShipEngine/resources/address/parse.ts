import type { INodeProperties } from 'n8n-workflow';

import { ADDRESS_KEYS, addressValues } from '../../shared/descriptions';

const showOnlyForAddressParse = { resource: ['address'], operation: ['parse'] };

export const addressParseDescription: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 3 },
		placeholder: 'Margie McMiller at 3800 North Lamar suite 200 in austin, tx. The zip code there is 78652.',
		description: 'Free text that contains an address (an email, a chat message, an order note)',
		displayOptions: { show: showOnlyForAddressParse },
		routing: { send: { type: 'body', property: 'text' } },
	},
	{
		displayName: 'Known Address Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Parts of the address you already know, e.g. the country; the rest is read from the text',
		displayOptions: { show: showOnlyForAddressParse },
		options: addressValues([])
			.map((field) => ({
				...field,
				routing: { send: { type: 'body' as const, property: `address.${ADDRESS_KEYS[field.name]}` } },
			}))
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];
