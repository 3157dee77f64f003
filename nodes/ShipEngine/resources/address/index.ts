import type { INodeProperties } from 'n8n-workflow';

// Operation selector and fields of the Address resource (to be filled in).
export const addressDescription: INodeProperties[] = [];
