/**
 * Log Out that CXone refuses (400 or 409) is a success only when the agent is in fact logged out already; for
 * an agent still logged in it stays an error, also as an error item with Continue On Fail.
 */
import { serveLoopbackTenant, type LoopbackTenant } from '../../support/harness/loopbackTenant';
import { executeWorkflow } from '../../support/harness/workflow';

let api: LoopbackTenant | undefined;
afterEach(async () => await api?.close());

/** A tenant that refuses Log Out with `status` and reports agent 7 in the state CXone names `stateName`. */
async function refusingTenant(status: number, stateName: string): Promise<LoopbackTenant> {
	api = await serveLoopbackTenant((request) => {
		if (request.method === 'GET') return { status: 200, body: { agentStates: [{ agentId: 7, agentStateName: stateName, teamId: 3 }] } };
		return { status, body: { error: 'AgentBusy', errorDescription: 'Agent is handling a contact' } };
	});
	return api;
}

const logOut = (continueOnFail = false) => ({ operation: 'logOut' as const, parameters: { agentId: { __rl: true, mode: 'id', value: '7' } }, continueOnFail });

describe.each([400, 409])('Log Out refused with HTTP %s', (status) => {
	it('for an agent still logged in: the refusal, not a success item', async () => {
		const tenant = await refusingTenant(status, 'Available');
		const { items, error } = await executeWorkflow(tenant.credentials(), logOut());
		expect(items).toEqual([]);
		expect(error?.message).toBe(`CXone answered HTTP ${status}`);
		expect(error?.description).toBe('CXone said: Agent is handling a contact.');
		expect(tenant.requests.map((request) => request.method)).toEqual(['POST', 'GET']);
	});

	it("for an agent still logged in, with Continue On Fail: an error item in the item's place", async () => {
		const tenant = await refusingTenant(status, 'Available');
		const { items, error } = await executeWorkflow(tenant.credentials(), logOut(true));
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem, item.json])).toEqual([
			[{ item: 0 }, { error: `CXone answered HTTP ${status}`, errorDescription: 'CXone said: Agent is handling a contact.' }],
		]);
	});

	it("for an agent already logged out: the agent's state, not an error", async () => {
		const tenant = await refusingTenant(status, 'LoggedOut');
		const { items, error } = await executeWorkflow(tenant.credentials(), logOut());
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toMatchObject([{ agentId: '7', state: 'LOGGED_OUT' }]);
	});
});
