/**
 * The ShipEngine mock in a process of its own, so a benchmark process's peak RSS is n8n's and the
 * node's alone (not the mock building and sending 1000 label files).
 *   const mock = await startMockProcess({ labels: 1000, labelBytes: 60_000 }); … await mock.close();
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';

import { startShipEngineMock, type ShipEngineMockOptions } from '../test/mock';

export interface MockProcess {
	url: string;
	/** Labels bought, requests received (asked from the mock process). */
	stats(): Promise<{ purchases: number; requests: number }>;
	close(): Promise<void>;
}

export async function startMockProcess(options: ShipEngineMockOptions): Promise<MockProcess> {
	const child = fork(__filename, [JSON.stringify(options)], {
		cwd: join(__dirname, '..'),
		execArgv: ['-r', './scripts/register-ts.js'],
		stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
	});
	const next = <T>(): Promise<T> =>
		new Promise((resolve, reject) => {
			child.once('message', (message) => resolve(message as T));
			child.once('exit', (code) => reject(new Error(`mock process exited (${String(code)})`)));
		});
	const { url } = await next<{ url: string }>();
	return {
		url,
		stats: async () => {
			const answer = next<{ purchases: number; requests: number }>();
			child.send('stats');
			return await answer;
		},
		close: async () => {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.send('close');
			await exited;
		},
	};
}

async function serve(): Promise<void> {
	const mock = await startShipEngineMock(JSON.parse(process.argv[2]) as ShipEngineMockOptions);
	// The mock never outlives the benchmark process (it would hold the parent's stdout open).
	process.on('disconnect', () => process.exit(0));
	process.on('message', (message) => {
		if (message === 'stats') process.send?.({ purchases: mock.purchases, requests: mock.requests.length });
		if (message === 'close') void mock.close().then(() => process.exit(0));
	});
	process.send?.({ url: mock.url });
}

if (require.main === module) void serve();
