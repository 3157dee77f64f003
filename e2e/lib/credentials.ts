/**
 * The credentials the example workflows reference by name, pointed at the local mocks through
 * the credentials' own host overrides. Imported with `n8n import:credentials`, which encrypts
 * `data` with the instance key. Their ids differ from the ids in examples/workflows on purpose:
 * as in a user's instance, `n8n import:workflow` finds them by name and type.
 */
export const SHIPENGINE_CREDENTIAL = { id: 'e2eSeCredential1', name: 'ShipEngine account' };
export const STAMPS_CREDENTIAL = { id: 'e2eStCredential1', name: 'Stamps.com account' };
/** n8n's own OpenAI credential, its Base URL on the local chat-model mock (AI Agent runs). */
export const OPENAI_CREDENTIAL = { id: 'e2eOaCredential1', name: 'Mock OpenAI account' };
export const OPENAI_TEST_KEY = 'sk-e2e-mock-chat-model';
/** n8n's own SMTP credential for the Send Email node, pointed at the SMTP stand-in (e2e/lib/smtp.ts). */
export const SMTP_CREDENTIAL = { id: 'e2eSmtpCredentl1', name: 'Warehouse SMTP' };

export const SHIPENGINE_TEST_KEY = 'TEST_e2e_4mZq9ShipEngineKey';
export const STAMPS_CLIENT = { clientId: 'e2e-client-id', clientSecret: 'e2e-client-secret-9f3k' };

export interface MockPorts {
	shipEngine: number;
	sera: number;
	/** The chat-model mock (AI Agent runs); without it no OpenAI credential is imported. */
	chatModel?: number;
	/** The SMTP stand-in; without it no SMTP credential is imported. */
	smtp?: number;
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
				useCustomHosts: true,
				apiBaseUrl: `http://127.0.0.1:${ports.sera}/sera`,
				signInHost: `http://127.0.0.1:${ports.sera}/signin`,
				...STAMPS_CLIENT,
			},
		},
		...(ports.chatModel
			? [
					{
						...OPENAI_CREDENTIAL,
						type: 'openAiApi',
						data: { apiKey: OPENAI_TEST_KEY, url: `http://127.0.0.1:${ports.chatModel}/v1` },
					},
				]
			: []),
		...(ports.smtp
			? [
					{
						...SMTP_CREDENTIAL,
						type: 'smtp',
						data: { user: '', password: '', host: '127.0.0.1', port: ports.smtp, secure: false, disableStartTls: true },
					},
				]
			: []),
	];
}
