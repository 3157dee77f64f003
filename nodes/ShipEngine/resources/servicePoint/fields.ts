/**
 * Fields of the Service Point resource: carrier pickup points, drop-off points and parcel lockers
 * near an address, free text or coordinates (POST /v1/service_points/list), and one point by ID
 * (GET /v1/service_points/{carrier_code}/{country_code}/{id}). A point's service_point_id goes into
 * Label › Create or Rate › Calculate as Ship To / Ship From Service Point ID.
 */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { carrierIdsField } from '../../shared/descriptions';
import { requiredText } from '../../shared/input';
import { carrierCodeDropdown, CHOOSE_FROM_LIST } from '../../shared/lookups';
import { returnAllFields } from '../../shared/pagination';
import { asText, inputError } from '../../../shared/validation';

const showOnlyForList = { resource: ['servicePoint'], operation: ['getAll'] };
const showOnlyForGet = { resource: ['servicePoint'], operation: ['get'] };

const text = (displayName: string, name: string, description: string, placeholder = ''): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...(placeholder ? { placeholder } : {}),
	description,
});

/** Search address field → API key (the spec's address object of get_service_points_request_body). */
const SEARCH_ADDRESS_KEYS: Record<string, string> = {
	addressLine1: 'address_line1',
	addressLine2: 'address_line2',
	cityLocality: 'city_locality',
	stateProvince: 'state_province',
	postalCode: 'postal_code',
	countryCode: 'country_code',
};

export const servicePointFields: INodeProperties[] = [
	carrierIdsField(showOnlyForList, {
		displayName: 'Service Point Carrier Names or IDs',
		name: 'servicePointCarrierIds',
		description: `Carrier accounts whose service points to list. ${CHOOSE_FROM_LIST}.`,
	}),
	{
		displayName: 'Search By',
		name: 'servicePointSearchBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Address', value: 'address', description: 'Street, city, postal code and country' },
			{ name: 'Coordinates', value: 'coordinates', description: 'Latitude and longitude' },
			{ name: 'Free Text', value: 'text', description: 'An address written as one line, e.g. "177A Bleecker Street New York"' },
		],
		default: 'address',
		description: 'How to say where to look (ShipEngine takes exactly one)',
		displayOptions: { show: showOnlyForList },
	},
	{
		displayName: 'Search Address',
		name: 'servicePointAddress',
		type: 'fixedCollection',
		placeholder: 'Add Address',
		default: {},
		required: true,
		description: 'Where to look for service points; the country is required',
		displayOptions: { show: { ...showOnlyForList, servicePointSearchBy: ['address'] } },
		options: [
			{
				displayName: 'Address',
				name: 'address',
				values: [
					text('Address Line 1', 'addressLine1', 'First line of the street address', 'e.g. 177A Bleecker Street'),
					text('Address Line 2', 'addressLine2', 'Second line of the street address'),
					text('City', 'cityLocality', 'City or locality', 'e.g. New York'),
					text('State / Province', 'stateProvince', 'State or province', 'e.g. NY'),
					text('Postal Code', 'postalCode', 'ZIP or postal code', 'e.g. 10012'),
					{ ...text('Country Code', 'countryCode', 'Two-letter ISO 3166-1 country code', 'e.g. US'), required: true },
				],
			},
		],
	},
	{
		displayName: 'Search Text',
		name: 'servicePointQuery',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 177A Bleecker Street New York',
		description: 'Where to look, written as free text',
		displayOptions: { show: { ...showOnlyForList, servicePointSearchBy: ['text'] } },
	},
	{
		displayName: 'Latitude',
		name: 'servicePointLatitude',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: -90, maxValue: 90, numberPrecision: 6 },
		description: 'Latitude in signed degrees, e.g. 48.8745',
		displayOptions: { show: { ...showOnlyForList, servicePointSearchBy: ['coordinates'] } },
	},
	{
		displayName: 'Longitude',
		name: 'servicePointLongitude',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: -180, maxValue: 180, numberPrecision: 6 },
		description: 'Longitude in signed degrees, e.g. 2.3592',
		displayOptions: { show: { ...showOnlyForList, servicePointSearchBy: ['coordinates'] } },
	},
	...returnAllFields(showOnlyForList),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showOnlyForList },
		options: [
			{
				displayName: 'Search Radius (Km)',
				name: 'servicePointRadius',
				type: 'number',
				default: 5,
				typeOptions: { minValue: 1 },
				description: 'How far from the location to look, in kilometres',
			},
			{
				displayName: 'Service Point Service Codes',
				name: 'servicePointServiceCodes',
				type: 'string',
				default: '',
				placeholder: 'e.g. chronoclassic',
				description: 'Only points that offer these services (comma-separated service codes)',
			},
		],
	},
	carrierCodeDropdown(showOnlyForGet, {
		displayName: 'Service Point Carrier Code Name or ID',
		name: 'servicePointCarrierCode',
		description: `Carrier of the service point (carrier_code, e.g. ups, chronopost). ${CHOOSE_FROM_LIST}.`,
	}),
	{
		displayName: 'Service Point Country Code',
		name: 'servicePointCountryCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. FR',
		description: 'Two-letter ISO country code of the service point',
		displayOptions: { show: showOnlyForGet },
	},
	{
		displayName: 'Service Point ID',
		name: 'servicePointId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 614940',
		description: 'The service_point_id from Service Point › Get Many',
		displayOptions: { show: showOnlyForGet },
	},
];

