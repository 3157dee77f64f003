/**
 * ShipEngine's side of the shared "Customs" collection (nodes/shared/customs): the fields only
 * ShipEngine has (declaration, incoterms, invoice charges, tax identifiers such as IOSS or VOEC)
 * and the mapping to `shipment.customs` (international_shipment_options with customs_items) and
 * `shipment.tax_identifiers`, with the spec's names, enums and nesting. `buildShipment` merges
 * the result before Shipment JSON, so the JSON still wins on conflicts.
 */
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { isCurrencyCode } from '../../shared/customs/currencies';
import { customsCollection } from '../../shared/customs/description';
import { customsMissingError, customsNeededReason, readCustoms } from '../../shared/customs/values';
import { inputError } from '../../shared/validation';

type Show = Parameters<typeof customsCollection>[0];

const INCOTERMS = ['cfr', 'cif', 'cip', 'cpt', 'daf', 'dap', 'ddp', 'ddu', 'deq', 'des', 'dpu', 'exw', 'fas', 'fca', 'fob'];
const IDENTIFIER_TYPES = ['abn', 'ein', 'eori', 'ioss', 'oss', 'pan', 'passport', 'pccc', 'ssn', 'tin', 'ukims', 'vat', 'voec'];
/** Invoice charge fields → invoice_additional_details properties (monetary_value each). */
const INVOICE_CHARGES: Array<[name: string, displayName: string, property: string]> = [
	['invoiceDiscount', 'Invoice Discount', 'discount'],
	['invoiceFreightCharge', 'Invoice Freight Charge', 'freight_charge'],
	['invoiceInsuranceCharge', 'Invoice Insurance Charge', 'insurance_charge'],
	['invoiceOtherCharge', 'Invoice Other Charge', 'other_charge'],
];

const TAX_IDENTIFIERS = 'taxIdentifiers';

const shipEngineCustomsExtras: INodeProperties[] = [
	{
		displayName: 'Declaration',
		name: 'declaration',
		type: 'string',
		default: '',
		description: 'Declaration statement printed on the commercial invoice',
	},
	...INVOICE_CHARGES.map(([name, displayName]): INodeProperties => ({
		displayName,
		name,
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description: `${displayName.replace('Invoice ', '')} shown on the commercial invoice, in Invoice Currency; 0 sends nothing`,
	})),
	{
		displayName: 'Invoice Currency',
		name: 'invoiceCurrency',
		type: 'string',
		default: 'USD',
		description: 'ISO 4217 currency of the invoice charges and discount',
	},
	{
		displayName: 'Invoice Other Charge Description',
		name: 'invoiceOtherChargeDescription',
		type: 'string',
		default: '',
		description: 'What Invoice Other Charge is for',
	},
	{
		displayName: 'Tax Identifiers',
		name: TAX_IDENTIFIERS,
		type: 'fixedCollection',
		placeholder: 'Add Tax Identifier',
		default: {},
		typeOptions: { multipleValues: true },
		description: 'Tax numbers for customs, e.g. the IOSS number for EU parcels up to €150 or the VOEC number for Norway',
		options: [
			{
				displayName: 'Tax Identifier',
				name: 'identifier',
				values: [
					{
						displayName: 'Tax Identifier Type',
						name: 'identifierType',
						description: 'Kind of tax identifier (e.g. VAT, EORI)',
						type: 'options',
						options: IDENTIFIER_TYPES.map((value) => ({ name: value.toUpperCase(), value })),
						default: 'ioss',
					},
					{
						displayName: 'Tax Identifier Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. IM2760000742',
						description: 'The number itself',
					},
					{
						displayName: 'Tax Identifier Issuing Authority',
						name: 'issuingAuthority',
						type: 'string',
						default: '',
						placeholder: 'e.g. NL',
						description: 'Two-letter ISO code of the country that issued the number',
					},
					{
						displayName: 'Tax Identifier Taxable Entity',
						name: 'taxableEntityType',
						type: 'options',
						options: [
							{ name: 'Importer of Record', value: 'ior' },
							{ name: 'Recipient', value: 'recipient' },
							{ name: 'Shipper', value: 'shipper' },
						],
						default: 'shipper',
						description: 'Who the number belongs to (IOSS and VOEC numbers are the shipper\'s)',
					},
				],
			},
		],
	},
	{
		displayName: 'Terms of Trade',
		name: 'termsOfTradeCode',
		type: 'options',
		options: INCOTERMS.map((value) => ({ name: value.toUpperCase(), value })),
		default: 'ddu',
		description: 'Incoterm: who pays duties and taxes (DDU: the recipient, DDP: you)',
	},
];

/** The Customs collection for a ShipEngine operation. */
export function shipEngineCustomsField(show: Show): INodeProperties {
	return customsCollection(show, shipEngineCustomsExtras);
}

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());

