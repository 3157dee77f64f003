import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { packageWeight } from '../../../shared/descriptions/package';
import { inputError, shipmentPreSend } from '../../shared/shipment';

function checkCarriers(ctx: IExecuteSingleFunctions, carrierIds: unknown): void {
	if (!Array.isArray(carrierIds) || carrierIds.length === 0) {
		throw inputError(ctx, 'Carrier Names or IDs', 'choose at least one carrier');
	}
}

/** Calculate: carriers required; the shipment is built only for "Shipment Details". */
export async function rateCalculatePreSend(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	checkCarriers(this, (body.rate_options as IDataObject | undefined)?.carrier_ids);
	if (this.getNodeParameter('rateSource', 'shipmentDetails') === 'shipmentId') {
		if (!String(body.shipment_id ?? '').trim()) throw inputError(this, 'Shipment ID', 'is required');
		delete body.shipment;
		return requestOptions;
	}
	return await shipmentPreSend.call(this, requestOptions);
}

/** Estimate: carriers, country codes, weight and dimensions checked; ship_date defaults to now. */
export async function rateEstimatePreSend(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	checkCarriers(this, body.carrier_ids);
	for (const [key, field] of [
		['from_country_code', 'From Country Code'],
		['to_country_code', 'To Country Code'],
	]) {
		const value = String(body[key] ?? '').trim();
		if (!/^[A-Za-z]{2}$/.test(value)) throw inputError(this, field, `"${value}" is not a two-letter ISO country code (e.g. US, CA, GB)`);
		body[key] = value.toUpperCase();
	}
	const weight = (body.weight ?? {}) as IDataObject;
	const value = packageWeight(weight.value);
	if (value === undefined) throw inputError(this, 'Weight', `must be above zero (got ${String(weight.value ?? '')})`);
	weight.value = value;
	const dimensions = body.dimensions as IDataObject | undefined;
	if (dimensions) {
		const sizes = ['length', 'width', 'height'].map((k) => Number(dimensions[k] ?? 0));
		if (!sizes.every((n) => n > 0)) {
			throw inputError(this, 'Additional Fields > Length / Width / Height', 'give all three dimensions above zero');
		}
		dimensions.unit = dimensions.unit ?? 'inch';
	}
	if (!body.ship_date) body.ship_date = new Date().toISOString();
	requestOptions.body = body;
	return requestOptions;
}
