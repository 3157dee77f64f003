#!/usr/bin/env node
/**
 * `npm run scan`: n8n's community-package scan, run locally before publishing. n8n's scanner
 * (@n8n/scan-community-package) only scans packages already on npm, so this calls its own
 * analyser (`analyzePackage`, the rule set `buildScanConfig` wires up) on the same two legs its
 * `analyzePackageByName` scans:
 *   - the source: package.json and {nodes,credentials}/**\/*.{js,ts,json} of this checkout;
 *   - the tarball `npm pack` makes (the file npm publish uploads): its **\/*.js and package.json.
 * Prints every finding (ESLint's stylish list: file, line, rule) and exits 1 on any.
 *
 *   node scripts/scan.mjs                              pack this checkout and scan it
 *   node scripts/scan.mjs --package-dir D [--source-dir S]   scan an unpacked package (tests)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function option(name) {
	const index = process.argv.indexOf(name);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

/** `npm pack` of the checkout, unpacked; dist/ must be built (npm run build). */
function packAndUnpack(work) {
	const output = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
	const [{ filename }] = JSON.parse(output.slice(output.indexOf('[')));
	const packageDir = join(work, 'package');
	mkdirSync(packageDir);
	execFileSync('tar', ['-xzf', join(work, filename), '-C', packageDir, '--strip-components=1']);
	return packageDir;
}

/** Number of problems in ESLint's stylish output ("✖ 3 problems (3 errors, 0 warnings)"). */
function countProblems(details) {
	const match = /(\d+) problems?/.exec(details ?? '');
	return match ? Number(match[1]) : 0;
}

async function main() {
	const work = mkdtempSync(join(tmpdir(), 'n8n-scan-'));
	try {
		const packageDir = option('--package-dir') ? resolve(option('--package-dir')) : packAndUnpack(work);
		const sourceDir = option('--source-dir') ? resolve(option('--source-dir')) : option('--package-dir') ? undefined : ROOT;
		const legs = [
			...(sourceDir ? [{ name: `source (${sourceDir})`, dir: sourceDir, patterns: SOURCE_FILE_PATTERNS }] : []),
			{ name: `tarball (${option('--package-dir') ? packageDir : 'npm pack'})`, dir: packageDir, patterns: ['**/*.js', 'package.json'] },
		];
		let findings = 0;
		let failed = false;
		for (const leg of legs) {
			const result = await analyzePackage(leg.dir, leg.patterns);
			if (result.passed) {
				console.log(`scan: ${leg.name}: ${result.message ?? 'no findings'}`);
				continue;
			}
			failed = true;
			const count = countProblems(result.details);
			findings += count;
			console.log(`scan: ${leg.name}: ${result.message}${count ? ` (${count})` : ''}`);
			if (result.details) console.log(result.details);
		}
		console.log(failed ? `scan: FAILED, ${findings} finding(s)` : 'scan: clean');
		process.exitCode = failed ? 1 : 0;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

await main();
