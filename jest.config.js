/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: 'tsconfig.dev.json' }] },
	testTimeout: 20000,
	// An unmatched nock request fails the test that made it; no network beyond loopback.
	setupFilesAfterEnv: ['<rootDir>/test/support/harness/unmatchedRequests.ts'],
};
