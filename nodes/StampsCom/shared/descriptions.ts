/** Field definitions several operations share (package, shipment add-ons, label options...). */
import type { IDataObject, IDisplayOptions, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { fileOutputField } from '../../shared/descriptions/fileOutput';
import { dimensionFields, packageWeight, weightField, weightUnitField } from '../../shared/descriptions/package';
import { inputError } from '../../shared/validation';

import {
	ADD_ON_OPTIONS,
	DELIVERY_CONFIRMATION_OPTIONS,
	INSURANCE_PROVIDER_OPTIONS,
	LABEL_FORMAT_OPTIONS,
	LABEL_SIZE_OPTIONS,
	PACKAGING_TYPE_OPTIONS,
} from './options';
import { DATE_ONLY, setLabelIds } from './validation';

export const BINARY_PROPERTY_DESCRIPTION = 'Name of the binary field to put the file in';

export function binaryPropertyField(show: IDisplayOptions['show']): INodeProperties {
	return fileOutputField(
		show ?? {},
		'Further files (more pages, customs forms) go into the same name with _2, _form, _form_2 and so on appended',
	);
}

/** "Options" with the Idempotency Key override, on every POST operation. */
export function idempotencyOptions(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Idempotency Key',
				name: 'idempotencyKey',
				type: 'string',
				default: '',
				placeholder: 'e.g. {{ $json.order_id }}',
				description:
					'Key that makes SERA replay instead of repeat this request for 24 hours. Leave empty to let the node derive one per execution, node run and item. Use an expression over a unique value such as an order ID to be safe across executions too. A version-4 UUID is sent as is; any other text is hashed (with the resource and operation) into a v4 UUID. Give every shipment its own value: for 24 hours SERA answers a repeated key with the first response, so a key used again for another label would return the other order\'s label. The node refuses that when the service, packaging or return flag differ, or when this n8n bought with the key for another recipient or weight; SERA\'s answer carries no address or weight to check otherwise.',
			},
		],
	};
}

/** preSend: the package weight as a number in body.package.weight, refused unless above zero. */
export async function setPackageWeight(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('weight', '') as unknown;
	const weight = packageWeight(raw);
	if (weight === undefined) throw inputError(this, 'Weight', `must be above zero (got ${JSON.stringify(raw)})`);
	const body = (requestOptions.body ?? {}) as IDataObject;
	body.package = { ...((body.package as IDataObject | undefined) ?? {}), weight };
	requestOptions.body = body;
	return requestOptions;
}

/** Packaging type, weight and unit: the package fields SERA needs to price or buy postage. */
export function packageFields(show: IDisplayOptions['show']): INodeProperties[] {
	return [
		{
			displayName: 'Packaging Type',
			name: 'packagingType',
			type: 'options',
			options: PACKAGING_TYPE_OPTIONS,
			default: 'package',
			required: true,
			displayOptions: { show },
			description: 'Package or a carrier\'s own packaging (flat rate boxes, envelopes...)',
			routing: { send: { type: 'body', property: 'package.packaging_type' } },
		},
		weightField({ displayOptions: { show }, routing: { send: { preSend: [setPackageWeight] } } }),
		weightUnitField({ required: true, displayOptions: { show }, routing: { send: { type: 'body', property: 'package.weight_unit' } } }),
	];
}

const [length, width, height, dimensionUnit] = dimensionFields();
const dimension = (field: INodeProperties, property: string): INodeProperties => ({
	...field,
	routing: { send: { type: 'body', property: `package.${property}` } },
});

