/**
 * The Resource selector and every resource's operations and fields. Each resource lives in
 * resources/<resource>/index.ts (Operation selector with routing) and its operation files.
 */
import type { INodeProperties } from 'n8n-workflow';

import { accountDescription } from './account';
import { addressDescription } from './address';
import { balanceDescription } from './balance';
import { carrierDescription } from './carrier';
import { containerLabelDescription } from './containerLabel';
import { labelDescription } from './label';
import { manifestDescription } from './manifest';
import { pickupDescription } from './pickup';
import { rateDescription } from './rate';
import { trackingDescription } from './tracking';

export const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Account', value: 'account' },
		{ name: 'Address', value: 'address' },
		{ name: 'Balance', value: 'balance' },
		{ name: 'Carrier', value: 'carrier' },
		{ name: 'Container Label', value: 'containerLabel' },
		{ name: 'Label', value: 'label' },
		{ name: 'Manifest', value: 'manifest' },
		{ name: 'Pickup', value: 'pickup' },
		{ name: 'Rate', value: 'rate' },
		{ name: 'Tracking', value: 'tracking' },
	],
	default: 'label',
};

export const resourceDescriptions: INodeProperties[] = [
	...accountDescription,
	...addressDescription,
	...balanceDescription,
	...carrierDescription,
	...containerLabelDescription,
	...labelDescription,
	...manifestDescription,
	...pickupDescription,
	...rateDescription,
	...trackingDescription,
];
