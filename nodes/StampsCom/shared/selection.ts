/**
 * Manifests, container labels and pickups cover either a list of labels or every label of an
 * origin address (and date). "Select Labels By" switches between the two request shapes.
 */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { addressCollection } from './address';
import { labelIdsField } from './descriptions';
import { asCode } from '../../shared/requestShaping';
import { CARRIER_OPTIONS, CARRIER_VALUES } from './options';
import { DATE_ONLY } from './validation';

export function selectByField(show: IDisplayOptions['show'], addressDescription: string): INodeProperties {
	return {
		displayName: 'Select Labels By',
		name: 'selectBy',
		description: 'Which labels to include: a list of label IDs, or every label of an origin address',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Label IDs', value: 'labelIds', description: 'Exactly the labels listed' },
			{ name: 'Origin Address', value: 'address', description: addressDescription },
		],
		default: 'labelIds',
		displayOptions: { show },
	};
}

export function selectionFields(
	show: NonNullable<IDisplayOptions['show']>,
	options: { labelIdsDescription: string; addressBodyProperty: string; carrier: boolean; shipDate: boolean },
): INodeProperties[] {
	const byAddress = { ...show, selectBy: ['address'] };
	const fields: INodeProperties[] = [
		labelIdsField({ ...show, selectBy: ['labelIds'] }, options.labelIdsDescription),
		addressCollection({
			name: 'originAddress',
			displayName: 'Origin Address',
			description: 'The Ship From address of the labels to include',
			bodyProperty: options.addressBodyProperty,
			requiredFields: ['addressLine1', 'postalCode'],
			displayOptions: { show: byAddress },
		}),
	];
	if (options.carrier) {
		fields.push({
			displayName: 'Carrier',
			name: 'carrier',
			type: 'options',
			options: CARRIER_OPTIONS,
			required: true,
			default: 'usps',
			description: `Carrier of the labels: ${CARRIER_VALUES} (lower case; upper case is converted)`,
			displayOptions: { show: byAddress },
			routing: { send: { type: 'body', property: 'carrier', preSend: [asCode('body', 'carrier')] } },
		});
	}
	if (options.shipDate) {
		fields.push({
			displayName: 'Ship Date',
			name: 'shipDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'Ship date of the labels to include',
			displayOptions: { show: byAddress },
			routing: { send: { type: 'body', property: 'ship_date', value: DATE_ONLY } },
		});
	}
	return fields;
}
