/**
 * "Which rates to output", the same choice in both nodes: every rate as its own item, or only the
 * cheapest, the fastest or the best value ("cheapest rate → buy label" flows). Each API reads its
 * own rate shape through a `RateReader` (price, delivery days, the API's own marks, unusable rates);
 * the choosing is one implementation:
 * - a rate the API marks (ShipEngine's `rate_attributes`) wins;
 * - else cheapest = lowest total, fastest = fewest days then lowest total, best value = lowest
 *   total × days (a rate without days counts as slow), ties to the cheaper;
 * - unusable rates (errors, invalid) are never picked.
 */
import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

export type RatePick = 'cheapest' | 'fastest' | 'bestValue';
export type RateOutput = 'all' | 'eachRate' | RatePick;

export interface RateReader {
	total(rate: IDataObject): number;
	/** Delivery days; Infinity when unknown. */
	days(rate: IDataObject): number;
	/** Whether the API itself marks this rate as the pick. */
	marked?(rate: IDataObject, pick: RatePick): boolean;
	usable?(rate: IDataObject): boolean;
	/** Best value when nothing is marked: ShipEngine keeps its documented fallback, the cheapest. */
	bestValueFallback?: 'cheapest' | 'priceTimesDays';
}

export function pickRate(rates: IDataObject[], pick: RatePick, reader: RateReader): IDataObject | undefined {
	const candidates = rates.filter((rate) => reader.usable?.(rate) ?? true);
	const marked = reader.marked && candidates.find((rate) => reader.marked!(rate, pick));
	if (marked) return marked;
	const { total, days } = reader;
	const slow = (rate: IDataObject) => (Number.isFinite(days(rate)) ? days(rate) : 1e6);
	const score: Record<RatePick, (a: IDataObject, b: IDataObject) => number> = {
		cheapest: (a, b) => total(a) - total(b),
		fastest: (a, b) => days(a) - days(b) || total(a) - total(b),
		bestValue:
			(reader.bestValueFallback ?? 'priceTimesDays') === 'cheapest'
				? (a, b) => total(a) - total(b)
				: (a, b) => total(a) * slow(a) - total(b) * slow(b) || total(a) - total(b),
	};
	return [...candidates].sort(score[pick])[0];
}

/** Days from 2, "2" or a range "2-5" (its middle, 3.5: "1-2" is faster than "2", "2-5" slower); Infinity when none. */
export function daysOf(value: unknown): number {
	if (typeof value === 'number') return Number.isFinite(value) ? value : Infinity;
	const numbers = (String(value ?? '').match(/\d+(\.\d+)?/g) ?? []).map(Number);
	return numbers.length ? numbers.reduce((sum, n) => sum + n, 0) / numbers.length : Infinity;
}

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

export interface RateOutputTexts {
	bestValue: string;
	cheapest: string;
	eachRate: string;
	/** Present when the API's whole answer is worth outputting as one item ("Full Response"). */
	all?: string;
	description?: string;
}

/** The "Output" field both nodes' rate operations show. */
export function rateOutputField(show: Show, defaultValue: RateOutput, texts: RateOutputTexts): INodeProperties {
	const options: INodePropertyOptions[] = [
		{ name: 'Best Value Rate Only', value: 'bestValue', description: texts.bestValue },
		{ name: 'Cheapest Rate Only', value: 'cheapest', description: texts.cheapest },
		{ name: 'Fastest Rate Only', value: 'fastest', description: 'The fewest delivery days (then the cheapest)' },
		{ name: 'One Item per Rate', value: 'eachRate', description: texts.eachRate },
	];
	if (texts.all) options.push({ name: 'Full Response', value: 'all', description: texts.all });
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: options.sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultValue,
		description: texts.description ?? 'Which rates to output; pick the cheapest or fastest to feed a label purchase',
		displayOptions: { show },
	};
}