function taxIdentifiers(ctx: IExecuteSingleFunctions, raw: IDataObject): IDataObject[] | undefined {
	const rows = ((raw[TAX_IDENTIFIERS] as IDataObject | undefined)?.identifier as IDataObject[] | undefined) ?? [];
	if (!rows.length) return undefined;
	return rows.map((row, index) => {
		const field = `Customs > Tax Identifier ${index + 1}`;
		const value = text(row.value);
		if (!value) throw inputError(ctx, `${field} > Value`, 'is required');
		const authority = text(row.issuingAuthority);
		if (!/^[A-Za-z]{2}$/.test(authority)) {
			throw inputError(ctx, `${field} > Issuing Authority`, `"${authority}" is not a two-letter ISO country code (e.g. NL, NO)`);
		}
		return {
			taxable_entity_type: text(row.taxableEntityType) || 'shipper',
			identifier_type: text(row.identifierType) || 'ioss',
			issuing_authority: authority.toUpperCase(),
			value,
		};
	});
}

function invoiceDetails(ctx: IExecuteSingleFunctions, raw: IDataObject, invoiceNumber?: string): IDataObject | undefined {
	const details: IDataObject = {};
	const currency = text(raw.invoiceCurrency) || 'USD';
	for (const [name, displayName, property] of INVOICE_CHARGES) {
		const amount = Number(raw[name] ?? 0);
		if (!Number.isFinite(amount) || amount < 0) throw inputError(ctx, `Customs > ${displayName}`, `must be zero or more (got ${String(raw[name])})`);
		if (amount > 0) details[property] = { currency: currency.toLowerCase(), amount };
	}
	if (Object.keys(details).length && !isCurrencyCode(currency)) {
		throw inputError(ctx, 'Customs > Invoice Currency', `"${currency}" is not an ISO 4217 currency code (e.g. USD, EUR, GBP)`);
	}
	const otherDescription = text(raw.invoiceOtherChargeDescription);
	if (otherDescription) details.other_charge_description = otherDescription;
	if (invoiceNumber) details.invoice_number = invoiceNumber;
	return Object.keys(details).length ? details : undefined;
}

/** `{ customs, tax_identifiers }` for this item's shipment (only the keys the user filled). */
export function shipEngineCustoms(ctx: IExecuteSingleFunctions): IDataObject {
	const values = readCustoms(ctx, [TAX_IDENTIFIERS]);
	const raw = (ctx.getNodeParameter('customs', {}) as IDataObject | undefined) ?? {};
	const result: IDataObject = {};
	const identifiers = taxIdentifiers(ctx, raw);
	if (identifiers) result.tax_identifiers = identifiers;
	if (!values) return result;
	const customs: IDataObject = { contents: values.contents, non_delivery: values.nonDelivery };
	if (values.contentsExplanation) customs.contents_explanation = values.contentsExplanation;
	if (text(raw.termsOfTradeCode)) customs.terms_of_trade_code = text(raw.termsOfTradeCode);
	if (text(raw.declaration)) customs.declaration = text(raw.declaration);
	const invoice = invoiceDetails(ctx, raw, values.invoiceNumber);
	if (invoice) customs.invoice_additional_details = invoice;
	if (values.licenseNumber) customs.license_number = values.licenseNumber;
	if (values.certificateNumber) customs.certificate_number = values.certificateNumber;
	customs.customs_items = values.items.map((item) => {
		const entry: IDataObject = { description: item.description, quantity: item.quantity };
		if (item.value !== undefined) {
			entry.value = item.value;
			entry.value_currency = item.currency;
		}
		if (item.weight !== undefined) entry.weight = { value: item.weight, unit: item.weightUnit };
		if (item.hsCode) entry.harmonized_tariff_code = item.hsCode;
		if (item.countryOfOrigin) entry.country_of_origin = item.countryOfOrigin;
		if (item.sku) entry.sku = item.sku;
		return entry;
	});
	result.customs = customs;
	return result;
}

/**
 * A label purchase going abroad (or to a US military or territory address) needs customs: refused
 * before sending when the final shipment (after Shipment JSON) has none. Rates are not refused.
 */
export function checkShipEngineCustoms(ctx: IExecuteSingleFunctions, shipment: IDataObject): void {
	if (ctx.getNodeParameter('resource', '') !== 'label' || shipment.customs) return;
	const place = (address: unknown) => {
		const a = (address ?? {}) as IDataObject;
		return { country: text(a.country_code), state: text(a.state_province), city: text(a.city_locality) };
	};
	const reason = customsNeededReason(place(shipment.ship_from), place(shipment.ship_to));
	if (reason) throw customsMissingError(ctx, reason, 'the Customs fields (or customs in Shipment JSON)');
}
