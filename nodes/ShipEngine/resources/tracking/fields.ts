import type { INodeProperties } from 'n8n-workflow';

import { asCode, trimmed } from '../../../shared/requestShaping';
import { carrierCodeDropdown } from '../../shared/lookups';

/** Get, Start and Stop all identify a package by carrier code + tracking number. */
const showOnlyForTracking = { resource: ['tracking'], operation: ['get', 'start', 'stop'] };

export const trackingFields: INodeProperties[] = [
	carrierCodeDropdown(showOnlyForTracking, {
		routing: { send: { type: 'query', property: 'carrier_code', preSend: [asCode('qs', 'carrier_code')] } },
	}),
	{
		displayName: 'Tracking Number',
		name: 'trackingNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 9400111899223197428490',
		description: 'Tracking number given by the carrier',
		displayOptions: { show: showOnlyForTracking },
		routing: { send: { type: 'query', property: 'tracking_number', preSend: [trimmed('qs', 'tracking_number')] } },
	},
];
