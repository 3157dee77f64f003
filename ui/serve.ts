/**
 * For working on the browser test: the e2e set-up (build, pack, install, credentials, examples),
 * the mocks and `n8n start` with the Stamps.com credential connected, kept running until Ctrl-C.
 * Then: UI_N8N_URL=<printed url> npx jest -c ui/jest.config.js --globalSetup=./ui/noSetup.js
 */
import globalSetup from '../e2e/globalSetup';
import { startStack } from './lib/stack';

async function main(): Promise<void> {
	await globalSetup();
	const stack = await startStack();
	process.stdout.write(`\nUI_N8N_URL=${stack.server.url} (user folder ${process.env.E2E_USER_FOLDER})\n`);
	const stop = () => void stack.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
