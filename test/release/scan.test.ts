/**
 * `npm run scan` (scripts/scan.mjs) runs n8n's community-package scanner rules and fails on a
 * finding. Proven here on the packed package itself: as packed it passes, and with a runtime
 * dependency and a restricted import planted in it the scan fails, naming both rules.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const NODE_FILE = 'dist/nodes/ShipEngine/ShipEngine.node.js';

function scan(packageDir: string): { status: number | null; output: string } {
	const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'scan.mjs'), '--package-dir', packageDir], {
		cwd: ROOT,
		encoding: 'utf8',
		timeout: 240_000,
	});
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('npm run scan', () => {
	let work: string;
	let packed: string;

	beforeAll(() => {
		if (!existsSync(path.join(ROOT, 'dist', 'nodes'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
		work = mkdtempSync(path.join(tmpdir(), 'scan-test-'));
		const output = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
		const [{ filename }] = JSON.parse(output.slice(output.indexOf('['))) as Array<{ filename: string }>;
		packed = path.join(work, 'packed');
		mkdirSync(packed);
		execFileSync('tar', ['-xzf', path.join(work, filename), '-C', packed, '--strip-components=1']);
	}, 120_000);

	afterAll(() => rmSync(work, { recursive: true, force: true }));

	it('passes on the package as npm packs it', () => {
		const { status, output } = scan(packed);
		expect(output).toMatch(/scan: clean/);
		expect(status).toBe(0);
	}, 240_000);

	it('fails on a planted runtime dependency and a restricted import, printing each finding', () => {
		const planted = path.join(work, 'planted');
		cpSync(packed, planted, { recursive: true });
		const manifest = JSON.parse(readFileSync(path.join(planted, 'package.json'), 'utf8')) as Record<string, unknown>;
		writeFileSync(path.join(planted, 'package.json'), JSON.stringify({ ...manifest, dependencies: { axios: '1.18.0' } }, null, 2));
		const nodeFile = path.join(planted, NODE_FILE);
		writeFileSync(nodeFile, `const childProcess = require("child_process");\n${readFileSync(nodeFile, 'utf8')}`);

		const { status, output } = scan(planted);
		expect(status).toBe(1);
		expect(output).toMatch(/no-runtime-dependencies/);
		expect(output).toMatch(/no-restricted-imports/);
		expect(output).toMatch(/ShipEngine\.node\.js/);
		expect(output).toMatch(/scan: FAILED, [1-9]\d* finding\(s\)/);
	}, 240_000);
});
