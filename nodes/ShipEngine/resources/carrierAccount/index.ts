/**
 * Carrier Account resource: connect and disconnect carrier accounts, read and change their
 * settings (/v1/connections/carriers/{carrier_name}[/{carrier_id}[/settings]]).
 */
import type { INodeProperties } from 'n8n-workflow';

import { shipEngineError } from '../../shared/errors';
import { pairWithInput } from '../../shared/labelOutput';
import { successOutput } from '../../shared/output';
import { checkConnected, connectBody, carrierAccountFields, settingsBody } from './fields';

const showOnlyForCarrierAccounts = { resource: ['carrierAccount'] };

const connectionUrl = '/v1/connections/carriers/{carrierName}/{carrierId}';

const accountDone = (what: 'disconnected' | 'settingsUpdated') =>
	successOutput((ctx) => ({
		carrier_id: String(ctx.getNodeParameter('carrierId', '')).trim(),
		carrier_name: String(ctx.getNodeParameter('carrierName', '')).trim(),
		[what]: true,
	}));

export const carrierAccountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForCarrierAccounts },
		options: [
			{
				name: 'Connect',
				value: 'connect',
				action: 'Connect a carrier account for free',
				description:
					'Connect your own carrier account (UPS, FedEx, DHL, Stamps.com…) to ShipEngine with its account details; outputs the new carrier_id',
				routing: {
					request: { method: 'POST', url: '/v1/connections/carriers/{carrierName}' },
					send: { preSend: [connectBody] },
					output: { postReceive: [shipEngineError, pairWithInput] },
				},
			},
			{
				name: 'Disconnect',
				value: 'disconnect',
				action: 'Disconnect a carrier account for free',
				description:
					'Remove a connected carrier account from ShipEngine: no more labels or rates with it until it is connected again (cannot be undone); outputs { success, carrier_id, disconnected }',
				routing: {
					request: { method: 'DELETE', url: connectionUrl },
					send: { preSend: [checkConnected] },
					output: { postReceive: [shipEngineError, accountDone('disconnected')] },
				},
			},
			{
				name: 'Get Settings',
				value: 'getSettings',
				action: 'Get the settings of a carrier account for free',
				description: 'Get the settings of a connected carrier account (DHL Express, FedEx, UPS and others that have settings)',
				routing: {
					request: { method: 'GET', url: `${connectionUrl}/settings` },
					send: { preSend: [checkConnected] },
					output: { postReceive: [shipEngineError, pairWithInput] },
				},
			},
			{
				name: 'Update Settings',
				value: 'updateSettings',
				action: 'Update the settings of a carrier account for free',
				description: 'Change settings of a connected carrier account (only the settings given are sent)',
				routing: {
					request: { method: 'PUT', url: `${connectionUrl}/settings` },
					send: { preSend: [checkConnected, settingsBody] },
					output: { postReceive: [shipEngineError, accountDone('settingsUpdated')] },
				},
			},
		],
		default: 'connect',
	},
	...carrierAccountFields,
];
