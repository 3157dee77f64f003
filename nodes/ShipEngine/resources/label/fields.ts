import type { INodeProperties } from 'n8n-workflow';

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

/** A required ID field used in a URL path (never sent in the body). */
export function idField(displayName: string, name: string, show: Show, description: string, placeholder = 'e.g. se-123456'): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', placeholder, description, displayOptions: { show } };
}

export function labelIdField(show: Show, description = 'ID of the label, e.g. se-123456'): INodeProperties {
	return idField('Label ID', 'labelId', show, description);
}
