/**
 * Label Image resource: logos printed on labels (GET/POST /v1/account/settings/images,
 * GET/PUT/DELETE …/images/{label_image_id}). Create uploads a PNG or JPEG from a binary field of
 * the input item; a label uses one with Additional Fields › Label Image ID (or the default image).
 */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { shipEngineError } from '../../shared/errors';
import { requiredText, requireFields } from '../../shared/input';
import { pairWithInput } from '../../shared/labelOutput';
import { successOutput } from '../../shared/output';
import { returnAllFields, unpagedListOutput } from '../../shared/pagination';
import { inputError } from '../../../shared/validation';
import { recordDropdown } from '../../shared/lookups';

const showOnlyForImageWrite = { resource: ['labelImage'], operation: ['create', 'update'] };
const showOnlyForOneImage = { resource: ['labelImage'], operation: ['delete', 'get', 'update'] };

const imageUrl = '/v1/account/settings/images/{labelImageId}';
const checkImage = requireFields(['labelImageId', 'Label Image ID']);
const IMAGE_TYPES = ['image/png', 'image/jpeg'];

function imageName(ctx: IExecuteSingleFunctions): string {
	const name = requiredText(ctx, 'labelImageName', 'Label Image Name');
	if (name.length > 50) throw inputError(ctx, 'Label Image Name', `is ${name.length} characters long (at most 50)`);
	return name;
}

/** preSend of Create: { name, is_default, image_content_type, image_data } from the input item's binary field. */
async function imageCreateBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const name = imageName(this);
	const field = requiredText(this, 'labelImageBinaryField', 'Input Image Field');
	const item = this.getInputData();
	if (!item.binary?.[field]) {
		throw inputError(this, 'Input Image Field', `the input item has no binary field "${field}" (read the image with e.g. Read/Write Files from Disk or HTTP Request first)`);
	}
	const binary = this.helpers.assertBinaryData(field);
	const type = String(binary.mimeType ?? '').toLowerCase().replace('image/jpg', 'image/jpeg');
	if (!IMAGE_TYPES.includes(type)) throw inputError(this, 'Input Image Field', `"${field}" is ${type || 'of unknown type'}; ShipEngine takes PNG or JPEG`);
	const data = await this.helpers.getBinaryDataBuffer(field);
	request.body = {
		name,
		is_default: this.getNodeParameter('labelImageIsDefault', false) === true,
		image_content_type: type,
		image_data: data.toString('base64'),
	};
	return request;
}

/** preSend of Update: { name, is_default } (the image itself cannot be replaced). */
async function imageUpdateBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body: IDataObject = { name: imageName(this), is_default: this.getNodeParameter('labelImageIsDefault', false) === true };
	request.body = body;
	return request;
}

const imageDone = (what: 'deleted' | 'updated') =>
	successOutput((ctx) => ({ label_image_id: String(ctx.getNodeParameter('labelImageId', '')).trim(), [what]: true }));

export const labelImageDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['labelImage'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Upload a label image for free',
				description: 'Upload a logo (PNG or JPEG from a binary field of the input item) to print on labels; outputs the image with its label_image_id',
				routing: {
					request: { method: 'POST', url: '/v1/account/settings/images' },
					send: { preSend: [imageCreateBody] },
					output: { postReceive: [shipEngineError, pairWithInput] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a label image for free',
				description: 'Permanently delete a label image; outputs { success, label_image_id, deleted }',
				routing: {
					request: { method: 'DELETE', url: imageUrl },
					send: { preSend: [checkImage] },
					output: { postReceive: [shipEngineError, imageDone('deleted')] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a label image for free',
				description: 'Get one label image (name, type, whether it is the default)',
				routing: {
					request: { method: 'GET', url: imageUrl },
					send: { preSend: [checkImage] },
					output: { postReceive: [shipEngineError, pairWithInput] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many label images for free',
				description: 'List the label images of the account, one item each',
				routing: {
					request: { method: 'GET', url: '/v1/account/settings/images' },
					output: { postReceive: [shipEngineError, unpagedListOutput('images')] },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a label image for free',
				description: 'Rename a label image and set whether it is the default one printed on labels',
				routing: {
					request: { method: 'PUT', url: imageUrl },
					send: { preSend: [checkImage, imageUpdateBody] },
					output: { postReceive: [shipEngineError, imageDone('updated')] },
				},
			},
		],
		default: 'getAll',
	},
	recordDropdown('labelImage', showOnlyForOneImage),
	{
		displayName: 'Label Image Name',
		name: 'labelImageName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Shop logo',
		description: 'Name of the image (at most 50 characters)',
		displayOptions: { show: showOnlyForImageWrite },
	},
	{
		displayName: 'Input Image Field',
		name: 'labelImageBinaryField',
		type: 'string',
		required: true,
		default: 'data',
		description: 'Name of the binary field of the input item that holds the PNG or JPEG image',
		displayOptions: { show: { resource: ['labelImage'], operation: ['create'] } },
	},
	{
		displayName: 'Default Label Image',
		name: 'labelImageIsDefault',
		type: 'boolean',
		default: false,
		description: 'Whether labels print this image when they name no other',
		displayOptions: { show: showOnlyForImageWrite },
	},
	...returnAllFields({ resource: ['labelImage'], operation: ['getAll'] }),
];
