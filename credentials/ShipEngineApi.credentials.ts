import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { SHIPENGINE_BASE_URL as SHIPENGINE_HOST } from '../nodes/shared/constants';
import { allowCredentialHost } from '../nodes/shared/ownHost';

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
			placeholder: 'e.g. https://api.shipengine.com',
			description:
				'Advanced: send requests to another host, such as a corporate proxy or a local mock. Leave as is to talk to ShipEngine.',
		},
	];

	/**
	 * Adds the API-Key header and, when a Base URL override is set, sends the node's requests
	 * (which all use ShipEngine's host as their base) there instead. Plain code rather than a
	 * generic `={{$credentials.apiKey}}` block: n8n would evaluate that expression on every
	 * request. Absolute URLs (a label file, another API) are never redirected.
	 */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const configured = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim().replace(/\/+$/, '') : '';
		const baseURL = configured && requestOptions.baseURL?.replace(/\/+$/, '') === SHIPENGINE_HOST ? configured : requestOptions.baseURL;
		const authenticated: IHttpRequestOptions = {
			...requestOptions,
			baseURL,
			headers: { ...requestOptions.headers, 'API-Key': String(credentials.apiKey ?? '') },
		};
		if (requestOptions.allowedDomains) {
			authenticated.allowedDomains = allowCredentialHost(requestOptions.allowedDomains, SHIPENGINE_HOST, baseURL);
		}
		return authenticated;
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1/carriers',
			method: 'GET',
		},
	};
}
