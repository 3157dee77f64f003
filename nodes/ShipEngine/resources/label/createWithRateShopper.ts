import type { INodeProperties } from 'n8n-workflow';

import {
	addressCollection,
	downloadLabelFields,
	labelRenderingOptions,
	packagesCollection,
	shipmentAdditionalFields,
} from '../../shared/descriptions';
import { labelPurchaseAdditionalFields } from './purchaseFields';
import { shipEngineCustomsField } from '../../shared/customs';

const showOnlyForLabelRateShopper = { resource: ['label'], operation: ['createWithRateShopper'] };

export const labelCreateWithRateShopperDescription: INodeProperties[] = [
	{
		displayName: 'Strategy',
		name: 'rateShopperId',
		type: 'options',
		required: true,
		options: [
			{ name: 'Best Value', value: 'best_value', description: 'Best balance of price and speed' },
			{ name: 'Cheapest', value: 'cheapest', description: 'Lowest price' },
			{ name: 'Fastest', value: 'fastest', description: 'Quickest delivery' },
		],
		default: 'cheapest',
		description: 'How ShipEngine picks the carrier and service among your wallet carriers',
		displayOptions: { show: showOnlyForLabelRateShopper },
	},
	addressCollection('Ship From', 'shipFrom', showOnlyForLabelRateShopper, 'Sender address (leave empty when a Warehouse ID is set in Additional Fields)', false),
	addressCollection('Ship To', 'shipTo', showOnlyForLabelRateShopper, 'Recipient address'),
	packagesCollection(showOnlyForLabelRateShopper),
	shipEngineCustomsField(showOnlyForLabelRateShopper),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForLabelRateShopper },
		options: [...labelPurchaseAdditionalFields(), ...shipmentAdditionalFields('validate_address')].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
	labelRenderingOptions(showOnlyForLabelRateShopper),
	...downloadLabelFields(showOnlyForLabelRateShopper),
];
