import type { INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, idempotencyOptions } from '../../shared/descriptions';
import { labelToBinary } from '../../shared/labelOutput';
import { LABEL_FORMAT_OPTIONS } from '../../shared/options';
import { seraRouting } from '../../shared/routing';
import { selectByField, selectionFields } from '../../shared/selection';
import { checkDates, SELECTION_SHIP_DATE } from '../../shared/validation';

const showOnlyForManifests = { resource: ['manifest'] };
const showOnlyForManifestCreate = { resource: ['manifest'], operation: ['create'] };

export const manifestDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForManifests },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a manifest for free',
				description:
					'Create a carrier manifest (USPS SCAN form) for labels handed over together, and output the printable form as a file',
				routing: seraRouting(
					{ method: 'POST', url: '/v1/manifests' },
					[labelToBinary({ idProperty: 'manifest_id', filePrefix: 'manifest', formatParameter: 'additionalFields.labelFormat' })],
					[checkDates([SELECTION_SHIP_DATE])],
				),
			},
		],
		default: 'create',
	},
	selectByField(showOnlyForManifestCreate, 'Every label printed for this origin address, carrier and ship date'),
	...selectionFields(showOnlyForManifestCreate, {
		labelIdsDescription: 'Labels to put on the manifest (label_id values), comma-separated or an expression returning a list',
		addressBodyProperty: 'from_address',
		carrier: true,
		shipDate: true,
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForManifestCreate },
		options: [
			{
				displayName: 'Label Format',
				name: 'labelFormat',
				type: 'options',
				options: LABEL_FORMAT_OPTIONS,
				default: 'pdf',
				description: 'File format of the manifest (PDF unless set)',
				routing: { send: { type: 'body', property: 'label_options.label_format' } },
			},
		],
	},
	idempotencyOptions(showOnlyForManifestCreate),
	binaryPropertyField(showOnlyForManifestCreate),
];
