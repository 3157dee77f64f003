import type { INodeProperties } from 'n8n-workflow';

import { CARRIER_OPTIONS, CARRIER_VALUES } from '../../shared/options';
import { toItems } from '../../shared/output';
import { asCode, trimmed } from '../../../shared/requestShaping';
import { seraRouting } from '../../shared/routing';
import { requireValues } from '../../shared/validation';

const showOnlyForTracking = { resource: ['tracking'] };
const showOnlyForTrackingGet = { resource: ['tracking'], operation: ['get'] };

export const trackingDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForTracking },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get tracking events for free',
				description: 'Get the current status and every tracking event of a shipment by carrier and tracking number',
				routing: seraRouting({ method: 'GET', url: '/v1/tracking' }, [toItems()], [requireValues([['trackingNumber', 'Tracking Number']])]),
			},
		],
		default: 'get',
	},
	{
		displayName: 'Carrier',
		name: 'carrier',
		type: 'options',
		options: CARRIER_OPTIONS,
		required: true,
		default: 'usps',
		description: `Carrier that ships the package: ${CARRIER_VALUES} (lower case; upper case is converted)`,
		displayOptions: { show: showOnlyForTrackingGet },
		routing: { send: { type: 'query', property: 'carrier', preSend: [asCode('qs', 'carrier')] } },
	},
	{
		displayName: 'Tracking Number',
		name: 'trackingNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 9405511899560772485630',
		description: 'Tracking number given by the carrier',
		displayOptions: { show: showOnlyForTrackingGet },
		routing: { send: { type: 'query', property: 'tracking_number', preSend: [trimmed('qs', 'tracking_number')] } },
	},
];