/** Collection options shared by Rate > Get and Label > Create (SERA's shipment add-ons). */
export const SHIPMENT_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Add-Ons',
		name: 'addOns',
		type: 'multiOptions',
		options: ADD_ON_OPTIONS,
		default: [],
		description: 'Extra services (SERA advanced_options) to include',
		routing: {
			send: {
				type: 'body',
				property: 'advanced_options',
				value: '={{ $value.length ? Object.fromEntries($value.map(option => [option, true])) : undefined }}',
			},
		},
	},
	{
		displayName: 'Collect on Delivery Amount',
		name: 'collectOnDeliveryAmount',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'COD amount in USD to collect from the recipient',
		routing: { send: { type: 'body', property: 'advanced_options.collect_on_delivery', value: '={{ { amount: $value, currency: "usd" } }}' } },
	},
	{
		displayName: 'Delivery Confirmation Type',
		name: 'deliveryConfirmationType',
		description: 'Delivery confirmation the carrier must obtain (changes the price)',
		type: 'options',
		options: DELIVERY_CONFIRMATION_OPTIONS,
		default: 'tracking',
		routing: { send: { type: 'body', property: 'delivery_confirmation_type' } },
	},
	dimension(dimensionUnit, 'dimension_unit'),

	dimension(height, 'height'),

	{
		displayName: 'Insurance Provider',
		name: 'insuranceProvider',
		type: 'options',
		options: INSURANCE_PROVIDER_OPTIONS,
		default: 'stamps_com',
		description: 'Who insures the package; set Insured Value too',
		routing: { send: { type: 'body', property: 'insurance.insurance_provider' } },
	},
	{
		displayName: 'Insured Value',
		name: 'insuredValue',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Declared value in USD to insure',
		routing: { send: { type: 'body', property: 'insurance.insured_value', value: '={{ { amount: $value, currency: "usd" } }}' } },
	},
	{
		displayName: 'Is Return Label',
		name: 'isReturnLabel',
		type: 'boolean',
		default: false,
		description: 'Whether this is a return shipment (from the customer back to you)',
		routing: { send: { type: 'body', property: 'is_return_label' } },
	},
	dimension(length, 'length'),

	{
		displayName: 'Ship Date',
		name: 'shipDate',
		type: 'dateTime',
		default: '',
		description: 'Day the package is handed to the carrier; today or later. SERA uses today when unset.',
		routing: { send: { type: 'body', property: 'ship_date', value: DATE_ONLY } },
	},
	dimension(width, 'width'),

];

/** label_format / label_size / label_output_type, in the body (create) or the query (reprint). */
export function labelOptionFields(type: 'body' | 'query'): INodeProperties[] {
	const property = (name: string) => (type === 'body' ? `label_options.${name}` : name);
	return [
		{
			displayName: 'Label Format',
			name: 'labelFormat',
			type: 'options',
			options: LABEL_FORMAT_OPTIONS,
			default: 'pdf',
			description: 'File format of the label (PDF unless set)',
			routing: { send: { type, property: property('label_format') } },
		},
		{
			displayName: 'Label Output Type',
			name: 'labelOutputType',
			type: 'options',
			options: [
				{ name: 'Base64 (Inline)', value: 'base64', description: 'SERA returns the file in the response' },
				{ name: 'URL', value: 'url', description: 'SERA returns a link; the node downloads it (SERA default)' },
			],
			default: 'url',
			description: 'How SERA delivers the file. Either way the node outputs it as binary data.',
			routing: { send: { type, property: property('label_output_type') } },
		},
		{
			displayName: 'Label Size',
			name: 'labelSize',
			description: 'Paper size of the label',
			type: 'options',
			options: LABEL_SIZE_OPTIONS,
			default: '4x6',
			routing: { send: { type, property: property('label_size') } },
		},
	];
}

/** Label IDs, comma-separated or an expression returning a list; sent as body.label_ids. */
export function labelIdsField(show: IDisplayOptions['show'], description: string): INodeProperties {
	return {
		displayName: 'Label IDs',
		name: 'labelIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 13bab305-a5eb-4ad6-a1d2-e5b545e764fb, 5e1f...',
		displayOptions: { show },
		description,
		routing: { send: { preSend: [setLabelIds('labelIds')] } },
	};
}
