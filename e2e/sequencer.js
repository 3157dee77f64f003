// Runs the e2e files in a fixed order (by path; E2E_REVERSE=1 reverses it) instead of Jest's
// timing-based order, so a run is reproducible and order dependencies can be checked both ways.
const Sequencer = require('@jest/test-sequencer').default;

class E2eSequencer extends Sequencer {
	sort(tests) {
		const sorted = [...tests].sort((a, b) => a.path.localeCompare(b.path));
		return process.env.E2E_REVERSE === '1' ? sorted.reverse() : sorted;
	}
}
module.exports = E2eSequencer;
