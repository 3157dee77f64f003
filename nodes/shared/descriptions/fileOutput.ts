/**
 * "Put Output File in Field": the binary field both nodes write label and document files to.
 * Same label, default, hint and place in both nodes: last, after the Additional Fields and
 * Options collections (ShipEngine: right after its Download Label toggle). Last rather than
 * before the collections because then every operation's copy is one merged property
 * (nodes/shared/mergeFields.ts): 3 fewer properties for n8n to walk per item.
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
