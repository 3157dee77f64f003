/**
 * The nodes as tools of n8n's AI Agent, run by `n8n execute` like the other workflows. The chat
 * model is n8n's OpenAI Chat Model talking to a local OpenAI-compatible mock (test/mock/
 * chatModel.ts) that answers the first turn with one call of the ShipEngine Tool (Tracking ›
 * Get) and one of the Stamps.com Tool (Rate › Get), and the second turn with a text. Fields the
 * model fills are $fromAI expressions as the editor's "Let the model define this parameter"
 * writes them (e2e/lib/fromAi.ts). Asserted:
 *  - the tool schema n8n offers the model (the request's `tools`): a description on each tool
 *    and each parameter, Ship From and Ship To fields under distinct names, the carrier codes
 *    a model may use listed;
 *  - the requests that reach the ShipEngine and SERA mocks, built from the model's arguments;
 *  - the agent's answer after the tool results came back.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	startChatModelMock,
	startSeraMock,
	startShipEngineMock,
	type ChatCompletionRequest,
	type ChatModelMockServer,
	type ChatTool,
	type SeraMockServer,
	type ShipEngineMockServer,
} from '../test/mock';
import { agentWorkflow, AGENT_VERSION, shippingTools } from './lib/agent';
import { credentialsFor } from './lib/credentials';
import type { ModelFields } from './lib/fromAi';
import { chatModelPort, n8n, seraPort, shipEnginePort } from './lib/harness';
import { nodeItems } from './lib/n8n';
import { atLeast, onlyOn, runSucceeded, TOOLS_RUN_FROM } from './lib/versions';

/** Tests that need the tools to run (n8n before 1.109.0 never calls them: e2e/lib/versions.ts). */
const itWhenToolsRun = onlyOn((_major, version) => atLeast(version, TOOLS_RUN_FROM), `n8n before ${TOOLS_RUN_FROM} does not run declarative nodes that have dropdowns as AI tools (README "Compatibility")`);

const WORKFLOW_ID = 'e2eAgentTools001';
const STAMPS_AGENT_CREDENTIAL = { id: 'e2eStAgentCred01', name: 'Stamps.com account (agent run)' };
const TRACKING_NUMBER = '9400111899223197428490';
const FINAL_ANSWER = 'Your package is on its way; postage quoted.';

const { shipEngine: shipEngineFields, stamps: stampsFields, tools } = shippingTools({ stampsComOAuth2Api: STAMPS_AGENT_CREDENTIAL });

/** What the model sends for each field, by path. */
const SHIPENGINE_ARGS = ['usps', TRACKING_NUMBER];
const STAMPS_ARGS = ['78756', 'US', '95128', 'US', 12];

const toolNamed = (request: ChatCompletionRequest, pattern: RegExp): ChatTool | undefined =>
	request.tools?.find((tool) => pattern.test(tool.function.name));
const parametersOf = (tool: ChatTool | undefined) =>
	(tool?.function.parameters?.properties ?? {}) as Record<string, { type?: string; description?: string }>;

/** The model's arguments: each field's value, as the type the tool schema asks for. */
function argumentsFor(fields: ModelFields, values: unknown[], tool: ChatTool | undefined): Record<string, unknown> {
	const schema = parametersOf(tool);
	const typed = (key: string, value: unknown) => (schema[key]?.type === 'string' ? String(value) : schema[key]?.type === 'number' ? Number(value) : value);
	return Object.fromEntries(fields.keys.map((key, index) => [key, typed(key, values[index])]));
}

