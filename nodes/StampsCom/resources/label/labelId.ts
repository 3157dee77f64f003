import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

export function labelIdField(show: IDisplayOptions['show'], description: string): INodeProperties {
	return {
		displayName: 'Label ID',
		name: 'labelId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 13bab305-a5eb-4ad6-a1d2-e5b545e764fb',
		description,
		displayOptions: { show },
	};
}
