/**
 * Set State sends `state` and `outStateId` both in the query (NICE's OpenAPI definition) and as a JSON body
 * (NICE's API test suite), so a tenant that reads only one of the two still gets them. Against the simulator
 * made to read only the body, then only the query.
 */
import { startSimulator, type Simulator } from '../../support/simulator';
import { simulatorRealTenantCredentials } from '../../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';

let simulator: Simulator | undefined;
afterEach(async () => await simulator?.stop());

describe.each(['body', 'query'] as const)('a tenant that reads Set State from the %s only', (setStateReads) => {
	it('makes the agent Unavailable with the reason asked, then Available', async () => {
		simulator = await startSimulator({ agents: 30, seed: 21, quiet: true, setStateReads });
		const agent = simulator.tenant.agents.find((candidate) => candidate.state === 'READY')!;
		const credentials = new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url));
		const agentId = { __rl: true, mode: 'id', value: String(agent.agentId) };

		const unavailable = await executeWorkflow(credentials, { operation: 'setState', parameters: { agentId, state: 'unavailable', reason: 'Break' } });
		expect(unavailable.error).toBeUndefined();
		expect(agent).toMatchObject({ state: 'NOT_READY', outStateDescription: 'Break' });
		const post = simulator.requests.find((request) => request.method === 'POST' && request.path.includes('/agents/'))!;
		expect(post.headers['content-type']).toMatch(/^application\/json/);
		expect(JSON.parse(post.body)).toEqual({ state: 'Unavailable', outStateId: 2 });
		expect(post.query).toEqual({ state: 'Unavailable', outStateId: '2' });

		const available = await executeWorkflow(credentials, { operation: 'setState', parameters: { agentId, state: 'available' } });
		expect(available.error).toBeUndefined();
		expect(agent.state).toBe('READY');
	});
});
