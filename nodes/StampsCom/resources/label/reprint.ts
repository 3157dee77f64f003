import type { INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, labelOptionFields } from '../../shared/descriptions';
import { labelIdField } from './labelId';

const showOnlyForLabelReprint = { resource: ['label'], operation: ['reprint'] };

export const labelReprintDescription: INodeProperties[] = [
	labelIdField(showOnlyForLabelReprint, 'The label_id returned when the label was created'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showOnlyForLabelReprint },
		options: labelOptionFields('query'),
	},
	binaryPropertyField(showOnlyForLabelReprint),
];
