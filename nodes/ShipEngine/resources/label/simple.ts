import type { INodeProperties } from 'n8n-workflow';

import { labelIdField } from './fields';

const showOnlyForLabelVoid = { resource: ['label'], operation: ['void'] };
const showOnlyForLabelGetTracking = { resource: ['label'], operation: ['getTracking'] };
const showOnlyForLabelCancelRefund = { resource: ['label'], operation: ['cancelRefund'] };

/** Operations that only need a Label ID. */
export const labelIdOnlyDescription: INodeProperties[] = [
	labelIdField(showOnlyForLabelVoid),
	labelIdField(showOnlyForLabelGetTracking),
	labelIdField(showOnlyForLabelCancelRefund),
];
