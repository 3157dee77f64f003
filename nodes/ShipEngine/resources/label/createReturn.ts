import type { INodeProperties } from 'n8n-workflow';

import { downloadLabelFields, labelRenderingOptions } from '../../shared/descriptions';
import { labelIdField } from './fields';
import { chargeEventField } from './purchaseFields';
import { optionalRecordField } from '../../shared/lookups';

const showOnlyForLabelCreateReturn = { resource: ['label'], operation: ['createReturn'] };

export const labelCreateReturnDescription: INodeProperties[] = [
	labelIdField(showOnlyForLabelCreateReturn, 'ID of the outbound label to create a return label for'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForLabelCreateReturn },
		options: [
			chargeEventField,
			optionalRecordField('labelImage', 'Custom image (logo) to print on the label', {
				routing: { send: { type: 'body', property: 'label_image_id' } },
			}),
			{
				displayName: 'RMA Number',
				name: 'rmaNumber',
				type: 'string',
				default: '',
				description: 'Return merchandise authorization number; ShipEngine generates one when empty',
				routing: { send: { type: 'body', property: 'rma_number' } },
			},
		],
	},
	labelRenderingOptions(showOnlyForLabelCreateReturn),
	...downloadLabelFields(showOnlyForLabelCreateReturn),
];
