/**
 * The Resource selector and every resource's operations and fields. Each resource lives in
 * resources/<resource>/index.ts (Operation selector with routing) and one file per operation.
 */
import type { INodeProperties } from 'n8n-workflow';

import { accountDescription } from './account';
import { addressDescription } from './address';
import { balanceDescription } from './balance';
import { batchDescription } from './batch';
import { carrierDescription } from './carrier';
import { carrierAccountDescription } from './carrierAccount';
import { fileDescription } from './file';
import { labelDescription } from './label';
import { labelImageDescription } from './labelImage';
import { manifestDescription } from './manifest';
import { packageTypeDescription } from './packageType';
import { pickupDescription } from './pickup';
import { rateDescription } from './rate';
import { servicePointDescription } from './servicePoint';
import { shipmentDescription } from './shipment';
import { tagDescription } from './tag';
import { trackingDescription } from './tracking';
import { warehouseDescription } from './warehouse';
import { webhookDescription } from './webhook';
import { byVersion } from '../shared/versions';

/** Version 1 started on Label (and its Create, which buys a label); 1.1 on Tracking (shared/versions.ts). */
const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Account', value: 'account' },
		{ name: 'Address', value: 'address' },
		{ name: 'Balance', value: 'balance' },
		{ name: 'Batch', value: 'batch' },
		{ name: 'Carrier', value: 'carrier' },
		{ name: 'Carrier Account', value: 'carrierAccount' },
		{ name: 'File', value: 'file' },
		{ name: 'Label', value: 'label' },
		{ name: 'Label Image', value: 'labelImage' },
		{ name: 'Manifest', value: 'manifest' },
		{ name: 'Package Type', value: 'packageType' },
		{ name: 'Pickup', value: 'pickup' },
		{ name: 'Rate', value: 'rate' },
		{ name: 'Service Point', value: 'servicePoint' },
		{ name: 'Shipment', value: 'shipment' },
		{ name: 'Tag', value: 'tag' },
		{ name: 'Tracking', value: 'tracking' },
		{ name: 'Warehouse', value: 'warehouse' },
		{ name: 'Webhook', value: 'webhook' },
	],
	default: 'tracking',
};

export const resourceSelectors: INodeProperties[] = byVersion(resourceSelector, { default: 'label' });

export const resourceDescriptions: INodeProperties[] = [
	...accountDescription,
	...addressDescription,
	...balanceDescription,
	...batchDescription,
	...carrierDescription,
	...carrierAccountDescription,
	...fileDescription,
	...labelDescription,
	...labelImageDescription,
	...manifestDescription,
	...packageTypeDescription,
	...pickupDescription,
	...rateDescription,
	...servicePointDescription,
	...shipmentDescription,
	...tagDescription,
	...trackingDescription,
	...warehouseDescription,
	...webhookDescription,
];
