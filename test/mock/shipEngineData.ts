/**
 * The mock ShipEngine account's fixed catalog (carriers, services, packages, options) and the
 * pure functions that compute what ShipEngine would answer: rates, address validation and
 * recognition, tracking numbers and tracking histories. No HTTP here.
 */

export type Json = Record<string, unknown>;

interface ServiceDef {
	service_code: string;
	name: string;
	base: number;
	perPound: number;
	days: number;
}

interface CarrierDef {
	carrier_id: string;
	carrier_code: string;
	friendly_name: string;
	requires_funded_amount: boolean;
	services: ServiceDef[];
}

export const CARRIERS: CarrierDef[] = [
	{
		carrier_id: 'se-100001',
		carrier_code: 'stamps_com',
		friendly_name: 'Stamps.com',
		requires_funded_amount: true,
		services: [
			{ service_code: 'usps_ground_advantage', name: 'USPS Ground Advantage', base: 5.25, perPound: 0.9, days: 5 },
			{ service_code: 'usps_priority_mail', name: 'USPS Priority Mail', base: 8.1, perPound: 1.2, days: 2 },
			{ service_code: 'usps_priority_mail_express', name: 'USPS Priority Mail Express', base: 27.5, perPound: 2, days: 1 },
		],
	},
	{
		carrier_id: 'se-100002',
		carrier_code: 'ups',
		friendly_name: 'UPS',
		requires_funded_amount: false,
		services: [
			{ service_code: 'ups_ground', name: 'UPS® Ground', base: 10.45, perPound: 1.1, days: 4 },
			{ service_code: 'ups_2nd_day_air', name: 'UPS 2nd Day Air®', base: 19.8, perPound: 1.9, days: 2 },
			{ service_code: 'ups_next_day_air', name: 'UPS Next Day Air®', base: 42.3, perPound: 3.1, days: 1 },
		],
	},
	{
		carrier_id: 'se-100003',
		carrier_code: 'fedex',
		friendly_name: 'FedEx',
		requires_funded_amount: false,
		services: [
			{ service_code: 'fedex_ground', name: 'FedEx Ground®', base: 11.2, perPound: 1, days: 4 },
			{ service_code: 'fedex_2day', name: 'FedEx 2Day®', base: 21.4, perPound: 2.2, days: 2 },
			{ service_code: 'fedex_standard_overnight', name: 'FedEx Standard Overnight®', base: 39.9, perPound: 2.8, days: 1 },
		],
	},
];

/** International services a label can be bought with by code (not in the carrier's service list). */
export const INTERNATIONAL_SERVICES: Record<string, ServiceDef[]> = {
	'se-100001': [
		{ service_code: 'usps_first_class_mail_international', name: 'USPS First Class Mail Intl', base: 16.5, perPound: 4, days: 10 },
		{ service_code: 'usps_priority_mail_international', name: 'USPS Priority Mail Intl', base: 44.5, perPound: 3.5, days: 8 },
	],
};

export const STARTING_BALANCE = 1000;

export const findCarrier = (carrierId: string) => CARRIERS.find((carrier) => carrier.carrier_id === carrierId);

const PACKAGES = [
	{ package_id: null, package_code: 'package', name: 'Package', description: 'Package. Enter dimensions.', dimensions: null },
	{ package_id: null, package_code: 'flat_rate_envelope', name: 'Flat Rate Envelope', description: 'Flat Rate Envelope', dimensions: { unit: 'inch', length: 12.5, width: 9.5, height: 0 } },
	{ package_id: null, package_code: 'medium_flat_rate_box', name: 'Medium Flat Rate Box', description: 'Medium Flat Rate Box', dimensions: { unit: 'inch', length: 11, width: 8.5, height: 5.5 } },
];

const OPTIONS = [
	{ name: 'non_machinable', default_value: 'false', description: 'The package cannot be processed by machine.' },
	{ name: 'saturday_delivery', default_value: 'false', description: 'Deliver on Saturday.' },
];

export function servicesJson(carrier: CarrierDef): Json[] {
	return carrier.services.map((service) => ({
		carrier_id: carrier.carrier_id,
		carrier_code: carrier.carrier_code,
		service_code: service.service_code,
		name: service.name,
		domestic: true,
		international: service.days > 1,
		is_multi_package_supported: carrier.carrier_code !== 'stamps_com',
		is_return_supported: true,
	}));
}

