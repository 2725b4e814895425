/**
 * Set State's State parameter, through n8n-core's WorkflowExecute against the simulator's real-tenant mode.
 * n8n does not check an expression's value against the options: the node takes available/unavailable in any case
 * (so CXone's own "Available"), and refuses anything else before a request, never reading it as Unavailable.
 */
import { startSimulator, type SimAgent, type Simulator } from '../../support/simulator';
import { simulatorRealTenantCredentials } from '../../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';

let simulator: Simulator;
beforeEach(async () => {
	simulator = await startSimulator({ agents: 30, seed: 21, quiet: true });
});
afterEach(async () => await simulator?.stop());

const realTenant = () => new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url));
const byId = (agentId: number | string) => ({ __rl: true, mode: 'id', value: String(agentId) });
const first = (state: SimAgent['state']) => {
	const agent = simulator.tenant.agents.find((candidate) => candidate.state === state);
	if (!agent) throw new Error(`seed 21 should have an agent in ${state}`);
	return agent;
};
const apiCalls = () => simulator.requests.filter((request) => request.path.startsWith('/incontactapi/'));
const posts = () => apiCalls().filter((request) => request.method === 'POST');

describe('Set State: the State parameter', () => {
	it('makes the agent Available when an expression gives CXone\'s own spelling "Available"', async () => {
		const agent = first('NOT_READY');
		const { items, error } = await executeWorkflow(realTenant(), {
			operation: 'setState',
			parameters: { agentId: byId(agent.agentId), state: '={{ "Available" }}' },
		});
		expect(error).toBeUndefined();
		expect(posts().map((post) => post.path)).toEqual([`/incontactapi/services/v31.0/agents/${agent.agentId}/state?state=Available`]);
		expect(items[0]?.json).toMatchObject({ requestedState: 'available', state: { state: 'READY' } });
	});

	it('makes the agent Unavailable for " UNAVAILABLE " (any case, spaces trimmed)', async () => {
		const agent = first('READY');
		const { items, error } = await executeWorkflow(realTenant(), {
			operation: 'setState',
			parameters: { agentId: byId(agent.agentId), state: '={{ " UNAVAILABLE " }}' },
		});
		expect(error).toBeUndefined();
		expect(posts().map((post) => post.path)).toEqual([`/incontactapi/services/v31.0/agents/${agent.agentId}/state?state=Unavailable`]);
		expect(items[0]?.json).toMatchObject({ requestedState: 'unavailable', state: { state: 'NOT_READY' } });
	});

	it.each([['READY'], ['NOT_READY'], ['yes'], ['']])('refuses State %p before any request, naming State and its two values', async (state) => {
		const agent = first('READY');
		const { error } = await executeWorkflow(realTenant(), {
			operation: 'setState',
			parameters: { agentId: byId(agent.agentId), state: `={{ ${JSON.stringify(state)} }}` },
		});
		expect(apiCalls()).toEqual([]);
		expect(error?.message).toBe(`State must be "available" or "unavailable", not ${JSON.stringify(state)}`);
		expect(simulator.tenant.agents.find((candidate) => candidate.agentId === agent.agentId)?.state).toBe('READY');
	});
});
