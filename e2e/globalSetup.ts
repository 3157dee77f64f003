/**
 * Once per `npm run test:e2e`: build + pack this package, install it into a fresh n8n user
 * folder the way n8n installs community packages, import the credentials (pointed at mock
 * ports chosen here) and every workflow in examples/workflows/. Test files then start the mocks
 * on those ports and run `n8n execute` / `n8n start`. State reaches the tests through env vars.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { credentialsFor } from './lib/credentials';
import { buildPackage, installTarball, packPackage } from './lib/installPackage';
import { freePort, LOAD_FAILURE, N8n } from './lib/n8n';
import { assertInstalled, EXAMPLES_DIR } from './lib/paths';

const step = (message: string) => process.stdout.write(`\n[e2e] ${message}`);

export default async function globalSetup(): Promise<void> {
	try {
		await setup();
	} catch (error) {
		// Jest runs no test (and no reporter) after a failed globalSetup: still print CI's line.
		process.stdout.write(`\n[e2e] setup failed: ${(error as Error).message}\ne2e: 0 passed, 1 failed (setup)\n`);
		throw error;
	}
}

async function setup(): Promise<void> {
	const started = Date.now();
	assertInstalled();
	const work = mkdtempSync(join(tmpdir(), 'n8n-shipengine-e2e-'));
	const userFolder = join(work, 'user');

	step('building and packing the package');
	buildPackage();
	const tarball = packPackage(join(work, 'pack'));
	const installed = installTarball(tarball, userFolder);
	step(`installed ${installed.name}@${installed.version} into ${installed.directory}`);
	if (installed.missingFiles.length > 0) {
		step(`package.json lists files the package does not contain: ${installed.missingFiles.join(', ')}`);
	}

	const ports = { shipEngine: await freePort(), sera: await freePort(), chatModel: await freePort(), smtp: await freePort() };
	const n8n = new N8n(userFolder);
	const credentialsFile = join(work, 'credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(credentialsFor(ports), null, 2));
	step('importing credentials');
	const credentialImport = await n8n.importCredentials(credentialsFile);
	const workflows = readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.json'));
	step(`importing ${workflows.length} example workflows`);
	const workflowImport = await n8n.importWorkflows(EXAMPLES_DIR);

	const loadLog = [credentialImport, workflowImport]
		.flatMap((result) => `${result.stdout}\n${result.stderr}`.split('\n'))
		.filter((line) => LOAD_FAILURE.test(line));
	Object.assign(process.env, {
		E2E_WORK_DIR: work,
		E2E_USER_FOLDER: userFolder,
		E2E_SHIPENGINE_PORT: String(ports.shipEngine),
		E2E_SERA_PORT: String(ports.sera),
		E2E_CHAT_MODEL_PORT: String(ports.chatModel),
		E2E_SMTP_PORT: String(ports.smtp),
		E2E_MISSING_FILES: JSON.stringify(installed.missingFiles),
		E2E_LOAD_FAILURES: JSON.stringify([...new Set(loadLog)]),
	});
	step(`setup done in ${Math.round((Date.now() - started) / 1000)} s\n`);
}
