import type { INodeProperties } from 'n8n-workflow';

import { idField } from '../label/fields';

const showOnlyForPickupId = { resource: ['pickup'], operation: ['get', 'cancel'] };

export const pickupIdDescription: INodeProperties[] = [
	idField('Pickup ID', 'pickupId', showOnlyForPickupId, 'ID of the scheduled pickup, e.g. pik_3YcKU5zdtJuCqoeNwyqqbW', 'e.g. pik_3YcKU5zdtJuCqoeNwyqqbW'),
];
