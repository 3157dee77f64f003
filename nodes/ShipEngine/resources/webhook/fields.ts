/**
 * Fields of the Webhook resource (/v1/environment/webhooks): ShipEngine keeps one webhook per
 * event, so these operations are how a user finds and removes the webhook that blocks a
 * ShipEngine Trigger ("ShipEngine already sends the … event to another URL").
 */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { webhookEventOptions } from '../../trigger/events';
import { asText, inputError } from '../../../shared/validation';
import { requiredText } from '../../shared/input';
import { returnAllFields } from '../../shared/pagination';
import { recordDropdown } from '../../shared/lookups';

const showOnlyForWebhookCreate = { resource: ['webhook'], operation: ['create'] };
const showOnlyForWebhookUpdate = { resource: ['webhook'], operation: ['update'] };
const showOnlyForOneWebhook = { resource: ['webhook'], operation: ['delete', 'get', 'update'] };

function webhookOptionalFields(forUpdate: boolean): INodeProperties[] {
	return [
		{
			displayName: 'Webhook Headers',
			name: 'webhookHeaders',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Header',
			default: {},
			description: forUpdate
				? 'Custom headers ShipEngine adds to every delivery (replaces the current ones)'
				: 'Custom headers ShipEngine adds to every delivery, e.g. a shared secret your endpoint checks',
			options: [
				{
					displayName: 'Header',
					name: 'header',
					values: [
						{
							displayName: 'Header Name',
							name: 'key',
							type: 'string',
							default: '',
							placeholder: 'e.g. X-Shop-Token',
							description: 'Name of an HTTP header ShipEngine sends with each delivery',
						},
						{
							displayName: 'Header Value',
							name: 'value',
							type: 'string',
							typeOptions: { password: true },
							default: '',
							description: 'Value of that header, e.g. a token your endpoint checks',
						},
					],
				},
			],
		},
		{
			displayName: 'Webhook Name',
			name: 'webhookName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Order tracking',
			description: 'A name to recognise the webhook by in ShipEngine',
		},
		{
			displayName: 'Webhook Store ID',
			name: 'webhookStoreId',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 1 },
			description: 'ShipEngine store ID the webhook is limited to (order-source events)',
		},
		...(forUpdate
			? [
					{
						displayName: 'New Webhook URL',
						name: 'webhookUrl',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://example.com/webhook/shipengine',
						description: 'The HTTPS address ShipEngine delivers the event to from now on',
					} as INodeProperties,
				]
			: []),
	];
}

export const webhookFields: INodeProperties[] = [
	recordDropdown('webhook', showOnlyForOneWebhook),
	{
		displayName: 'Webhook Event',
		name: 'webhookEvent',
		type: 'options',
		required: true,
		options: webhookEventOptions,
		default: 'track',
		description: 'The event ShipEngine sends to this URL (one webhook per event and account)',
		displayOptions: { show: showOnlyForWebhookCreate },
	},
	{
		displayName: 'Webhook URL',
		name: 'webhookUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/webhook/shipengine',
		description: 'The HTTPS address ShipEngine delivers the event to',
		displayOptions: { show: showOnlyForWebhookCreate },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForWebhookCreate },
		options: webhookOptionalFields(false),
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForWebhookUpdate },
		options: webhookOptionalFields(true),
	},
	...returnAllFields({ resource: ['webhook'], operation: ['getAll'] }),
];

function checkUrl(ctx: IExecuteSingleFunctions, label: string, url: string): string {
	let parsed: URL | undefined;
	try {
		parsed = new URL(url);
	} catch {
		parsed = undefined;
	}
	if (!parsed || !/^https?:$/.test(parsed.protocol)) throw inputError(ctx, label, `"${url}" is not an http(s) URL`);
	return url;
}

/** The optional fields of a collection as API properties (only those the user added). */
function optionalBody(ctx: IExecuteSingleFunctions, collection: string, label: string): IDataObject {
	const values = ctx.getNodeParameter(collection, {}) as IDataObject;
	const body: IDataObject = {};
	if (values.webhookUrl !== undefined) body.url = checkUrl(ctx, `${label} > New Webhook URL`, asText(values.webhookUrl));
	if (values.webhookName !== undefined) body.name = asText(values.webhookName);
	if (values.webhookStoreId !== undefined) {
		const storeId = Number(values.webhookStoreId);
		if (!Number.isInteger(storeId) || storeId < 1) throw inputError(ctx, `${label} > Webhook Store ID`, 'must be a whole number above 0');
		body.store_id = storeId;
	}
	if (values.webhookHeaders !== undefined) {
		const rows = ((values.webhookHeaders as IDataObject).header ?? []) as IDataObject[];
		body.headers = rows.map((row, index) => {
			const key = asText(row.key);
			if (!key) throw inputError(ctx, `${label} > Webhook Headers > Header Name`, `header ${index + 1} has no name`);
			return { key, value: asText(row.value) };
		});
	}
	return body;
}

/** preSend of Create: { event, url, headers?, name?, store_id? }. */
export async function webhookCreateBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const url = checkUrl(this, 'Webhook URL', requiredText(this, 'webhookUrl', 'Webhook URL'));
	request.body = { event: this.getNodeParameter('webhookEvent', 'track'), url, ...optionalBody(this, 'additionalFields', 'Additional Fields') };
	return request;
}

/** preSend of Update: only the fields the user added; at least one. */
export async function webhookUpdateBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body = optionalBody(this, 'updateFields', 'Update Fields');
	if (!Object.keys(body).length) throw inputError(this, 'Update Fields', 'add at least one field to change (URL, name, headers or store ID)');
	request.body = body;
	return request;
}
