/**
 * ShipEngine Trigger under `n8n start`: activation registers the webhook with the mock, a
 * correctly signed delivery (RSA-SHA256 over "<timestamp>.<raw body>", key from the mock's
 * /jwks) runs the workflow, a forged one is refused and runs nothing.
 * Skipped while the package does not contain the trigger node (see package.e2e.ts).
 */
import { signDelivery, startShipEngineMock, type ShipEngineMockServer } from '../test/mock';
import { exampleWorkflow, missingPackageFiles, n8n, shipEnginePort } from './lib/harness';
import { freePort } from './lib/n8n';

const WORKFLOW = 'shipengine-tracking-webhook.json';
const hasTrigger = !missingPackageFiles().some((file) => file.includes('ShipEngineTrigger'));

const trackingCalls = (mock: ShipEngineMockServer) =>
	mock.requests.filter((request) => request.method === 'GET' && request.path === '/v1/tracking');

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (check()) return true;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return check();
}

(hasTrigger ? describe : describe.skip)('ShipEngine Trigger in real n8n', () => {
	let shipEngine: ShipEngineMockServer;

	beforeAll(async () => {
		shipEngine = await startShipEngineMock({ port: shipEnginePort() });
	});
	afterAll(async () => await shipEngine.close());

	it('registers its webhook, runs on a signed delivery and refuses a forged one', async () => {
		const instance = n8n();
		await instance.publishWorkflow(exampleWorkflow(WORKFLOW).id);
		const server = await instance.start(await freePort());
		try {
			const registration = shipEngine.requests.find(
				(request) => request.method === 'POST' && request.path === '/v1/environment/webhooks',
			);
			expect(registration?.body).toMatchObject({ event: 'track', url: expect.stringContaining(server.url) });
			const webhookUrl = String((registration?.body as { url: string }).url);

			const body = JSON.stringify({
				resource_url: `${shipEngine.url}/v1/tracking?carrier_code=usps&tracking_number=9400111899223197428490`,
				resource_type: 'API_TRACK',
				data: { tracking_number: '9400111899223197428490', carrier_code: 'usps', status_code: 'IT' },
			});
			const signed = await fetch(webhookUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...signDelivery(body) },
				body,
			});
			expect(signed.status).toBe(200);
			expect(await waitFor(() => trackingCalls(shipEngine).length === 1, 30_000)).toBe(true);
			expect(trackingCalls(shipEngine)[0].query).toEqual({ carrier_code: 'usps', tracking_number: '9400111899223197428490' });

			// Same headers, tampered body (another tracking number): the signature no longer matches.
			const forgedBody = body.replace(/9400111899223197428490/g, '9400111899223197420000');
			const forged = await fetch(webhookUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...signDelivery(body) },
				body: forgedBody,
			});
			expect([401, 403]).toContain(forged.status);
			await new Promise((resolve) => setTimeout(resolve, 3000));
			expect(trackingCalls(shipEngine)).toHaveLength(1);
		} finally {
			await server.stop();
			// Leave no active trigger behind for the other files' `n8n start`.
			await instance.unpublishWorkflow(exampleWorkflow(WORKFLOW).id);
		}
	});
});
