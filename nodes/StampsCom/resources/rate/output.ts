/**
 * Rate > Get output: every rate as its own item (as before), or only the cheapest, fastest or best
 * value rate, chosen by the same code as ShipEngine's rates (nodes/shared/rateChoice.ts). SERA
 * marks no rate, so the picks are computed: price from `shipment_cost.total_amount`, days from
 * `estimated_delivery_days` (a range "2-5" counts as 3.5), best value = lowest price × days.
 */
import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { daysOf, pickRate, type RateOutput, type RateReader } from '../../../shared/rateChoice';
import { toItems } from '../../shared/output';

const SERA_RATES: RateReader = {
	total: (rate) => Number((rate.shipment_cost as IDataObject | undefined)?.total_amount),
	days: (rate) => daysOf(rate.estimated_delivery_days),
	usable: (rate) => Number.isFinite(Number((rate.shipment_cost as IDataObject | undefined)?.total_amount)),
	bestValueFallback: 'priceTimesDays',
};

type ItemsPostReceive = (this: IExecuteSingleFunctions, items: INodeExecutionData[], response: IN8nHttpFullResponse) => Promise<INodeExecutionData[]>;

const eachRate = toItems() as ItemsPostReceive;

/** postReceive after SERA's error mapper. */
export async function seraRateOutput(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const rates = await eachRate.call(this, items, response);
	const mode = this.getNodeParameter('output', 'eachRate') as RateOutput;
	if (mode === 'eachRate' || mode === 'all') return rates;
	const picked = pickRate(rates.map((rate) => rate.json), mode, SERA_RATES);
	if (!picked) {
		throw Object.assign(
			new NodeOperationError(this.getNode(), 'No usable rate was returned for this shipment', {
				itemIndex: this.getItemIndex(),
				description: 'SERA answered without a priced rate. Check the addresses, package and filters.',
			}),
			// A good answer, not a network failure: the shared retry policy must not repeat it.
			{ code: 'NO_USABLE_RATE' },
		);
	}
	return [{ json: picked, pairedItem: { item: this.getItemIndex() } }];
}
