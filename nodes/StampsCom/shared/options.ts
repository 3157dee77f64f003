/**
 * Option lists taken verbatim from the SERA reference (api/sera-openapi.json enums), sorted by name.
 * Two service values contain typos (a double underscore, an embedded space) but are listed by SERA as is.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

export const CARRIER_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Canada Post', value: 'canada_post' },
	{ name: 'DHL Express', value: 'dhl_express' },
	{ name: 'FedEx', value: 'fedex' },
	{ name: 'GlobalPost', value: 'globalpost' },
	{ name: 'UPS', value: 'ups' },
	{ name: 'USPS', value: 'usps' },
];

/** The carrier codes SERA takes, for descriptions a model reads: "canada_post, dhl_express, ...". */
export const CARRIER_VALUES = CARRIER_OPTIONS.map((option) => String(option.value)).join(', ');

export const SERVICE_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Canada Post Expedited Parcel', value: 'canada_post_expedited_parcel' },
	{ name: 'Canada Post Expedited Parcel USA', value: 'canada_post_expedited_parcel_usa' },
	{ name: 'Canada Post International Parcel Air', value: 'canada_post_international_parcel_air' },
	{ name: 'Canada Post International Parcel Surface', value: 'canada_post_international_parcel_surface' },
	{ name: 'Canada Post Priority', value: 'canada_post_priority' },
	{ name: 'Canada Post Priority Worldwide International', value: 'canada_post_priority_worldwide_international' },
	{ name: 'Canada Post Priority Worldwide USA', value: 'canada_post_priority_worldwide_usa' },
	{ name: 'Canada Post Regular Parcel', value: 'canada_post_regular_parcel' },
	{ name: 'Canada Post Small Packet Air USA', value: 'canada_post_small_packet_air_usa' },
	{ name: 'Canada Post Small Packet International Air', value: 'canada_post_small_packet_international_air' },
	{ name: 'Canada Post Small Packet International Surface', value: 'canada_post_small_packet_international_surface' },
	{ name: 'Canada Post Tracked Packet International', value: 'canada_post_tracked_packet_international' },
	{ name: 'Canada Post Tracked Packet USA', value: 'canada_post_tracked_packet_usa' },
	{ name: 'Canada Post Xpresspost', value: 'canada_post_xpresspost' },
	{ name: 'Canada Post Xpresspost International', value: 'canada_post_xpresspost_international' },
	{ name: 'Canada Post Xpresspost USA', value: 'canada_post_xpresspost_usa' },
	{ name: 'DHL Express Worldwide', value: 'dhl_express_worldwide' },
	{ name: 'FedEx 2day', value: 'fedex_2day' },
	{ name: 'FedEx 2day AM', value: 'fedex_2day_am' },
	{ name: 'FedEx Express Saver', value: 'fedex_express_saver' },
	{ name: 'FedEx First Overnight', value: 'fedex_first_overnight' },
	{ name: 'FedEx Ground', value: 'fedex_ground' },
	{ name: 'FedEx Home Delivery', value: 'fedex_home_delivery' },
	{ name: 'FedEx International Economy', value: 'fedex_international_economy' },
	{ name: 'FedEx International First', value: 'fedex_international_first' },
	{ name: 'FedEx International Ground', value: 'fedex_international_ground' },
	{ name: 'FedEx International Priority', value: 'fedex_international_priority' },
	{ name: 'FedEx Priority Overnight', value: 'fedex_priority_overnight' },
	{ name: 'FedEx Standard Overnight', value: 'fedex_standard_overnight' },
	{ name: 'GlobalPost Economy International', value: 'globalpost_economy_international' },
	{ name: 'GlobalPost Economy International SmartSaver', value: 'globalpost_economy_international_smartsaver' },
	{ name: 'GlobalPost First Class International', value: 'globalpost_first_class_international' },
	{ name: 'GlobalPost First Class International SmartSaver', value: 'globalpost_first_class_international_smartsaver' },
	{ name: 'GlobalPost First Class SmartSaver', value: 'globalpost_first_class_smartsaver' },
	{ name: 'GlobalPost Parcel Select SmartSaver', value: 'globalpost_parcel_select_smartsaver' },
	{ name: 'GlobalPost Plus', value: 'globalpost_plus' },
	{ name: 'GlobalPost Plus SmartSaver', value: 'globalpost_plus_smartsaver' },
	{ name: 'GlobalPost Priority Mail Express International', value: 'globalpost_priority_mail_express_international' },
	{ name: 'GlobalPost Priority Mail Express International SmartSaver', value: 'globalpost_ priority_mail_express_international_smartsaver' },
	{ name: 'GlobalPost Priority Mail International', value: 'globalpost_priority_mail_international' },
	{ name: 'GlobalPost Priority Mail International SmartSaver', value: 'globalpost_priority_mail__international_smartsaver' },
	{ name: 'GlobalPost Standard International', value: 'globalpost_standard_international' },
	{ name: 'GlobalPost Standard International SmartSaver', value: 'globalpost_standard_international_smartsaver' },
	{ name: 'UPS 2nd Day Air', value: 'ups_2nd_day_air' },
	{ name: 'UPS 2nd Day Air AM', value: 'ups_2nd_day_air_am' },
	{ name: 'UPS 3 Day Select', value: 'ups_3_day_select' },
	{ name: 'UPS Ground', value: 'ups_ground' },
	{ name: 'UPS Next Day Air', value: 'ups_next_day_air' },
	{ name: 'UPS Next Day Air Early', value: 'ups_next_day_air_early' },
	{ name: 'UPS Next Day Air Saver', value: 'ups_next_day_air_saver' },
	{ name: 'UPS Standard', value: 'ups_standard' },
	{ name: 'UPS Worldwide Expedited', value: 'ups_worldwide_expedited' },
	{ name: 'UPS Worldwide Express', value: 'ups_worldwide_express' },
	{ name: 'UPS Worldwide Express Plus', value: 'ups_worldwide_express_plus' },
	{ name: 'UPS Worldwide Saver', value: 'ups_worldwide_saver' },
	{ name: 'USPS First Class Mail', value: 'usps_first_class_mail' },
	{ name: 'USPS First Class Mail International', value: 'usps_first_class_mail_international' },
	{ name: 'USPS Ground Advantage', value: 'usps_ground_advantage' },
	{ name: 'USPS Media Mail', value: 'usps_media_mail' },
	{ name: 'USPS Parcel Select', value: 'usps_parcel_select' },
	{ name: 'USPS Pay On Use Return', value: 'usps_pay_on_use_return' },
	{ name: 'USPS Priority Mail', value: 'usps_priority_mail' },
	{ name: 'USPS Priority Mail Express', value: 'usps_priority_mail_express' },
	{ name: 'USPS Priority Mail Express International', value: 'usps_priority_mail_express_international' },
	{ name: 'USPS Priority Mail International', value: 'usps_priority_mail_international' },
];

