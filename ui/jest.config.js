/**
 * `npm run test:ui`: n8n's editor in Chromium (see ui/editor.ui.ts). Shares the e2e suite's
 * set-up (build, pack, install into a fresh n8n user folder, credentials, example workflows).
 */
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
	rootDir: path.resolve(__dirname, '..'),
	testEnvironment: 'node',
	roots: ['<rootDir>/ui'],
	testMatch: ['**/*.ui.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/ui/tsconfig.json' }],
	},
	globalSetup: '<rootDir>/e2e/globalSetup.ts',
	globalTeardown: '<rootDir>/e2e/globalTeardown.ts',
	maxWorkers: 1,
	testTimeout: 240000,
	reporters: ['default', ['<rootDir>/e2e/summaryReporter.js', { label: 'ui' }]],
};
