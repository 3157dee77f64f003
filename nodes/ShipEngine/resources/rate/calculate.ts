import type { INodeProperties } from 'n8n-workflow';

import { addressCollection, carrierIdsField, packagesCollection, shipmentAdditionalFields } from '../../shared/descriptions';
import { rateOutputField } from './fields';
import { asList } from '../../../shared/requestShaping';
import { shipEngineCustomsField } from '../../shared/customs';

const showOnlyForRateCalculate = { resource: ['rate'], operation: ['calculate'] };
const showForShipmentDetails = { ...showOnlyForRateCalculate, rateSource: ['shipmentDetails'] };

const list = (property: string) => ({
	send: {
		type: 'body' as const,
		property,
		preSend: [asList('body', property)],
	},
});

export const rateCalculateDescription: INodeProperties[] = [
	{
		displayName: 'Rate Source',
		name: 'rateSource',
		type: 'options',
		options: [
			{ name: 'Shipment Details', value: 'shipmentDetails', description: 'Addresses and packages entered below' },
			{ name: 'Existing Shipment ID', value: 'shipmentId', description: 'A shipment already created in ShipEngine' },
		],
		default: 'shipmentDetails',
		description: 'What to rate',
		displayOptions: { show: showOnlyForRateCalculate },
	},
	{
		displayName: 'Shipment ID',
		name: 'shipmentId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. se-123456',
		description: 'ID of an existing ShipEngine shipment',
		displayOptions: { show: { ...showOnlyForRateCalculate, rateSource: ['shipmentId'] } },
		routing: { send: { type: 'body', property: 'shipment_id' } },
	},
	{
		...carrierIdsField(showOnlyForRateCalculate),
		routing: { send: { type: 'body', property: 'rate_options.carrier_ids' } },
	},
	addressCollection('Ship From', 'shipFrom', showForShipmentDetails, 'Sender address (leave empty when a Warehouse ID is set in Additional Fields)', false),
	addressCollection('Ship To', 'shipTo', showForShipmentDetails, 'Recipient address'),
	packagesCollection(showForShipmentDetails),
	shipEngineCustomsField(showForShipmentDetails),
	rateOutputField(showOnlyForRateCalculate, 'all'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForRateCalculate },
		options: ([
			{
				displayName: 'Calculate Tax Amount',
				name: 'calculateTaxAmount',
				type: 'boolean',
				default: false,
				description: 'Whether to estimate duties and taxes for cross-border shipments',
				routing: { send: { type: 'body', property: 'rate_options.calculate_tax_amount' } },
			},
			{
				displayName: 'Is Return',
				name: 'isReturn',
				type: 'boolean',
				default: false,
				description: 'Whether to rate a return shipment',
				routing: { send: { type: 'body', property: 'rate_options.is_return' } },
			},
			{
				displayName: 'Package Types',
				name: 'packageTypes',
				type: 'string',
				default: '',
				placeholder: 'e.g. package, flat_rate_envelope',
				description: 'Comma-separated package codes to rate',
				routing: list('rate_options.package_types'),
			},
			{
				displayName: 'Preferred Currency',
				name: 'preferredCurrency',
				type: 'string',
				default: '',
				placeholder: 'e.g. usd',
				description: 'ISO 4217 currency to show the rates in',
				routing: { send: { type: 'body', property: 'rate_options.preferred_currency' } },
			},
			{
				displayName: 'Service Codes',
				name: 'serviceCodes',
				type: 'string',
				default: '',
				placeholder: 'e.g. usps_priority_mail, ups_ground',
				description: 'Comma-separated service codes; only these services are rated',
				routing: list('rate_options.service_codes'),
			},
			...shipmentAdditionalFields().map((field) => ({
				...field,
				displayOptions: { show: { '/rateSource': ['shipmentDetails'] } },
			})),
		] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];
