import type { INodeProperties } from 'n8n-workflow';

import { carrierDropdown } from '../../shared/lookups';

const showOnlyForOneCarrier = { resource: ['carrier'], operation: ['disconnect', 'get', 'getOptions', 'getPackageTypes', 'getServices'] };

export const carrierFields: INodeProperties[] = [carrierDropdown(showOnlyForOneCarrier)];