export const packagesJson = (): Json[] => PACKAGES.map((pkg) => ({ ...pkg }));
/** Ship-from locations (GET /v1/warehouses). */
export const warehousesJson = (): Json[] =>
	WAREHOUSES.map(([warehouse_id, name, is_default, origin]) => ({
		warehouse_id,
		name,
		is_default,
		created_at: '2024-01-15T10:00:00Z',
		origin_address: { ...origin },
		return_address: { ...origin },
	}));

const WAREHOUSES: Array<[string, string, boolean, Json]> = [
	['se-200001', 'Main HQ', true, { name: 'Mock Shop', phone: '555-555-5555', company_name: 'Mock Shop', address_line1: '4 Jersey St', city_locality: 'Boston', state_province: 'MA', postal_code: '02215', country_code: 'US', address_residential_indicator: 'no' }],
	['se-200002', 'West Coast', false, { name: 'Mock Shop West', phone: '555-555-5556', company_name: 'Mock Shop', address_line1: '1150 Magic Way', city_locality: 'Anaheim', state_province: 'CA', postal_code: '92802', country_code: 'US', address_residential_indicator: 'no' }],
];

export const optionsJson = (): Json[] => OPTIONS.map((option) => ({ ...option }));

export function carrierJson(carrier: CarrierDef, balance: number): Json {
	return {
		carrier_id: carrier.carrier_id,
		carrier_code: carrier.carrier_code,
		account_number: `${carrier.carrier_code.toUpperCase()}-ACCT-001`,
		requires_funded_amount: carrier.requires_funded_amount,
		balance: carrier.requires_funded_amount ? balance : 0,
		nickname: `My ${carrier.friendly_name} account`,
		friendly_name: carrier.friendly_name,
		funding_source_id: null,
		primary: carrier.carrier_code === 'stamps_com',
		has_multi_package_supporting_services: carrier.carrier_code !== 'stamps_com',
		allows_returns: true,
		supports_label_messages: true,
		disabled_by_billing_plan: false,
		connection_status: 'approved',
		services: servicesJson(carrier),
		packages: packagesJson(),
		options: optionsJson(),
	};
}

const POUNDS_PER_UNIT: Record<string, number> = { pound: 1, ounce: 1 / 16, gram: 0.00220462, kilogram: 2.20462 };

/** Total shipment weight in pounds (at least 1 oz). */
export function totalPounds(packages: unknown): number {
	const list = Array.isArray(packages) ? (packages as Json[]) : [];
	const pounds = list.reduce((sum, pkg) => {
		const weight = (pkg.weight ?? {}) as Json;
		return sum + Number(weight.value ?? 0) * (POUNDS_PER_UNIT[String(weight.unit)] ?? 1);
	}, 0);
	return Math.max(pounds, 1 / 16);
}

const money = (amount: number) => ({ currency: 'usd', amount: Math.round(amount * 100) / 100 });

