/**
 * Get, Set State and Log Out on one agent, through n8n-core's WorkflowExecute: against the simulator over real
 * HTTP in both sign-in modes, and with nock for CXone's error statuses.
 */
import nock from 'nock';

import { startSimulator, type SimAgent, type Simulator } from '../../support/simulator';
import { realTenantCredentials, simulatorRealTenantCredentials, simulatorTutorialCredentials } from '../../support/harness/credentials';
import { TriggerHarness } from '../../support/harness/poll';
import { executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';
import { useNock } from '../../support/harness/fixtures';

let simulator: Simulator;
beforeEach(async () => {
	simulator = await startSimulator({ agents: 30, seed: 21, quiet: true });
});
afterEach(async () => await simulator?.stop());

const realTenant = () => new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url));
const tutorial = () => new TestCredentialsHelper(simulatorTutorialCredentials(simulator.url));
const byId = (agentId: number | string) => ({ __rl: true, mode: 'id', value: String(agentId) });
const first = (state: SimAgent['state']) => {
	const agent = simulator.tenant.agents.find((candidate) => candidate.state === state);
	if (!agent) throw new Error(`seed 21 should have an agent in ${state}`);
	return agent;
};
const setState = (agentId: number | string, state: 'available' | 'unavailable', reason?: string) => ({
	operation: 'setState' as const,
	parameters: { agentId: byId(agentId), state, ...(reason === undefined ? {} : { reason }) },
});
const supervisorCalls = () => simulator.requests.filter((request) => request.method === 'POST' && /\/agents\/\d+\//.test(request.path));

describe('Get', () => {
	it('returns one agent\'s current state as one normalized item on a real tenant, from GET /agents/{id}/states', async () => {
		const agent = first('NOT_READY');
		const { items, error } = await executeWorkflow(realTenant(), { operation: 'get', parameters: { agentId: byId(agent.agentId) } });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toMatchObject([
			{ agentId: String(agent.agentId), state: 'NOT_READY', teamName: agent.teamName, stateSince: agent.stateSince },
		]);
		expect(simulator.requests.some((request) => request.path === `/incontactapi/services/v31.0/agents/${agent.agentId}/states`)).toBe(true);
	});

	it('picks the agent from the states list on the tutorial API', async () => {
		const agent = first('READY');
		const { items, error } = await executeWorkflow(tutorial(), { operation: 'get', parameters: { agentId: byId(`A${agent.agentId}`) } });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toMatchObject([{ agentId: `a${agent.agentId}`, state: 'READY', siteId: agent.siteId }]);
	});

	it('says how to find the agent when the ID is unknown (404 Invalid Agent Id)', async () => {
		const { error } = await executeWorkflow(realTenant(), { operation: 'get', parameters: { agentId: byId(999999) } });
		expect(error?.message).toBe('CXone knows no agent with ID 999999 (HTTP 404 Invalid Agent Id)');
		expect(error?.description).toMatch(/Pick the agent from the list/);
	});

	it('acts on the agent an expression names, one item per input item', async () => {
		const [a, b] = simulator.tenant.agents;
		const { items, error } = await executeWorkflow(
			realTenant(),
			{ operation: 'get', parameters: { agentId: { __rl: true, mode: 'id', value: `={{ [${a.agentId}, ${b.agentId}][$json.index] }}` } } },
			2,
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.agentId, item.pairedItem])).toEqual([
			[String(a.agentId), { item: 0 }],
			[String(b.agentId), { item: 1 }],
		]);
	});
});

