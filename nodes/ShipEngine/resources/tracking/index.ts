import type { INodeProperties } from 'n8n-workflow';

import { shipEngineError } from '../../shared/errors';
import { noBody, requireFields } from '../../shared/input';
import { successOutput } from '../../shared/output';
import { pairWithInput } from '../../shared/labelOutput';
import { trackingFields } from './fields';

const showOnlyForTracking = { resource: ['tracking'] };

const checkPackage = requireFields(['carrierCode', 'Carrier Code'], ['trackingNumber', 'Tracking Number']);

/** 204 answer of start/stop → what was done, for the next node. */
const trackingChanged = (tracking: 'started' | 'stopped') =>
	successOutput((ctx) => ({
		tracking,
		carrier_code: String(ctx.getNodeParameter('carrierCode', '')).trim(),
		tracking_number: String(ctx.getNodeParameter('trackingNumber', '')).trim(),
	}));

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
				action: 'Get tracking information of a package for free',
				description:
					'Get the current status (e.g. IT in transit, DE delivered), estimated delivery date and tracking events of any package, by carrier code and tracking number',
				routing: {
					request: { method: 'GET', url: '/v1/tracking' },
					send: { preSend: [checkPackage] },
					output: { postReceive: [shipEngineError, pairWithInput] },
				},
			},
			{
				name: 'Start',
				value: 'start',
				action: 'Start tracking a package for free',
				description:
					'Subscribe to tracking updates of a package bought outside ShipEngine; updates then arrive at the ShipEngine Trigger (track event)',
				routing: {
					request: { method: 'POST', url: '/v1/tracking/start' },
					send: { preSend: [checkPackage, noBody] },
					output: { postReceive: [shipEngineError, trackingChanged('started')] },
				},
			},
			{
				name: 'Stop',
				value: 'stop',
				action: 'Stop tracking a package for free',
				description: 'Unsubscribe from tracking updates of a package that was registered with Start',
				routing: {
					request: { method: 'POST', url: '/v1/tracking/stop' },
					send: { preSend: [checkPackage, noBody] },
					output: { postReceive: [shipEngineError, trackingChanged('stopped')] },
				},
			},
		],
		default: 'get',
	},
	...trackingFields,
];
