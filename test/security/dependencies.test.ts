/**
 * The package ships no runtime dependency: package.json has none, npm sees none in production,
 * the shipped code imports only n8n-workflow and Node built-ins, and npm audit (production) is
 * clean. The audit needs the registry's audit endpoint: without network it is reported, not failed.
 */
import { execFile } from 'node:child_process';
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '../..');
const run = promisify(execFile);

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const file = path.join(dir, name);
		if (statSync(file).isDirectory()) return sources(file);
		return file.endsWith('.ts') ? [file] : [];
	});
}

describe('no runtime dependencies', () => {
	it('package.json declares none (n8n-workflow is a peer dependency)', () => {
		const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.optionalDependencies ?? {}).toEqual({});
		expect(Object.keys(pkg.peerDependencies ?? {})).toEqual(['n8n-workflow']);
	});

	it('npm ls --omit=dev lists nothing', async () => {
		const { stdout } = await run('npm', ['ls', '--omit=dev', '--json'], { cwd: root });
		const tree = JSON.parse(stdout) as { dependencies?: object };
		expect(tree.dependencies ?? {}).toEqual({});
	}, 60_000);

	it('shipped code imports only n8n-workflow, Node built-ins and its own files', () => {
		const allowed = new Set(['n8n-workflow', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
		const offenders = ['nodes', 'credentials'].flatMap((dir) =>
			sources(path.join(root, dir)).flatMap((file) =>
				[...readFileSync(file, 'utf8').matchAll(/(?:from\s+|require\()\s*['"]([^'"]+)['"]/g)]
					.map((m) => m[1])
					.filter((spec) => !spec.startsWith('.') && !allowed.has(spec))
					.map((spec) => `${path.relative(root, file)}: ${spec}`),
			),
		);
		expect(offenders).toEqual([]);
	});

	it('npm audit --omit=dev finds nothing', async () => {
		let report: { metadata?: { vulnerabilities?: { total?: number } }; error?: unknown };
		try {
			const { stdout } = await run('npm', ['audit', '--omit=dev', '--json'], { cwd: root, timeout: 45_000 });
			report = JSON.parse(stdout) as typeof report;
		} catch (error) {
			const stdout = (error as { stdout?: string }).stdout ?? '';
			try {
				report = JSON.parse(stdout) as typeof report;
			} catch {
				report = { error: String(error) };
			}
		}
		if (report.metadata?.vulnerabilities?.total === undefined) {
			// No audit endpoint (offline CI): the no-runtime-dependency checks above still hold.
			process.stdout.write(`npm audit unavailable: ${JSON.stringify(report.error ?? report).slice(0, 200)}\n`);
			return;
		}
		expect(report.metadata.vulnerabilities.total).toBe(0);
	}, 60_000);
});
