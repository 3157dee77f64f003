import type { INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, idempotencyOptions } from '../../shared/descriptions';
import { labelToBinary } from '../../shared/labelOutput';
import { LABEL_FORMAT_OPTIONS } from '../../shared/options';
import { seraRouting } from '../../shared/routing';
import { selectByField, selectionFields } from '../../shared/selection';
import { checkDates, SELECTION_SHIP_DATE } from '../../shared/validation';

const showOnlyForContainerLabels = { resource: ['containerLabel'] };
const showOnlyForContainerLabelCreate = { resource: ['containerLabel'], operation: ['create'] };

export const containerLabelDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForContainerLabels },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a container label for free',
				description:
					'Create the label for a container (sack, pallet) holding several packages, and output it as a file',
				routing: seraRouting(
					{ method: 'POST', url: '/v1/container-labels' },
					[labelToBinary({ idProperty: 'container_label_id', filePrefix: 'container-label', formatParameter: 'additionalFields.labelFormat' })],
					[checkDates([SELECTION_SHIP_DATE])],
				),
			},
		],
		default: 'create',
	},
	selectByField(showOnlyForContainerLabelCreate, 'Every label printed for this origin address and ship date'),
	...selectionFields(showOnlyForContainerLabelCreate, {
		labelIdsDescription: 'Labels of the packages in the container (label_id values), comma-separated or an expression returning a list',
		addressBodyProperty: 'from_address',
		carrier: false,
		shipDate: true,
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForContainerLabelCreate },
		options: [
			{
				displayName: 'Label Format',
				name: 'labelFormat',
				type: 'options',
				options: LABEL_FORMAT_OPTIONS,
				default: 'pdf',
				description: 'File format of the container label (PDF unless set)',
				routing: { send: { type: 'body', property: 'label_options.label_format' } },
			},
			{
				displayName: 'Number of Container Labels',
				name: 'numberOfContainerLabels',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'How many container labels to create',
				routing: { send: { type: 'body', property: 'number_of_container_labels' } },
			},
		],
	},
	idempotencyOptions(showOnlyForContainerLabelCreate),
	binaryPropertyField(showOnlyForContainerLabelCreate),
];
