import type { INodeProperties } from 'n8n-workflow';

import { downloadLabelFields } from '../../shared/descriptions';
import { idField, labelIdField } from './fields';

const showOnlyForLabelGet = { resource: ['label'], operation: ['get'] };
const showOnlyForLabelGetByExternalId = { resource: ['label'], operation: ['getByExternalShipmentId'] };

export const labelGetDescription: INodeProperties[] = [
	labelIdField(showOnlyForLabelGet),
	...downloadLabelFields(showOnlyForLabelGet),
	idField(
		'External Shipment ID',
		'externalShipmentId',
		showOnlyForLabelGetByExternalId,
		'The external shipment ID the label was bought with (your order number, or the n8n-… ID this node generated)',
		'e.g. order-1001',
	),
	...downloadLabelFields(showOnlyForLabelGetByExternalId),
];
