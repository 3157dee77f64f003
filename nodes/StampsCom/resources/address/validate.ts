import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { ADDRESS_KEYS, checkAddress, seraAddressFields, toSeraAddress } from '../../shared/address';
import { inputError } from '../../../shared/validation';
import { idempotencyOptions } from '../../shared/descriptions';

const showOnlyForAddressValidate = { resource: ['address'], operation: ['validate'] };

const SERA_KEYS = new Set([...Object.values(ADDRESS_KEYS), 'formatted_address']);

/**
 * preSend: SERA validates an array of addresses in one request. "Address Fields" sends the
 * addresses entered (one or several) for each item; "JSON" sends a list given by an expression,
 * e.g. every address of an order batch in one request.
 */
export async function buildAddressList(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const itemIndex = this.getItemIndex();
	const fail = (field: string, problem: string): never => {
		throw inputError(this, field, problem, itemIndex);
	};
	let list: IDataObject[];
	if (this.getNodeParameter('inputMode', 'fields') === 'json') {
		const raw = this.getNodeParameter('addressesJson', '[]') as unknown;
		let parsed: unknown = raw;
		if (typeof raw === 'string') {
			try {
				parsed = jsonParse(raw);
			} catch {
				fail('Addresses (JSON)', 'is not valid JSON: give an array of SERA address objects, e.g. [{"address_line1": "...", "postal_code": "..."}]');
			}
		}
		const array = Array.isArray(parsed) ? parsed : [parsed];
		list = array.map((entry, index) => {
			if (!entry || typeof entry !== 'object' || Array.isArray(entry)) fail('Addresses (JSON)', `entry ${index} is not an object`);
			const unknown = Object.keys(entry as IDataObject).filter((key) => !SERA_KEYS.has(key));
			if (unknown.length) {
				fail('Addresses (JSON)', `entry ${index} has unknown field(s) ${unknown.join(', ')} (allowed: ${[...SERA_KEYS].join(', ')})`);
			}
			return entry as IDataObject;
		});
	} else {
		const entries = (this.getNodeParameter('addresses.address', []) as IDataObject[]) ?? [];
		entries.forEach((entry, index) => checkAddress(this, `Addresses (address ${index + 1})`, entry, ['addressLine1']));
		list = entries.map((entry) => toSeraAddress(entry));
	}
	if (!list.length) fail('Addresses', 'add at least one address to validate');
	requestOptions.body = list;
	return requestOptions;
}

export const addressValidateDescription: INodeProperties[] = [
	{
		displayName: 'Input Mode',
		name: 'inputMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Address Fields', value: 'fields', description: 'Enter one or more addresses field by field' },
			{ name: 'JSON', value: 'json', description: 'Give a list of SERA address objects, e.g. from a previous node' },
		],
		default: 'fields',
		displayOptions: { show: showOnlyForAddressValidate },
	},
	{
		displayName: 'Addresses',
		name: 'addresses',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Address',
		required: true,
		default: {},
		description: 'Addresses to validate in one request; each gets its own output item',
		displayOptions: { show: { ...showOnlyForAddressValidate, inputMode: ['fields'] } },
		options: [{ displayName: 'Address', name: 'address', values: seraAddressFields(undefined, ['addressLine1']) }],
	},
	{
		displayName: 'Addresses (JSON)',
		name: 'addressesJson',
		type: 'json',
		required: true,
		default: '[]',
		placeholder: 'e.g. [{ "address_line1": "4800 Third Ave", "city": "Kearney", "state_province": "NE", "postal_code": "68845", "country_code": "US" }]',
		description: 'A JSON array (or an expression returning one) of addresses with SERA\'s field names',
		displayOptions: { show: { ...showOnlyForAddressValidate, inputMode: ['json'] } },
	},
	idempotencyOptions(showOnlyForAddressValidate),
];
