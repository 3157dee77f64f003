/**
 * Account resource: the account's label settings (GET /v1/account/settings) and its Shipsurance
 * connection (POST/DELETE /v1/connections/insurance/shipsurance). Shipsurance funds and balance
 * are under Balance.
 */
import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { shipEngineError } from '../../shared/errors';
import { noBody, requiredText } from '../../shared/input';
import { pairWithInput } from '../../shared/labelOutput';
import { successOutput } from '../../shared/output';
import { inputError } from '../../../shared/validation';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const showOnlyForShipsuranceConnect = { resource: ['account'], operation: ['connectShipsurance'] };

async function shipsuranceBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const email = requiredText(this, 'shipsuranceEmail', 'Shipsurance Email');
	if (!EMAIL.test(email)) throw inputError(this, 'Shipsurance Email', `"${email}" is not an email address`);
	request.body = { email, policy_id: requiredText(this, 'shipsurancePolicyId', 'Shipsurance Policy ID') };
	return request;
}

export const accountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Connect Shipsurance',
				value: 'connectShipsurance',
				action: 'Connect a shipsurance account for free',
				description: 'Connect your Shipsurance policy so labels can be insured with insurance_provider shipsurance',
				routing: {
					request: { method: 'POST', url: '/v1/connections/insurance/shipsurance' },
					send: { preSend: [shipsuranceBody] },
					output: {
						postReceive: [
							shipEngineError,
							successOutput((ctx) => ({ shipsurance: 'connected', email: String(ctx.getNodeParameter('shipsuranceEmail', '')).trim() })),
						],
					},
				},
			},
			{
				name: 'Disconnect Shipsurance',
				value: 'disconnectShipsurance',
				action: 'Disconnect the shipsurance account for free',
				description: 'Disconnect Shipsurance from ShipEngine: labels can no longer be insured through it until it is connected again',
				routing: {
					request: { method: 'DELETE', url: '/v1/connections/insurance/shipsurance' },
					send: { preSend: [noBody] },
					output: { postReceive: [shipEngineError, successOutput(() => ({ shipsurance: 'disconnected' }))] },
				},
			},
			{
				name: 'Get Settings',
				value: 'getSettings',
				action: 'Get the account settings for free',
				description: 'Get the label settings of the ShipEngine account (e.g. default_label_layout)',
				routing: {
					request: { method: 'GET', url: '/v1/account/settings' },
					output: { postReceive: [shipEngineError, pairWithInput] },
				},
			},
		],
		default: 'getSettings',
	},
	{
		displayName: 'Shipsurance Email',
		name: 'shipsuranceEmail',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. name@email.com',
		description: 'Email address of the Shipsurance account',
		displayOptions: { show: showOnlyForShipsuranceConnect },
	},
	{
		displayName: 'Shipsurance Policy ID',
		name: 'shipsurancePolicyId',
		type: 'string',
		required: true,
		default: '',
		description: 'Policy ID of the Shipsurance account',
		displayOptions: { show: showOnlyForShipsuranceConnect },
	},
];
