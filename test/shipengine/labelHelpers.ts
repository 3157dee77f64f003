/** Shared parameters and fixtures for the Label / Rate / Address engine tests. */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ShipEngine } from '../../nodes/ShipEngine/ShipEngine.node';
import type { NodeSettings } from '../helpers/engine';
import { runNode } from '../helpers/engine';
import { loadFixture } from '../helpers/fixtures';

export const API = 'https://api.shipengine.com';
export const API_KEY = 'TEST_label_key';
export const headers = { reqheaders: { 'API-Key': API_KEY } };

export function fixture<T = IDataObject>(name: string): T {
	return loadFixture<T>('shipengine', name);
}

export const shipToParam = {
	address: {
		name: 'Jane Doe',
		addressLine1: '525 S Winchester Blvd',
		cityLocality: 'San Jose',
		stateProvince: 'CA',
		postalCode: '95128',
		countryCode: 'us',
		addressResidentialIndicator: 'yes',
	},
};
export const shipFromParam = {
	address: {
		name: 'Warehouse A',
		phone: '512-555-1234',
		addressLine1: '4009 Marathon Blvd',
		cityLocality: 'Austin',
		stateProvince: 'TX',
		postalCode: '78756',
		countryCode: 'US',
	},
};
export const packagesParam = { package: [{ weight: 2.5, weightUnit: 'pound', length: 10, width: 8, height: 4, dimensionUnit: 'inch' }] };

export const apiShipTo = {
	name: 'Jane Doe',
	address_line1: '525 S Winchester Blvd',
	city_locality: 'San Jose',
	state_province: 'CA',
	postal_code: '95128',
	country_code: 'US',
	address_residential_indicator: 'yes',
};
export const apiShipFrom = {
	name: 'Warehouse A',
	phone: '512-555-1234',
	address_line1: '4009 Marathon Blvd',
	city_locality: 'Austin',
	state_province: 'TX',
	postal_code: '78756',
	country_code: 'US',
};
export const apiPackages = [
	{ weight: { value: 2.5, unit: 'pound' }, dimensions: { unit: 'inch', length: 10, width: 8, height: 4 } },
];

export function run(
	parameters: INodeParameters,
	options: {
		input?: INodeExecutionData[];
		settings?: NodeSettings;
		executionId?: string;
		nodeId?: string;
		instanceId?: string;
		workflowId?: string;
		typeVersion?: number;
	} = {},
) {
	return runNode({
		node: new ShipEngine(),
		parameters,
		credentials: { shipEngineApi: { apiKey: API_KEY, baseUrl: 'https://api.shipengine.com' } },
		input: options.input,
		settings: options.settings,
		executionId: options.executionId,
		nodeId: options.nodeId,
		instanceId: options.instanceId,
		workflowId: options.workflowId,
		typeVersion: options.typeVersion,
	});
}

export const errorBody = (code: string, message: string, requestId = '6c2a1f3e-8b7d-4e21-9f0a-1b2c3d4e5f60') => ({
	request_id: requestId,
	errors: [{ error_source: 'shipengine', error_type: 'validation', error_code: code, message }],
});
