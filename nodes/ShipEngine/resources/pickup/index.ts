import type { INodeProperties } from 'n8n-workflow';

// Operation selector and fields of the Pickup resource (to be filled in).
export const pickupDescription: INodeProperties[] = [];
