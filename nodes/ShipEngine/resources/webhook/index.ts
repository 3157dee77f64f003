/** Webhook resource: the account's webhooks (GET/POST /v1/environment/webhooks, GET/PUT/DELETE …/{webhook_id}). */
import type { INodeProperties } from 'n8n-workflow';

import { shipEngineError } from '../../shared/errors';
import { requireFields } from '../../shared/input';
import { pairWithInput } from '../../shared/labelOutput';
import { successOutput } from '../../shared/output';
import { unpagedListOutput } from '../../shared/pagination';
import { webhookCreateBody, webhookFields, webhookUpdateBody } from './fields';

const showOnlyForWebhooks = { resource: ['webhook'] };

const webhookUrl = '/v1/environment/webhooks/{webhookId}';
const checkWebhook = requireFields(['webhookId', 'Webhook ID']);

const webhookDone = (what: 'deleted' | 'updated') =>
	successOutput((ctx) => ({ webhook_id: String(ctx.getNodeParameter('webhookId', '')).trim(), [what]: true }));

export const webhookDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForWebhooks },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a webhook for free',
				description:
					'Have ShipEngine send one event to a URL (one webhook per event: a second one for the same event fails with a conflict). The ShipEngine Trigger does this itself.',
				routing: {
					request: { method: 'POST', url: '/v1/environment/webhooks' },
					send: { preSend: [webhookCreateBody] },
					output: { postReceive: [shipEngineError, pairWithInput] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a webhook for free',
				description:
					'Permanently delete a webhook: ShipEngine stops sending its event (frees the event for a ShipEngine Trigger); outputs { success, webhook_id, deleted }',
				routing: {
					request: { method: 'DELETE', url: webhookUrl },
					send: { preSend: [checkWebhook] },
					output: { postReceive: [shipEngineError, webhookDone('deleted')] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a webhook for free',
				description: 'Get one webhook: its event, URL, name and custom headers',
				routing: {
					request: { method: 'GET', url: webhookUrl },
					send: { preSend: [checkWebhook] },
					output: { postReceive: [shipEngineError, pairWithInput] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many webhooks for free',
				description: 'List the webhooks of the account (event, URL, webhook_id), one item each: find the one that receives an event',
				routing: {
					request: { method: 'GET', url: '/v1/environment/webhooks' },
					output: { postReceive: [shipEngineError, unpagedListOutput()] },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a webhook for free',
				description: 'Change the URL, name, custom headers or store of a webhook (its event cannot change)',
				routing: {
					request: { method: 'PUT', url: webhookUrl },
					send: { preSend: [checkWebhook, webhookUpdateBody] },
					output: { postReceive: [shipEngineError, webhookDone('updated')] },
				},
			},
		],
		default: 'getAll',
	},
	...webhookFields,
];