export const PACKAGING_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Canada Post Envelope', value: 'canada_post_envelope' },
	{ name: 'Canada Post Pak', value: 'canada_post_pak' },
	{ name: 'Express Envelope', value: 'express_envelope' },
	{ name: 'FedEx 10kg Box', value: 'fedex_10kg_box' },
	{ name: 'FedEx 25kg Box', value: 'fedex_25kg_box' },
	{ name: 'FedEx Envelope', value: 'fedex_envelope' },
	{ name: 'FedEx One Rate Envelope', value: 'fedex_one_rate_envelope' },
	{ name: 'FedEx One Rate Extra Large Box', value: 'fedex_one_rate_extra_large_box' },
	{ name: 'FedEx One Rate Large Box', value: 'fedex_one_rate_large_box' },
	{ name: 'FedEx One Rate Medium Box', value: 'fedex_one_rate_medium_box' },
	{ name: 'FedEx One Rate Pak', value: 'fedex_one_rate_pak' },
	{ name: 'FedEx One Rate Small Box', value: 'fedex_one_rate_small_box' },
	{ name: 'FedEx One Rate Tube', value: 'fedex_one_rate_tube' },
	{ name: 'FedEx Pak', value: 'fedex_pak' },
	{ name: 'FedEx Tube', value: 'fedex_tube' },
	{ name: 'Large Envelope', value: 'large_envelope' },
	{ name: 'Package', value: 'package' },
	{ name: 'UPS 10kg Box', value: 'ups_10kg_box' },
	{ name: 'UPS 25kg Box', value: 'ups_25kg_box' },
	{ name: 'UPS Express Box Large', value: 'ups_express_box_large' },
	{ name: 'UPS Express Box Medium', value: 'ups_express_box_medium' },
	{ name: 'UPS Express Box Small', value: 'ups_express_box_small' },
	{ name: 'UPS Letter', value: 'ups_letter' },
	{ name: 'UPS Pak', value: 'ups_pak' },
	{ name: 'UPS Tube', value: 'ups_tube' },
	{ name: 'USPS Flat Rate Envelope', value: 'usps_flat_rate_envelope' },
	{ name: 'USPS Large Flat Rate Box', value: 'usps_large_flat_rate_box' },
	{ name: 'USPS Legal Flat Rate Envelope', value: 'usps_legal_flat_rate_envelope' },
	{ name: 'USPS Medium Flat Rate Box', value: 'usps_medium_flat_rate_box' },
	{ name: 'USPS Padded Flat Rate Envelope', value: 'usps_padded_flat_rate_envelope' },
	{ name: 'USPS Regional Rate Box A', value: 'usps_regional_rate_box_a' },
	{ name: 'USPS Regional Rate Box B', value: 'usps_regional_rate_box_b' },
	{ name: 'USPS Small Flat Rate Box', value: 'usps_small_flat_rate_box' },
];

