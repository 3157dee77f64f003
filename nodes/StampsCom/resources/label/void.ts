import type { INodeProperties } from 'n8n-workflow';

import { labelIdField } from './labelId';

const showOnlyForLabelVoid = { resource: ['label'], operation: ['void'] };

export const labelVoidDescription: INodeProperties[] = [
	labelIdField(showOnlyForLabelVoid, 'The label_id of the unused label to void and refund'),
];
