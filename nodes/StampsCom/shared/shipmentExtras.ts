/**
 * SERA label and rate options the reference names beyond the basic add-ons: registered mail (with
 * its value), special handling (fragile, special contents), label-less drop-off (`no_label`), the
 * outbound label of a return label, the label logo, and the currency of the insured value and the
 * COD amount (SERA's money objects take a `currency`, "usd" by default; any ISO 4217 code is
 * passed on, checked first). One preSend writes them into `advanced_options` / `label_options` /
 * `insurance` next to what the other fields routed, without n8n expressions.
 */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { isCurrencyCode } from '../../shared/customs/currencies';
import { inputError } from '../../shared/validation';

const SPECIAL_CONTENTS = [
	{ name: 'Cremated Remains', value: 'cremated_remains' },
	{ name: 'Hazardous Materials', value: 'hazardous_materials' },
	{ name: 'Live Animals', value: 'live_animals' },
	{ name: 'Live Animals (With Fee)', value: 'live_animals_with_fee' },
	{ name: 'Perishables', value: 'perishables' },
];

const currencyField = (displayName: string, name: string, of: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: 'USD',
	description: `ISO 4217 currency of ${of} (SERA's default is USD)`,
});

/** Options Rate > Get and Label > Create both take (Additional Fields). */
export const SHIPMENT_OPTION_EXTRAS: INodeProperties[] = [
	currencyField('Collect on Delivery Currency', 'collectOnDeliveryCurrency', 'the COD amount'),
	{
		displayName: 'Fragile (Special Handling)',
		name: 'fragile',
		type: 'boolean',
		default: false,
		description: 'Whether the parcel needs special handling as fragile (advanced_options.special_handling.fragile)',
	},
	currencyField('Insured Value Currency', 'insuredValueCurrency', 'the insured value'),
	{
		displayName: 'No Label: Drop Off',
		name: 'noLabelDropOff',
		type: 'boolean',
		default: false,
		description: 'Whether to get a label-less QR code to drop the parcel off at the post office instead of a printed label (advanced_options.no_label.is_drop_off)',
	},
	{
		displayName: 'No Label: Prepackaged',
		name: 'noLabelPrepackaged',
		type: 'boolean',
		default: false,
		description: 'Whether the label-less parcel is already packed (advanced_options.no_label.is_prepackaged)',
	},
	{
		displayName: 'Registered Mail Amount',
		name: 'registeredMailAmount',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Send as USPS Registered Mail with this declared value; 0 sends no registered mail',
	},
	currencyField('Registered Mail Currency', 'registeredMailCurrency', 'the registered mail amount'),
	{
		displayName: 'Special Contents Type',
		name: 'specialContentsType',
		type: 'options',
		options: SPECIAL_CONTENTS,
		default: 'perishables',
		description: 'Contents that need special handling (advanced_options.special_handling.special_contents_type)',
	},
];

/** Options only Label > Create takes. */
export const LABEL_OPTION_EXTRAS: INodeProperties[] = [
	{
		displayName: 'Label Logo Image ID',
		name: 'labelLogoImageId',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'ID of a logo image stored in your Stamps.com account, printed on the label; 0 prints none',
	},
	{
		displayName: 'Outbound Label ID',
		name: 'outboundLabelId',
		type: 'string',
		default: '',
		description: 'For a return label (Is Return Label on): the label_id of the outbound label it returns (advanced_options.return_options.outbound_label_id)',
	},
];

function section(body: IDataObject, key: string): IDataObject {
	const existing = body[key];
	const object = existing && typeof existing === 'object' && !Array.isArray(existing) ? (existing as IDataObject) : {};
	body[key] = object;
	return object;
}

function currency(ctx: IExecuteSingleFunctions, fields: IDataObject, name: string, label: string): string {
	const code = String(fields[name] ?? 'USD').trim() || 'USD';
	if (!isCurrencyCode(code)) throw inputError(ctx, `Additional Fields > ${label}`, `"${code}" is not an ISO 4217 currency code (e.g. USD)`);
	return code.toLowerCase();
}

/** preSend (Label > Create, Rate > Get): the options above into SERA's objects. */
export async function seraShipmentExtras(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const fields = (this.getNodeParameter('additionalFields', {}) as IDataObject | undefined) ?? {};
	const body = { ...((request.body ?? {}) as IDataObject) };
	const advanced = () => section(body, 'advanced_options');
	const money = (amount: number, name: string, label: string) => ({ amount, currency: currency(this, fields, name, label) });

	const insured = (body.insurance as IDataObject | undefined)?.insured_value as IDataObject | undefined;
	if (insured && fields.insuredValueCurrency !== undefined) insured.currency = currency(this, fields, 'insuredValueCurrency', 'Insured Value Currency');
	const cod = (body.advanced_options as IDataObject | undefined)?.collect_on_delivery as IDataObject | undefined;
	if (cod && fields.collectOnDeliveryCurrency !== undefined) cod.currency = currency(this, fields, 'collectOnDeliveryCurrency', 'Collect on Delivery Currency');

	const registered = Number(fields.registeredMailAmount ?? 0);
	if (!Number.isFinite(registered) || registered < 0) {
		throw inputError(this, 'Additional Fields > Registered Mail Amount', `must be zero or more (got ${String(fields.registeredMailAmount)})`);
	}
	if (registered > 0) advanced().registered_mail = money(registered, 'registeredMailCurrency', 'Registered Mail Currency');
	if (fields.fragile === true || fields.specialContentsType !== undefined) {
		const handling: IDataObject = {};
		if (fields.specialContentsType !== undefined) handling.special_contents_type = fields.specialContentsType;
		if (fields.fragile === true) handling.fragile = true;
		advanced().special_handling = handling;
	}
	if (fields.noLabelDropOff === true || fields.noLabelPrepackaged === true) {
		const noLabel: IDataObject = {};
		if (fields.noLabelDropOff === true) noLabel.is_drop_off = true;
		if (fields.noLabelPrepackaged === true) noLabel.is_prepackaged = true;
		advanced().no_label = noLabel;
	}
	const outbound = String(fields.outboundLabelId ?? '').trim();
	if (outbound) advanced().return_options = { outbound_label_id: outbound };
	const logo = Number(fields.labelLogoImageId ?? 0);
	if (!Number.isInteger(logo) || logo < 0) throw inputError(this, 'Additional Fields > Label Logo Image ID', `must be a whole number (got ${String(fields.labelLogoImageId)})`);
	if (logo > 0) section(body, 'label_options').label_logo_image_id = logo;
	request.body = body;
	return request;
}