export const DELIVERY_CONFIRMATION_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Adult Signature', value: 'adult_signature' },
	{ name: 'Delivery Confirmation Mailed', value: 'delivery_confirmation_mailed' },
	{ name: 'Direct Signature', value: 'direct_signature' },
	{ name: 'None', value: 'none' },
	{ name: 'Signature', value: 'signature' },
	{ name: 'Tracking', value: 'tracking' },
];

export const LABEL_FORMAT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'PDF', value: 'pdf' },
	{ name: 'PNG', value: 'png' },
	{ name: 'ZPL', value: 'zpl' },
	{ name: 'ZPL (ASCII)', value: 'zpl_ascii' },
];

export const LABEL_SIZE_OPTIONS: INodePropertyOptions[] = [
	{ name: '4x6', value: '4x6' },
	{ name: '4x6.75 With Doc Tab', value: '4x6.75-doctab' },
	{ name: '4x8.25 With Doc Tab', value: '4x8.25-doctab' },
	{ name: 'Letter (8.5x11)', value: 'letter' },
];

export const INSURANCE_PROVIDER_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Carrier', value: 'carrier' },
	{ name: 'ParcelGuard', value: 'parcel_guard' },
	{ name: 'Stamps.com', value: 'stamps_com' },
];

export const HOSTED_URL_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Account Settings Page', value: 'account_settings_page' },
	{ name: 'Add Payment', value: 'add_payment' },
	{ name: 'Branded Tracking', value: 'branded_tracking' },
	{ name: 'Carrier Management', value: 'carrier_management' },
	{ name: 'Carrier Setup DHL Express', value: 'carrier_setup_dhl_express' },
	{ name: 'Carrier Setup FedEx', value: 'carrier_setup_fedex' },
	{ name: 'Carrier Setup UPS', value: 'carrier_setup_ups' },
	{ name: 'Contacts', value: 'contacts' },
	{ name: 'Custom Ship Notify Email', value: 'custom_ship_notify_email' },
	{ name: 'Edit Cost Codes Page', value: 'edit_cost_codes_page' },
	{ name: 'Endicia Login', value: 'endicia_login' },
	{ name: 'Help Center Home', value: 'help_center_home' },
	{ name: 'Help Page', value: 'help_page' },
	{ name: 'Home Page', value: 'home_page' },
	{ name: 'Must Change Password', value: 'must_change_password' },
	{ name: 'Online Reporting Claim', value: 'online_reporting_claim' },
	{ name: 'Online Reporting History', value: 'online_reporting_history' },
	{ name: 'Online Reporting Pickup', value: 'online_reporting_pickup' },
	{ name: 'Online Reporting Refund', value: 'online_reporting_refund' },
	{ name: 'Online Reporting Scan', value: 'online_reporting_scan' },
	{ name: 'Online Reports Page', value: 'online_reports_page' },
	{ name: 'ParcelGuard', value: 'parcelguard' },
	{ name: 'ParcelGuard Claim', value: 'parcelguard_claim' },
	{ name: 'ParcelGuard Claim Status', value: 'parcelguard_claim_status' },
	{ name: 'Phone Verification', value: 'phone_verification' },
	{ name: 'Rate Advisor', value: 'rate_advisor' },
	{ name: 'Reports Balances', value: 'reports_balances' },
	{ name: 'Reports Expenses', value: 'reports_expenses' },
	{ name: 'Reports Prints', value: 'reports_prints' },
	{ name: 'Set Terms General', value: 'set_terms_general' },
	{ name: 'Store Account', value: 'store_account' },
	{ name: 'Store Account Credit', value: 'store_account_credit' },
	{ name: 'Store Auto Buy', value: 'store_auto_buy' },
	{ name: 'Store Avery Mailing Labels', value: 'store_avery_mailing_labels' },
	{ name: 'Store Avery Net Stamps Labels', value: 'store_avery_net_stamps_labels' },
	{ name: 'Store Bubble Mailers', value: 'store_bubble_mailers' },
	{ name: 'Store Buy Postage', value: 'store_buy_postage' },
	{ name: 'Store Category', value: 'store_category' },
	{ name: 'Store Change Plan', value: 'store_change_plan' },
	{ name: 'Store Clear NetStamps', value: 'store_clear_netstamps' },
	{ name: 'Store Comm Preferences', value: 'store_comm_preferences' },
	{ name: 'Store Corp Contact Info', value: 'store_corp_contact_info' },
	{ name: 'Store Cost Code', value: 'store_cost_code' },
	{ name: 'Store Customer Home', value: 'store_customer_home' },
	{ name: 'Store Default Payment Methods', value: 'store_default_payment_methods' },
	{ name: 'Store Edit Meter Address', value: 'store_edit_meter_address' },
	{ name: 'Store Envelopes', value: 'store_envelopes' },
	{ name: 'Store Faq', value: 'store_faq' },
	{ name: 'Store Free USPS Supplies', value: 'store_free_usps_supplies' },
	{ name: 'Store Get Account Info JSON', value: 'store_get_account_info_json' },
	{ name: 'Store Hardware', value: 'store_hardware' },
	{ name: 'Store History', value: 'store_history' },
	{ name: 'Store Home', value: 'store_home' },
	{ name: 'Store Labels', value: 'store_labels' },
	{ name: 'Store Mailing Labels', value: 'store_mailing_labels' },
	{ name: 'Store Meter Address', value: 'store_meter_address' },
	{ name: 'Store Meter Contact Info', value: 'store_meter_contact_info' },
	{ name: 'Store Meter Settings', value: 'store_meter_settings' },
	{ name: 'Store Meter Users', value: 'store_meter_users' },
	{ name: 'Store Meters', value: 'store_meters' },
	{ name: 'Store My Profile', value: 'store_my_profile' },
	{ name: 'Store NetStamps', value: 'store_netstamps' },
	{ name: 'Store NetStamps Labels', value: 'store_netstamps_labels' },
	{ name: 'Store Order History', value: 'store_order_history' },
	{ name: 'Store Original NetStamps', value: 'store_original_netstamps' },
	{ name: 'Store Password', value: 'store_password' },
	{ name: 'Store Payment Methods', value: 'store_payment_methods' },
	{ name: 'Store Refer A Friend', value: 'store_refer_a_friend' },
	{ name: 'Store Reorder', value: 'store_reorder' },
	{ name: 'Store Scales', value: 'store_scales' },
	{ name: 'Store Scales And Printers', value: 'store_scales_and_printers' },
	{ name: 'Store Set Account Info JSON', value: 'store_set_account_info_json' },
	{ name: 'Store Shipping Addresses', value: 'store_shipping_addresses' },
	{ name: 'Store Shipping Labels', value: 'store_shipping_labels' },
	{ name: 'Store Shipping Supplies', value: 'store_shipping_supplies' },
	{ name: 'Store Sign In', value: 'store_sign_in' },
	{ name: 'Store Sign Out', value: 'store_sign_out' },
	{ name: 'Store Subscriptions', value: 'store_subscriptions' },
	{ name: 'Store Update Payment Method Resubmit', value: 'store_update_payment_method_resubmit' },
	{ name: 'Store User Categories', value: 'store_user_categories' },
	{ name: 'Store Users', value: 'store_users' },
	{ name: 'Upload Image', value: 'upload_image' },
	{ name: 'Web Client Default', value: 'web_client_default' },
	{ name: 'Web Client Home', value: 'web_client_home' },
	{ name: 'Web Client Preferences', value: 'web_client_preferences' },
];

