import type { INodeProperties } from 'n8n-workflow';

import { CONNECT_CARRIER_OPTIONS } from '../../shared/options';
import { toItems } from '../../shared/output';
import { seraRouting } from '../../shared/routing';
import { checkDates, DATE_ONLY, FILTER_SHIP_DATE } from '../../shared/validation';
import { buildCarrierAccount, carrierConnectDescription } from './connect';

const showOnlyForCarriers = { resource: ['carrier'] };
const CARRIER_PATH = '/v1/carriers/{carrier}';
const carrierResult = (connected: boolean) => toItems({
	whenEmpty: (ctx) => ({ carrier: ctx.getNodeParameter('carrier', '') as string, connected }),
});

export const carrierDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForCarriers },
		options: [
			{
				name: 'Connect',
				value: 'connect',
				action: 'Connect a carrier account for free',
				description: 'Connect your own carrier account (UPS, FedEx, DHL...) to Stamps.com so its services can be rated and bought',
				routing: seraRouting({ method: 'POST', url: CARRIER_PATH }, [carrierResult(true)], [buildCarrierAccount]),
			},
			{
				name: 'Disconnect',
				value: 'disconnect',
				action: 'Disconnect a carrier account for free',
				description: 'Remove a connected carrier account from Stamps.com',
				routing: seraRouting({ method: 'DELETE', url: CARRIER_PATH }, [carrierResult(false)]),
			},
			{
				name: 'Get Services',
				value: 'getServices',
				action: 'Get carrier services for free',
				description:
					'List the services, packaging types, limits and add-ons each carrier offers this account; one item per carrier',
				routing: seraRouting({ method: 'GET', url: '/v1/carrier-services' }, [toItems({ rootProperty: 'shipping_options' })], [checkDates([FILTER_SHIP_DATE])]),
			},
		],
		default: 'getServices',
	},
	{
		displayName: 'Carrier',
		name: 'carrier',
		description: 'Carrier of the service list',
		type: 'options',
		options: CONNECT_CARRIER_OPTIONS,
		required: true,
		default: 'ups',
		displayOptions: { show: { resource: ['carrier'], operation: ['connect', 'disconnect'] } },
	},
	...carrierConnectDescription,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { resource: ['carrier'], operation: ['getServices'] } },
		options: [
			{
				displayName: 'Ship Date',
				name: 'shipDate',
				type: 'dateTime',
				default: '',
				description: 'Services and rules in effect on this date (today when unset)',
				routing: { send: { type: 'query', property: 'ship_date', value: DATE_ONLY } },
			},
		],
	},
];
