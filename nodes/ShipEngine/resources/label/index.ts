import type { INodeProperties } from 'n8n-workflow';

// Operation selector and fields of the Label resource (to be filled in).
export const labelDescription: INodeProperties[] = [];
