/**
 * The jest suite as StrykerJS runs it for `npm run test:mutation`: the regular suite minus the soak test
 * (1,000 executions, ~35 s, asserts no leak rather than any single behaviour) and the simulator's own unit
 * tests (they test the test double, not the package), and the release checks (they read the repository's files
 * and node_modules, which a StrykerJS sandbox does not hold as the checkout does). The e2e suites stay excluded
 * as in jest.config.js.
 */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	testPathIgnorePatterns: [...base.testPathIgnorePatterns, '/test/transport/load\\.test\\.ts$', '/test/support/simulator/', '/test/release/'],
};
