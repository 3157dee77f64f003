import { launchChromium } from './lib/chromium';
import { Editor } from './lib/editor';
import { N8nSession } from '../e2e/lib/rest';
import { exampleWorkflow } from '../e2e/lib/harness';
import { builtNode, latestVersion } from '../e2e/lib/nodes';
import { SHIPENGINE_CREDENTIAL, STAMPS_CREDENTIAL } from '../e2e/lib/credentials';

async function main() {
	const url = process.env.UI_N8N_URL!;
	const tag = process.env.N8N_E2E_VERSION ?? '2.41.1';
	const session = new N8nSession(url);
	await session.signIn();
	const rate = exampleWorkflow('shipengine-rate-shop-and-buy-label.json').nodes.find((n) => n.name === 'Cheapest Rate')!;
	const trig = exampleWorkflow('shipengine-tracking-webhook.json').nodes.find((n) => n.name === 'Tracking Update')!;
	const v = latestVersion(builtNode('shipEngine'));
	const wf = {
		name: 'explore', settings: { executionOrder: 'v1' }, active: false, connections: {},
		nodes: [
			{ id: 'c0ffee00-0000-4000-8000-000000000001', name: 'Create Label', type: 'n8n-nodes-shipengine.shipEngine', typeVersion: v, position: [0, 0],
			  parameters: { resource: 'label', operation: 'create', shipTo: (rate.parameters as any).shipTo, shipFrom: (rate.parameters as any).shipFrom, packages: (rate.parameters as any).packages },
			  credentials: { shipEngineApi: SHIPENGINE_CREDENTIAL } },
			{ ...trig, id: 'c0ffee00-0000-4000-8000-000000000002', position: [300, 0], typeVersion: latestVersion(builtNode('shipEngineTrigger')) },
		],
	};
	const { id } = await session.data<{ id: string }>('POST', '/rest/workflows', wf);
	const browser = await launchChromium({ width: 1280, height: 960 });
	const editor = new Editor(await browser.context.newPage(), url);
	let t = Date.now();
	const lap = (m: string) => { console.log(m, Date.now() - t, 'ms'); t = Date.now(); };
	await editor.signIn(); lap('signin');
	await editor.openWorkflow(id); lap('open wf');
	const sub = await editor.canvasNode('Tracking Update').innerHTML();
	require('fs').writeFileSync(`/tmp/uiexp/trigger-${tag}.html`, sub);
	await editor.openNode('Create Label'); lap('open node');
	const item = editor.parameters().getByTestId('parameter-item').filter({ has: editor.page.getByTestId('parameter-input-serviceCode') }).first();
	require('fs').writeFileSync(`/tmp/uiexp/service-${tag}.html`, await item.evaluate((e) => e.outerHTML));
	const pkg = editor.parameters().getByTestId('parameter-item').filter({ has: editor.page.getByTestId('parameter-input-packageCode') }).last();
	require('fs').writeFileSync(`/tmp/uiexp/package-${tag}.html`, await pkg.evaluate((e) => e.outerHTML).catch((e) => String(e)));
	console.log('issues', await editor.parametersWithIssues());
	console.log('service', await editor.readDropdown('serviceCode')); lap('read service');
	await editor.page.screenshot({ path: `/tmp/uiexp/label-${tag}.png` });
	await editor.closeNode().catch((e) => console.log('close', String(e).slice(0, 100)));
	await editor.page.goto(`${url}/home/credentials/${STAMPS_CREDENTIAL.id}`);
	const dialog = editor.page.getByTestId('credential-edit-dialog');
	await dialog.waitFor(); lap('cred');
	require('fs').writeFileSync(`/tmp/uiexp/cred-${tag}.html`, await dialog.evaluate((e) => e.outerHTML));
	console.log('fields', await editor.credentialFields(STAMPS_CREDENTIAL.id));
	await browser.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