describe('Set State', () => {
	it('makes an agent Unavailable with a reason, sending state and outStateId in the query and a JSON body, and reads the state back', async () => {
		const agent = first('READY');
		const { items, error } = await executeWorkflow(realTenant(), setState(agent.agentId, 'unavailable', '2'));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toMatchObject([
			{ agentId: String(agent.agentId), requestedState: 'unavailable', reason: '2', accepted: true, state: { state: 'NOT_READY', subState: 'Break' } },
		]);
		const [post] = supervisorCalls();
		expect(post).toMatchObject({ path: `/incontactapi/services/v31.0/agents/${agent.agentId}/state?state=Unavailable&outStateId=2`, body: '{"state":"Unavailable","outStateId":2}' });
		expect(agent).toMatchObject({ state: 'NOT_READY', outStateDescription: 'Break' });
	});

	it('accepts a reason by its name, and Get Many and the trigger see the change', async () => {
		const agent = first('READY');
		const trigger = new TriggerHarness(realTenant(), { event: 'anyChange' });
		expect(await trigger.poll()).toBeNull(); // baseline
		const { error } = await executeWorkflow(realTenant(), setState(agent.agentId, 'unavailable', 'lunch'));
		expect(error).toBeUndefined();
		expect(supervisorCalls()[0].query).toEqual({ state: 'Unavailable', outStateId: '1' });
		const { items } = await executeWorkflow(realTenant(), { operation: 'getAll' });
		expect(items.find((item) => item.json.agentId === String(agent.agentId))?.json).toMatchObject({ state: 'NOT_READY', subState: 'Lunch' });
		expect(await trigger.poll()).toMatchObject([{ agentId: String(agent.agentId), previousState: 'READY', state: 'NOT_READY' }]);
	});

	it('makes a Not Ready agent Available', async () => {
		const agent = first('NOT_READY');
		const { items } = await executeWorkflow(realTenant(), setState(agent.agentId, 'available'));
		expect(items[0].json).toMatchObject({ requestedState: 'available', reason: null, accepted: true, state: { state: 'READY' } });
		expect(agent.state).toBe('READY');
	});

	it('refuses a reason that is not one of the team\'s codes, naming the codes, and changes nothing', async () => {
		const agent = first('READY');
		const { error } = await executeWorkflow(realTenant(), setState(agent.agentId, 'unavailable', 'Nap'));
		expect(error?.message).toBe(`"Nap" is not one of the unavailable codes of agent ${agent.agentId}'s team`);
		expect(error?.description).toContain('Lunch (1), Break (2)');
		expect(supervisorCalls()).toEqual([]);
		expect(agent.state).toBe('READY');
	});

	it('says a logged-out agent has no active session, and changes nothing', async () => {
		const agent = first('LOGGED_OUT');
		const { error } = await executeWorkflow(realTenant(), setState(agent.agentId, 'available'));
		expect(error?.message).toBe(`Agent ${agent.agentId} has no active session, so CXone cannot set the state`);
		expect(supervisorCalls()).toEqual([]);
	});

	it('needs the CXone Access Key sign-in on the tutorial API, before any request', async () => {
		const { error } = await executeWorkflow(tutorial(), setState(`a${first('READY').agentId}`, 'available'));
		expect(error?.message).toBe('Set State needs the CXone Access Key sign-in');
		expect(error?.description).toMatch(/Sign-In Method "CXone Access Key \(Real Tenant\)"/);
		expect(simulator.requests).toEqual([]);
	});
});

