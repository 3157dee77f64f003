import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { SHIPENGINE_BASE_URL } from '../shared/constants';
import { mergeRepeatedFields } from '../shared/mergeFields';
import { fillPathParameters } from '../shared/requestShaping';
import { retryingRequest } from '../shared/retry';
import { resourceSelectors, resourceDescriptions } from './resources';
import { shipEngineLoadOptions } from './shared/loadOptions';
import { SHIPENGINE_DEFAULT_VERSION, SHIPENGINE_VERSIONS } from './shared/versions';

const fields = mergeRepeatedFields(resourceDescriptions);

export class ShipEngine implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ShipEngine',
		name: 'shipEngine',
		icon: { light: 'file:../../icons/shipEngine.svg', dark: 'file:../../icons/shipEngine.dark.svg' },
		group: ['output'],
		version: SHIPENGINE_VERSIONS,
		defaultVersion: SHIPENGINE_DEFAULT_VERSION,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Ship parcels with ShipEngine: shop rates, buy and void labels, validate addresses, track packages, manifests, pickups and carrier balances',
		defaults: { name: 'ShipEngine' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'shipEngineApi', required: true }],
		requestDefaults: {
			// Static on purpose: the credential's authenticate() points requests at its Base URL
			// override (an expression here would be evaluated twice per item by n8n).
			baseURL: SHIPENGINE_BASE_URL,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			ignoreHttpStatusErrors: true,
		},
		// Every request goes through the shared retry policy (429 Retry-After, bounded backoff
		// for safe requests). List operations override this with their own paginator.
		requestOperations: { pagination: retryingRequest },
		properties: [
			{
				displayName: 'Send Through Retry Policy',
				name: 'retryPolicy',
				type: 'hidden',
				default: true,
				// First preSend of every operation: `/v1/labels/{labelId}` → the item's encoded value.
				routing: { send: { paginate: true, preSend: [fillPathParameters] } },
			},
			...resourceSelectors,
			// Same fields, same order in the editor, fewer properties for n8n to walk per item.
			...fields,
		],
	};

	methods = { loadOptions: shipEngineLoadOptions };
}
