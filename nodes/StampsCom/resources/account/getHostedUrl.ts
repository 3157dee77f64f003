import type { INodeProperties } from 'n8n-workflow';

import { HOSTED_URL_TYPE_OPTIONS } from '../../shared/options';

const showOnlyForHostedUrl = { resource: ['account'], operation: ['getHostedUrl'] };

export const accountGetHostedUrlDescription: INodeProperties[] = [
	{
		displayName: 'URL Type',
		name: 'urlType',
		type: 'options',
		options: HOSTED_URL_TYPE_OPTIONS,
		required: true,
		default: 'account_settings_page',
		description: 'Which Stamps.com/Endicia page to link to',
		displayOptions: { show: showOnlyForHostedUrl },
		routing: { send: { type: 'query', property: 'url_type' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForHostedUrl },
		options: [
			{
				displayName: 'Application Context',
				name: 'applicationContext',
				type: 'string',
				default: '',
				description: 'Co-branding context, only for integrations with a special arrangement with Stamps.com',
				routing: { send: { type: 'query', property: 'application_context' } },
			},
		],
	},
];
