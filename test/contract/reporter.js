// Prints the contract-check totals at the end of a jest run, e.g.
//   contract: 23 operations validated (ShipEngine 17, SERA 6), 140 requests, 0 violations
// Each test worker appends one JSON line per checked exchange to $CONTRACT_STATS_DIR/<pid>.jsonl
// (test/helpers/contract.ts). The directory is created here, in the parent process, before any
// worker starts, so the workers inherit the variable.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

class ContractReporter {
	constructor() {
		this.directory = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-stats-'));
		process.env.CONTRACT_STATS_DIR = this.directory;
	}

	onRunComplete() {
		const lines = fs
			.readdirSync(this.directory)
			.filter((file) => file.endsWith('.jsonl'))
			.flatMap((file) => fs.readFileSync(path.join(this.directory, file), 'utf8').split('\n'))
			.filter(Boolean)
			.map((line) => JSON.parse(line));
		fs.rmSync(this.directory, { recursive: true, force: true });
		const operations = new Map();
		for (const line of lines) if (line.operation) operations.set(`${line.api} ${line.operation}`, line.api);
		const requests = lines.filter((line) => line.kind === 'exchange');
		const perApi = {};
		for (const api of operations.values()) perApi[api] = (perApi[api] ?? 0) + 1;
		const split = Object.entries(perApi)
			.sort(([a], [b]) => (a === 'ShipEngine' ? -1 : b === 'ShipEngine' ? 1 : a.localeCompare(b)))
			.map(([api, count]) => `${api} ${count}`)
			.join(', ');
		const checked = requests.filter((line) => !line.skipped);
		const violations = lines.reduce((sum, line) => sum + (line.violations ?? 0), 0);
		const skipped = requests.length - checked.length;
		const repliesSkipped = lines.filter((line) => line.responseSkipped).length;
		process.stdout.write(
			`\ncontract: ${operations.size} operations validated (${split || 'none'}), ${checked.length} requests, ` +
				`${violations} violations` +
				(skipped ? `; ${skipped} requests skipped by rule (test-only paths, file hosts)` : '') +
				(repliesSkipped ? `; ${repliesSkipped} unmodelled error replies not checked` : '') +
				'\n',
		);
	}
}
module.exports = ContractReporter;
