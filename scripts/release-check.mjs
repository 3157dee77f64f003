#!/usr/bin/env node
/**
 * Before publishing (.github/workflows/publish.yml): the pushed tag must be "v" + package.json's
 * version, and CHANGELOG.md must have a section for that version ("## [1.2.3] - 2026-12-07").
 *   node scripts/release-check.mjs v1.2.3 [--root DIR]
 * Exits 1 with the reason otherwise.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const rootIndex = process.argv.indexOf('--root');
const root = rootIndex > 0 ? resolve(process.argv[rootIndex + 1]) : resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tag = process.argv[2] ?? '';
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const problems = [];

if (tag !== `v${version}`) problems.push(`tag "${tag}" is not v${version} (package.json version)`);
const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
if (!new RegExp(`^## \\[${escaped}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm').test(changelog)) {
	problems.push(`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section`);
}

for (const problem of problems) console.error(`release-check: ${problem}`);
if (problems.length) process.exit(1);
console.log(`release-check: ${tag} matches package.json ${version} and CHANGELOG.md`);
