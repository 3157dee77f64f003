import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { idList, shipDateParam } from '../../shared/input';
import { carrierDropdown, warehouseDropdown } from '../../shared/lookups';

const showOnlyForManifestCreate = { resource: ['manifest'], operation: ['create'] };

const LABEL_IDS_HINT = 'Label IDs separated by commas, e.g. se-123456, se-234567';

export const manifestCreateDescription: INodeProperties[] = [
	carrierDropdown(showOnlyForManifestCreate, {
		description:
			'Carrier account whose labels go on the manifest. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: { send: { type: 'body', property: 'carrier_id' } },
	}),
	warehouseDropdown(showOnlyForManifestCreate, {
		description:
			'Warehouse the labels ship from (manifests are per warehouse). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: { send: { type: 'body', property: 'warehouse_id' } },
	}),
	{
		displayName: 'Ship Date',
		name: 'shipDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Day the labels ship (only the date is used); all matching labels of that day are included',
		displayOptions: { show: showOnlyForManifestCreate },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForManifestCreate },
		options: [
			{
				displayName: 'Excluded Label IDs',
				name: 'excludedLabelIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. se-123456, se-234567',
				description: `Labels to leave off the manifest. ${LABEL_IDS_HINT}.`,
			},
			{
				displayName: 'Label IDs',
				name: 'labelIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. se-123456, se-234567',
				description: `Only these labels go on the manifest (default: every label of the carrier, warehouse and day). ${LABEL_IDS_HINT}.`,
			},
		],
	},
];

/** preSend: ship_date (calendar day) and the optional label ID lists, checked before sending. */
export async function manifestCreateBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body = { ...((request.body ?? {}) as Record<string, unknown>) };
	body.ship_date = shipDateParam(this, 'shipDate', 'Ship Date');
	const lists: Array<[string, string, string]> = [
		['labelIds', 'label_ids', 'Additional Fields > Label IDs'],
		['excludedLabelIds', 'excluded_label_ids', 'Additional Fields > Excluded Label IDs'],
	];
	for (const [param, apiName, label] of lists) {
		const ids = idList(this, `additionalFields.${param}`, label);
		if (ids.length) body[apiName] = ids;
	}
	request.body = body;
	return request;
}
