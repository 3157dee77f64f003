/**
 * ShipEngine Trigger under `n8n start`, driven like a user in the editor (REST API, owner session):
 *  1. activating the workflow registers one webhook with the ShipEngine mock: event `track`,
 *     URL = n8n's production webhook URL of the trigger node;
 *  2. a correctly signed delivery (RSA-SHA256 over "<timestamp>.<raw body>", key from the mock's
 *     /jwks) is answered 200 and runs the workflow: one execution whose trigger item carries the
 *     payload plus `event` / `delivery`, and the next node's GET /v1/tracking built from it;
 *  3. forged, unsigned, stale and replayed deliveries start nothing;
 *  4. deactivating deletes the webhook on the mock, and the URL stops answering.
 */
import { signDelivery, startShipEngineMock, WEBHOOK_KEY_ID, type RecordedRequest, type ShipEngineMockServer } from '../test/mock';
import { SHIPENGINE_TEST_KEY } from './lib/credentials';
import { exampleWorkflow, n8n, shipEnginePort } from './lib/harness';
import { freePort, type ExecutionResult, type RunningN8n } from './lib/n8n';
import { N8nSession, unflatten } from './lib/rest';
import { activateWorkflow, deactivateWorkflow, unpublishArgs } from './lib/versions';

const WORKFLOW = exampleWorkflow('shipengine-tracking-webhook.json');
const TRIGGER = WORKFLOW.nodes.find((node) => node.type === 'n8n-nodes-shipengine.shipEngineTrigger') as unknown as {
	name: string;
	webhookId: string;
};
const TRACKING_NUMBER = '9400111899223197428490';
/** Marks the test's own look-ups on the mock, so they are not mistaken for n8n's requests. */
const PROBE = 'x-e2e-probe';

interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	workflowId: string;
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let value = await read();
	while (!done(value) && Date.now() < deadline) {
		await sleep(250);
		value = await read();
	}
	return value;
}

