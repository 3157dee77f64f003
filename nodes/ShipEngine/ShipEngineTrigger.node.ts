import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { WEBHOOK_EVENTS, webhookEventOptions } from './trigger/events';
import { receiveDelivery } from './trigger/receive';
import { DEFAULT_TOLERANCE_SECONDS } from './trigger/signature';
import { createWebhooks, deleteWebhooks, webhooksExist } from './trigger/webhooks';

const EVENT_NAMES = Object.fromEntries(WEBHOOK_EVENTS.map((event) => [event.value, event.name]));

export class ShipEngineTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ShipEngine Trigger',
		name: 'shipEngineTrigger',
		icon: { light: 'file:../../icons/shipEngine.svg', dark: 'file:../../icons/shipEngine.dark.svg' },
		group: ['trigger'],
		version: 1,
		// "Events: Tracking Update, Batch Processed": display names, not API values.
		subtitle: `={{"Events: " + $parameter["events"].map(event => (${JSON.stringify(EVENT_NAMES)})[event] ?? event).join(", ")}}`,
		description:
			'Starts the workflow when ShipEngine sends a signed webhook: tracking updates, batches, carriers, rates, reports and orders',
		defaults: { name: 'ShipEngine Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'shipEngineApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				options: webhookEventOptions,
				description:
					'The events that start the workflow. ShipEngine allows one webhook per event in an account, so an event can feed only one workflow URL at a time.',
			},
			{
				displayName:
					'Signature verification is off: anyone who learns this URL can start the workflow with made-up data. Turn it back on before using this workflow in production.',
				name: 'verificationOffNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { '/options.verifySignature': [false] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Fetch Full Resource',
						name: 'fetchResource',
						type: 'boolean',
						default: false,
						description:
							'Whether to load the object behind the event\'s resource_url with your API key and add it to the output as "resource" (full tracking details for Tracking Update, the batch for Batch Processed). Costs one API request per event.',
					},
					{
						displayName: 'Timestamp Tolerance (Seconds)',
						name: 'timestampToleranceSeconds',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: DEFAULT_TOLERANCE_SECONDS,
						description:
							'Deliveries whose x-shipengine-timestamp is further than this from the current time (either way) are rejected, which limits replays of captured requests',
					},
					{
						displayName: 'Verify Signature',
						name: 'verifySignature',
						type: 'boolean',
						default: true,
						description:
							'Whether to check ShipEngine\'s RSA-SHA256 signature on every delivery and reject anything unsigned, stale or forged. Turn off only to test with hand-made requests.',
						hint: 'Turning this off lets anyone who knows the webhook URL start the workflow',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await webhooksExist.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createWebhooks.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteWebhooks.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
