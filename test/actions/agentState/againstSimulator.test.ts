/**
 * The operations inside n8n-core's WorkflowExecute against the simulator over real HTTP, in both sign-in modes:
 * what comes out must match the simulated tenant, agent by agent.
 */
import { startSimulator, type SimAgent, type Simulator } from '../../support/simulator';
import { simulatorAccessKeyOnlyCredentials, simulatorRealTenantCredentials, simulatorTutorialCredentials } from '../../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';

let simulator: Simulator;

beforeAll(async () => {
	simulator = await startSimulator({ agents: 60, seed: 21, quiet: true });
});
afterAll(async () => await simulator?.stop());

const modes = [
	['client credentials (tutorial API)', () => new TestCredentialsHelper(simulatorTutorialCredentials(simulator.url)), (agent: SimAgent) => `a${agent.agentId}`, false],
	['access key (real tenant)', () => new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url)), (agent: SimAgent) => String(agent.agentId), true],
	['access key only (real tenant, no app registration)', () => new TestCredentialsHelper(simulatorAccessKeyOnlyCredentials(simulator.url)), (agent: SimAgent) => String(agent.agentId), true],
] as const;

const sorted = (ids: unknown[]) => ids.map(String).sort();

describe.each(modes)('%s', (_mode, store, idOf, realTenant) => {
	it('Get Ready returns exactly the tenant\'s ready agents, with their state and since when', async () => {
		const { items, error } = await executeWorkflow(store(), { operation: 'getReady' });
		expect(error).toBeUndefined();
		const ready = simulator.tenant.agents.filter((agent) => agent.state === 'READY');
		expect(ready.length).toBeGreaterThan(0);
		expect(sorted(items.map((item) => item.json.agentId))).toEqual(sorted(ready.map(idOf)));
		const first = ready[0];
		const item = items.find((candidate) => candidate.json.agentId === idOf(first));
		expect(item?.json).toMatchObject({ state: 'READY', isReady: true, stateSince: first.stateSince });
	});

	it('Filter by Site, in another case and in summary mode, counts the agents of that site by state', async () => {
		const first = simulator.tenant.agents[0];
		// The tutorial API names sites by ID (siteId); real tenants by each agent's Location.
		const siteOf = (agent: SimAgent) => (realTenant ? agent.locationName : agent.siteId);
		const { items, error } = await executeWorkflow(store(), { operation: 'filterBySite', siteIds: siteOf(first).toUpperCase(), options: { output: 'summary' } });
		expect(error).toBeUndefined();
		// The tutorial API lists only agents with a session; a real tenant lists logged-out agents too.
		const listed = simulator.tenant.agents.filter((agent) => siteOf(agent) === siteOf(first) && (realTenant || agent.state !== 'LOGGED_OUT'));
		const byState: Record<string, number> = {};
		for (const agent of listed) byState[agent.state] = (byState[agent.state] ?? 0) + 1;
		expect(items.map((item) => item.json)).toMatchObject([{ total: listed.filter((agent) => agent.state !== 'LOGGED_OUT').length, byState }]);
	});
});
