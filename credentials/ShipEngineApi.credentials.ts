import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class ShipEngineApi implements ICredentialType {
	name = 'shipEngineApi';

	displayName = 'ShipEngine API';

	icon: Icon = { light: 'file:../icons/shipEngine.svg', dark: 'file:../icons/shipEngine.dark.svg' };

	documentationUrl = 'https://www.shipengine.com/docs/auth/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			hint: 'Keys that start with TEST_ use the ShipEngine sandbox: labels are free and never shipped. Production keys buy real postage.',
			description:
				'Your ShipEngine API key, from the ShipEngine dashboard under API Management. It is sent as the API-Key header.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.shipengine.com',
			placeholder: 'https://api.shipengine.com',
			description:
				'Advanced: send requests to another host, such as a corporate proxy or a local mock. Leave as is to talk to ShipEngine.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'API-Key': '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1/carriers',
			method: 'GET',
		},
	};
}
