import type { INodeProperties } from 'n8n-workflow';

import { addressValues } from '../../shared/descriptions';

const showOnlyForAddressValidate = { resource: ['address'], operation: ['validate'] };

const REQUIRED = ['addressLine1', 'cityLocality', 'stateProvince', 'countryCode'];
const all = addressValues(REQUIRED);

export const addressValidateDescription: INodeProperties[] = [
	...all
		.filter((field) => REQUIRED.includes(field.name))
		.map((field) => ({ ...field, displayOptions: { show: showOnlyForAddressValidate } })),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForAddressValidate },
		options: all
			.filter((field) => !REQUIRED.includes(field.name))
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showOnlyForAddressValidate },
		options: [
			{
				displayName: 'Validate All Items in One Request',
				name: 'batch',
				type: 'boolean',
				default: false,
				description:
					'Whether to send the addresses of all input items together (up to 250 per request) instead of one request per item; each result stays paired with its input item',
			},
		],
	},
];