const COUNTRY = /^[A-Za-z]{2}$/;

function countryCode(ctx: IExecuteSingleFunctions, label: string, value: unknown): string {
	const code = asText(value).toUpperCase();
	if (!code) throw inputError(ctx, label, 'is required');
	if (!COUNTRY.test(code)) throw inputError(ctx, label, `"${code}" is not a two-letter ISO country code (e.g. US, FR, GB)`);
	return code;
}

/** preSend of Get Many: { providers, one of address / address_query / lat+long, radius?, max_results? }. */
export async function servicePointListBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const carrierIds = (this.getNodeParameter('servicePointCarrierIds', []) as unknown[]).map(asText).filter(Boolean);
	if (!carrierIds.length) throw inputError(this, 'Service Point Carrier Names or IDs', 'choose at least one carrier account');
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const serviceCodes = asText(options.servicePointServiceCodes).split(/[\s,]+/).filter(Boolean);
	const body: IDataObject = {
		providers: carrierIds.map((carrierId) => (serviceCodes.length ? { carrier_id: carrierId, service_code: serviceCodes } : { carrier_id: carrierId })),
	};
	const searchBy = this.getNodeParameter('servicePointSearchBy', 'address') as string;
	if (searchBy === 'text') {
		body.address_query = requiredText(this, 'servicePointQuery', 'Search Text');
	} else if (searchBy === 'coordinates') {
		const lat = Number(this.getNodeParameter('servicePointLatitude', 0));
		const long = Number(this.getNodeParameter('servicePointLongitude', 0));
		if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw inputError(this, 'Latitude', `${String(lat)} is not between -90 and 90`);
		if (!Number.isFinite(long) || long < -180 || long > 180) throw inputError(this, 'Longitude', `${String(long)} is not between -180 and 180`);
		Object.assign(body, { lat, long });
	} else {
		const values = ((this.getNodeParameter('servicePointAddress', {}) as IDataObject).address ?? {}) as IDataObject;
		const address: IDataObject = {};
		for (const [key, apiKey] of Object.entries(SEARCH_ADDRESS_KEYS)) {
			const value = asText(values[key]);
			if (value) address[apiKey] = value;
		}
		address.country_code = countryCode(this, 'Search Address > Country Code', values.countryCode);
		body.address = address;
	}
	if (options.servicePointRadius !== undefined) {
		const radius = Number(options.servicePointRadius);
		if (!Number.isInteger(radius) || radius < 1) throw inputError(this, 'Options > Search Radius (Km)', 'must be a whole number of kilometres above 0');
		body.radius = radius;
	}
	if (!this.getNodeParameter('returnAll', false)) body.max_results = Math.max(1, Number(this.getNodeParameter('limit', 50)));
	request.body = body;
	return request;
}

/** preSend of Get: the three path parts present, the country a two-letter code. */
export async function checkServicePoint(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	requiredText(this, 'servicePointCarrierCode', 'Service Point Carrier Code Name or ID');
	const country = countryCode(this, 'Service Point Country Code', this.getNodeParameter('servicePointCountryCode', ''));
	requiredText(this, 'servicePointId', 'Service Point ID');
	// The path was filled before this check ran: put the upper-cased country in.
	request.url = String(request.url).replace(/\/[^/]+\/([^/]+)$/, `/${country}/$1`);
	return request;
}
