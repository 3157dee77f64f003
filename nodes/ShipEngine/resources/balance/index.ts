import type { INodeProperties } from 'n8n-workflow';

// Operation selector and fields of the Balance resource (to be filled in).
export const balanceDescription: INodeProperties[] = [];
