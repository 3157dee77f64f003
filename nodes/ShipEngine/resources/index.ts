/**
 * The Resource selector and every resource's operations and fields. Each resource lives in
 * resources/<resource>/index.ts (Operation selector with routing) and one file per operation.
 */
import type { INodeProperties } from 'n8n-workflow';

import { addressDescription } from './address';
import { balanceDescription } from './balance';
import { batchDescription } from './batch';
import { carrierDescription } from './carrier';
import { labelDescription } from './label';
import { manifestDescription } from './manifest';
import { pickupDescription } from './pickup';
import { rateDescription } from './rate';
import { shipmentDescription } from './shipment';
import { trackingDescription } from './tracking';
import { byVersion } from '../shared/versions';

/** Version 1 started on Label (and its Create, which buys a label); 1.1 on Tracking (shared/versions.ts). */
const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Address', value: 'address' },
		{ name: 'Balance', value: 'balance' },
		{ name: 'Batch', value: 'batch' },
		{ name: 'Carrier', value: 'carrier' },
		{ name: 'Label', value: 'label' },
		{ name: 'Manifest', value: 'manifest' },
		{ name: 'Pickup', value: 'pickup' },
		{ name: 'Rate', value: 'rate' },
		{ name: 'Shipment', value: 'shipment' },
		{ name: 'Tracking', value: 'tracking' },
	],
	default: 'tracking',
};

export const resourceSelectors: INodeProperties[] = byVersion(resourceSelector, { default: 'label' });

export const resourceDescriptions: INodeProperties[] = [
	...addressDescription,
	...balanceDescription,
	...batchDescription,
	...carrierDescription,
	...labelDescription,
	...manifestDescription,
	...pickupDescription,
	...rateDescription,
	...shipmentDescription,
	...trackingDescription,
];
