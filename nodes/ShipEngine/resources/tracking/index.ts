import type { INodeProperties } from 'n8n-workflow';

// Operation selector and fields of the Tracking resource (to be filled in).
export const trackingDescription: INodeProperties[] = [];
