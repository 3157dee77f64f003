/**
 * What the browser test runs against: the ShipEngine and SERA mocks on the ports the e2e
 * globalSetup gave the credentials, and `n8n start` on the e2e user folder (the packed package
 * installed as a community package), with the owner account set up and the Stamps.com
 * credential connected through n8n's OAuth2 flow.
 */
import { startSeraMock, startShipEngineMock, type SeraMockServer, type ShipEngineMockServer } from '../../test/mock';
import { n8n, seraPort, shipEnginePort } from '../../e2e/lib/harness';
import { freePort, type RunningN8n } from '../../e2e/lib/n8n';
import { connectStampsCredential } from '../../e2e/lib/oauth';
import { N8nSession } from '../../e2e/lib/rest';
import type { ChildProcess } from 'node:child_process';

export interface Stack {
	shipEngine: ShipEngineMockServer;
	sera: SeraMockServer;
	server: RunningN8n;
	session: N8nSession;
	stop(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
	const attach = process.env.UI_N8N_URL;
	if (attach) return await attachStack(attach);
	// records: a webhook, custom package type, label image and tag, so their dropdowns have entries.
	const shipEngine = await startShipEngineMock({ port: shipEnginePort(), records: true });
	const sera = await startSeraMock({ port: seraPort() });
	const closeMocks = async () => await Promise.all([shipEngine.close(), sera.close()]);
	// A busy machine (CI runners, parallel jobs) can take minutes to boot n8n.
	const server = await n8n()
		.start(await freePort(), 300_000)
		.catch(async (error: unknown) => {
			await closeMocks();
			throw error;
		});
	const stop = async () => {
		await server.stop();
		await closeMocks();
	};
	try {
		const session = new N8nSession(server.url);
		await session.signIn();
		await connectStampsCredential(session);
		return { shipEngine, sera, server, session, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

/**
 * UI_N8N_URL: use an n8n (and mocks) already running with the e2e user folder, for working on
 * the test without a fresh set-up each run (`node -r ./scripts/register-ts.js ui/serve.ts`).
 */
async function attachStack(url: string): Promise<Stack> {
	const session = new N8nSession(url);
	await session.signIn();
	const none = undefined as unknown;
	const server = { url, output: '', child: none as ChildProcess } as RunningN8n;
	return { shipEngine: none as ShipEngineMockServer, sera: none as SeraMockServer, server, session, stop: async () => undefined };
}
