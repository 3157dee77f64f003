/** Filter fields of the paged lists (Get Many), sent as query parameters. */
import type { INodeProperties } from 'n8n-workflow';

/** A query parameter named `property`. */
export const query = (property: string) => ({ send: { type: 'query' as const, property } });

/** An options filter from API values: "completed_with_errors" shows as "Completed with errors". */
export function choiceFilter(displayName: string, name: string, property: string, values: string[], fallback: string, description?: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		options: [...values].sort().map((value) => ({ name: value.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase()), value })),
		default: fallback,
		...(description ? { description } : {}),
		routing: query(property),
	};
}

/** Sort By (`sort_by`) and Sort Direction (`sort_dir`, default descending). */
export function sortFilters(sortBy: string[], fallback = 'created_at'): INodeProperties[] {
	return [
		choiceFilter('Sort By', 'sortBy', 'sort_by', sortBy, fallback, 'Which date to sort the list by'),
		{
			displayName: 'Sort Direction',
			name: 'sortDir',
			type: 'options',
			options: [
				{ name: 'Ascending', value: 'asc' },
				{ name: 'Descending', value: 'desc' },
			],
			default: 'desc',
			description: 'Oldest or newest first',
			routing: query('sort_dir'),
		},
	];
}