describe('Log Out', () => {
	it('ends an agent\'s session (202), which Get and the trigger then see', async () => {
		const agent = first('READY');
		const trigger = new TriggerHarness(realTenant(), { event: 'entered', states: ['LOGGED_OUT'] });
		expect(await trigger.poll()).toBeNull(); // baseline
		const { items, error } = await executeWorkflow(realTenant(), { operation: 'logOut', parameters: { agentId: byId(agent.agentId) } });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ agentId: String(agent.agentId), loggedOut: true }]);
		expect(supervisorCalls().map((request) => [request.path, request.status])).toEqual([[`/incontactapi/services/v31.0/agents/${agent.agentId}/logout`, 202]]);
		const { items: got } = await executeWorkflow(realTenant(), { operation: 'get', parameters: { agentId: byId(agent.agentId) } });
		expect(got[0].json.state).toBe('LOGGED_OUT');
		expect(await trigger.poll()).toMatchObject([{ agentId: String(agent.agentId), state: 'LOGGED_OUT' }]);
	});

	it('returns the agent\'s state, not an error, when the agent is already logged out', async () => {
		const agent = first('LOGGED_OUT');
		const { items, error } = await executeWorkflow(realTenant(), { operation: 'logOut', parameters: { agentId: byId(agent.agentId) } });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toMatchObject([{ agentId: String(agent.agentId), state: 'LOGGED_OUT' }]);
	});

	it('needs the CXone Access Key sign-in on the tutorial API', async () => {
		const { error } = await executeWorkflow(tutorial(), { operation: 'logOut', parameters: { agentId: byId('a1001') } });
		expect(error?.message).toBe('Log Out needs the CXone Access Key sign-in');
	});
});

describe('CXone\'s refusals (nock)', () => {
	const API = 'https://api-na1.niceincontact.com';
	const AGENT = '/incontactapi/services/v31.0/agents/7';
	const signedIn = () =>
		new TestCredentialsHelper(
			realTenantCredentials({ accessToken: 'tok', apiBaseUrl: API, tokenExpiresAt: new Date(Date.now() + 3600_000).toISOString() }),
		);
	const ready = { agentStates: [{ agentId: 7, agentStateName: 'Available', teamId: 3 }] };

	useNock();

	it('names the permission the API user\'s role needs on 403', async () => {
		const api = nock(API).get(`${AGENT}/states`).reply(200, ready).post(`${AGENT}/state`).query({ state: 'Available' }).reply(403, '', { icStatusDescription: 'Forbidden' });
		const { error } = await executeWorkflow(signedIn(), { operation: 'setState', parameters: { agentId: byId(7), state: 'available' } });
		expect(error?.message).toBe("The CXone API user is not allowed to change agent 7's state (HTTP 403)");
		expect(error?.description).toMatch(/role permission to change agents' states/);
		expect(api.isDone()).toBe(true);
	});

	it('says the agent needs an active session on 409', async () => {
		nock(API).get(`${AGENT}/states`).reply(200, ready).post(`${AGENT}/state`).query(true).reply(409, { error: 'InvalidState' });
		const { error } = await executeWorkflow(signedIn(), { operation: 'setState', parameters: { agentId: byId(7), state: 'available' } });
		expect(error?.message).toBe("CXone could not set agent 7's state now (HTTP 409)");
		expect(error?.description).toMatch(/active session/);
	});

	it('lets CXone judge the reason when the team\'s codes cannot be read, and explains its 400', async () => {
		const api = nock(API)
			.get(`${AGENT}/states`)
			.reply(200, ready)
			.get('/incontactapi/services/v31.0/teams/3/unavailable-codes')
			.query(true)
			.reply(403, '')
			.post(`${AGENT}/state`)
			.query({ state: 'Unavailable', outStateId: '42' })
			.reply(400, '', { icStatusDescription: 'Invalid OutStateId' });
		const { error } = await executeWorkflow(signedIn(), { operation: 'setState', parameters: { agentId: byId(7), state: 'unavailable', reason: '42' } });
		expect(error?.message).toBe("CXone refused the state change for agent 7 (HTTP 400)");
		expect(error?.description).toMatch(/^CXone said: Invalid OutStateId\. .*Reason from the list/);
		expect(api.isDone()).toBe(true);
	});

	it('reads "InvalidAgentId" (letters) as an unknown agent too', async () => {
		nock(API).get('/incontactapi/services/v31.0/agents/bob/states').reply(404, '', { icStatusDescription: 'InvalidAgentId' });
		const { error } = await executeWorkflow(signedIn(), { operation: 'get', parameters: { agentId: byId('bob') } });
		expect(error?.message).toBe('CXone knows no agent with ID bob (HTTP 404 Invalid Agent Id)');
	});
});
