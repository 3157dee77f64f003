import type { INodeProperties } from 'n8n-workflow';

import { downloadLabelFields, labelRenderingOptions } from '../../shared/descriptions';
import { idField } from './fields';

const showOnlyForLabelCreateFromShipment = { resource: ['label'], operation: ['createFromShipment'] };

export const labelCreateFromShipmentDescription: INodeProperties[] = [
	idField('Shipment ID', 'shipmentId', showOnlyForLabelCreateFromShipment, 'ID of an existing ShipEngine shipment that has a carrier and service, e.g. se-123456'),
	labelRenderingOptions(showOnlyForLabelCreateFromShipment),
	...downloadLabelFields(showOnlyForLabelCreateFromShipment),
];
