// Prints the closing line the brief and CI read: "e2e: N passed, M failed, K skipped"
// (the label is a reporter option: the browser test prints "ui: …").
class E2eSummaryReporter {
	constructor(_globalConfig, options = {}) {
		this.label = options.label ?? 'e2e';
	}

	onRunComplete(_contexts, results) {
		const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numRuntimeErrorTestSuites } = results;
		const failed = numFailedTests + numRuntimeErrorTestSuites;
		process.stdout.write(`\n${this.label}: ${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped\n`);
	}
}
module.exports = E2eSummaryReporter;
