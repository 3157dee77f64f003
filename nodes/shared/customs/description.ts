/**
 * The "Customs" collection both nodes show on every operation that buys or rates a shipment:
 * contents, non-delivery, invoice / licence / certificate numbers and the customs items, typed
 * as rows or given as a list by an expression (an order's line items). Each node adds the
 * fields only its API has (`extras`) and maps the values to its own names
 * (nodes/ShipEngine/shared/customs.ts, nodes/StampsCom/shared/customs.ts).
 *
 * Every display name is unique in both nodes ("Customs Item Description", not "Description"):
 * n8n derives an AI tool's parameter keys from them, and package or address fields must not
 * collide with them.
 */
import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

type Show = NonNullable<IDisplayOptions['show']>;

/** Both APIs use the same six contents values and two non-delivery values. */
export const CONTENTS_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Documents', value: 'documents' },
	{ name: 'Gift', value: 'gift' },
	{ name: 'Merchandise', value: 'merchandise' },
	{ name: 'Other', value: 'other', description: 'Say what in Contents Explanation' },
	{ name: 'Returned Goods', value: 'returned_goods' },
	{ name: 'Sample', value: 'sample' },
];

export const NON_DELIVERY_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Return to Sender', value: 'return_to_sender' },
	{ name: 'Treat as Abandoned', value: 'treat_as_abandoned' },
];

export const CUSTOMS_WEIGHT_UNITS: INodePropertyOptions[] = [
	{ name: 'Gram', value: 'gram' },
	{ name: 'Kilogram', value: 'kilogram' },
	{ name: 'Ounce', value: 'ounce' },
	{ name: 'Pound', value: 'pound' },
];

/** The keys an entry of "Customs Items (List)" may have (README "International shipments"). */
export const LIST_ITEM_KEYS = [
	'description',
	'quantity',
	'value',
	'currency',
	'weight',
	'weight_unit',
	'harmonized_tariff_code',
	'country_of_origin',
	'sku',
] as const;

function text(displayName: string, name: string, description: string, placeholder?: string): INodeProperties {
	return { displayName, name, type: 'string', default: '', description, ...(placeholder ? { placeholder } : {}) };
}

const customsItemValues: INodeProperties[] = [
	{ ...text('Customs Item Description', 'customsItemDescription', 'What the item is, in plain words (customs officers read it)', 'e.g. Cotton T-shirt'), required: true },
	{
		displayName: 'Customs Item Quantity',
		name: 'customsItemQuantity',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1 },
		description: 'How many of this item are in the parcel',
	},
	{
		displayName: 'Customs Item Value',
		name: 'customsItemValue',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description: 'Value of one item, in Customs Item Currency',
	},
	{
		...text('Customs Item Currency', 'customsItemCurrency', 'ISO 4217 currency of the value, e.g. USD or EUR'),
		default: 'USD',
	},
	{
		displayName: 'Customs Item Weight',
		name: 'customsItemWeight',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 3 },
		description: 'Weight of one item; 0 sends no weight',
	},
	{
		displayName: 'Customs Item Weight Unit',
		name: 'customsItemWeightUnit',
		description: 'Unit of Customs Item Weight',
		type: 'options',
		options: CUSTOMS_WEIGHT_UNITS,
		default: 'ounce',
	},
	text('Customs Item HS Code', 'customsItemHsCode', 'Harmonized System tariff code of the item', 'e.g. 6109.10'),
	text('Customs Item Country of Origin', 'customsItemCountryOfOrigin', 'Two-letter ISO country code where the item was made', 'e.g. US'),
	text('Customs Item SKU', 'customsItemSku', 'Your stock keeping unit of the item'),
];

/** The fields both APIs have, then the node's own `extras`, sorted by name as n8n lints. */
export function customsCollection(show: Show, extras: INodeProperties[] = []): INodeProperties {
	const options: INodeProperties[] = [
		{
			displayName: 'Certificate Number',
			name: 'certificateNumber',
			type: 'string',
			default: '',
			description: 'Certificate number to print on the customs form (some goods need one)',
		},
		{
			displayName: 'Contents Explanation',
			name: 'contentsExplanation',
			type: 'string',
			default: '',
			description: 'What the parcel holds; required when Contents Type is Other',
		},
		{
			displayName: 'Contents Type',
			name: 'contents',
			type: 'options',
			options: CONTENTS_OPTIONS,
			default: 'merchandise',
			description: 'What kind of contents the parcel holds; it affects duties and customs treatment',
		},
		{
			displayName: 'Customs Items',
			name: 'customsItems',
			type: 'fixedCollection',
			placeholder: 'Add Customs Item',
			default: {},
			typeOptions: { multipleValues: true },
			description: 'One row per kind of item in the parcel, as on the customs form',
			options: [{ displayName: 'Customs Item', name: 'item', values: customsItemValues }],
		},
		{
			displayName: 'Customs Items (List)',
			name: 'customsItemsList',
			type: 'json',
			default: '[]',
			description: `A list of customs items from your data, e.g. an order's line items mapped with an expression. Each entry: ${LIST_ITEM_KEYS.join(', ')}. Added after the Customs Items rows.`,
			placeholder: 'e.g. {{ $json.line_items.map(i => ({ description: i.name, quantity: i.quantity, value: Number(i.price), currency: $json.currency, sku: i.sku })) }}',
		},
		{
			displayName: 'Invoice Number',
			name: 'invoiceNumber',
			type: 'string',
			default: '',
			description: 'Commercial invoice number for the customs form',
		},
		{
			displayName: 'License Number',
			name: 'licenseNumber',
			type: 'string',
			default: '',
			description: 'Export or import license number, when the goods need one',
		},
		{
			displayName: 'Non-Delivery',
			name: 'nonDelivery',
			type: 'options',
			options: NON_DELIVERY_OPTIONS,
			default: 'return_to_sender',
			description: 'What the carrier does with the parcel if it cannot be delivered',
		},
		...extras,
	];
	return {
		displayName: 'Customs',
		name: 'customs',
		type: 'collection',
		placeholder: 'Add Customs Field',
		default: {},
		description:
			'Customs declaration for international parcels (and US military or territory addresses): contents and one entry per kind of item. Needed whenever Ship To and Ship From are in different countries.',
		displayOptions: { show },
		options: options.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
