import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { SERA_PRODUCTION_SIGNIN, SERA_STAGING_SIGNIN } from '../nodes/shared/constants';

/** The sign-in host: the override when set, else the one of the chosen environment. */
const signInHost = `($self["signInHost"] || ($self["environment"] === "staging" ? "${SERA_STAGING_SIGNIN}" : "${SERA_PRODUCTION_SIGNIN}")).replace(/\\/+$/, "")`;

/**
 * Stamps.com / Endicia SERA, OAuth2 authorization-code flow.
 *
 * Token endpoint: SERA documents a JSON body for POST /oauth/token, while n8n's OAuth2 client
 * (@n8n/client-oauth2) always sends application/x-www-form-urlencoded, for the code exchange as
 * well as for every refresh, and offers no JSON option. With `authentication: 'body'`, client_id
 * and client_secret travel in that form body (no Basic header), which is how SERA's samples send
 * them. SERA's /authorize + /oauth/token layout is Auth0's, whose token endpoint accepts both
 * encodings; that SERA does too is likely but not confirmed by its documentation.
 */
export class StampsComOAuth2Api implements ICredentialType {
	name = 'stampsComOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Stamps.com OAuth2 API';

	icon: Icon = { light: 'file:../icons/stampsCom.svg', dark: 'file:../icons/stampsCom.dark.svg' };

	documentationUrl = 'https://developer.stamps.com/rest-api/reference/serav1.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Production',
					value: 'production',
					description: 'Real postage: labels are charged to the account balance',
				},
				{
					name: 'Staging',
					value: 'staging',
					description: 'Play money: test labels that must not be shipped',
				},
			],
			default: 'production',
			description:
				'Which SERA environment to sign in to and call. Staging client IDs only work on staging, production ones only on production.',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{ ${signInHost} + "/authorize" }}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ ${signInHost} + "/oauth/token" }}`,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			// Without offline_access SERA returns no refresh token and the credential dies after ~15 min.
			default: 'offline_access',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			// client_id and client_secret in the token request body, as SERA's samples show.
			default: 'body',
		},
		{
			displayName: 'Use Custom Hosts',
			name: 'useCustomHosts',
			type: 'boolean',
			default: false,
			description:
				'Whether to send traffic through other hosts (a proxy or a local mock) instead of the ones Environment names. Off: the API Base URL and Sign-In Host below are hidden and not used.',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: '',
			displayOptions: { show: { useCustomHosts: [true] } },
			placeholder: 'e.g. https://api.testing.stampsendicia.com/sera',
			description:
				'Send API requests to another host (a proxy or a local mock), including the /sera path. Leave empty to follow Environment.',
		},
		{
			displayName: 'Sign-In Host',
			name: 'signInHost',
			type: 'string',
			default: '',
			displayOptions: { show: { useCustomHosts: [true] } },
			placeholder: 'e.g. https://signin.testing.stampsendicia.com',
			description:
				'Sign in through another host (a proxy or a local mock); /authorize and /oauth/token are appended. Leave empty to follow Environment.',
		},
	];
}
