/**
 * Set State and Log Out change a live agent: each is sent to CXone once per item, again only when the failure
 * proves CXone never applied it (429), and after a failure that may have been applied the agent is read back
 * once. Through n8n-core's WorkflowExecute against the simulator, whose write faults can apply the change first.
 */
import { startSimulator, type SimAgent, type Simulator } from '../../support/simulator';
import type { FaultSpec } from '../../support/simulator/faults';
import { simulatorRealTenantCredentials } from '../../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';

let simulator: Simulator;
beforeEach(async () => {
	simulator = await startSimulator({ agents: 30, seed: 21, quiet: true });
});
afterEach(async () => await simulator?.stop());

const realTenant = () => new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url));
const byId = (agentId: number | string) => ({ __rl: true, mode: 'id', value: String(agentId) });
const agentsIn = (state: SimAgent['state']) => simulator.tenant.agents.filter((agent) => agent.state === state);
const first = (state: SimAgent['state']) => agentsIn(state)[0];
const writeFault = (spec: FaultSpec) => simulator.fault({ path: 'writes', ...spec });
const postsTo = (agentId: number) => simulator.requests.filter((request) => request.method === 'POST' && request.path.includes(`/agents/${agentId}/`));
const readsOf = (agentId: number) => simulator.requests.filter((request) => request.method === 'GET' && request.path.endsWith(`/agents/${agentId}/states`));
const makeAvailable = (agentId: number) => ({ operation: 'setState' as const, parameters: { agentId: byId(agentId), state: 'available' } });
const logOut = (agentId: number) => ({ operation: 'logOut' as const, parameters: { agentId: byId(agentId) } });

describe('Set State after a failure that may have been applied: one POST, then one read-back', () => {
	it.each([500, 502, 503, 504])('HTTP %s, change not made: an error that says it may or may not have been applied', async (status) => {
		const agent = first('NOT_READY');
		writeFault({ status });
		const { items, error } = await executeWorkflow(realTenant(), makeAvailable(agent.agentId));
		expect(postsTo(agent.agentId)).toHaveLength(1);
		expect(items).toEqual([]);
		expect(error?.message).toBe(`Set State (Available) for agent ${agent.agentId} may or may not have been applied`);
		expect(error?.description).toMatch(new RegExp(`^CXone answered HTTP ${status} \\(CXone said: Simulated HTTP ${status}\\), and reading the agent back shows NOT_READY`));
		expect(error?.description).toMatch(/The node did not send the change again/);
		expect(agent.state).toBe('NOT_READY');
		// One read before the change (the agent must be logged in), one read-back after the failure.
		expect(readsOf(agent.agentId)).toHaveLength(2);
	});

	it.each([500, 502, 503, 504])('HTTP %s, change made: the item succeeds, confirmed by reading the agent back', async (status) => {
		const agent = first('NOT_READY');
		writeFault({ status, applied: true });
		const { items, error } = await executeWorkflow(realTenant(), makeAvailable(agent.agentId));
		expect(error).toBeUndefined();
		expect(postsTo(agent.agentId)).toHaveLength(1);
		expect(items.map((item) => item.json)).toMatchObject([
			{ agentId: String(agent.agentId), requestedState: 'available', accepted: true, confirmedBy: 'readBack', state: { state: 'READY' } },
		]);
	});

	it('a connection dropped after the request was sent, change not made: one POST and the error', async () => {
		const agent = first('NOT_READY');
		writeFault({ kind: 'reset' });
		const { error } = await executeWorkflow(realTenant(), makeAvailable(agent.agentId));
		expect(postsTo(agent.agentId)).toHaveLength(1);
		expect(error?.message).toBe(`Set State (Available) for agent ${agent.agentId} may or may not have been applied`);
		expect(error?.description).toMatch(/^the connection dropped before CXone answered \(ECONNRESET\), and reading the agent back shows NOT_READY/);
		expect(error?.httpCode ?? undefined).toBeUndefined();
	});

	it('a connection dropped after CXone applied the change: one POST, confirmed by reading back', async () => {
		const agent = first('READY');
		writeFault({ kind: 'reset', applied: true });
		const { items, error } = await executeWorkflow(realTenant(), {
			operation: 'setState',
			parameters: { agentId: byId(agent.agentId), state: 'unavailable', reason: 'Break' },
		});
		expect(error).toBeUndefined();
		expect(postsTo(agent.agentId)).toHaveLength(1);
		expect(items[0].json).toMatchObject({ reason: '2', confirmedBy: 'readBack', state: { state: 'NOT_READY', subState: 'Break' } });
	});

	it('the read-back shows another reason than the one asked: not confirmed', async () => {
		const agent = first('READY');
		writeFault({ status: 500 });
		simulator.setAgentState(agent.agentId, 'NOT_READY', { reason: 'Lunch' });
		const { error } = await executeWorkflow(realTenant(), {
			operation: 'setState',
			parameters: { agentId: byId(agent.agentId), state: 'unavailable', reason: '2' },
		});
		expect(postsTo(agent.agentId)).toHaveLength(1);
		expect(error?.message).toBe(`Set State (Unavailable, reason 2) for agent ${agent.agentId} may or may not have been applied`);
		expect(error?.description).toMatch(/reading the agent back shows NOT_READY \(Lunch\)/);
	});
});

