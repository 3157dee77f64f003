// Prints the closing line the brief and CI read: "e2e: N passed, M failed, K skipped (n8n X)",
// X being the matrix entry (N8N_E2E_VERSION); the label is a reporter option (the browser test
// prints "ui: …").
class E2eSummaryReporter {
	constructor(_globalConfig, options = {}) {
		this.label = options.label ?? 'e2e';
	}

	onRunComplete(_contexts, results) {
		const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numRuntimeErrorTestSuites } = results;
		const failed = numFailedTests + numRuntimeErrorTestSuites;
		const version = process.env.N8N_E2E_VERSION ?? process.env.E2E_N8N_VERSION ?? '2.41.1';
		process.stdout.write(`\n${this.label}: ${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped (n8n ${version})\n`);
	}
}
module.exports = E2eSummaryReporter;
