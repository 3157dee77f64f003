import type { INodeProperties } from 'n8n-workflow';

import { ADDRESS_API, addressValues } from '../../shared/descriptions';

const PROPERTY_OF = new Map(Object.entries(ADDRESS_API.parameter).map(([part, name]) => [name, ADDRESS_API.property[part as keyof typeof ADDRESS_API.property]]));

const showOnlyForAddressParse = { resource: ['address'], operation: ['parse'] };

export const addressParseDescription: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 3 },
		placeholder: 'e.g. Margie McMiller at 3800 North Lamar suite 200 in austin, tx. The zip code there is 78652.',
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
				routing: { send: { type: 'body' as const, property: `address.${PROPERTY_OF.get(field.name)}` } },
			}))
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];
