/**
 * Installs this package into an n8n user folder the way n8n's own community-package installer
 * does (n8n 2.41 CommunityPackagesService.downloadPackage): `npm pack` → untar into
 * `<userFolder>/.n8n/nodes/node_modules/<name>` → drop dev/peer/optional dependencies from its
 * package.json → `npm install --ignore-scripts …` inside it → record it in nodes/package.json.
 * n8n then loads it at start-up through the community-packages module, exactly like a package
 * a user installed from Settings → Community nodes. The only difference: the tarball comes
 * from `npm pack` of the working tree instead of the registry.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from './paths';

interface PackageJson {
	name: string;
	version: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
	[key: string]: unknown;
}

export interface InstalledPackage {
	name: string;
	version: string;
	directory: string;
	/** Files package.json's `n8n` section lists that the tarball does not contain. */
	missingFiles: string[];
}

const run = (command: string, args: string[], cwd: string) =>
	execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** `npm run build` unless E2E_SKIP_BUILD=1 (CI has just built). */
export function buildPackage(): void {
	if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(REPO_ROOT, 'dist'))) return;
	run('npm', ['run', 'build'], REPO_ROOT);
}

export function packPackage(destination: string): string {
	mkdirSync(destination, { recursive: true });
	const output = run('npm', ['pack', '--json', '--pack-destination', destination], REPO_ROOT);
	const [{ filename }] = JSON.parse(output.slice(output.indexOf('['))) as Array<{ filename: string }>;
	return join(destination, filename);
}

export function installTarball(tarball: string, userFolder: string): InstalledPackage {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const staging = join(nodesDir, '.staging');
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	run('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1'], nodesDir);
	const { name } = JSON.parse(readFileSync(join(staging, 'package.json'), 'utf8')) as PackageJson;
	const directory = join(nodesDir, 'node_modules', name);
	rmSync(directory, { recursive: true, force: true });
	mkdirSync(join(nodesDir, 'node_modules'), { recursive: true });
	run('mv', [staging, directory], nodesDir);

	const packageJsonPath = join(directory, 'package.json');
	const {
		devDependencies: _dev,
		peerDependencies: _peer,
		optionalDependencies: _optional,
		...packageJson
	} = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as PackageJson;
	writeFileSync(packageJsonPath, JSON.stringify(packageJson, null, 2));
	run(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		directory,
	);
	writeFileSync(
		join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [name]: packageJson.version } }, null, 2),
	);

	const listed = [...(packageJson.n8n?.nodes ?? []), ...(packageJson.n8n?.credentials ?? [])];
	const missingFiles = listed.filter((file) => !existsSync(join(directory, file)));
	return { name, version: packageJson.version, directory, missingFiles };
}
