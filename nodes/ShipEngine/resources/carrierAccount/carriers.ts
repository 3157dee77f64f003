/**
 * The carriers ShipEngine can connect (`carrier_name` enum of the official spec) and the fields
 * each connect request takes besides `nickname` (connect_*_request_body schemas of
 * shipengine-openapi.yaml 1.1.202604070904): checked before a connect request is sent.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

export interface ConnectableCarrier {
	name: string;
	required: string[];
	optional: string[];
}

export const CONNECTABLE_CARRIERS: Record<string, ConnectableCarrier> = {
	access_worldwide: { name: 'Access Worldwide', required: ['username', 'password'], optional: [] },
	amazon_buy_shipping: { name: 'Amazon Buy Shipping', required: ['merchant_seller_id', 'email', 'mws_auth_token'], optional: [] },
	amazon_shipping_uk: { name: 'Amazon Shipping UK', required: ['auth_code'], optional: [] },
	apc: { name: 'APC', required: ['username', 'password'], optional: [] },
	asendia: { name: 'Asendia', required: ['account_number', 'username', 'password', 'api_key', 'processing_location'], optional: ['sub_account_number'] },
	australia_post: { name: 'Australia Post', required: ['account_number', 'api_key', 'api_secret'], optional: [] },
	canada_post: { name: 'Canada Post', required: ['api_key', 'api_secret', 'account_number', 'contract_id'], optional: [] },
	dhl_ecommerce: { name: 'DHL eCommerce', required: ['client_id', 'username', 'password', 'pickup_number', 'distribution_center'], optional: ['api_key', 'api_secret', 'ancillary_endorsement', 'account_number', 'ftp_username', 'ftp_password', 'sold_to', 'registration_id', 'software_name'] },
	dhl_express: { name: 'DHL Express', required: ['account_number'], optional: ['site_id', 'password', 'country_code'] },
	dhl_express_au: { name: 'DHL Express Australia', required: ['account_number'], optional: [] },
	dhl_express_ca: { name: 'DHL Express Canada', required: ['account_number'], optional: [] },
	dhl_express_uk: { name: 'DHL Express UK', required: ['account_number', 'site_id', 'password'], optional: [] },
	dpd: { name: 'DPD', required: ['account_number', 'password'], optional: [] },
	endicia: { name: 'Endicia', required: ['account', 'passphrase'], optional: [] },
	fedex: { name: 'FedEx', required: ['account_number', 'address1', 'city', 'country_code', 'email', 'first_name', 'last_name', 'phone', 'postal_code', 'state', 'agree_to_eula'], optional: ['address2', 'company', 'meter_number'] },
	fedex_uk: { name: 'FedEx UK', required: ['account_number', 'address1', 'city', 'country_code', 'email', 'first_name', 'last_name', 'phone', 'postal_code', 'state', 'agree_to_eula'], optional: ['address2', 'company', 'meter_number'] },
	firstmile: { name: 'FirstMile', required: ['mailer_id', 'password'], optional: ['profile_name'] },
	imex: { name: 'IMEX', required: ['username', 'password'], optional: [] },
	newgistics: { name: 'Newgistics', required: ['induction_site'], optional: ['merchant_id', 'mailer_id'] },
	ontrac: { name: 'OnTrac', required: ['account_number', 'password'], optional: [] },
	purolator_canada: { name: 'Purolator Canada', required: ['account_number', 'activation_key'], optional: [] },
	royal_mail: { name: 'Royal Mail', required: ['account_number', 'contact_name', 'city', 'postal_code'], optional: ['oba_email', 'email', 'company_name', 'street_line1', 'street_line2', 'street_line3', 'phone'] },
	rr_donnelley: { name: 'RR Donnelley', required: ['username', 'password'], optional: [] },
	seko: { name: 'SEKO', required: ['access_key'], optional: [] },
	sendle: { name: 'Sendle', required: ['sendle_id', 'api_key'], optional: [] },
	stamps_com: { name: 'Stamps.com', required: ['username', 'password'], optional: [] },
	ups: { name: 'UPS', required: ['account_number', 'account_postal_code', 'account_country_code'], optional: [] },
	lasership: { name: 'LaserShip', required: ['web_services_id', 'web_services_key', 'customer_branch', 'Address', 'PostalCode', 'City', 'State', 'lasership_critical_pull_time', 'lasership_critical_entry_time'], optional: ['Address2', 'country', 'Phone', 'Email', 'instructions', 'facility_code', 'declare_piece_attributes_separately_for_every_shipment', 'AttrAlcohol', 'AttrDryIce', 'AttrHazmat', 'AttrTwoPersons', 'AttrExplosive', 'AttrControlledSubstance', 'AttrRefrigerated', 'AttrPerishable', 'AttrNoRTS'] },
};

/** Fields the spec types as integers (everything else is text, or a boolean written true/false). */
export const INTEGER_FIELDS: Record<string, string[]> = { newgistics: ['merchant_id', 'mailer_id'] };

export const carrierTypeOptions: INodePropertyOptions[] = Object.entries(CONNECTABLE_CARRIERS)
	.map(([value, carrier]) => ({ name: carrier.name, value }))
	.sort((a, b) => a.name.localeCompare(b.name));
