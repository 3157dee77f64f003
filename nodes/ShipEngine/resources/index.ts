/**
 * The Resource selector and every resource's operations and fields. Each resource lives in
 * resources/<resource>/index.ts (Operation selector with routing) and one file per operation.
 */
import type { INodeProperties } from 'n8n-workflow';

import { carrierDescription } from './carrier';

export const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Carrier', value: 'carrier' },
	],
	default: 'carrier',
};

export const resourceDescriptions: INodeProperties[] = [...carrierDescription];
