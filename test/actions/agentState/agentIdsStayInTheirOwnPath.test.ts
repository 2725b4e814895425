/**
 * Agent IDs that are URL dot segments, through n8n-core (WorkflowExecute, LoadOptionsContext) against the simulator's
 * real-tenant mode. encodeURIComponent leaves "." and ".." as they are and the URL parser resolves them, so
 * /agents/./states would be every agent's states: each per-agent call refuses such an ID before any request.
 */
import { getUnavailableCodes } from '../../../nodes/Cxone/methods';
import { startSimulator, type Simulator } from '../../support/simulator';
import { simulatorRealTenantCredentials } from '../../support/harness/credentials';
import { editorContext, executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';

let simulator: Simulator;
beforeEach(async () => {
	simulator = await startSimulator({ agents: 30, seed: 21, quiet: true });
});
afterEach(async () => await simulator?.stop());

const realTenant = () => new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url));
const byId = (agentId: string) => ({ __rl: true, mode: 'id', value: agentId });
const apiCalls = () => simulator.requests.filter((request) => request.path.startsWith('/incontactapi/'));
const refusal = (agentId: string) => `Agent ID ${JSON.stringify(agentId)} is not an ID`;

describe('Agent IDs that are path segments are refused before any request', () => {
	it.each([['.'], ['..'], ['%2e'], ['%2E%2e']])('Get with agent ID %p', async (agentId) => {
		const { items, error } = await executeWorkflow(realTenant(), { operation: 'get', parameters: { agentId: byId(agentId) } });
		expect(apiCalls()).toEqual([]);
		expect(items).toEqual([]);
		expect(error?.message).toBe(refusal(agentId));
		expect(error?.description).toMatch(/numeric agent ID/);
	});

	it('Log Out with agent ID ".."', async () => {
		const { error } = await executeWorkflow(realTenant(), { operation: 'logOut', parameters: { agentId: byId('..') } });
		expect(apiCalls()).toEqual([]);
		expect(error?.message).toBe(refusal('..'));
	});

	it('Set State with agent ID "."', async () => {
		const { error } = await executeWorkflow(realTenant(), { operation: 'setState', parameters: { agentId: byId('.'), state: 'available' } });
		expect(apiCalls()).toEqual([]);
		expect(error?.message).toBe(refusal('.'));
	});

	it('Get History with Agent ID "." (it does not read every agent\'s history)', async () => {
		const now = Date.now();
		const { items, error } = await executeWorkflow(realTenant(), {
			operation: 'getHistory',
			parameters: { startDate: new Date(now - 86_400_000).toISOString(), endDate: new Date(now).toISOString(), agentId: '.', output: 'changes', returnAll: true },
			options: {},
		});
		expect(apiCalls()).toEqual([]);
		expect(items).toEqual([]);
		expect(error?.message).toBe(refusal('.'));
	});

	it('the Reason picker with agent "." (it does not load another agent\'s team\'s codes)', async () => {
		const editor = editorContext(realTenant(), { operation: 'setState', state: 'unavailable', agentId: byId('.') });
		await expect(getUnavailableCodes.call(editor)).rejects.toThrow(refusal('.'));
		expect(apiCalls()).toEqual([]);
	});
});

it('a numeric agent ID still reaches its own path', async () => {
	const agent = simulator.tenant.agents[0];
	const { items, error } = await executeWorkflow(realTenant(), { operation: 'get', parameters: { agentId: byId(` ${agent.agentId} `) } });
	expect(error).toBeUndefined();
	expect(apiCalls().map((request) => request.path)).toEqual([`/incontactapi/services/v31.0/agents/${agent.agentId}/states`]);
	expect(items[0]?.json).toMatchObject({ agentId: String(agent.agentId) });
});