function addDays(days: number): string {
	const date = new Date();
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * One rate per service of each requested carrier, cheapest / fastest / best_value marked the way
 * ShipEngine does in `rate_attributes`. `nextId` gives each rate its se-… id.
 */
export function computeRates(
	carrierIds: string[],
	serviceCodes: string[] | undefined,
	shipmentId: string,
	pounds: number,
	nextId: () => string,
): { rates: Json[]; errors: Json[] } {
	const rates: Json[] = [];
	const errors: Json[] = [];
	for (const carrierId of carrierIds) {
		const carrier = findCarrier(carrierId);
		if (!carrier) {
			errors.push({
				error_source: 'shipengine',
				error_type: 'validation',
				error_code: 'invalid_identifier',
				message: `carrier_id ${carrierId} was not found.`,
				carrier_id: carrierId,
			});
			continue;
		}
		// International services are quoted only when asked for by code (carrier lists stay as they are).
		const international = (INTERNATIONAL_SERVICES[carrier.carrier_id] ?? []).filter((service) => serviceCodes?.includes(service.service_code));
		for (const service of [...carrier.services, ...international]) {
			if (serviceCodes?.length && !serviceCodes.includes(service.service_code)) continue;
			rates.push({
				rate_id: nextId(),
				rate_type: 'shipment',
				carrier_id: carrier.carrier_id,
				shipping_amount: money(service.base + service.perPound * Math.ceil(pounds)),
				insurance_amount: money(0),
				confirmation_amount: money(0),
				other_amount: money(0),
				requested_comparison_amount: money(0),
				tax_amount: null,
				zone: 5,
				package_type: 'package',
				delivery_days: service.days,
				guaranteed_service: service.days === 1,
				estimated_delivery_date: addDays(service.days),
				carrier_delivery_days: String(service.days),
				ship_date: addDays(0),
				negotiated_rate: false,
				service_type: service.name,
				service_code: service.service_code,
				trackable: true,
				carrier_code: carrier.carrier_code,
				carrier_nickname: `My ${carrier.friendly_name} account`,
				carrier_friendly_name: carrier.friendly_name,
				validation_status: 'valid',
				warning_messages: [],
				error_messages: [],
				rate_attributes: [] as string[],
				shipment_id: shipmentId,
			});
		}
	}
	markAttributes(rates);
	return { rates, errors };
}

const amountOf = (rate: Json) => Number((rate.shipping_amount as Json).amount);
const daysOf = (rate: Json) => Number(rate.delivery_days);

function markAttributes(rates: Json[]): void {
	if (!rates.length) return;
	const pick = (score: (rate: Json) => number) =>
		rates.reduce((best, rate) => (score(rate) < score(best) ? rate : best));
	(pick(amountOf).rate_attributes as string[]).push('cheapest');
	(pick((rate) => daysOf(rate) * 1000 + amountOf(rate)).rate_attributes as string[]).push('fastest');
	(pick((rate) => amountOf(rate) + 2 * daysOf(rate)).rate_attributes as string[]).push('best_value');
}

/** Estimates: the same prices without rate ids (they cannot be bought). */
export function estimateRates(carrierIds: string[], pounds: number): Json[] {
	let n = 0;
	return computeRates(carrierIds, undefined, '', pounds, () => String(n++)).rates.map((rate) => {
		const estimate = { ...rate };
		delete estimate.rate_id;
		delete estimate.shipment_id;
		estimate.rate_type = 'check';
		return estimate;
	});
}

/** Addresses the mock treats as undeliverable: a street containing "invalid"/"nowhere" or ZIP 00000. */
export const isBadAddress = (address: Json): boolean =>
	/invalid|nowhere/i.test(String(address.address_line1 ?? '')) || String(address.postal_code ?? '') === '00000';

const ADDRESS_FIELDS = [
	'name',
	'phone',
	'company_name',
	'address_line1',
	'address_line2',
	'address_line3',
	'city_locality',
	'state_province',
	'postal_code',
	'country_code',
	'address_residential_indicator',
];

function normalise(address: Json): Json {
	return Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, address[field] ?? (field === 'address_residential_indicator' ? 'unknown' : null)]));
}

export function validateAddress(input: Json): Json {
	const original = normalise(input);
	const message = (code: string, text: string, type: string, detail: string) => ({
		code,
		message: text,
		type,
		detail_code: detail,
	});
	if (!input.country_code) {
		return {
			status: 'unverified',
			original_address: original,
			matched_address: null,
			messages: [
				message('a1001', 'country_code is not currently a supported country please check the documentation for acceptable 2-letter country codes.', 'error', 'unsupported_country'),
			],
		};
	}
	if (isBadAddress(input) || !input.address_line1 || !input.city_locality) {
		return {
			status: 'error',
			original_address: original,
			matched_address: null,
			messages: [message('a1004', 'Address not found', 'error', 'address_not_found')],
		};
	}
	const upper = (value: unknown) => (typeof value === 'string' ? value.toUpperCase() : value);
	const postal = String(input.postal_code ?? '');
	const matched = Object.fromEntries(Object.entries(original).map(([key, value]) => [key, upper(value)]));
	matched.postal_code = /^\d{5}$/.test(postal) && input.country_code === 'US' ? `${postal}-0001` : postal;
	matched.address_residential_indicator = input.company_name ? 'no' : 'yes';
	return { status: 'verified', original_address: original, matched_address: matched, messages: [] };
}

