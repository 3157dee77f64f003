import type { INodeProperties } from 'n8n-workflow';

// Operation selector and fields of the Manifest resource (to be filled in).
export const manifestDescription: INodeProperties[] = [];
