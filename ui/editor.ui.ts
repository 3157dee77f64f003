/**
 * `npm run test:ui`: the nodes as a user meets them in n8n's editor, in Chromium, against the
 * e2e suite's real n8n (the packed package installed as a community package; N8N_E2E_VERSION
 * picks the n8n, as for e2e) and the local mocks. It checks that
 *  1. the node panel finds the nodes by "ShipEngine", "Stamps" and "shipping label";
 *  2. Label › Create, Rate › Calculate (ShipEngine), Label › Create (Stamps.com) and the trigger
 *     show no issue once required fields are set (values from the example workflows; carrier
 *     and service picked from the dropdowns); before a carrier is chosen, Service is empty with
 *     its "choose the carrier first" hint and Package Code reads "Custom Package"; the trigger's
 *     canvas subtitle names its events by their display names;
 *  3. every dropdown of both nodes loads its options from the mocks, in the plain node and in
 *     the tool version under an AI Agent;
 *  4. the credential dialogs list their fields in order, Stamps.com's host overrides only once
 *     "Use Custom Hosts" is on;
 * and, on the newest n8n (DEFAULT_N8N_VERSION), writes the README's pictures to docs/images/.
 *
 * Speed: one n8n, one browser page; the workflows are stored through the REST API up front and
 * each is opened once (the tests that share one run in a row); no fixed sleeps.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { INodePropertyOptions } from 'n8n-workflow';

import { agentWorkflow, shippingTools, type ToolNode } from '../e2e/lib/agent';
import { SHIPENGINE_CREDENTIAL, STAMPS_CREDENTIAL } from '../e2e/lib/credentials';
import { exampleWorkflow } from '../e2e/lib/harness';
import { builtNode, latestVersion } from '../e2e/lib/nodes';
import { DEFAULT_N8N_VERSION, N8N_VERSION, REPO_ROOT } from '../e2e/lib/paths';
import { launchChromium, type Browser } from './lib/chromium';
import { dropdownPanels, type DropdownPanel } from './lib/dropdowns';
import { Editor } from './lib/editor';
import { startStack, type Stack } from './lib/stack';

const IMAGES = join(REPO_ROOT, 'docs', 'images');
/** The README shows the newest n8n: other versions run the same checks and keep the pictures. */
const PICTURES = N8N_VERSION === DEFAULT_N8N_VERSION;

type NodeKind = 'shipEngine' | 'stampsCom';
const KINDS: NodeKind[] = ['shipEngine', 'stampsCom'];
const CREDENTIALS = {
	shipEngine: { shipEngineApi: SHIPENGINE_CREDENTIAL },
	stampsCom: { stampsComOAuth2Api: STAMPS_CREDENTIAL },
};

/** What the editor shows in an empty Package Code (the field's placeholder, its '' option). */
const CUSTOM_PACKAGE = 'Custom Package (Use Dimensions)';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, unknown>;
	webhookId?: string;
}

const exampleNode = (file: string, name: string): WorkflowNode => {
	const node = exampleWorkflow(file).nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`${file} has no node "${name}"`);
	return structuredClone(node) as WorkflowNode;
};

const isTrigger = (node: WorkflowNode) => /Trigger$/.test(node.type);

