/** Tag resource: the account's shipment tags (GET/POST /v1/tags, DELETE /v1/tags/{name}, PUT /v1/tags/{name}/{new_name}). */
import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { shipEngineError } from '../../shared/errors';
import { requiredText, requireFields } from '../../shared/input';
import { pairWithInput } from '../../shared/labelOutput';
import { successOutput } from '../../shared/output';
import { returnAllFields, unpagedListOutput } from '../../shared/pagination';
import { asText, inputError } from '../../../shared/validation';
import { recordDropdown } from '../../shared/lookups';

const showOnlyForTags = { resource: ['tag'] };
const showOnlyForExistingTag = { resource: ['tag'], operation: ['delete', 'rename'] };

const checkTag = requireFields(['tagName', 'Tag Name']);

/** preSend of Create: { name, color? }; a color must be #RGB or #RRGGBB. */
async function tagCreateBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const name = requiredText(this, 'tagName', 'Tag Name');
	const color = asText((this.getNodeParameter('additionalFields', {}) as { tagColor?: unknown }).tagColor);
	if (color && !/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(color)) {
		throw inputError(this, 'Additional Fields > Tag Color', `"${color}" is not a hex color (e.g. #FF0000)`);
	}
	request.body = color ? { name, color } : { name };
	return request;
}

async function checkRename(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const from = requiredText(this, 'tagName', 'Tag Name');
	const to = requiredText(this, 'newTagName', 'New Tag Name');
	if (from === to) throw inputError(this, 'New Tag Name', `is the same as Tag Name ("${to}")`);
	return request;
}

export const tagDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForTags },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a tag for free',
				description: 'Create a tag to group shipments by (e.g. Fragile, Wholesale); outputs the tag',
				routing: {
					request: { method: 'POST', url: '/v1/tags' },
					send: { preSend: [tagCreateBody] },
					output: { postReceive: [shipEngineError, pairWithInput] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a tag for free',
				description: 'Permanently delete a tag of the account; outputs { success, name, deleted }',
				routing: {
					request: { method: 'DELETE', url: '/v1/tags/{tagName}' },
					send: { preSend: [checkTag] },
					output: {
						postReceive: [
							shipEngineError,
							successOutput((ctx) => ({ name: String(ctx.getNodeParameter('tagName', '')).trim(), deleted: true })),
						],
					},
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many tags for free',
				description: 'List the tags of the account (name, color), one item each',
				routing: {
					request: { method: 'GET', url: '/v1/tags' },
					output: { postReceive: [shipEngineError, unpagedListOutput('tags')] },
				},
			},
			{
				name: 'Rename',
				value: 'rename',
				action: 'Rename a tag for free',
				description: 'Give a tag a new name; the shipments that have it keep it',
				routing: {
					request: { method: 'PUT', url: '/v1/tags/{tagName}/{newTagName}' },
					send: { preSend: [checkRename] },
					output: {
						postReceive: [
							shipEngineError,
							successOutput((ctx) => ({
								name: String(ctx.getNodeParameter('newTagName', '')).trim(),
								previous_name: String(ctx.getNodeParameter('tagName', '')).trim(),
								renamed: true,
							})),
						],
					},
				},
			},
		],
		default: 'getAll',
	},
	{
		displayName: 'Tag Name',
		name: 'tagName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Fragile',
		description: 'Name of the new tag (case-sensitive)',
		displayOptions: { show: { resource: ['tag'], operation: ['create'] } },
	},
	recordDropdown('tag', showOnlyForExistingTag),
	{
		displayName: 'New Tag Name',
		name: 'newTagName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Handle With Care',
		description: 'The name the tag gets',
		displayOptions: { show: { resource: ['tag'], operation: ['rename'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: ['tag'], operation: ['create'] } },
		options: [
			{
				displayName: 'Tag Color',
				name: 'tagColor',
				type: 'color',
				default: '',
				description: 'Color of the tag in the ShipEngine dashboard, as hex (e.g. #FF0000)',
			},
		],
	},
	...returnAllFields({ resource: ['tag'], operation: ['getAll'] }),
];
