/**
 * File resource: download a file ShipEngine links to (label_download, form_download, a manifest
 * or batch label file) as n8n binary data: GET /v1/downloads/{dir}/{subdir}/{filename}. Only the
 * path of the link is used: the request always goes to the credential's ShipEngine host with the
 * API key, never to a host named in the link.
 */
import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { shipEngineError } from '../../shared/errors';
import { requiredText } from '../../shared/input';
import { LABEL_MIME_TYPES } from '../../../shared/binary';
import { fileOutputField } from '../../../shared/descriptions/fileOutput';
import { inputError } from '../../../shared/validation';

const showOnlyForDownload = { resource: ['file'], operation: ['download'] };
const DOWNLOAD_PATH = /^\/v1\/downloads\/([^/?#]+)\/([^/?#]+)\/([^/?#]+)$/;

/** preSend: the link's /v1/downloads/{dir}/{subdir}/{filename} path, on the node's own host. */
async function downloadPath(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const link = requiredText(this, 'downloadUrl', 'File URL');
	let path: string;
	try {
		path = new URL(link, 'https://api.shipengine.com').pathname;
	} catch {
		path = '';
	}
	const match = DOWNLOAD_PATH.exec(path);
	if (!match) {
		throw inputError(this, 'File URL', `"${link}" is not a ShipEngine download link (https://api.shipengine.com/v1/downloads/…/…/file.pdf)`);
	}
	request.url = `/v1/downloads/${match.slice(1).join('/')}`;
	const { downloadRotation } = this.getNodeParameter('options', {}) as { downloadRotation?: number };
	if (downloadRotation !== undefined) request.qs = { ...(request.qs ?? {}), rotation: downloadRotation };
	return request;
}

/** postReceive: the file as binary data in the chosen field, with its name and MIME type. */
async function fileOutput(this: IExecuteSingleFunctions, _items: INodeExecutionData[], response: IN8nHttpFullResponse): Promise<INodeExecutionData[]> {
	const body = response.body;
	const data = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body ?? ''));
	const path = String(this.getNodeParameter('downloadUrl', '')).split(/[?#]/)[0];
	const fileName = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || 'download';
	const extension = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase() : '';
	const header = String(response.headers?.['content-type'] ?? '').split(';')[0].trim();
	const mimeType = header && header !== 'application/octet-stream' ? header : (LABEL_MIME_TYPES[extension] ?? 'application/octet-stream');
	const field = String(this.getNodeParameter('binaryPropertyName', 'data'));
	const binary = await this.helpers.prepareBinaryData(data, fileName, mimeType);
	return [
		{
			json: { file_name: fileName, mime_type: mimeType, file_size: data.length },
			binary: { [field]: binary },
			pairedItem: { item: this.getItemIndex() },
		},
	];
}

export const fileDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['file'] } },
		options: [
			{
				name: 'Download',
				value: 'download',
				action: 'Download a file for free',
				description:
					'Download a file ShipEngine links to (label_download.href or .pdf/.png/.zpl, form_download.href, a batch or manifest file) into a binary field',
				routing: {
					request: {
						method: 'GET',
						// The preSend appends /{dir}/{subdir}/{filename} from the link (no node parameter holds them).
						url: '/v1/downloads',
						encoding: 'arraybuffer',
						json: false,
					},
					send: { preSend: [downloadPath] },
					output: { postReceive: [shipEngineError, fileOutput] },
				},
			},
		],
		default: 'download',
	},
	{
		displayName: 'File URL',
		name: 'downloadUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://api.shipengine.com/v1/downloads/10/F13…/label-1234.pdf',
		description: 'A ShipEngine download link, such as the label_download.pdf of a label (only its path is used: the file is fetched from the host of the credential)',
		displayOptions: { show: showOnlyForDownload },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showOnlyForDownload },
		options: [
			{
				displayName: 'Rotation (Degrees)',
				name: 'downloadRotation',
				type: 'number',
				default: 0,
				description: 'Rotate the label image (e.g. 90, 180, 270)',
			},
		],
	},
	fileOutputField(showOnlyForDownload, 'Name of the binary field the downloaded file goes into'),
];
