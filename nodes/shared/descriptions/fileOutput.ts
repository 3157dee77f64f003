/**
 * "Put Output File in Field": the binary field both nodes write label and document files to.
 * Same label, default, hint and place in both nodes: after the operation's own fields, before
 * the Additional Fields and Options collections.
 */
import type { INodeProperties } from 'n8n-workflow';

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

export function fileOutputField(show: Show, description?: string): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
		description: description ?? 'Name of the binary field the file goes into',
		displayOptions: { show },
	};
}
