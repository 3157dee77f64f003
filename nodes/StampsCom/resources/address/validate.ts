import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { ADDRESS_KEYS, checkAddress, seraAddressFields, toSeraAddress } from '../../shared/address';
import { isBatch, requestForAllItems } from '../../../shared/allItems';
import { inputError } from '../../../shared/validation';
import { idempotencyOptions } from '../../shared/descriptions';
import { sendToSera, seraRequest } from '../../shared/request';

const showOnlyForAddressValidate = { resource: ['address'], operation: ['validate'] };

const SERA_KEYS = new Set([...Object.values(ADDRESS_KEYS), 'formatted_address']);

/**
 * The addresses one input item asks to validate. "Address Fields" gives the addresses entered
 * (one or several); "JSON" a list given by an expression. `ctx` is the item's own context, or
 * in batch mode item 0's seen as that item (shared/allItems.ts itemView).
 */
export function addressListForItem(ctx: IExecuteSingleFunctions): IDataObject[] {
	const itemIndex = ctx.getItemIndex();
	const fail = (field: string, problem: string): never => {
		throw inputError(ctx, field, problem, itemIndex);
	};
	let list: IDataObject[];
	if (ctx.getNodeParameter('inputMode', 'fields') === 'json') {
		const raw = ctx.getNodeParameter('addressesJson', '[]');
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
		const entries = ((ctx.getNodeParameter('addresses', {}) as IDataObject | undefined)?.address as IDataObject[] | undefined) ?? [];
		entries.forEach((entry, index) => checkAddress(ctx, `Addresses (address ${index + 1})`, entry, ['addressLine1'], itemIndex));
		list = entries.map((entry) => toSeraAddress(entry));
	}
	if (!list.length) fail('Addresses', 'add at least one address to validate');
	return list;
}

/** preSend: SERA validates an array of addresses in one request; in batch mode item 0's pagination builds it. */
export async function buildAddressList(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (!isBatch(this)) requestOptions.body = addressListForItem(this);
	return requestOptions;
}

/**
 * Pagination of Address > Validate: per item as before, or with Options > "Batch Items" (validate
 * all items in one request) every item's addresses in one request (item 0's, with item 0's Idempotency-Key), each
 * result paired with the item it came from.
 */
export async function validateAddressesPagination(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	if (!isBatch(this)) return await seraRequest.call(this, requestData);
	return await requestForAllItems(this, {
		entriesOf: (item) => addressListForItem(item),
		send: async (addresses) => {
			const answer = await sendToSera.call(this, { ...requestData, options: { ...requestData.options, body: addresses } });
			return answer.map((result) => result.json);
		},
		// SERA documents no batch limit; one request, one Idempotency-Key.
		chunkSize: Number.MAX_SAFE_INTEGER,
		api: 'SERA',
		noun: 'addresses',
	});
}

export const addressValidateDescription: INodeProperties[] = [
	{
		displayName: 'Input Mode',
		name: 'inputMode',
		description: 'How to give the addresses: field by field, or as a JSON list',
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
	{
		...idempotencyOptions(showOnlyForAddressValidate),
		options: [
			...(idempotencyOptions(showOnlyForAddressValidate).options ?? []),
			{
				displayName: 'Batch Items',
				name: 'batch',
				type: 'boolean',
				default: false,
				description:
					'Whether to validate the addresses of all input items in one request (5 items: 1 request, not 5) instead of one request per item; each result stays paired with its input item',
			},
		],
	},
];
