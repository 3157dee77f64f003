/** Field definitions several operations share (package, shipment add-ons, label options...). */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import {
	ADD_ON_OPTIONS,
	DELIVERY_CONFIRMATION_OPTIONS,
	DIMENSION_UNIT_OPTIONS,
	INSURANCE_PROVIDER_OPTIONS,
	LABEL_FORMAT_OPTIONS,
	LABEL_SIZE_OPTIONS,
	PACKAGING_TYPE_OPTIONS,
	WEIGHT_UNIT_OPTIONS,
} from './options';
import { DATE_ONLY, setLabelIds } from './validation';

export const BINARY_PROPERTY_DESCRIPTION = 'Name of the binary field to put the file in';

export function binaryPropertyField(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show },
		hint: 'The name of the output binary field to put the file in',
		description:
			'Further files (more pages, customs forms) go into the same name with _2, _form, _form_2 and so on appended',
	};
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
				placeholder: '={{ $json.order_id }}',
				description:
					'Key that makes SERA replay instead of repeat this request for 24 hours. Leave empty to let the node derive one per execution, node run and item. Use an expression over a unique value such as an order ID to be safe across executions too. A version-4 UUID is sent as is; any other text is hashed (with the resource and operation) into a v4 UUID. Give every item its own value: items with the same key get the first one\'s response.',
			},
		],
	};
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
		{
			displayName: 'Weight',
			name: 'weight',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			required: true,
			displayOptions: { show },
			description: 'Package weight, in Weight Unit',
			routing: { send: { type: 'body', property: 'package.weight' } },
		},
		{
			displayName: 'Weight Unit',
			name: 'weightUnit',
			type: 'options',
			options: WEIGHT_UNIT_OPTIONS,
			default: 'ounce',
			required: true,
			displayOptions: { show },
			routing: { send: { type: 'body', property: 'package.weight_unit' } },
		},
	];
}

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
		type: 'options',
		options: DELIVERY_CONFIRMATION_OPTIONS,
		default: 'tracking',
		routing: { send: { type: 'body', property: 'delivery_confirmation_type' } },
	},
	{
		displayName: 'Dimension Unit',
		name: 'dimensionUnit',
		type: 'options',
		options: DIMENSION_UNIT_OPTIONS,
		default: 'inch',
		routing: { send: { type: 'body', property: 'package.dimension_unit' } },
	},
	{
		displayName: 'Height',
		name: 'height',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Package height, in Dimension Unit (inch unless set)',
		routing: { send: { type: 'body', property: 'package.height' } },
	},
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
	{
		displayName: 'Length',
		name: 'length',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Package length, in Dimension Unit (inch unless set)',
		routing: { send: { type: 'body', property: 'package.length' } },
	},
	{
		displayName: 'Ship Date',
		name: 'shipDate',
		type: 'dateTime',
		default: '',
		description: 'Day the package is handed to the carrier; today or later. SERA uses today when unset.',
		routing: { send: { type: 'body', property: 'ship_date', value: DATE_ONLY } },
	},
	{
		displayName: 'Width',
		name: 'width',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Package width, in Dimension Unit (inch unless set)',
		routing: { send: { type: 'body', property: 'package.width' } },
	},
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
