/**
 * The same workflow imported into two fresh n8n installations (own user folders and encryption
 * keys, so n8n gives each its own instance id) that buy on ONE account: both number their first
 * execution 1 and keep the imported node ids. Each must buy its own label: ShipEngine with its
 * own external_shipment_id (no lookup finds the other's label), Stamps.com with its own
 * Idempotency-Key (SERA replays the first answer to a repeated key for 24 hours).
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSeraMock, startShipEngineMock, type SeraMockServer, type ShipEngineMockServer } from '../test/mock';
import { credentialsFor, SHIPENGINE_CREDENTIAL, STAMPS_CREDENTIAL } from './lib/credentials';
import { freePort, N8n, nodeItems, type ExecutionResult } from './lib/n8n';
import { runSucceeded } from './lib/versions';

const env = (name: string) => {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run the e2e suite with "npm run test:e2e"`);
	return value;
};

const WORKFLOW = {
	id: 'e2eTwoInstances01',
	name: 'Buy one ShipEngine and one Stamps.com label',
	active: false,
	settings: { executionOrder: 'v1' },
	pinData: {},
	nodes: [
		{ id: '6f1e2d3c-0000-4000-8000-000000000001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: '6f1e2d3c-0000-4000-8000-000000000002',
			name: 'Buy ShipEngine Label',
			type: 'n8n-nodes-shipengine.shipEngine',
			typeVersion: 1,
			position: [240, -100],
			parameters: {
				resource: 'label',
				operation: 'create',
				carrierId: 'se-100002',
				serviceCode: 'ups_ground',
				shipTo: { address: { name: 'Amanda Miller', addressLine1: '525 S Winchester Blvd', cityLocality: 'San Jose', stateProvince: 'CA', postalCode: '95128', countryCode: 'US' } },
				shipFrom: { address: { name: 'Warehouse A', phone: '512-555-1234', addressLine1: '4009 Marathon Blvd', cityLocality: 'Austin', stateProvince: 'TX', postalCode: '78756', countryCode: 'US' } },
				packages: { package: [{ weight: 20, weightUnit: 'ounce' }] },
			},
			credentials: { shipEngineApi: { id: SHIPENGINE_CREDENTIAL.id, name: SHIPENGINE_CREDENTIAL.name } },
		},
		{
			id: '6f1e2d3c-0000-4000-8000-000000000003',
			name: 'Buy Stamps.com Label',
			type: 'n8n-nodes-shipengine.stampsCom',
			typeVersion: 1,
			position: [240, 100],
			parameters: {
				resource: 'label',
				operation: 'create',
				shipFrom: { address: { name: 'Michael M', addressLine1: '1150 Magic Way', city: 'Anaheim', stateProvince: 'CA', postalCode: '92802', countryCode: 'US' } },
				shipTo: { address: { name: 'Minerva M', addressLine1: '351 S Studio Dr', city: 'Lake Buena Vista', stateProvince: 'FL', postalCode: '32830', countryCode: 'US' } },
				serviceType: 'usps_priority_mail',
				packagingType: 'package',
				weight: 4,
				weightUnit: 'ounce',
			},
			credentials: { stampsComOAuth2Api: { id: STAMPS_CREDENTIAL.id, name: STAMPS_CREDENTIAL.name } },
		},
	],
	connections: {
		Start: {
			main: [
				[
					{ node: 'Buy ShipEngine Label', type: 'main', index: 0 },
					{ node: 'Buy Stamps.com Label', type: 'main', index: 0 },
				],
			],
		},
	},
};

describe('the same workflow in two n8n installations on one account', () => {
	let shipEngine: ShipEngineMockServer;
	let sera: SeraMockServer;
	const runs: ExecutionResult[] = [];

	beforeAll(async () => {
		const ports = { shipEngine: await freePort(), sera: await freePort() };
		shipEngine = await startShipEngineMock({ port: ports.shipEngine });
		sera = await startSeraMock({ port: ports.sera });
		const work = join(env('E2E_WORK_DIR'), 'two-instances');
		for (const instance of ['a', 'b']) {
			// A fresh installation: its own user folder (database) and encryption key, the package
			// installed as globalSetup installed it for the main instance.
			const userFolder = join(work, instance);
			cpSync(join(env('E2E_USER_FOLDER'), '.n8n', 'nodes'), join(userFolder, '.n8n', 'nodes'), { recursive: true });
			const n8n = new N8n(userFolder, { N8N_ENCRYPTION_KEY: `n8n-nodes-shipengine-e2e-instance-${instance}` });
			// The Stamps.com credential as if connected (n8n keeps the token in the credential data).
			const token = { access_token: sera.issueAccessToken(), token_type: 'Bearer', expires_in: '900' };
			const credentials = credentialsFor(ports).map((credential) =>
				credential.type === 'stampsComOAuth2Api' ? { ...credential, data: { ...credential.data, oauthTokenData: token } } : credential,
			);
			const credentialsFile = join(work, `credentials-${instance}.json`);
			writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2));
			const workflows = join(work, `workflows-${instance}`);
			mkdirSync(workflows, { recursive: true });
			writeFileSync(join(workflows, 'workflow.json'), JSON.stringify(WORKFLOW, null, 2));
			await n8n.importCredentials(credentialsFile);
			await n8n.importWorkflows(workflows);
			const { run, cli } = await n8n.execute(WORKFLOW.id);
			if (!runSucceeded(run)) throw new Error(`instance ${instance}: ${run.status} ${JSON.stringify(run.data.resultData.error ?? {}).slice(0, 1500)}\n${cli.stdout.slice(-1500)}`);
			runs.push(run);
		}
	}, 600_000);
	afterAll(async () => {
		await shipEngine?.close();
		await sera?.close();
	});

	it('ShipEngine: each installation buys its own label with its own external shipment ID, no lookup', () => {
		const [a, b] = runs.map((run) => nodeItems(run, 'Buy ShipEngine Label')[0].json);
		expect(shipEngine.purchases).toBe(2);
		expect(a.label_id).not.toBe(b.label_id);
		expect(a.external_shipment_id).toMatch(/^n8n-[0-9a-f]{46}$/);
		expect(b.external_shipment_id).toMatch(/^n8n-[0-9a-f]{46}$/);
		expect(a.external_shipment_id).not.toBe(b.external_shipment_id);
		expect([a.reused_existing_label, b.reused_existing_label]).toEqual([false, false]);
		expect(shipEngine.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /v1/labels', 'POST /v1/labels']);
	});

	it('Stamps.com: each installation sends its own Idempotency-Key and gets its own label', () => {
		const [a, b] = runs.map((run) => nodeItems(run, 'Buy Stamps.com Label')[0].json);
		const purchases = sera.requests.filter((request) => request.method === 'POST' && request.path === '/sera/v1/labels');
		expect(purchases).toHaveLength(2);
		const keys = purchases.map((request) => request.headers['idempotency-key']);
		expect(keys[0]).not.toBe(keys[1]);
		expect(a.label_id).not.toBe(b.label_id);
	});
});
