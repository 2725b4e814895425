/** The unit suite (everything but test/e2e), once as CI runs it and once more in a zone with DST for the date-sensitive files. */
const unit = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: 'tsconfig.dev.json' }] },
	// An unmatched nock request fails the test that made it; no network beyond loopback.
	setupFilesAfterEnv: ['<rootDir>/test/support/harness/unmatchedRequests.ts'],
};

/**
 * The pure helpers' and normalizer's tests and every file named for history or dates, again in America/New_York:
 * in UTC alone a zoneless time read in the server's zone passes as if read as UTC (issue 27).
 */
const newYork = {
	...unit,
	displayName: 'America/New_York',
	testEnvironment: '<rootDir>/test/support/newYorkEnvironment.ts',
	testMatch: ['<rootDir>/test/helpers/**/*.test.ts', '<rootDir>/test/normalizer/**/*.test.ts', '**/*[Hh]istory*.test.ts', '**/*[Dd]ate*.test.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
	testTimeout: 20000,
	projects: [{ ...unit, displayName: 'unit' }, newYork],
};
