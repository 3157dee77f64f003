import type { INodeProperties } from 'n8n-workflow';

import { idempotencyOptions } from '../../shared/descriptions';
import { toItems } from '../../shared/output';
import { seraRouting } from '../../shared/routing';
import { selectByField, selectionFields } from '../../shared/selection';
import { checkDates, PICKUP_WINDOW, requireValues } from '../../shared/validation';

const showOnlyForPickups = { resource: ['pickup'] };
const showOnlyForSchedule = { resource: ['pickup'], operation: ['schedule'] };
const showOnlyForCancel = { resource: ['pickup'], operation: ['cancel'] };

export const pickupDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForPickups },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a pickup for free',
				description: 'Cancel a scheduled carrier pickup by its pickup ID',
				routing: seraRouting(
					{ method: 'DELETE', url: '/v1/pickups/{pickupId}' },
					[toItems({ whenEmpty: (ctx) => ({ pickup_id: String(ctx.getNodeParameter('pickupId', '')).trim(), cancelled: true }) })],
					[requireValues([['pickupId', 'Pickup ID']])],
				),
			},
			{
				name: 'Schedule',
				value: 'schedule',
				action: 'Schedule a pickup the carrier may charge a fee for',
				description:
					'Ask the carrier to collect packages within a time window (USPS: next business day, no Sundays or holidays); may be charged',
				routing: seraRouting(
					{ method: 'POST', url: '/v1/pickups' },
					[toItems()],
					[checkDates(PICKUP_WINDOW)],
				),
			},
		],
		default: 'schedule',
	},
	{
		displayName: 'Pickup ID',
		name: 'pickupId',
		type: 'string',
		required: true,
		default: '',
		description: 'The pickup_id returned when the pickup was scheduled',
		displayOptions: { show: showOnlyForCancel },
	},
	selectByField(showOnlyForSchedule, 'A pickup at this address by this carrier'),
	// SERA's reference does not name the address property of this variant; "pickup_address" is what
	// third-party clients send (see api/sera-openapi.json, PickupByAddress, x-unverified).
	...selectionFields(showOnlyForSchedule, {
		labelIdsDescription: 'Labels to be picked up (same carrier and address), comma-separated or an expression returning a list',
		addressBodyProperty: 'pickup_address',
		carrier: true,
		shipDate: false,
	}),
	{
		displayName: 'Pickup Window Start',
		name: 'pickupWindowStart',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Earliest time the carrier may come',
		displayOptions: { show: showOnlyForSchedule },
		routing: { send: { type: 'body', property: 'pickup_window.start_at' } },
	},
	{
		displayName: 'Pickup Window End',
		name: 'pickupWindowEnd',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Latest time the carrier may come',
		displayOptions: { show: showOnlyForSchedule },
		routing: { send: { type: 'body', property: 'pickup_window.end_at' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForSchedule },
		options: [
			{
				displayName: 'Pickup Instructions',
				name: 'pickupInstructions',
				type: 'string',
				default: '',
				placeholder: 'e.g. Knock on door',
				description: 'Note for the driver',
				routing: { send: { type: 'body', property: 'pickup_instructions' } },
			},
		],
	},
	idempotencyOptions(showOnlyForSchedule),
];
