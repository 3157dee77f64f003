/**
 * `npm run test:e2e`: the nodes inside a real n8n (see e2e/README section in the report).
 * Separate from the unit suite (jest.config.js roots only test/), serial, long timeouts.
 */
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
	rootDir: path.resolve(__dirname, '..'),
	testEnvironment: 'node',
	roots: ['<rootDir>/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/e2e/tsconfig.json' }],
	},
	globalSetup: '<rootDir>/e2e/globalSetup.ts',
	globalTeardown: '<rootDir>/e2e/globalTeardown.ts',
	maxWorkers: 1,
	testSequencer: '<rootDir>/e2e/sequencer.js',
	testTimeout: 240000,
	reporters: ['default', '<rootDir>/e2e/summaryReporter.js'],
};
