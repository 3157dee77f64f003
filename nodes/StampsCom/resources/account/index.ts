import type { INodeProperties } from 'n8n-workflow';

import { toItems } from '../../shared/output';
import { seraRouting } from '../../shared/routing';
import { accountGetHostedUrlDescription } from './getHostedUrl';
import { accountSetSecurityQuestionsDescription, checkSecurityAnswers } from './setSecurityQuestions';

const showOnlyForAccount = { resource: ['account'] };

export const accountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForAccount },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get account info for free',
				description: 'Get the account\'s details: meter address, capabilities, configured carriers, plan and limits',
				routing: seraRouting({ method: 'GET', url: '/v1/account' }, [toItems({ rootProperty: 'account' })]),
			},
			{
				name: 'Get Hosted URL',
				value: 'getHostedUrl',
				action: 'Get a hosted page URL for free',
				description:
					'Get a single-use link that opens a Stamps.com/Endicia page (account settings, reports, payment methods, carrier setup...) already signed in; open it at once, do not store it',
				routing: seraRouting({ method: 'GET', url: '/v1/url' }, [toItems()]),
			},
			{
				name: 'Get Security Questions',
				value: 'getSecurityQuestions',
				action: 'Get available security questions for free',
				description: 'List the security questions an account can choose from',
				routing: seraRouting({ method: 'GET', url: '/v1/security_questions' }, [toItems()]),
			},
			{
				name: 'Set Security Questions',
				value: 'setSecurityQuestions',
				action: 'Set security questions for free',
				description: 'Set the two security questions and answers of an account that has none yet',
				routing: seraRouting(
					{ method: 'PUT', url: '/v1/account/security_questions' },
					[toItems({ whenEmpty: () => ({ success: true }) })],
					[checkSecurityAnswers],
				),
			},
		],
		default: 'get',
	},
	...accountGetHostedUrlDescription,
	...accountSetSecurityQuestionsDescription,
];
