/**
 * Get History and Skill Get Activity check Timeout, Max Retry Wait and Max Response Size at run time like the
 * agent-state reads: an expression or imported JSON can hold any value, and a negative or huge one must be a
 * parameter error, not a crash inside a timer or a silently disabled bound.
 */
import { startSimulator, type Simulator } from '../support/simulator';
import { simulatorRealTenantCredentials } from '../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper, type AgentNodeSpec } from '../support/harness/workflow';

let simulator: Simulator;
beforeAll(async () => {
	simulator = await startSimulator({ agents: 4, seed: 3, quiet: true });
});
afterAll(async () => await simulator.stop());

const day = { startDate: new Date(Date.now() - 26 * 3_600_000).toISOString(), endDate: new Date(Date.now() - 2 * 3_600_000).toISOString() };
const operations: Array<[string, AgentNodeSpec]> = [
	['Get History', { operation: 'getHistory', parameters: { ...day, output: 'summary', returnAll: true } }],
	['Skill Get Activity', { resource: 'skill', operation: 'getActivity', parameters: { output: 'skills' } }],
];

describe.each(operations)('%s', (_name, spec) => {
	it.each([
		['timeoutSeconds', -1, 'Timeout (Seconds) must be a number from 1 to 300, not -1'],
		['timeoutSeconds', 3_000_000, 'Timeout (Seconds) must be a number from 1 to 300, not 3000000'],
		['maxRetryWaitSeconds', 'soon', 'Max Retry Wait (Seconds) must be a number from 0 to 300, not "soon"'],
		['maxResponseSizeMb', 0, 'Max Response Size (MB) must be a number from 1 to 500, not 0'],
	])('%s = %j is a parameter error, and CXone is not asked', async (option, value, message) => {
		const store = new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url));
		await executeWorkflow(store, { operation: 'getAll' }); // signed in: what follows is only the operation's own call
		const before = simulator.requests.length;
		const { error } = await executeWorkflow(store, { ...spec, options: { [option]: value } });
		expect(error?.message).toBe(message);
		expect(simulator.requests.length).toBe(before);
	});
});
