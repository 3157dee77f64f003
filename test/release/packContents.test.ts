/**
 * The tarball npm publishes (`npm pack`) holds exactly what n8n loads and what the registry page
 * shows: dist/ (compiled JavaScript, the node JSON files, the icons), README.md, LICENSE,
 * CHANGELOG.md and package.json. No TypeScript sources or declarations, no source maps (their
 * sources are not shipped), no tests, fixtures, scripts or e2e files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

interface PackJson {
	files: Array<{ path: string }>;
}

function packedFiles(): string[] {
	// dist/ must exist for npm to list it: build when a lone `npx jest` runs before any build.
	if (!existsSync(path.join(ROOT, 'dist', 'nodes'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
	const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
	const [pack] = JSON.parse(output.slice(output.indexOf('['))) as PackJson[];
	return pack.files.map((file) => file.path).sort();
}

describe('npm package contents', () => {
	let files: string[];
	beforeAll(() => {
		files = packedFiles();
	}, 120_000);

	it('has README.md, LICENSE, CHANGELOG.md and package.json at the top and everything else under dist/', () => {
		expect(files.filter((file) => !file.startsWith('dist/'))).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json']);
	});

	it('ships only compiled JavaScript, node JSON and icons under dist/ (no sources, declarations, maps or tests)', () => {
		const unexpected = files.filter((file) => file.startsWith('dist/') && !/\.(js|json|svg)$/.test(file));
		expect(unexpected).toEqual([]);
		expect(files.filter((file) => /(^|\/)(test|tests|e2e|__tests__|fixtures|mock)\/|\.test\.js$/.test(file))).toEqual([]);
	});

	it('contains every node and credential file package.json lists, and both icons of each node', () => {
		const pkg = require(path.join(ROOT, 'package.json')) as { n8n: { nodes: string[]; credentials: string[] } };
		const listed = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
		expect(listed.filter((file) => !files.includes(file))).toEqual([]);
		expect(files.filter((file) => file.startsWith('dist/icons/'))).toHaveLength(4);
	});
});
