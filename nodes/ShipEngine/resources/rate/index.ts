import type { INodeProperties } from 'n8n-workflow';

// Operation selector and fields of the Rate resource (to be filled in).
export const rateDescription: INodeProperties[] = [];
