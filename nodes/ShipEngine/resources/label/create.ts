import type { INodeProperties } from 'n8n-workflow';

import {
	addressCollection,
	carrierIdField,
	downloadLabelFields,
	labelRenderingOptions,
	packagesCollection,
	serviceCodeField,
	shipmentAdditionalFields,
} from '../../shared/descriptions';
import { asCode } from '../../../shared/requestShaping';
import { labelPurchaseAdditionalFields } from './purchaseFields';
import { shipEngineCustomsField } from '../../shared/customs';

const showOnlyForLabelCreate = { resource: ['label'], operation: ['create'] };

export const labelCreateDescription: INodeProperties[] = [
	{
		...carrierIdField(showOnlyForLabelCreate),
		routing: { send: { type: 'body', property: 'shipment.carrier_id' } },
	},
	{
		...serviceCodeField(showOnlyForLabelCreate),
		routing: { send: { type: 'body', property: 'shipment.service_code', preSend: [asCode('body', 'shipment.service_code')] } },
	},
	addressCollection('Ship From', 'shipFrom', showOnlyForLabelCreate, 'Sender address (leave empty when a Warehouse ID is set in Additional Fields)', false),
	addressCollection('Ship To', 'shipTo', showOnlyForLabelCreate, 'Recipient address'),
	packagesCollection(showOnlyForLabelCreate),
	shipEngineCustomsField(showOnlyForLabelCreate),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForLabelCreate },
		options: [...labelPurchaseAdditionalFields(), ...shipmentAdditionalFields('validate_address')].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
	labelRenderingOptions(showOnlyForLabelCreate),
	...downloadLabelFields(showOnlyForLabelCreate),
];