export const CONNECT_CARRIER_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Access Worldwide', value: 'access_worldwide' },
	{ name: 'Amazon Buy Shipping', value: 'amazon_buy_shipping' },
	{ name: 'APC', value: 'apc' },
	{ name: 'Asendia', value: 'asendia' },
	{ name: 'Better Trucks', value: 'better_trucks' },
	{ name: 'Canada Post', value: 'canada_post' },
	{ name: 'DHL eCommerce', value: 'dhl_ecommerce' },
	{ name: 'DHL Express', value: 'dhl_express' },
	{ name: 'FedEx', value: 'fedex' },
	{ name: 'FirstMile', value: 'firstmile' },
	{ name: 'GLS US', value: 'gls_us' },
	{ name: 'Intelliquick Delivery', value: 'intelliquick_delivery' },
	{ name: 'Landmark Global', value: 'landmark_global' },
	{ name: 'Newgistics', value: 'newgistics' },
	{ name: 'OnTrac', value: 'ontrac' },
	{ name: 'RR Donnelley', value: 'rr_donnelley' },
	{ name: 'Seko', value: 'seko' },
	{ name: 'Swyft', value: 'swyft' },
	{ name: 'UPS', value: 'ups' },
];

export const ADD_ON_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Certified Mail', value: 'certified_mail' },
	{ name: 'Delivered Duty Paid', value: 'delivered_duty_paid' },
	{ name: 'Hold For Pickup', value: 'hold_for_pickup' },
	{ name: 'Holiday Delivery', value: 'holiday_delivery' },
	{ name: 'Non-Machinable', value: 'non_machinable' },
	{ name: 'Notice Of Non Delivery', value: 'notice_of_non_delivery' },
	{ name: 'Pay-On-Use', value: 'is_pay_on_use' },
	{ name: 'Restricted Delivery', value: 'restricted_delivery' },
	{ name: 'Return Receipt (Electronic)', value: 'return_receipt_electronic' },
	{ name: 'Return Receipt (Physical)', value: 'return_receipt' },
	{ name: 'Saturday Delivery', value: 'saturday_delivery' },
	{ name: 'Sunday Delivery', value: 'sunday_delivery' },
];

