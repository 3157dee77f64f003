import type { INodeProperties } from 'n8n-workflow';

import { shipEngineError } from '../../shared/errors';
import { pairWithInput } from '../../shared/labelOutput';
import { addressResults, addressValidatePreSend, validateAddresses } from './batch';
import { addressParseDescription } from './parse';
import { addressValidateDescription } from './validate';

const showOnlyForAddresses = { resource: ['address'] };

export const addressDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForAddresses },
		options: [
			{
				name: 'Parse',
				value: 'parse',
				action: 'Parse an address from free text for free',
				description:
					'Extract a structured address (name, lines, city, postal code, country) from free text with a confidence score. Nothing is validated: chain Validate after it.',
				routing: {
					request: { method: 'PUT', url: '/v1/addresses/recognize' },
					output: { postReceive: [shipEngineError, pairWithInput] },
				},
			},
			{
				name: 'Validate',
				value: 'validate',
				action: 'Validate an address counted against the plan validations',
				description:
					'Check and standardise a postal address: status verified / warning / unverified / error, the corrected (matched) address and messages. Needs the ShipEngine Advanced plan.',
				routing: {
					request: { method: 'POST', url: '/v1/addresses/validate' },
					send: { preSend: [addressValidatePreSend] },
					operations: { pagination: validateAddresses },
					output: { postReceive: [shipEngineError, addressResults] },
				},
			},
		],
		default: 'validate',
	},
	...addressValidateDescription,
	...addressParseDescription,
];