describe('ShipEngine Trigger in real n8n', () => {
	let shipEngine: ShipEngineMockServer;
	let server: RunningN8n | undefined;
	let session: N8nSession;

	/** What n8n asked the mock, as "METHOD /path". */
	const n8nCalls = (): RecordedRequest[] => shipEngine.requests.filter((request) => !request.headers[PROBE]);
	const calls = () => n8nCalls().map((request) => `${request.method} ${request.path}`);
	const trackingCalls = () => n8nCalls().filter((request) => request.method === 'GET' && request.path === '/v1/tracking');

	async function mockWebhooks(): Promise<Array<{ webhook_id: string; url: string; event: string }>> {
		const response = await fetch(`${shipEngine.url}/v1/environment/webhooks`, {
			headers: { 'api-key': SHIPENGINE_TEST_KEY, [PROBE]: '1' },
		});
		return (await response.json()) as Array<{ webhook_id: string; url: string; event: string }>;
	}

	async function executions(): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW.id }));
		const page = await session.data<{ results: ExecutionSummary[] }>('GET', `/rest/executions?filter=${filter}&limit=50`);
		return page.results;
	}

	async function deliver(body: string, headers: Record<string, string>): Promise<number> {
		const url = `${server!.url}/webhook/${TRIGGER.webhookId}/webhook`;
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
		await response.arrayBuffer();
		return response.status;
	}

	/** n8n answers 404 until the activated workflow's webhook is routed; the trigger never does for a signed delivery. */
	async function deliverOnceRouted(body: string, headers: Record<string, string>): Promise<number> {
		return await waitFor(async () => await deliver(body, headers), (status) => status !== 404, 30_000);
	}

	beforeAll(async () => {
		shipEngine = await startShipEngineMock({ port: shipEnginePort() });
	});
	afterAll(async () => await shipEngine.close());

	it('registers its webhook on activation, runs on a signed delivery, refuses forged ones, and deletes it on deactivation', async () => {
		const instance = n8n();
		server = await instance.start(await freePort());
		let deactivated = false;
		try {
			session = new N8nSession(server.url);
			await session.signIn();
			const productionUrl = `${server.url}/webhook/${TRIGGER.webhookId}/webhook`;

			// 1. Activate (the editor's "Publish"): n8n calls the trigger's checkExists, then create.
			const stored = await session.data<{ active: boolean }>('GET', `/rest/workflows/${WORKFLOW.id}`);
			expect(stored.active).toBe(false);
			expect(await activateWorkflow(session, WORKFLOW.id)).toBe(true);
			// n8n 2.41 publishes through an outbox: the trigger's hooks run moments after the answer.
			await waitFor(calls, (list) => list.length >= 2, 60_000);
			expect(calls()).toEqual(['GET /v1/environment/webhooks', 'POST /v1/environment/webhooks']);
			const registration = n8nCalls()[1];
			expect(registration.body).toEqual({ event: 'track', url: productionUrl });
			expect(registration.headers['api-key']).toBe(SHIPENGINE_TEST_KEY);
			const hooks = await mockWebhooks();
			expect(hooks).toEqual([expect.objectContaining({ event: 'track', url: productionUrl })]);
			const webhookId = hooks[0].webhook_id;

			// 2. A signed tracking update, byte for byte as signed.
			const body = JSON.stringify({
				resource_url: `https://api.shipengine.com/v1/tracking?carrier_code=usps&tracking_number=${TRACKING_NUMBER}`,
				resource_type: 'API_TRACK',
				data: { tracking_number: TRACKING_NUMBER, carrier_code: 'usps', status_code: 'IT', status_description: 'In Transit' },
			});
			const signed = signDelivery(body);
			expect(await deliverOnceRouted(body, { ...signed })).toBe(200);

			const ran = await waitFor(executions, (list) => list.length === 1 && list[0].status === 'success', 60_000);
			expect(ran).toEqual([expect.objectContaining({ status: 'success', mode: 'webhook', workflowId: WORKFLOW.id })]);
			const jwks = n8nCalls().filter((request) => request.path === '/jwks');
			expect(jwks).toHaveLength(1);
			expect(jwks[0].headers['api-key']).toBeUndefined();
			expect(trackingCalls()).toHaveLength(1);
			expect(trackingCalls()[0].query).toEqual({ carrier_code: 'usps', tracking_number: TRACKING_NUMBER });
			expect(trackingCalls()[0].headers['api-key']).toBe(SHIPENGINE_TEST_KEY);

			const execution = await session.data<{ data: string }>('GET', `/rest/executions/${ran[0].id}`);
			const { runData } = (unflatten(execution.data) as ExecutionResult['data']).resultData;
			const [triggerItem] = runData[TRIGGER.name][0].data?.main?.[0] ?? [];
			expect(triggerItem.json).toEqual({
				event: 'track',
				...(JSON.parse(body) as Record<string, unknown>),
				delivery: {
					signatureVerified: true,
					keyId: WEBHOOK_KEY_ID,
					timestamp: signed['x-shipengine-timestamp'],
					receivedAt: expect.any(String),
				},
			});
			const [history] = runData['Tracking History'][0].data?.main?.[0] ?? [];
			expect(history.json).toMatchObject({ tracking_number: TRACKING_NUMBER, status_code: expect.any(String) });

			// 3. Nothing else starts the workflow.
			const otherNumber = body.replace(new RegExp(TRACKING_NUMBER, 'g'), '9400111899223197420000');
			expect(await deliver(otherNumber, { ...signDelivery(body) })).toBe(401); // tampered body
			const badSignature = { ...signDelivery(body), 'x-shipengine-rsa-sha256-signature': signDelivery(otherNumber)['x-shipengine-rsa-sha256-signature'] };
			expect(await deliver(body, badSignature)).toBe(401); // signature of another body
			expect(await deliver(body, {})).toBe(404); // unsigned: answered as if nothing listened
			expect(await deliver(body, { ...signDelivery(body, new Date(Date.now() - 3_600_000).toISOString()) })).toBe(400); // stale
			expect(await deliver(body, { ...signed })).toBe(200); // replay: acknowledged, dropped
			await sleep(3000);
			expect(await executions()).toHaveLength(1);
			expect(trackingCalls()).toHaveLength(1);

			// 4. Deactivate (the editor's "Unpublish"): the webhook is deleted on ShipEngine.
			const before = n8nCalls().length;
			expect(await deactivateWorkflow(session, WORKFLOW.id)).toBe(false);
			deactivated = true;
			await waitFor(calls, (list) => list.length > before, 60_000);
			expect(calls().slice(before)).toEqual([`DELETE /v1/environment/webhooks/${webhookId}`]);
			expect(await mockWebhooks()).toEqual([]);
			expect(await deliver(body, { ...signDelivery(body) })).toBe(404);
			expect(await executions()).toHaveLength(1);
		} catch (error) {
			if (error instanceof Error) error.message += `\n--- n8n log (last 8000 chars) ---\n${server.output.slice(-8000)}`;
			throw error;
		} finally {
			await server.stop();
			// Leave no active trigger behind for the other files' `n8n start`.
			if (!deactivated) await instance.cli(unpublishArgs(WORKFLOW.id));
		}
	});
});
