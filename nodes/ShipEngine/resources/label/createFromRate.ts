import type { INodeProperties } from 'n8n-workflow';

import { downloadLabelFields, labelRenderingOptions } from '../../shared/descriptions';
import { idField } from './fields';

const showOnlyForLabelCreateFromRate = { resource: ['label'], operation: ['createFromRate'] };

export const labelCreateFromRateDescription: INodeProperties[] = [
	idField('Rate ID', 'rateId', showOnlyForLabelCreateFromRate, 'ID of a rate from Rate > Calculate, e.g. se-123456 (rate estimates have no ID and cannot be bought)'),
	labelRenderingOptions(showOnlyForLabelCreateFromRate),
	...downloadLabelFields(showOnlyForLabelCreateFromRate),
];
