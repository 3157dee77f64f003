import type { INodeProperties } from 'n8n-workflow';

import { weightField, weightUnitField } from '../../../shared/descriptions/package';
import { carrierIdsField, confirmationOptions, dimensionUnitOptions, V1_WEIGHT_UNIT } from '../../shared/descriptions';
import { byVersion } from '../../shared/versions';
import { rateOutputField } from './fields';

const showOnlyForRateEstimate = { resource: ['rate'], operation: ['estimate'] };

const body = (property: string) => ({ send: { type: 'body' as const, property } });

function text(displayName: string, name: string, property: string, description: string, placeholder: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: `e.g. ${placeholder}`,
		description,
		displayOptions: { show: showOnlyForRateEstimate },
		routing: body(property),
	};
}

export const rateEstimateDescription: INodeProperties[] = [
	{ ...carrierIdsField(showOnlyForRateEstimate), routing: body('carrier_ids') },
	text('From Country Code', 'fromCountryCode', 'from_country_code', 'Two-letter ISO country code of the origin', 'US'),
	text('From Postal Code', 'fromPostalCode', 'from_postal_code', 'Postal code of the origin', '78756'),
	text('From City', 'fromCityLocality', 'from_city_locality', 'City of the origin', 'Austin'),
	text('From State/Province', 'fromStateProvince', 'from_state_province', 'State or province of the origin', 'TX'),
	text('To Country Code', 'toCountryCode', 'to_country_code', 'Two-letter ISO country code of the destination', 'US'),
	text('To Postal Code', 'toPostalCode', 'to_postal_code', 'Postal code of the destination', '95128'),
	text('To City', 'toCityLocality', 'to_city_locality', 'City of the destination', 'San Jose'),
	text('To State/Province', 'toStateProvince', 'to_state_province', 'State or province of the destination', 'CA'),
	weightField({ displayOptions: { show: showOnlyForRateEstimate }, routing: body('weight.value') }),
	...byVersion(
		weightUnitField({ required: true, displayOptions: { show: showOnlyForRateEstimate }, routing: body('weight.unit') }),
		{ default: V1_WEIGHT_UNIT },
	),
	rateOutputField(showOnlyForRateEstimate, 'eachRate', false),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForRateEstimate },
		options: [
			{
				displayName: 'Confirmation',
				name: 'confirmation',
				description: 'Delivery confirmation the carrier must obtain (changes the price)',
				type: 'options',
				options: confirmationOptions,
				default: 'none',
				routing: body('confirmation'),
			},
			{
				displayName: 'Dimension Unit',
				name: 'dimensionUnit',
				description: 'Unit of Length, Width and Height',
				type: 'options',
				options: dimensionUnitOptions,
				default: 'inch',
				routing: body('dimensions.unit'),
			},
			{ displayName: 'Height', name: 'height', description: 'Height of the package in Dimension Unit; give length, width and height together', type: 'number', default: 0, routing: body('dimensions.height') },
			{ displayName: 'Length', name: 'length', description: 'Length of the package in Dimension Unit; give length, width and height together', type: 'number', default: 0, routing: body('dimensions.length') },
			{
				displayName: 'Residential',
				name: 'addressResidentialIndicator',
				type: 'options',
				options: [
					{ name: 'No (Business)', value: 'no' },
					{ name: 'Unknown', value: 'unknown' },
					{ name: 'Yes (Residential)', value: 'yes' },
				],
				default: 'unknown',
				description: 'Whether the destination is residential',
				routing: body('address_residential_indicator'),
			},
			{
				displayName: 'Ship Date',
				name: 'shipDate',
				type: 'dateTime',
				default: '',
				description: 'When the parcel ships (default: now)',
				routing: body('ship_date'),
			},
			{ displayName: 'Width', name: 'width', description: 'Width of the package in Dimension Unit; give length, width and height together', type: 'number', default: 0, routing: body('dimensions.width') },
		],
	},
];
