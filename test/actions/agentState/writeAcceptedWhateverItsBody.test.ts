/**
 * A 2xx to Set State or Log Out means CXone accepted the change, whatever text comes with it: such an answer is
 * not reported as a failure (which would invite running the change again).
 */
import { serveLoopbackTenant, type LoopbackTenant } from '../../support/harness/loopbackTenant';
import { executeWorkflow } from '../../support/harness/workflow';

let api: LoopbackTenant;
beforeEach(async () => {
	api = await serveLoopbackTenant((request) =>
		request.method === 'GET'
			? { status: 200, body: { agentStates: [{ agentId: 7, agentStateName: 'Unavailable', teamId: 3 }] } }
			: { status: 200, text: 'OK, state changed', headers: { 'Content-Type': 'text/plain' } },
	);
});
afterEach(async () => await api.close());

const agentId = { __rl: true, mode: 'id', value: '7' };

it('Set State answered 200 with a plain-text body: accepted, sent once', async () => {
	const { items, error } = await executeWorkflow(api.credentials(), { operation: 'setState', parameters: { agentId, state: 'available' } });
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ agentId: '7', accepted: true });
	expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
});

it('Log Out answered 200 with a plain-text body: logged out, sent once', async () => {
	const { items, error } = await executeWorkflow(api.credentials(), { operation: 'logOut', parameters: { agentId } });
	expect(error).toBeUndefined();
	expect(items.map((item) => item.json)).toEqual([{ agentId: '7', loggedOut: true }]);
	expect(api.requests).toHaveLength(1);
});
