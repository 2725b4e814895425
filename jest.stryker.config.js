/**
 * The jest suite as StrykerJS runs it for `npm run test:mutation`: the regular suite minus the soak test
 * (1,000 executions, ~35 s, asserts no leak rather than any single behaviour) and the simulator's own unit
 * tests (they test the test double, not the package), and the release checks (they read the repository's files
 * and node_modules, which a StrykerJS sandbox does not hold as the checkout does). The e2e suites stay excluded
 * as in jest.config.js. One zone is enough here (jest.config.js's first project, not its America/New_York rerun).
 */
const { projects, ...global } = require('./jest.config.js');
const { displayName: _unit, ...base } = projects[0];

/** @type {import('jest').Config} */
module.exports = {
	...global,
	...base,
	testPathIgnorePatterns: [...base.testPathIgnorePatterns, '/test/transport/load\\.test\\.ts$', '/test/support/simulator/', '/test/release/'],
};
