import type { INodeProperties } from 'n8n-workflow';

import { addressCollection, POSTAL_CODE_REQUIRED } from '../../shared/address';
import { idempotencyOptions, packageFields, SHIPMENT_OPTIONS } from '../../shared/descriptions';
import { asCode } from '../../../shared/requestShaping';
import { CARRIER_OPTIONS, CARRIER_VALUES } from '../../shared/options';
import { seraCustomsField } from '../../shared/customs';
import { SHIPMENT_OPTION_EXTRAS } from '../../shared/shipmentExtras';
import { rateOutputField } from '../../../shared/rateChoice';

const showOnlyForRateGet = { resource: ['rate'], operation: ['get'] };

export const rateGetDescription: INodeProperties[] = [
	addressCollection({
		name: 'shipFrom',
		displayName: 'Ship From',
		description: 'Where the package leaves from. Postal Code is enough for a quote; a full address gives more exact rates.',
		bodyProperty: 'from_address',
		requiredFields: POSTAL_CODE_REQUIRED,
		displayOptions: { show: showOnlyForRateGet },
	}),
	addressCollection({
		name: 'shipTo',
		displayName: 'Ship To',
		description: 'Where the package goes. Postal Code and Country Code are enough for a quote.',
		bodyProperty: 'to_address',
		requiredFields: POSTAL_CODE_REQUIRED,
		displayOptions: { show: showOnlyForRateGet },
	}),
	...packageFields(showOnlyForRateGet),
	seraCustomsField(showOnlyForRateGet),
	rateOutputField(showOnlyForRateGet, 'eachRate', {
		bestValue: 'The lowest price × delivery days (a fast rate that costs little)',
		cheapest: 'The lowest shipment_cost.total_amount',
		eachRate: 'Each rate as its own item',
		description: 'Which rates to output; pick the cheapest or fastest to feed Label > Create',
	}),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showOnlyForRateGet },
		options: [
			{
				displayName: 'Carrier',
				name: 'carrier',
				type: 'options',
				options: CARRIER_OPTIONS,
				default: 'usps',
				description: `Only return rates of this carrier: ${CARRIER_VALUES} (lower case; upper case is converted)`,
				routing: { send: { type: 'query', property: 'carriers', preSend: [asCode('qs', 'carriers')] } },
			},
			{
				displayName: 'Service Type Name or ID',
				name: 'serviceType',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getServiceTypes' },
				default: '',
				description:
					'Only return rates of this service. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				routing: { send: { type: 'body', property: 'service_type', preSend: [asCode('body', 'service_type')] } },
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForRateGet },
		options: [...SHIPMENT_OPTIONS, ...SHIPMENT_OPTION_EXTRAS].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	idempotencyOptions(showOnlyForRateGet),
];
