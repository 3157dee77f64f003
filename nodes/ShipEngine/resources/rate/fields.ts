/** The rate operations' Output field: the shared choice (nodes/shared/rateChoice.ts) in ShipEngine's words. */
import type { INodeProperties } from 'n8n-workflow';

import { rateOutputField as sharedRateOutputField, type RateOutput } from '../../../shared/rateChoice';

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

export function rateOutputField(show: Show, defaultValue: RateOutput, withAll = true): INodeProperties {
	return sharedRateOutputField(show, defaultValue, {
		bestValue: 'The rate ShipEngine marks best_value (else the cheapest)',
		cheapest: 'The lowest total price (shipping + insurance + confirmation + other)',
		eachRate: 'Each rate as its own item, with the shipment ID',
		...(withAll ? { all: 'The shipment and its rate_response, as one item' } : {}),
		description: 'Which rates to output; pick the cheapest or fastest to feed Label > Create From Rate',
	});
}