/** A naive parser in the shape of PUT /v1/addresses/recognize (enough for tests and demos). */
export function recognizeAddress(text: string, known: Json = {}): Json {
	const parts = text.split(/[\n,]+/).map((part) => part.trim()).filter(Boolean);
	const address: Json = { address_residential_indicator: 'unknown', ...known };
	const entities: Json[] = [];
	const entity = (type: string, value: string, result: Json = { value }) => {
		const start = text.indexOf(value);
		entities.push({ type, score: 0.95, text: value, start_index: start, end_index: start + value.length - 1, result });
	};
	const street = parts.find((part) => /^\d+\s/.test(part));
	const name = parts.find((part) => part !== street && !/\d/.test(part));
	const postal = /\b\d{5}(?:-\d{4})?\b/.exec(text)?.[0];
	const state = /\b([A-Z]{2})\b(?=\s*\d{5}|\s*$)/.exec(text)?.[1];
	const found = (field: string, type: string, value: string | undefined, result?: Json) => {
		if (!value || address[field]) return;
		address[field] = value;
		entity(type, value, result);
	};
	found('name', 'person', name);
	found('address_line1', 'address_line', street, { line: 1, value: street });
	found('city_locality', 'city_locality', parts.find((part) => part !== street && part !== name && !/\d/.test(part) && !/^[A-Z]{2}$/.test(part)));
	found('state_province', 'state_province', state);
	found('postal_code', 'postal_code', postal);
	return { score: entities.length ? 0.9 : 0.1, address, entities };
}

/** A tracking number in the carrier's usual format, unique per sequence number. */
export function trackingNumberFor(carrierCode: string, seq: number): string {
	const digits = String(seq).padStart(8, '0');
	if (carrierCode === 'ups') return `1Z999AA1${digits}`;
	if (carrierCode === 'fedex') return `7946${digits}`;
	return `94001118992230${digits}`;
}

export function trackingUrl(carrierCode: string, trackingNumber: string): string {
	if (carrierCode === 'ups') return `https://www.ups.com/track?tracknum=${trackingNumber}`;
	if (carrierCode === 'fedex') return `https://www.fedex.com/fedextrack/?action=track&trackingnumber=${trackingNumber}`;
	return `https://tools.usps.com/go/TrackConfirmAction.action?tLabels=${trackingNumber}`;
}

const place = (value: unknown, fallback: string) => (typeof value === 'string' && value ? value.toUpperCase() : fallback);

/** GET /v1/tracking for a known shipment: accepted, then in transit (most recent event first). */
export function trackingInfo(
	trackingNumber: string,
	carrierCode: string,
	shipDate: string | null,
	from: Json = {},
	to: Json = {},
): Json {
	if (!shipDate) {
		return {
			tracking_number: trackingNumber,
			tracking_url: trackingUrl(carrierCode, trackingNumber),
			status_code: 'NY',
			status_detail_code: 'NOT_YET_IN_SYSTEM',
			status_description: 'Not Yet In System',
			status_detail_description: 'The carrier has not received the package yet.',
			carrier_code: carrierCode,
			carrier_status_code: null,
			carrier_status_description: null,
			ship_date: null,
			estimated_delivery_date: null,
			actual_delivery_date: null,
			exception_description: null,
			events: [],
		};
	}
	const event = (hours: number, description: string, status: string, detail: string, city: string, state: string) => ({
		occurred_at: new Date(Date.parse(shipDate) + hours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
		carrier_occurred_at: null,
		description,
		city_locality: city,
		state_province: state,
		postal_code: '',
		country_code: 'US',
		company_name: '',
		signer: '',
		event_code: status === 'AC' ? 'OA' : 'T1',
		carrier_detail_code: null,
		status_code: status,
		status_detail_code: detail,
		status_description: status === 'AC' ? 'Accepted' : 'In Transit',
		carrier_status_code: status === 'AC' ? 'OA' : 'T1',
		carrier_status_description: description,
		latitude: null,
		longitude: null,
	});
	return {
		tracking_number: trackingNumber,
		tracking_url: trackingUrl(carrierCode, trackingNumber),
		status_code: 'IT',
		status_detail_code: 'IN_TRANSIT',
		status_description: 'In Transit',
		status_detail_description: 'Your shipment is on its way.',
		carrier_code: carrierCode,
		carrier_status_code: 'T1',
		carrier_status_description: 'Arrived at Regional Facility',
		ship_date: shipDate,
		estimated_delivery_date: addDays(3),
		actual_delivery_date: null,
		exception_description: null,
		events: [
			event(0.02, 'Arrived at Regional Facility', 'IT', 'IN_TRANSIT', place(to.city_locality, 'SAN JOSE'), place(to.state_province, 'CA')),
			event(0, 'Shipment accepted', 'AC', 'CARRIER_ACCEPTED', place(from.city_locality, 'AUSTIN'), place(from.state_province, 'TX')),
		],
	};
}