describe('Set State after a failure that proves nothing was applied', () => {
	it('429 is sent again after Retry-After, and the change is made once', async () => {
		const agent = first('NOT_READY');
		writeFault({ status: 429, retryAfter: 1 });
		const started = Date.now();
		const { items, error } = await executeWorkflow(realTenant(), makeAvailable(agent.agentId));
		expect(error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
		expect(postsTo(agent.agentId).map((request) => request.status)).toEqual([429, 200]);
		expect(items[0].json).toMatchObject({ accepted: true, state: { state: 'READY' } });
		expect(items[0].json.confirmedBy).toBeUndefined();
	}, 10_000);

	it('429 whose Retry-After is beyond Max Retry Wait (30 s) is not waited for: one POST, the throttling error, no read-back', async () => {
		const agent = first('NOT_READY');
		writeFault({ status: 429, retryAfter: 120 });
		const { error } = await executeWorkflow(realTenant(), makeAvailable(agent.agentId));
		expect(postsTo(agent.agentId)).toHaveLength(1);
		expect(error?.message).toBe('CXone is throttling requests (HTTP 429); gave up after 1 attempt, 0 s of waiting');
		expect(readsOf(agent.agentId)).toHaveLength(1);
	});

	it('a 3xx is neither followed nor sent again, and there is nothing to read back', async () => {
		const agent = first('NOT_READY');
		writeFault({ status: 307 });
		const { error } = await executeWorkflow(realTenant(), makeAvailable(agent.agentId));
		expect(postsTo(agent.agentId)).toHaveLength(1);
		expect(error?.message).toMatch(/^CXone answered HTTP 307, redirecting to no address/);
		expect(readsOf(agent.agentId)).toHaveLength(1);
	});
});

describe('Log Out', () => {
	it('HTTP 500 after CXone ended the session: one POST, loggedOut confirmed by reading back', async () => {
		const agent = first('READY');
		writeFault({ status: 500, applied: true });
		const { items, error } = await executeWorkflow(realTenant(), logOut(agent.agentId));
		expect(error).toBeUndefined();
		expect(postsTo(agent.agentId)).toHaveLength(1);
		expect(items.map((item) => item.json)).toEqual([{ agentId: String(agent.agentId), loggedOut: true, confirmedBy: 'readBack' }]);
	});

	it.each([[{ status: 502 }], [{ kind: 'reset' as const }]])('%p with the agent still logged in: one POST and the "may or may not" error', async (fault) => {
		const agent = first('READY');
		writeFault(fault);
		const { error } = await executeWorkflow(realTenant(), logOut(agent.agentId));
		expect(postsTo(agent.agentId)).toHaveLength(1);
		expect(error?.message).toBe(`Log Out for agent ${agent.agentId} may or may not have been applied`);
		expect(error?.description).toMatch(/reading the agent back shows READY\. The node did not send the change again/);
		expect(agent.state).toBe('READY');
	});

	it('429 is sent again, and the agent is logged out once', async () => {
		const agent = first('READY');
		writeFault({ status: 429, retryAfter: 0 });
		const { items } = await executeWorkflow(realTenant(), logOut(agent.agentId));
		expect(postsTo(agent.agentId).map((request) => request.status)).toEqual([429, 202]);
		expect(items.map((item) => item.json)).toEqual([{ agentId: String(agent.agentId), loggedOut: true }]);
	});
});

it('many items with Continue On Fail: each agent gets one POST (two after a 429), and each item keeps its place', async () => {
	const agents = agentsIn('NOT_READY').slice(0, 5);
	expect(agents).toHaveLength(5);
	const plan = new Map<number, FaultSpec[]>([
		[agents[0].agentId, [{ status: 500 }]],
		[agents[2].agentId, [{ status: 503, applied: true }]],
		[agents[3].agentId, [{ kind: 'reset' }]],
		[agents[4].agentId, [{ status: 429, retryAfter: 0 }]],
	]);
	simulator.schedule((request) => {
		const agentId = Number(/\/agents\/(\d+)\/state$/.exec(request.path.split('?')[0])?.[1]);
		const fault = request.method === 'POST' ? plan.get(agentId)?.shift() : undefined;
		return fault && { path: 'writes', ...fault };
	});
	const ids = agents.map((agent) => agent.agentId).join(', ');
	const { items, error } = await executeWorkflow(
		realTenant(),
		{ operation: 'setState', parameters: { agentId: byId(`={{ [${ids}][$json.index] }}`), state: 'available' }, continueOnFail: true },
		5,
	);
	expect(error).toBeUndefined();
	expect(agents.map((agent) => postsTo(agent.agentId).length)).toEqual([1, 1, 1, 1, 2]);
	expect(items.map((item) => [item.pairedItem, item.json.error ?? item.json.confirmedBy ?? item.json.accepted])).toEqual([
		[{ item: 0 }, `Set State (Available) for agent ${agents[0].agentId} may or may not have been applied`],
		[{ item: 1 }, true],
		[{ item: 2 }, 'readBack'],
		[{ item: 3 }, `Set State (Available) for agent ${agents[3].agentId} may or may not have been applied`],
		[{ item: 4 }, true],
	]);
	expect(agents.map((agent) => agent.state)).toEqual(['NOT_READY', 'READY', 'READY', 'NOT_READY', 'READY']);
});