/** Fields each carrier's connect body requires (SDK models CarrierAccount*), user_owned_account aside. */
export const CONNECT_REQUIRED_FIELDS: Record<string, string[]> = {
	'access_worldwide': [
		'username',
		'password'
	],
	'amazon_buy_shipping': [
		'merchant_seller_id',
		'mws_auth_token',
		'email'
	],
	'apc': [
		'username',
		'password'
	],
	'asendia': [
		'account_number',
		'ftp_username',
		'ftp_password'
	],
	'better_trucks': [
		'api_key'
	],
	'canada_post': [],
	'dhl_ecommerce': [
		'client_id',
		'client_secret',
		'pickup_number',
		'distribution_center'
	],
	'dhl_express': [],
	'fedex': [],
	'firstmile': [
		'mailer_id',
		'password'
	],
	'gls_us': [
		'username',
		'password',
		'account_number'
	],
	'intelliquick_delivery': [
		'username',
		'password',
		'account_number'
	],
	'landmark_global': [
		'username',
		'password',
		'account_number'
	],
	'newgistics': [
		'merchant_id',
		'mailer_id'
	],
	'ontrac': [
		'account_number',
		'password'
	],
	'rr_donnelley': [
		'username',
		'password'
	],
	'seko': [
		'access_key'
	],
	'swyft': [
		'api_key'
	],
	'ups': []
};
