/**
 * Attack: Set State / Get / Log Out against the simulator's real-tenant mode, through n8n-core's WorkflowExecute.
 * Each test shows a user-visible failure of today's code.
 */
import { startSimulator, type SimAgent, type Simulator } from '../simulator';
import { simulatorAccessKeyCredentials } from '../helpers/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../helpers/workflow';

let simulator: Simulator;
beforeEach(async () => {
	simulator = await startSimulator({ agents: 30, seed: 21, quiet: true });
});
afterEach(async () => await simulator?.stop());

const realTenant = () => new TestCredentialsHelper(simulatorAccessKeyCredentials(simulator.url));
const byId = (agentId: number | string) => ({ __rl: true, mode: 'id', value: String(agentId) });
const first = (state: SimAgent['state']) => {
	const agent = simulator.tenant.agents.find((candidate) => candidate.state === state);
	if (!agent) throw new Error(`seed 21 should have an agent in ${state}`);
	return agent;
};
const posts = () => simulator.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/incontactapi/'));

describe('Set State: the State parameter', () => {
	it('never makes an agent Unavailable when an expression asks for "Available" (CXone\'s own spelling)', async () => {
		const agent = first('NOT_READY');
		const { items, error } = await executeWorkflow(realTenant(), {
			operation: 'setState',
			parameters: { agentId: byId(agent.agentId), state: '={{ "Available" }}' },
		});
		// Either the node accepts "Available" and sets Available, or it refuses the value: it must not do the opposite.
		expect(posts().filter((post) => /state=Unavailable/.test(post.path))).toEqual([]);
		if (!error) expect(items[0]?.json).toMatchObject({ state: { state: 'READY' } });
	});

	it('refuses a State that is neither available nor unavailable (e.g. "READY") instead of setting Unavailable', async () => {
		const agent = first('READY');
		const { error } = await executeWorkflow(realTenant(), {
			operation: 'setState',
			parameters: { agentId: byId(agent.agentId), state: '={{ "READY" }}' },
		});
		expect(posts().filter((post) => /state=Unavailable/.test(post.path))).toEqual([]);
		expect(error?.message).toMatch(/state/i);
	});
});

describe('Agent IDs that are path segments', () => {
	it('Get with agent ID "." does not read GET /agents/states and hand back another agent', async () => {
		const { items } = await executeWorkflow(realTenant(), { operation: 'get', parameters: { agentId: byId('.') } });
		const paths = simulator.requests.map((request) => request.path.split('?')[0]);
		expect(paths).not.toContain('/incontactapi/services/v31.0/agents/states');
		// A fixed node refuses the ID (no items) or returns the agent it was asked for, never agent 1001 or so.
		for (const item of items) expect(item.json.agentId).toBe('.');
	});

	it('Log Out with agent ID ".." sends no POST outside /agents/{agentId}/logout', async () => {
		await executeWorkflow(realTenant(), { operation: 'logOut', parameters: { agentId: byId('..') } });
		for (const post of posts()) expect(post.path).toMatch(/\/agents\/[^/]+\/logout$/);
	});

	it('Set State with agent ID "." sends no POST outside /agents/{agentId}/state', async () => {
		await executeWorkflow(realTenant(), { operation: 'setState', parameters: { agentId: byId('.'), state: 'available' } });
		for (const post of posts()) expect(post.path.split('?')[0]).toMatch(/\/agents\/[^/]+\/state$/);
		expect(simulator.requests.map((request) => request.path.split('?')[0])).not.toContain('/incontactapi/services/v31.0/agents/states');
	});
});
