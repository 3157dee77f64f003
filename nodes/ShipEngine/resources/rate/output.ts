/**
 * Rate output: the whole answer, one item per rate, or only the cheapest / fastest / best value
 * rate ("cheapest rate → buy label" flows). ShipEngine marks rates with `rate_attributes`
 * (cheapest, fastest, best_value); when no rate carries the wanted mark, cheapest and fastest
 * are computed (total of all amounts; fewest delivery days, then price) and best value falls
 * back to cheapest. Rates with errors or validation_status "invalid" are never picked.
 */
import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pickRate as pickSharedRate, type RateOutput, type RatePick, type RateReader } from '../../../shared/rateChoice';

export type { RateOutput };

const ATTRIBUTE: Record<RatePick, string> = { cheapest: 'cheapest', fastest: 'fastest', bestValue: 'best_value' };

function amount(value: unknown): number {
	return Number((value as IDataObject | undefined)?.amount ?? 0) || 0;
}

export function rateTotal(rate: IDataObject): number {
	return ['shipping_amount', 'insurance_amount', 'confirmation_amount', 'other_amount'].reduce(
		(sum, key) => sum + amount(rate[key]),
		0,
	);
}

/** How the shared choice reads a ShipEngine rate. */
const SHIPENGINE_RATES: RateReader = {
	total: rateTotal,
	days: (rate) => (typeof rate.delivery_days === 'number' ? rate.delivery_days : Infinity),
	marked: (rate, pick) => ((rate.rate_attributes as string[] | undefined) ?? []).includes(ATTRIBUTE[pick]),
	usable: (rate) => {
		const errors = rate.error_messages as unknown[] | undefined;
		return rate.validation_status !== 'invalid' && !(Array.isArray(errors) && errors.length > 0);
	},
	bestValueFallback: 'cheapest',
};

export function pickRate(rates: IDataObject[], mode: RatePick): IDataObject | undefined {
	return pickSharedRate(rates, mode, SHIPENGINE_RATES);
}

function noRatesError(ctx: IExecuteSingleFunctions, body: IDataObject, rates: IDataObject[]): NodeOperationError {
	const response = (body.rate_response ?? {}) as IDataObject;
	const reasons = [
		...((response.errors as IDataObject[] | undefined) ?? []).map((e) => e.message),
		...[...rates, ...((response.invalid_rates as IDataObject[] | undefined) ?? [])].flatMap(
			(r) => (r.error_messages as string[] | undefined) ?? [],
		),
	].filter(Boolean);
	const error = new NodeOperationError(ctx.getNode(), 'No usable rate was returned for this shipment', {
		itemIndex: ctx.getItemIndex(),
		description: reasons.length
			? `ShipEngine said: ${[...new Set(reasons)].join('; ')}`
			: 'Check the carriers, service codes, addresses and package details.',
	});
	// The shared retry policy treats an error without HTTP status or code as a network failure and
	// repeats the request; this one came from a good answer, so give it a code that stops that.
	return Object.assign(error, { code: 'NO_USABLE_RATE' });
}

/** postReceive (after shipEngineError) for Calculate and Estimate. */
export async function rateOutput(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const mode = this.getNodeParameter('output', 'all') as RateOutput;
	const body = items[0]?.json as unknown;
	const isEstimate = Array.isArray(body);
	const response = (isEstimate ? {} : body ?? {}) as IDataObject;
	const rateResponse = (response.rate_response ?? {}) as IDataObject;
	const rates = (isEstimate ? body : (rateResponse.rates ?? [])) as IDataObject[];
	const context: IDataObject = isEstimate
		? {}
		: { shipment_id: response.shipment_id ?? rateResponse.shipment_id, rate_request_id: rateResponse.rate_request_id };
	const paired = (json: IDataObject): INodeExecutionData => ({ json, pairedItem: { item: itemIndex } });

	if (mode === 'all' && !isEstimate) return [paired(response)];
	if (mode === 'all' || mode === 'eachRate') {
		if (!rates.length) throw noRatesError(this, response, rates);
		return rates.map((rate) => paired({ ...context, ...rate }));
	}
	const rate = pickRate(rates, mode);
	if (!rate) throw noRatesError(this, response, rates);
	return [paired({ ...context, ...rate })];
}