describe(`AI Agent ${AGENT_VERSION} with the ShipEngine and Stamps.com tools in real n8n`, () => {
	let shipEngine: ShipEngineMockServer;
	let sera: SeraMockServer;
	let model: ChatModelMockServer;

	beforeAll(async () => {
		shipEngine = await startShipEngineMock({ port: shipEnginePort() });
		sera = await startSeraMock({ port: seraPort() });
		model = await startChatModelMock({
			port: chatModelPort(),
			respond: (request, turn) => {
				if (turn > 0) return { text: FINAL_ANSWER };
				const shipEngineTool = toolNamed(request, /^ShipEngine/);
				const stampsTool = toolNamed(request, /^Stamps/);
				return {
					toolCalls: [
						{ name: shipEngineTool?.function.name ?? 'missing', arguments: argumentsFor(shipEngineFields, SHIPENGINE_ARGS, shipEngineTool) },
						{ name: stampsTool?.function.name ?? 'missing', arguments: argumentsFor(stampsFields, STAMPS_ARGS, stampsTool) },
					],
				};
			},
		});

		// A Stamps.com credential holding a token this SERA mock issued (the consent flow itself
		// is e2e/stampscom.e2e.ts's subject).
		const stamps = credentialsFor({ shipEngine: shipEnginePort(), sera: seraPort() }).find((credential) => credential.type === 'stampsComOAuth2Api')!;
		const work = String(process.env.E2E_WORK_DIR);
		const credentialFile = join(work, 'agent-credentials.json');
		const oauthTokenData = { access_token: sera.issueAccessToken(), token_type: 'Bearer', expires_in: 900 };
		writeFileSync(credentialFile, JSON.stringify([{ ...stamps, ...STAMPS_AGENT_CREDENTIAL, data: { ...stamps.data, oauthTokenData } }]));
		await n8n().importCredentials(credentialFile);

		const workflow = agentWorkflow({
			id: WORKFLOW_ID,
			name: 'E2E: AI Agent with ShipEngine and Stamps.com tools',
			prompt: `Where is my USPS package ${TRACKING_NUMBER}, and what does a 12 oz parcel from 78756 to 95128 cost?`,
			tools,
		});
		const workflowFile = join(work, 'agent-workflow.json');
		writeFileSync(workflowFile, JSON.stringify(workflow));
		await n8n().mustCli(['import:workflow', `--input=${workflowFile}`]);
	});

	afterAll(async () => {
		await Promise.all([shipEngine?.close(), sera?.close(), model?.close()]);
	});

	it('offers the model described tools and answers after their results', async () => {
		const { run, cli } = await n8n().execute(WORKFLOW_ID);
		const details = `\n${JSON.stringify(run.data.resultData.error ?? {}).slice(0, 1500)}\n${cli.stdout.slice(-2000)}${cli.stderr.slice(-2000)}`;
		// runSucceeded: n8n 1.100 prints a finished run as status "running" (e2e/lib/versions.ts).
		expect({ succeeded: runSucceeded(run), details: runSucceeded(run) ? '' : details }).toEqual({ succeeded: true, details: '' });

		// Two turns: the tool calls, then the answer with both tool results in the conversation.
		expect(model.completions).toHaveLength(2);
		const toolResults = model.completions[1].messages.filter((message) => message.role === 'tool');
		expect(toolResults).toHaveLength(2);
		expect(nodeItems(run, 'AI Agent')[0].json.output).toBe(FINAL_ANSWER);
	});

	itWhenToolsRun('ran both tools with the model\'s arguments: each call reached its API and its answer reached the model', () => {
		const toolResults = model.completions[1]?.messages.filter((message) => message.role === 'tool') ?? [];
		expect(toolResults.map((message) => String(message.content).length > 2)).toEqual([true, true]);
		const tracking = shipEngine.requests.filter((request) => request.path === '/v1/tracking');
		expect(tracking.map((request) => request.query)).toEqual([{ carrier_code: 'usps', tracking_number: TRACKING_NUMBER }]);
		const rates = sera.requests.filter((request) => request.path === '/sera/v1/rates');
		expect(rates).toHaveLength(1);
		expect(rates[0].body).toMatchObject({
			from_address: { postal_code: '78756', country_code: 'US' },
			to_address: { postal_code: '95128', country_code: 'US' },
			package: { weight: 12, weight_unit: 'ounce' },
		});
	});

	it('described each tool to the model and offered one parameter per $fromAI key', () => {
		const [first] = model.completions;
		expect(first?.tools?.map((tool) => tool.function.name).sort()).toEqual([expect.stringMatching(/^ShipEngine/), expect.stringMatching(/^Stamps/)]);
		for (const [tool, fields] of [
			[toolNamed(first, /^ShipEngine/), shipEngineFields],
			[toolNamed(first, /^Stamps/), stampsFields],
		] as const) {
			expect(tool?.function.description).toMatch(/\w{4,}/);
			expect(Object.keys(parametersOf(tool)).sort()).toEqual([...new Set(fields.keys)].sort());
		}
	});

	itWhenToolsRun('gave Ship From and Ship To fields distinct names, so each address gets its own value', () => {
		expect(new Set(stampsFields.keys).size).toBe(stampsFields.keys.length);
		expect(sera.requests.find((request) => request.path === '/sera/v1/rates')?.body).toMatchObject({
			from_address: { postal_code: '78756' },
			to_address: { postal_code: '95128' },
		});
	});

	it('described every parameter the model fills', () => {
		const [first] = model.completions;
		for (const tool of [toolNamed(first, /^ShipEngine/), toolNamed(first, /^Stamps/)]) {
			const undescribed = Object.entries(parametersOf(tool)).filter(([, schema]) => !schema.description?.trim());
			expect(undescribed.map(([key]) => key)).toEqual([]);
		}
	});

	// Issue 17 defect 3: the carrier code's description lists the codes (CARRIER_CODES), not three examples.
	it('listed the carrier codes a model may use', () => {
		const carrierCode = parametersOf(toolNamed(model.completions[0], /^ShipEngine/))[shipEngineFields.keys[0]]?.description ?? '';
		for (const code of ['usps', 'ups', 'fedex', 'stamps_com']) expect(carrierCode).toMatch(new RegExp(`\\b${code}\\b`));
	});
});
