/**
 * examples/workflows/*.json as a user imports them (editor "Import from File" or
 * `n8n import:workflow`): nothing machine-specific inside, credentials referenced by name, and
 * n8n's import resolving those names to the user's own credentials (whose ids differ).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { SHIPENGINE_CREDENTIAL, SMTP_CREDENTIAL, STAMPS_CREDENTIAL } from './lib/credentials';
import { n8n } from './lib/harness';
import { EXAMPLES_DIR } from './lib/paths';

interface ExampleNode {
	name: string;
	type: string;
	webhookId?: string;
	credentials?: Record<string, { id?: string; name?: string }>;
}
interface Example {
	file: string;
	text: string;
	json: { id: string; name: string; active?: boolean; nodes: ExampleNode[]; pinData?: Record<string, unknown> };
}

const CREDENTIAL_NAMES: Record<string, string> = {
	shipEngineApi: SHIPENGINE_CREDENTIAL.name,
	stampsComOAuth2Api: STAMPS_CREDENTIAL.name,
	smtp: SMTP_CREDENTIAL.name,
};
const IMPORTED_IDS: Record<string, string> = {
	shipEngineApi: SHIPENGINE_CREDENTIAL.id,
	stampsComOAuth2Api: STAMPS_CREDENTIAL.id,
	smtp: SMTP_CREDENTIAL.id,
};
const OUR_NODES = ['n8n-nodes-shipengine.shipEngine', 'n8n-nodes-shipengine.shipEngineTrigger', 'n8n-nodes-shipengine.stampsCom'];

const examples: Example[] = readdirSync(EXAMPLES_DIR)
	.filter((file) => file.endsWith('.json'))
	.sort()
	.map((file) => {
		const text = readFileSync(join(EXAMPLES_DIR, file), 'utf8');
		return { file, text, json: JSON.parse(text) as Example['json'] };
	});

describe('example workflows', () => {
	it('exist, with unique ids and names, inactive, without pinned data', () => {
		expect(examples.length).toBeGreaterThanOrEqual(8);
		expect(new Set(examples.map((example) => example.json.id)).size).toBe(examples.length);
		expect(new Set(examples.map((example) => example.json.name)).size).toBe(examples.length);
		for (const { json } of examples) {
			expect(json.active ?? false).toBe(false);
			expect(json.pinData ?? {}).toEqual({});
		}
	});

	it.each(examples.map((example) => [example.file, example] as const))('%s holds nothing machine-specific', (_file, example) => {
		// No local paths, local hosts, ports or keys: the credentials carry hosts and secrets.
		expect(example.text).not.toMatch(/\/(tmp|home|root|work|Users)\/|[A-Z]:\\\\|file:\/\//);
		expect(example.text).not.toMatch(/127\.0\.0\.1|localhost|:\d{4,5}\//);
		expect(example.text).not.toMatch(/TEST_[A-Za-z0-9]|api[-_]?key"\s*:|client_?secret|Bearer /i);
	});

	it.each(examples.map((example) => [example.file, example] as const))(
		'%s uses only our nodes or core nodes, with credentials referenced by name',
		(_file, { json }) => {
			expect(json.nodes.some((node) => OUR_NODES.includes(node.type))).toBe(true);
			for (const node of json.nodes) {
				expect(node.type).toMatch(/^(n8n-nodes-base\.\w+|n8n-nodes-shipengine\.(shipEngine|shipEngineTrigger|stampsCom))$/);
				if (/\.(shipEngineTrigger|webhook)$/.test(node.type)) expect(node.webhookId).toMatch(/^[0-9a-f-]{36}$/);
				for (const [type, reference] of Object.entries(node.credentials ?? {})) {
					expect({ node: node.name, type, name: reference.name }).toEqual({ node: node.name, type, name: CREDENTIAL_NAMES[type] });
				}
			}
		},
	);

	it("n8n's import resolved every credential reference by name to the imported credentials", async () => {
		const output = `${process.env.E2E_WORK_DIR}/exported-workflows.json`;
		await n8n().mustCli(['export:workflow', '--all', `--output=${output}`]);
		const exported = JSON.parse(readFileSync(output, 'utf8')) as Array<Example['json']>;
		const references = exported
			.filter((workflow) => examples.some((example) => example.json.id === workflow.id))
			.flatMap((workflow) =>
				workflow.nodes.flatMap((node) =>
					Object.entries(node.credentials ?? {}).map(([type, reference]) => ({ workflow: workflow.id, type, ...reference })),
				),
			);
		expect(new Set(references.map((reference) => reference.workflow)).size).toBe(examples.length);
		for (const reference of references) {
			expect(reference).toEqual({ ...reference, id: IMPORTED_IDS[reference.type], name: CREDENTIAL_NAMES[reference.type] });
		}
	});
});
