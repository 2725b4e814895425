/**
 * An agent ID is one path segment, whatever it contains: `/`, `?`, `#` and an already encoded `%2f` go out
 * percent-encoded, so `1001/../1002` can neither read nor change agent 1002. Checked on the request line a
 * loopback server received, for Get, Set State and Log Out.
 */
import { serveLoopbackTenant, type LoopbackTenant } from '../../support/harness/loopbackTenant';
import { executeWorkflow } from '../../support/harness/workflow';

const AGENTS = '/incontactapi/services/v31.0/agents';

let api: LoopbackTenant;
beforeEach(async () => {
	api = await serveLoopbackTenant((request) => {
		if (request.method === 'GET') return { status: 200, body: { agentStates: [{ agentId: 7, agentStateName: 'Unavailable', outStateDescription: 'Break', teamId: 3 }] } };
		return { status: request.url.includes('/logout') ? 202 : 200 };
	});
});
afterEach(async () => await api.close());

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

// The expected segments are written out, not computed with the encoder the node uses.
const IDS: Array<[string, string]> = [
	['1001/../1002', '1001%2F..%2F1002'],
	['1002?top=1', '1002%3Ftop%3D1'],
	['1002#frag', '1002%23frag'],
	['1001%2f..%2f1002', '1001%252f..%252f1002'],
];

describe.each(IDS)('agent ID %p goes out as the one segment %p', (agentId, segment) => {
	it('Get', async () => {
		const { error } = await executeWorkflow(api.credentials(), { operation: 'get', parameters: { agentId: byId(agentId) } });
		expect(error).toBeUndefined();
		expect(api.requests.map((request) => `${request.method} ${request.url}`)).toEqual([`GET ${AGENTS}/${segment}/states`]);
	});

	it('Set State', async () => {
		const { error } = await executeWorkflow(api.credentials(), { operation: 'setState', parameters: { agentId: byId(agentId), state: 'available' } });
		expect(error).toBeUndefined();
		expect(api.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
			`GET ${AGENTS}/${segment}/states`,
			`POST ${AGENTS}/${segment}/state?state=Available`,
			`GET ${AGENTS}/${segment}/states`,
		]);
	});

	it('Log Out', async () => {
		const { error } = await executeWorkflow(api.credentials(), { operation: 'logOut', parameters: { agentId: byId(agentId) } });
		expect(error).toBeUndefined();
		expect(api.requests.map((request) => `${request.method} ${request.url}`)).toEqual([`POST ${AGENTS}/${segment}/logout`]);
	});
});
