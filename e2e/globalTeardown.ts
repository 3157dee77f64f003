import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
	const work = process.env.E2E_WORK_DIR;
	if (!work) return;
	if (process.env.E2E_KEEP === '1') {
		process.stdout.write(`\n[e2e] kept ${work} (N8N_USER_FOLDER=${work}/user)\n`);
		return;
	}
	rmSync(work, { recursive: true, force: true });
}
