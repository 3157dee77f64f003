import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

const pickOptions: INodePropertyOptions[] = [
	{ name: 'Best Value Rate Only', value: 'bestValue', description: 'The rate ShipEngine marks best_value (else the cheapest)' },
	{ name: 'Cheapest Rate Only', value: 'cheapest', description: 'The lowest total price (shipping + insurance + confirmation + other)' },
	{ name: 'Fastest Rate Only', value: 'fastest', description: 'The fewest delivery days (then the cheapest)' },
	{ name: 'One Item per Rate', value: 'eachRate', description: 'Each rate as its own item, with the shipment ID' },
];

export function rateOutputField(show: Show, defaultValue: string, withAll = true): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: (withAll
			? [{ name: 'Full Response', value: 'all', description: 'The shipment and its rate_response, as one item' }, ...pickOptions]
			: pickOptions
		).sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultValue,
		description: 'Which rates to output; pick the cheapest or fastest to feed Label > Create From Rate',
		displayOptions: { show },
	};
}
