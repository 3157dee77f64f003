import type { INodeProperties } from 'n8n-workflow';

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

/** A required ID field used in a URL path (never sent in the body). */
export function idField(displayName: string, name: string, show: Show, description: string, placeholder = 'e.g. se-123456'): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', placeholder, description, displayOptions: { show } };
}

/**
 * One description for every operation on purpose: identical definitions merge into one property
 * (nodes/shared/mergeFields.ts), and n8n evaluates an expression in Label ID once per definition,
 * twice per item (bench/RESULTS.md, "Memory").
 */
export function labelIdField(show: Show): INodeProperties {
	return idField('Label ID', 'labelId', show, 'ID of the label, e.g. se-123456 (for Create Return: the outbound label to return)');
}
