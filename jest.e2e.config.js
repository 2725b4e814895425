/** End-to-end suites: a real n8n, installed into a cache on first use. `npm run test:e2e`. */
/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: 'tsconfig.dev.json' }] },
	testTimeout: 5 * 60_000,
	maxWorkers: 1,
};
