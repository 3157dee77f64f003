/**
 * SERA's side of the shared "Customs" collection (nodes/shared/customs): the fields only SERA has
 * (sender_info's ITN and passport, recipient_info's tax ID, a Customs JSON override) and the preSend
 * that writes `customs` with SERA's names (contents_type, non_delivery_option, customs_items with
 * item_description, unit_value, item_weight...). A label to another country, or to a US military
 * or territory address, without customs is refused before sending.
 */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { customsCollection } from '../../shared/customs/description';
import { customsMissingError, customsNeededReason, readCustoms } from '../../shared/customs/values';
import { inputError } from '../../shared/validation';

type Show = Parameters<typeof customsCollection>[0];

const text = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
});

const seraCustomsExtras: INodeProperties[] = [
	{
		displayName: 'Customs JSON',
		name: 'customsJson',
		type: 'json',
		default: '{}',
		description: 'SERA customs properties in SERA\'s own format; top-level keys here replace the ones built from the other Customs fields',
	},
	text('Internal Transaction Number', 'internalTransactionNumber', 'ITN from the US export filing (AES), needed for goods over $2,500 per HS code'),
	text('Passport Number', 'passportNumber', 'Sender passport number, where the destination asks for it'),
	text('Passport Issue Date', 'passportIssueDate', 'Issue date of the sender passport'),
	text('Passport Expiration Date', 'passportExpirationDate', 'Expiration date of the sender passport'),
	text('Recipient Tax ID', 'recipientTaxId', 'Tax ID of the recipient (e.g. a VAT or EORI number)'),
];

/** The Customs collection for a Stamps.com operation. */
export function seraCustomsField(show: Show): INodeProperties {
	return customsCollection(show, seraCustomsExtras);
}

const SENDER_INFO: Record<string, string> = {
	licenseNumber: 'license_number',
	certificateNumber: 'certificate_number',
	invoiceNumber: 'invoice_number',
	internalTransactionNumber: 'internal_transaction_number',
	passportNumber: 'passport_number',
	passportIssueDate: 'passport_issue_date',
	passportExpirationDate: 'passport_expiration_date',
};

function trimmed(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

function customsJson(ctx: IExecuteSingleFunctions, value: unknown): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = jsonParse(value);
		} catch {
			throw inputError(ctx, 'Customs > Customs JSON', 'is not valid JSON');
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw inputError(ctx, 'Customs > Customs JSON', 'must be a JSON object');
	return parsed as IDataObject;
}

/** SERA's `customs` object for this item, or undefined when no customs field is filled. */
export function seraCustoms(ctx: IExecuteSingleFunctions): IDataObject | undefined {
	const values = readCustoms(ctx);
	if (!values) return undefined;
	const raw = values.raw;
	const customs: IDataObject = { contents_type: values.contents, non_delivery_option: values.nonDelivery };
	if (values.contentsExplanation) customs.contents_description = values.contentsExplanation;
	const sender: IDataObject = {};
	for (const [name, property] of Object.entries(SENDER_INFO)) {
		const value = trimmed(raw[name]);
		if (value) sender[property] = value;
	}
	if (Object.keys(sender).length) customs.sender_info = sender;
	if (trimmed(raw.recipientTaxId)) customs.recipient_info = { tax_id: trimmed(raw.recipientTaxId) };
	if (values.items.length) {
		customs.customs_items = values.items.map((item) => {
			const entry: IDataObject = { item_description: item.description, quantity: item.quantity };
			if (item.value !== undefined) entry.unit_value = { amount: item.value, currency: item.currency };
			if (item.weight !== undefined) {
				entry.item_weight = item.weight;
				entry.weight_unit = item.weightUnit;
			}
			if (item.hsCode) entry.harmonized_tariff_code = item.hsCode;
			if (item.countryOfOrigin) entry.country_of_origin = item.countryOfOrigin;
			if (item.sku) entry.sku = item.sku;
			return entry;
		});
	}
	const override = customsJson(ctx, raw.customsJson);
	return { ...customs, ...override };
}

function place(ctx: IExecuteSingleFunctions, which: 'shipFrom' | 'shipTo') {
	const address = (ctx.getNodeParameter(`${which}.address`, {}) as IDataObject | undefined) ?? {};
	// SERA ships from the US; an address without a country is a US one.
	return { country: trimmed(address.countryCode) || 'US', state: trimmed(address.stateProvince), city: trimmed(address.city) };
}

/**
 * preSend (Label > Create, Rate > Get): body.customs from the Customs fields; a label that needs
 * customs and has none is refused (rates are quoted without).
 */
export async function seraCustomsPreSend(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const customs = seraCustoms(this);
	if (customs) {
		request.body = { ...((request.body ?? {}) as IDataObject), customs };
		return request;
	}
	if (this.getNodeParameter('resource', '') === 'label') {
		const reason = customsNeededReason(place(this, 'shipFrom'), place(this, 'shipTo'));
		if (reason) throw customsMissingError(this, reason);
	}
	return request;
}
