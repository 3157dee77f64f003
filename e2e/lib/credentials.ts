/**
 * The credentials the example workflows reference (by these ids and names), pointed at the
 * local mocks through the credentials' own host overrides. Imported with
 * `n8n import:credentials`, which encrypts `data` with the instance key.
 */
export const SHIPENGINE_CREDENTIAL = { id: 'e2eShipEngineCrd', name: 'ShipEngine account' };
export const STAMPS_CREDENTIAL = { id: 'e2eStampsComCred', name: 'Stamps.com account' };

export const SHIPENGINE_TEST_KEY = 'TEST_e2e_4mZq9ShipEngineKey';
export const STAMPS_CLIENT = { clientId: 'e2e-client-id', clientSecret: 'e2e-client-secret-9f3k' };

export interface MockPorts {
	shipEngine: number;
	sera: number;
}

export function credentialsFor(ports: MockPorts) {
	return [
		{
			...SHIPENGINE_CREDENTIAL,
			type: 'shipEngineApi',
			data: { apiKey: SHIPENGINE_TEST_KEY, baseUrl: `http://127.0.0.1:${ports.shipEngine}` },
		},
		{
			...STAMPS_CREDENTIAL,
			type: 'stampsComOAuth2Api',
			data: {
				environment: 'staging',
				apiBaseUrl: `http://127.0.0.1:${ports.sera}/sera`,
				signInHost: `http://127.0.0.1:${ports.sera}/signin`,
				...STAMPS_CLIENT,
			},
		},
	];
}
