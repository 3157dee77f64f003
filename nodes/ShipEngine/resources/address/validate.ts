import type { INodeProperties } from 'n8n-workflow';

import { ADDRESS_PARTS, addressFields, type AddressPart } from '../../../shared/descriptions/address';
import { ADDRESS_API } from '../../shared/descriptions';
import { ONLY_V1, SINCE_V1_1 } from '../../shared/versions';

const showOnlyForAddressValidate = { resource: ['address'], operation: ['validate'] };

/** What ShipEngine's address_to_validate requires (shipengine-openapi.yaml). */
export const VALIDATE_REQUIRED: AddressPart[] = ['addressLine1', 'city', 'stateProvince', 'countryCode'];
/** Shown at the top: the required parts and, from version 1.1, the postal code most countries need. */
const TOP: AddressPart[] = ['addressLine1', 'city', 'stateProvince', 'postalCode', 'countryCode'];

const OTHER: AddressPart[] = ADDRESS_PARTS.filter((part) => !TOP.includes(part));
const top = addressFields(ADDRESS_API, { parts: TOP, required: VALIDATE_REQUIRED });
const [postalCode] = addressFields(ADDRESS_API, { parts: ['postalCode'] });

/** Parameter names of the top-level parts (1.1); version 1 had the postal code in Additional Fields. */
export const TOP_LEVEL_PARAMETERS = top.map((field) => field.name);

export const addressValidateDescription: INodeProperties[] = [
	...top.map((field) => ({
		...field,
		displayOptions: { show: field.name === postalCode.name ? { ...showOnlyForAddressValidate, ...SINCE_V1_1 } : showOnlyForAddressValidate },
	})),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForAddressValidate },
		options: [...addressFields(ADDRESS_API, { parts: OTHER }), { ...postalCode, displayOptions: { show: ONLY_V1 } }]
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showOnlyForAddressValidate },
		options: [
			{
				displayName: 'Batch Items',
				name: 'batch',
				type: 'boolean',
				default: false,
				description:
					'Whether to validate the addresses of all input items in one request (up to 250 per request) instead of one request per item; each result stays paired with its input item',
			},
		],
	},
];
