/**
 * Fields of the Package Type resource: the account's custom package types (/v1/packages), e.g. a
 * shop's own box with its dimensions, usable as package_code in labels and rates. PUT replaces
 * the whole package type, so Create and Update send the same body.
 */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { dimensionUnitOptions } from '../../shared/descriptions';
import { requiredText } from '../../shared/input';
import { returnAllFields } from '../../shared/pagination';
import { asText, inputError } from '../../../shared/validation';
import { recordDropdown } from '../../shared/lookups';

const showOnlyForPackageWrite = { resource: ['packageType'], operation: ['create', 'update'] };
const showOnlyForOnePackage = { resource: ['packageType'], operation: ['delete', 'get', 'update'] };

const PACKAGE_CODE = /^[a-z0-9]+(_[a-z0-9]+)*$/;

const size = (displayName: string, name: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	default: 0,
	typeOptions: { minValue: 0, numberPrecision: 2 },
	description: `${displayName.replace('Package ', '')} of the package`,
});

export const packageTypeFields: INodeProperties[] = [
	recordDropdown('customPackage', showOnlyForOnePackage),
	{
		displayName: 'Custom Package Code',
		name: 'customPackageCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. laptop_box',
		description: 'Code labels and rates use for this package type: lower case letters and digits joined by underscores, at most 50 characters',
		displayOptions: { show: showOnlyForPackageWrite },
	},
	{
		displayName: 'Custom Package Name',
		name: 'customPackageName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Laptop box',
		description: 'Name of the package type (at most 50 characters)',
		displayOptions: { show: showOnlyForPackageWrite },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForPackageWrite },
		options: [
			{
				displayName: 'Custom Package Description',
				name: 'customPackageDescription',
				type: 'string',
				default: '',
				description: 'What the package type is for (at most 500 characters)',
			},
			{
				displayName: 'Custom Package Dimensions',
				name: 'customPackageDimensions',
				type: 'fixedCollection',
				placeholder: 'Add Dimensions',
				default: {},
				description: 'Outside dimensions of the package',
				options: [
					{
						displayName: 'Dimensions',
						name: 'dimensions',
						values: [
							size('Package Length', 'length'),
							size('Package Width', 'width'),
							size('Package Height', 'height'),
							{
								displayName: 'Package Dimension Unit',
								name: 'unit',
								type: 'options',
								options: dimensionUnitOptions,
								default: 'inch',
								description: 'Unit of length, width and height',
							},
						],
					},
				],
			},
		],
	},
	...returnAllFields({ resource: ['packageType'], operation: ['getAll'] }),
];

/** preSend of Create and Update: { package_code, name, dimensions?, description? }, checked first. */
export async function packageTypeBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const code = requiredText(this, 'customPackageCode', 'Custom Package Code');
	if (code.length > 50 || !PACKAGE_CODE.test(code)) {
		throw inputError(this, 'Custom Package Code', `"${code}" must be lower case letters and digits joined by underscores (e.g. laptop_box), at most 50 characters`);
	}
	const name = requiredText(this, 'customPackageName', 'Custom Package Name');
	if (name.length > 50) throw inputError(this, 'Custom Package Name', `is ${name.length} characters long (at most 50)`);
	const extra = this.getNodeParameter('additionalFields', {}) as IDataObject;
	const body: IDataObject = { package_code: code, name };
	if (extra.customPackageDescription !== undefined) {
		const description = asText(extra.customPackageDescription);
		if (description.length > 500) throw inputError(this, 'Additional Fields > Custom Package Description', `is ${description.length} characters long (at most 500)`);
		body.description = description;
	}
	const dimensions = (extra.customPackageDimensions as IDataObject | undefined)?.dimensions as IDataObject | undefined;
	if (dimensions) {
		const values: IDataObject = { unit: dimensions.unit ?? 'inch' };
		for (const key of ['length', 'width', 'height']) {
			const value = Number(dimensions[key] ?? 0);
			if (!Number.isFinite(value) || value <= 0) {
				throw inputError(this, `Additional Fields > Custom Package Dimensions > Package ${key[0].toUpperCase()}${key.slice(1)}`, 'must be greater than 0');
			}
			values[key] = value;
		}
		body.dimensions = values;
	}
	request.body = body;
	return request;
}