/** Manual Trigger → every action node (fanned out, in columns of four); trigger nodes stand alone. */
function workflowOf(name: string, nodes: WorkflowNode[]) {
	const start = { name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} };
	const actions = nodes.filter((node) => !isTrigger(node));
	const all = [start, ...nodes];
	const connections = { Start: { main: [actions.map((node) => ({ node: node.name, type: 'main', index: 0 }))] } };
	return {
		name,
		nodes: all.map((node, index) => ({
			typeVersion: node.type.startsWith('n8n-nodes-shipengine.') ? latestVersion(builtNode(node.type.split('.')[1])) : 1,
			...node,
			position: index === 0 ? [0, 270] : [300 + Math.floor((index - 1) / 4) * 260, ((index - 1) % 4) * 180],
			id: `c0ffee00-0000-4000-8000-${String(index).padStart(12, '0')}`,
		})),
		connections,
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

const panelName = (kind: NodeKind, panel: DropdownPanel, index: number) =>
	`${kind} ${index + 1} ${String(panel.parameters.resource)} ${String(panel.parameters.operation)}`;

const PANELS = Object.fromEntries(KINDS.map((kind) => [kind, dropdownPanels(builtNode(kind))])) as Record<NodeKind, DropdownPanel[]>;
const dropdownNodes = (kind: NodeKind) =>
	PANELS[kind].map((panel, index) => ({ name: panelName(kind, panel, index), parameters: panel.parameters }));

// --- the nodes whose panels are checked (one workflow) ------------------------------------------

const rateNode = exampleNode('shipengine-rate-shop-and-buy-label.json', 'Cheapest Rate');
const labelNode: WorkflowNode = {
	name: 'Create Label',
	type: 'n8n-nodes-shipengine.shipEngine',
	parameters: {
		resource: 'label',
		operation: 'create',
		shipTo: rateNode.parameters.shipTo,
		shipFrom: rateNode.parameters.shipFrom,
		packages: rateNode.parameters.packages,
	},
	credentials: CREDENTIALS.shipEngine,
};
const stampsLabelNode = exampleNode('stampscom-create-and-void-label.json', 'Buy Label');
const triggerNode = exampleNode('shipengine-tracking-webhook.json', 'Tracking Update');
/** Two events, so the subtitle shows how several are named. */
const EVENTS = (builtNode('shipEngineTrigger').description.properties.find((p) => p.name === 'events')?.options ?? []) as INodePropertyOptions[];
triggerNode.parameters.events = ['track', EVENTS.find((event) => event.value !== 'track')?.value];

describe(`n8n editor in Chromium`, () => {
	let stack: Stack;
	let browser: Browser;
	let editor: Editor;
	const workflows: Record<'panels' | 'nodes' | 'tools' | 'agent', string> = { panels: '', nodes: '', tools: '', agent: '' };
	/** A Stamps.com credential as a user starts one: no custom hosts. */
	let plainStampsCredential = '';

	const picture = async (name: string): Promise<void> => {
		if (!PICTURES) return;
		mkdirSync(IMAGES, { recursive: true });
		await editor.screenshot(join(IMAGES, name));
	};

	const store = async (workflow: object): Promise<string> =>
		(await stack.session.data<{ id: string }>('POST', '/rest/workflows', workflow)).id;

	beforeAll(async () => {
		stack = await startStack();
		// One after the other: n8n 1.x on SQLite fails concurrent saves ("no such savepoint: typeorm_3",
		// a fresh-clone CI run on 1.123.81 answered HTTP 500 to all four parallel POSTs).
		workflows.panels = await store(workflowOf('UI: panels', [labelNode, rateNode, stampsLabelNode, triggerNode]));
		workflows.nodes = await store(workflowOf('UI: dropdowns', KINDS.flatMap((kind) => dropdownNodes(kind).map((node) => ({ ...node, type: `n8n-nodes-shipengine.${kind}`, credentials: CREDENTIALS[kind] })))));
		workflows.tools = await store(agentWorkflow({ name: 'UI: tool dropdowns', prompt: 'Ship it', tools: KINDS.flatMap((kind) => dropdownNodes(kind).map((node): ToolNode => ({ ...node, node: kind }))) }));
		workflows.agent = await store(
			agentWorkflow({
				name: 'UI: AI Agent with shipping tools',
				prompt: 'Where is my package 9400111899223197428490, and what does a 12 oz parcel from 78756 to 95128 cost?',
				tools: shippingTools().tools,
			}),
		);
		plainStampsCredential = (
			await stack.session.data<{ id: string }>('POST', '/rest/credentials', {
				name: 'Stamps.com (new)',
				type: 'stampsComOAuth2Api',
				data: { clientId: 'ui-client-id', clientSecret: 'ui-client-secret', environment: 'staging' },
			})
		).id;
		browser = await launchChromium({ width: 1280, height: 960 });
		editor = new Editor(await browser.context.newPage(), stack.server.url);
		await editor.noAnimations();
		// Leaving a workflow whose parameters the test changed: leave without saving.
		editor.page.on('dialog', (dialog) => void dialog.accept());
		await editor.signIn();
	}, 600_000); // n8n's first start on a busy machine takes minutes

	afterAll(async () => {
		await browser?.close();
		await stack?.stop();
	});

	it('finds the ShipEngine Trigger in a new workflow by "ShipEngine" and "shipping label"', async () => {
		// A new workflow offers triggers first.
		await editor.page.goto(`${stack.server.url}/workflow/new`);
		await editor.page.getByTestId('canvas-add-first-step-button').or(editor.page.getByTestId('canvas-plus-button')).first().waitFor();
		expect(await editor.searchNodes('ShipEngine', ['ShipEngine'])).toContain('ShipEngine');
		expect(await editor.searchNodes('shipping label', ['ShipEngine'])).toContain('ShipEngine');
		await editor.closeNodeCreator();
	});

	describe('panels show no issue once required fields are set', () => {
		interface PanelCase {
			title: string;
			node: WorkflowNode;
			picture: string;
			/** Checks before and the required fields the user sets in the panel. */
			fill?: () => Promise<void>;
			/** Checks on the canvas after the panel is closed. */
			canvas?: () => Promise<void>;
		}
		const cases: PanelCase[] = [
			{
				title: 'ShipEngine Label › Create',
				node: labelNode,
				picture: 'shipengine-label-create.png',
				fill: async () => {
					// No carrier yet: the service list is empty and says why, instead of an error;
					// Package Code offers the custom package.
					const services = await editor.readDropdown('serviceCode');
					expect({ ...services, hint: await editor.hint('serviceCode') }).toEqual({
						options: [],
						shows: expect.not.stringMatching(/error/i),
						hint: expect.stringMatching(/^Choose the carrier first/),
					});
					expect(await editor.readDropdown('packageCode')).toEqual({ options: [CUSTOM_PACKAGE], shows: CUSTOM_PACKAGE });

					await editor.selectOption('carrierId', /Stamps\.com/);
					await editor.selectOption('serviceCode', /Priority Mail/);
					const packages = await editor.readDropdown('packageCode');
					expect(packages.options[0]).toBe(CUSTOM_PACKAGE);
					expect(packages.options.length).toBeGreaterThan(1);
				},
			},
			{ title: 'ShipEngine Rate › Calculate', node: rateNode, picture: 'shipengine-rate-calculate.png' },
			{ title: 'Stamps.com Label › Create', node: stampsLabelNode, picture: 'stampscom-label-create.png' },
			{
				title: 'ShipEngine Trigger',
				node: triggerNode,
				picture: 'shipengine-trigger.png',
				canvas: async () => {
					const names = (triggerNode.parameters.events as string[]).map((value) => EVENTS.find((event) => event.value === value)?.name);
					expect(await editor.canvasSubtitle(triggerNode.name)).toBe(`Events: ${names.join(', ')}`);
				},
			},
		];

		it.each(cases)('$title', async ({ node, picture: file, fill, canvas }) => {
			await editor.openWorkflow(workflows.panels);
			await editor.openNode(node.name);
			await fill?.();
			expect(await editor.parametersWithIssues()).toEqual([]);
			await editor.scrollParametersToTop();
			await picture(file);
			await editor.closeNode();
			expect(await editor.nodesWithIssues()).not.toContain(node.name);
			await canvas?.();
		});
	});

	// In the panels' workflow, after their tests (no page load, no issue badges in the picture).
	it('finds both nodes after a trigger by "ShipEngine", "Stamps" and "shipping label"', async () => {
		await editor.openWorkflow(workflows.panels);
		expect(await editor.searchNodes('ShipEngine', ['ShipEngine'])).toContain('ShipEngine');
		expect(await editor.searchNodes('Stamps', ['Stamps.com'])).toContain('Stamps.com');
		const found = await editor.searchNodes('shipping label', ['ShipEngine', 'Stamps.com']);
		await picture('node-panel-search.png');
		expect(found).toEqual(expect.arrayContaining(['ShipEngine', 'Stamps.com']));
		await editor.closeNodeCreator();
	});

	describe('every dropdown loads from the local mocks', () => {
		const variants: Array<[NodeKind, 'node' | 'tool']> = [
			['shipEngine', 'node'],
			['stampsCom', 'node'],
			['shipEngine', 'tool'],
			['stampsCom', 'tool'],
		];

		it.each(variants)('%s as a %s', async (kind, variant) => {
			const panels = PANELS[kind];
			expect(panels.length).toBeGreaterThan(0);
			await editor.openWorkflow(variant === 'node' ? workflows.nodes : workflows.tools);

			const results: Array<{ node: string; dropdown: string; options: number; shows: string }> = [];
			for (const [index, panel] of panels.entries()) {
				const name = panelName(kind, panel, index);
				await editor.openNode(name);
				for (const dropdown of panel.dropdowns) {
					const { options, shows } = await editor.readDropdown(dropdown.name);
					results.push({ node: name, dropdown: dropdown.displayName, options: options.length, shows });
				}
				await editor.closeNode();
			}
			const failed = results.filter((result) => result.options === 0 || /error/i.test(result.shows));
			expect(failed).toEqual([]);
			expect(results.length).toBe(panels.reduce((sum, panel) => sum + panel.dropdowns.length, 0));
		});
	});

	it('shows an AI Agent with the ShipEngine and Stamps.com tools without issues', async () => {
		await editor.openWorkflow(workflows.agent);
		await editor.page.getByTestId('canvas-controls').getByTestId('zoom-to-fit').click().catch(() => undefined);
		await picture('ai-agent-canvas.png');
		expect(await editor.nodesWithIssues()).toEqual([]);
	});

	describe('credential dialogs', () => {
		/** Fields n8n adds to every credential of these types (not ours to order). */
		const n8nOwn = (field: string) => field === 'Allowed HTTP Request Domains';

		it('ShipEngine: the API key first', async () => {
			const fields = await editor.credentialFields(SHIPENGINE_CREDENTIAL.id);
			await picture('credential-shipengine.png');
			expect(fields[0]).toBe('API Key');
		});

		it('Stamps.com: the client ID and secret, then Environment; the host overrides only with "Use Custom Hosts" on', async () => {
			const connected = await editor.credentialFields(STAMPS_CREDENTIAL.id);
			await picture('credential-stampscom.png');
			// The e2e credential points at the mocks: its overrides are on and shown.
			expect(connected.filter((field) => !n8nOwn(field))).toEqual(['Client ID', 'Client Secret', 'Environment', 'Use Custom Hosts', 'API Base URL', 'Sign-In Host']);

			// A new one: Client ID and Client Secret keep the places n8n's OAuth2 credential gives
			// them (an extending credential's own fields follow the inherited ones); Environment
			// is the first of ours, and the overrides wait for the switch.
			const fresh = await editor.credentialFields(plainStampsCredential);
			expect(fresh.filter((field) => !n8nOwn(field))).toEqual(['Client ID', 'Client Secret', 'Environment', 'Use Custom Hosts']);
			const asked = await editor.toggleCredentialField('Use Custom Hosts');
			expect(asked.filter((field) => !n8nOwn(field))).toEqual(['Client ID', 'Client Secret', 'Environment', 'Use Custom Hosts', 'API Base URL', 'Sign-In Host']);
		});
	});
});
