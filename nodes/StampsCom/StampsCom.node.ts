import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { mergeRepeatedFields } from '../shared/mergeFields';
import { fillPathParameters } from '../shared/requestShaping';
import { OAUTH2_IGNORE_HTTP_STATUS_ERRORS } from '../shared/n8nVersions';
import { CREDENTIAL_NAME, SERA_STATIC_BASE_URL, useCredentialHost } from './shared/environment';
import { getSecurityQuestions, getServiceTypes } from './shared/loadOptions';
import { seraRequest } from './shared/request';
import { resourceDescriptions, resourceSelector } from './resources';

const fields = mergeRepeatedFields(resourceDescriptions);

export class StampsCom implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Stamps.com',
		name: 'stampsCom',
		icon: { light: 'file:../../icons/stampsCom.svg', dark: 'file:../../icons/stampsCom.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Ship with Stamps.com / Endicia (SERA): quote rates, buy, reprint and void labels, validate addresses, track packages, manifests, pickups and postage balance',
		defaults: { name: 'Stamps.com' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_NAME, required: true }],
		requestDefaults: {
			// The credential's host is applied per request by useCredentialHost (no expression).
			baseURL: SERA_STATIC_BASE_URL,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			// HTTP errors throw, so that n8n's OAuth2 helper refreshes the token on a 401 in n8n 1.x
			// and 2.x (nodes/shared/n8nVersions.ts); seraRequest maps them to SERA's message.
			ignoreHttpStatusErrors: OAUTH2_IGNORE_HTTP_STATUS_ERRORS,
		},
		// Every request goes through the shared retry policy: 429 after Retry-After, and 408/5xx/
		// network errors for reads and for POSTs, which all carry an Idempotency-Key.
		requestOperations: { pagination: seraRequest },
		properties: [
			{
				displayName: 'Send Through Retry Policy',
				name: 'retryPolicy',
				type: 'hidden',
				default: true,
				// First preSends of every operation: the credential's host, then
				// `/v1/labels/{labelId}` → the item's encoded value.
				routing: { send: { paginate: true, preSend: [useCredentialHost, fillPathParameters] } },
			},
			resourceSelector,
			// Same fields, same order in the editor, fewer properties for n8n to walk per item.
			...fields,
		],
	};

	methods = {
		loadOptions: { getSecurityQuestions, getServiceTypes },
	};
}
