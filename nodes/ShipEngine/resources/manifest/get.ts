import type { INodeProperties } from 'n8n-workflow';

import { idField } from '../label/fields';

const showOnlyForManifestGet = { resource: ['manifest'], operation: ['get'] };
const showOnlyForManifestGetRequest = { resource: ['manifest'], operation: ['getRequest'] };

export const manifestGetDescription: INodeProperties[] = [
	idField('Manifest ID', 'manifestId', showOnlyForManifestGet, 'ID of the manifest, e.g. se-123456'),
	idField(
		'Manifest Request ID',
		'manifestRequestId',
		showOnlyForManifestGetRequest,
		'The manifest_requests[].manifest_request_id returned by Manifest > Create',
	),
];
