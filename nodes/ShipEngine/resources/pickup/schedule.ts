import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { dateTimeParam, idList, requiredText } from '../../shared/input';
import { inputError } from '../../shared/shipment';
import { trimmed } from '../../../shared/requestShaping';

const showOnlyForPickupSchedule = { resource: ['pickup'], operation: ['schedule'] };

const contact = (displayName: string, name: string, property: string, description: string, placeholder: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	required: true,
	default: '',
	placeholder: `e.g. ${placeholder}`,
	description,
	displayOptions: { show: showOnlyForPickupSchedule },
	routing: { send: { type: 'body', property: `contact_details.${property}`, preSend: [trimmed('body', `contact_details.${property}`)] } },
});

const windowEdge = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'dateTime',
	required: true,
	default: '',
	description: `${description}. A time without an offset is in the workflow's time zone.`,
	displayOptions: { show: showOnlyForPickupSchedule },
});

export const pickupScheduleDescription: INodeProperties[] = [
	{
		displayName: 'Label IDs',
		name: 'labelIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. se-123456, se-234567',
		description: 'Labels (of one carrier) whose parcels the carrier picks up, separated by commas',
		displayOptions: { show: showOnlyForPickupSchedule },
	},
	contact('Contact Name', 'contactName', 'name', 'Person the driver asks for', 'Jane Doe'),
	contact('Contact Email', 'contactEmail', 'email', 'Email address for pickup notices', 'name@email.com'),
	contact('Contact Phone', 'contactPhone', 'phone', 'Phone number of the contact (at least 7 characters)', '+1 512-555-1234'),
	windowEdge('Pickup Window Start', 'pickupWindowStart', 'Earliest time the carrier may come'),
	windowEdge('Pickup Window End', 'pickupWindowEnd', 'Latest time the carrier may come'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForPickupSchedule },
		options: [
			{
				displayName: 'Pickup Notes',
				name: 'pickupNotes',
				type: 'string',
				default: '',
				placeholder: 'e.g. Packages are at the back door',
				description: 'Instructions for the driver (used by some carriers)',
				routing: { send: { type: 'body', property: 'pickup_notes' } },
			},
		],
	},
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** preSend: label_ids and pickup_window from the fields, and every check before the request. */
export async function pickupScheduleBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const labelIds = idList(this, 'labelIds', 'Label IDs');
	if (!labelIds.length) throw inputError(this, 'Label IDs', 'give at least one label ID (e.g. se-123456)');
	requiredText(this, 'contactName', 'Contact Name');
	const email = requiredText(this, 'contactEmail', 'Contact Email');
	if (!EMAIL.test(email)) throw inputError(this, 'Contact Email', `"${email}" is not an email address`);
	const phone = requiredText(this, 'contactPhone', 'Contact Phone');
	if (phone.length < 7) throw inputError(this, 'Contact Phone', `"${phone}" is too short (at least 7 characters)`);
	const startAt = dateTimeParam(this, 'pickupWindowStart', 'Pickup Window Start');
	const endAt = dateTimeParam(this, 'pickupWindowEnd', 'Pickup Window End');
	if (!startAt) throw inputError(this, 'Pickup Window Start', 'is required');
	if (!endAt) throw inputError(this, 'Pickup Window End', 'is required');
	if (Date.parse(endAt) <= Date.parse(startAt)) {
		throw inputError(this, 'Pickup Window End', `must be after Pickup Window Start (${startAt} → ${endAt})`);
	}
	request.body = {
		...((request.body ?? {}) as Record<string, unknown>),
		label_ids: labelIds,
		pickup_window: { start_at: startAt, end_at: endAt },
	};
	return request;
}
