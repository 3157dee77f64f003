/**
 * Fields of the Carrier Account resource (/v1/connections/carriers/{carrier_name}/…): connect a
 * carrier account with the fields that carrier's connect request takes, disconnect it, read and
 * change its settings. Connect fields are name/value pairs (each carrier has its own set), checked
 * against the spec's list for the chosen carrier before anything is sent.
 */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { requiredText } from '../../shared/input';
import { carrierDropdown, CHOOSE_FROM_LIST } from '../../shared/lookups';
import { asText, inputError } from '../../../shared/validation';
import { carrierTypeOptions, CONNECTABLE_CARRIERS, INTEGER_FIELDS } from './carriers';

const showOnlyForCarrierAccounts = { resource: ['carrierAccount'] };
const showOnlyForConnect = { resource: ['carrierAccount'], operation: ['connect'] };
const showOnlyForConnected = { resource: ['carrierAccount'], operation: ['disconnect', 'getSettings', 'updateSettings'] };
const showOnlyForSettingsUpdate = { resource: ['carrierAccount'], operation: ['updateSettings'] };

const pairs = (
	displayName: string,
	name: string,
	description: string,
	placeholder: string,
	keyName: string,
	valueName: string,
	show: typeof showOnlyForConnect,
): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder,
	default: {},
	description,
	displayOptions: { show },
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{
					displayName: keyName,
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'e.g. account_number',
					description: 'Name of the field as ShipEngine spells it (snake_case)',
				},
				{
					displayName: valueName,
					name: 'value',
					type: 'string',
					typeOptions: { password: true },
					default: '',
					description: 'Value of the field; write true or false for yes/no fields',
				},
			],
		},
	],
});

export const carrierAccountFields: INodeProperties[] = [
	{
		displayName: 'Carrier Type',
		name: 'carrierName',
		type: 'options',
		required: true,
		options: carrierTypeOptions,
		default: 'ups',
		description: 'The shipping carrier of the account (ShipEngine carrier_name)',
		displayOptions: { show: showOnlyForCarrierAccounts },
	},
	carrierDropdown(showOnlyForConnected, {
		description: `The connected carrier account (carrier_id, e.g. se-123456), of the Carrier Type above. ${CHOOSE_FROM_LIST}.`,
	}),
	{
		displayName: 'Account Nickname',
		name: 'carrierNickname',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. UPS main account',
		description: 'A name for the connected account, shown in carrier lists',
		displayOptions: { show: showOnlyForConnect },
	},
	pairs(
		'Carrier Account Fields',
		'carrierAccountFields',
		'What the carrier needs to connect, as ShipEngine names it, e.g. UPS: account_number, account_postal_code, account_country_code; Stamps.com: username, password; FedEx: account_number, address1, city, state, postal_code, country_code, first_name, last_name, email, phone, agree_to_eula (true). Missing or unknown names are reported before anything is sent.',
		'Add Account Field',
		'Account Field Name',
		'Account Field Value',
		showOnlyForConnect,
	),
	pairs(
		'Carrier Settings',
		'carrierSettings',
		'Settings to change, as ShipEngine names them (e.g. Newgistics: include_barcode_with_order_number true; Amazon Buy Shipping: email). Get Settings shows the current ones. Write true/false for yes/no settings.',
		'Add Setting',
		'Setting Name',
		'Setting Value',
		showOnlyForSettingsUpdate,
	),
];

/** "true"/"false" → booleans, integers where the spec says integer; other values as text. */
function typedValue(carrierName: string, key: string, raw: string): string | number | boolean {
	if (raw === 'true') return true;
	if (raw === 'false') return false;
	if ((INTEGER_FIELDS[carrierName] ?? []).includes(key) && /^\d+$/.test(raw)) return Number(raw);
	return raw;
}

function readPairs(ctx: IExecuteSingleFunctions, param: string, label: string, carrierName: string): IDataObject {
	const rows = (((ctx.getNodeParameter(param, {}) as IDataObject).field ?? []) as IDataObject[]);
	const body: IDataObject = {};
	rows.forEach((row, index) => {
		const key = asText(row.name);
		if (!key) throw inputError(ctx, label, `row ${index + 1} has no name`);
		if (key in body) throw inputError(ctx, label, `"${key}" is given twice`);
		body[key] = typedValue(carrierName, key, asText(row.value));
	});
	return body;
}

function carrierNameParam(ctx: IExecuteSingleFunctions): string {
	const name = requiredText(ctx, 'carrierName', 'Carrier Type');
	if (!CONNECTABLE_CARRIERS[name]) throw inputError(ctx, 'Carrier Type', `"${name}" is not a carrier ShipEngine connects (e.g. ups, fedex, stamps_com)`);
	return name;
}

/** preSend of Connect: { nickname, ...the carrier's fields }, every required field present, no unknown one. */
export async function connectBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const carrierName = carrierNameParam(this);
	const carrier = CONNECTABLE_CARRIERS[carrierName];
	const nickname = requiredText(this, 'carrierNickname', 'Account Nickname');
	const fields = readPairs(this, 'carrierAccountFields', 'Carrier Account Fields', carrierName);
	const known = [...carrier.required, ...carrier.optional];
	const unknown = Object.keys(fields).filter((key) => !known.includes(key));
	if (unknown.length) {
		throw inputError(this, 'Carrier Account Fields', `${carrier.name} does not take ${unknown.join(', ')} (it takes: ${known.join(', ')})`);
	}
	const missing = carrier.required.filter((key) => fields[key] === undefined || fields[key] === '');
	if (missing.length) throw inputError(this, 'Carrier Account Fields', `${carrier.name} needs ${missing.join(', ')}`);
	request.body = { nickname, ...fields };
	return request;
}

/** preSend of the operations on a connected account: a known carrier type and an account ID. */
export async function checkConnected(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	carrierNameParam(this);
	requiredText(this, 'carrierId', 'Carrier Name or ID');
	return request;
}

/** preSend of Update Settings: the settings given, at least one. */
export async function settingsBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const settings = readPairs(this, 'carrierSettings', 'Carrier Settings', carrierNameParam(this));
	if (!Object.keys(settings).length) throw inputError(this, 'Carrier Settings', 'add at least one setting to change');
	request.body = settings;
	return request;
}
