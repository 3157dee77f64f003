import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { idempotencyOptions } from '../../shared/descriptions';
import { CONNECT_REQUIRED_FIELDS } from '../../shared/options';

const showOnlyForConnect = { resource: ['carrier'], operation: ['connect'] };

/** Account Details field -> SERA property (the union of SERA's per-carrier connect bodies). */
const DETAIL_FIELDS: Array<{ name: string; property: string; label: string; secret?: boolean; type?: 'boolean' | 'number' }> = [
	{ name: 'accessKey', property: 'access_key', label: 'Access Key', secret: true },
	{ name: 'accountCountryCode', property: 'account_country_code', label: 'Account Country Code' },
	{ name: 'accountNumber', property: 'account_number', label: 'Account Number' },
	{ name: 'accountPostalCode', property: 'account_postal_code', label: 'Account Postal Code' },
	{ name: 'agreeToEula', property: 'agree_to_eula', label: 'Agree to EULA', type: 'boolean' },
	{ name: 'apiKey', property: 'api_key', label: 'API Key', secret: true },
	{ name: 'clientId', property: 'client_id', label: 'Client ID' },
	{ name: 'clientSecret', property: 'client_secret', label: 'Client Secret', secret: true },
	{ name: 'deviceIdentity', property: 'device_identity', label: 'Device Identity' },
	{ name: 'distributionCenter', property: 'distribution_center', label: 'Distribution Center' },
	{ name: 'email', property: 'email', label: 'Email' },
	{ name: 'ftpPassword', property: 'ftp_password', label: 'FTP Password', secret: true },
	{ name: 'ftpUsername', property: 'ftp_username', label: 'FTP Username' },
	{ name: 'inductionSite', property: 'induction_site', label: 'Induction Site' },
	{ name: 'mailerId', property: 'mailer_id', label: 'Mailer ID' },
	{ name: 'merchantId', property: 'merchant_id', label: 'Merchant ID' },
	{ name: 'merchantSellerId', property: 'merchant_seller_id', label: 'Merchant Seller ID' },
	{ name: 'mwsAuthToken', property: 'mws_auth_token', label: 'MWS Auth Token', secret: true },
	{ name: 'negotiatedRates', property: 'negotiated_rates', label: 'Negotiated Rates', type: 'boolean' },
	{ name: 'password', property: 'password', label: 'Password', secret: true },
	{ name: 'pickupNumber', property: 'pickup_number', label: 'Pickup Number' },
	{ name: 'profileName', property: 'profile_name', label: 'Profile Name' },
	{ name: 'username', property: 'username', label: 'Username' },
];

/** preSend: builds the connect body from Account Details and checks the carrier's required fields. */
export async function buildCarrierAccount(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const carrier = this.getNodeParameter('carrier', '') as string;
	const details = this.getNodeParameter('accountDetails', {}) as IDataObject;
	const body: IDataObject = { user_owned_account: this.getNodeParameter('userOwnedAccount', true) as boolean };
	for (const field of DETAIL_FIELDS) {
		const value = details[field.name];
		if (value === undefined || value === '') continue;
		body[field.property] = value;
	}
	const missing = (CONNECT_REQUIRED_FIELDS[carrier] ?? []).filter((property) => body[property] === undefined || body[property] === '');
	if (missing.length) {
		const names = missing.map((property) => DETAIL_FIELDS.find((f) => f.property === property)?.label ?? property);
		throw inputError(this, `Account Details > ${names.join(', ')}`, `${names.length > 1 ? 'are' : 'is'} required to connect ${carrier}`);
	}
	requestOptions.body = body;
	return requestOptions;
}

export const carrierConnectDescription: INodeProperties[] = [
	{
		displayName: 'User Owned Account',
		name: 'userOwnedAccount',
		type: 'boolean',
		default: true,
		description: 'Whether the carrier account is your own (with your own rates) rather than one provided through Stamps.com',
		displayOptions: { show: showOnlyForConnect },
	},
	{
		displayName: 'Account Details',
		name: 'accountDetails',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Sign-in details of the carrier account. Which ones a carrier needs differs: e.g. username and password, an API key, or an account number.',
		displayOptions: { show: showOnlyForConnect },
		options: DETAIL_FIELDS.map((field) => ({
			displayName: field.label,
			name: field.name,
			type: field.type ?? 'string',
			typeOptions: field.secret ? { password: true } : undefined,
			default: field.type === 'boolean' ? false : '',
			description: field.type === 'boolean' ? `Whether to set ${field.property}` : `${field.label} of the carrier account, as the carrier issued it`,
		})) as INodeProperties[],
	},
	idempotencyOptions(showOnlyForConnect),
];
