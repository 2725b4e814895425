/**
 * Set State, Log Out and Send Message change live agents: they run only when a person chose them in the node. Resource
 * and Operation are fixed choices (noDataExpression): n8n does not evaluate an expression there (what imported JSON
 * can hold, and what an AI agent's $fromAI would be), so no expression can turn a node into a write.
 */
import type { IDataObject } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../support/simulator';
import { simulatorRealTenantCredentials } from '../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../support/harness/workflow';

let simulator: Simulator;
beforeAll(async () => {
	simulator = await startSimulator({ agents: 8, seed: 4, quiet: true });
});
afterAll(async () => await simulator.stop());

const store = () => new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url));
const agentId = () => ({ __rl: true, mode: 'id', value: String(simulator.tenant.agents.find((agent) => agent.state !== 'LOGGED_OUT')!.agentId) });
const writes = () => simulator.requests.filter((request) => request.method === 'POST' && !/token|access-key/.test(request.path));

it.each([
	['Set State', { resource: 'agentState', operation: '={{ "setState" }}' }, { state: 'available' }],
	['Log Out', { resource: 'agentState', operation: '={{ "logOut" }}' }, {}],
	['Send Message', { resource: 'agent', operation: '={{ "sendMessage" }}' }, { target: 'everyone', subject: 'Hi', message: 'Hello' }],
	['Send Message', { resource: '={{ "agent" }}', operation: 'sendMessage' }, { target: 'everyone', subject: 'Hi', message: 'Hello' }],
] as Array<[string, IDataObject, IDataObject]>)('%s chosen by an expression (%j) never runs: nothing is sent', async (_name, choice, parameters) => {
	const before = writes().length;
	const { error } = await executeWorkflow(store(), { parameters: { agentId: agentId(), ...parameters, ...choice } });
	// An unevaluated operation is unknown; with an unevaluated resource no operation field applies at all.
	expect(error?.message).toMatch(/^The operation ".+" is not known$|^Could not get parameter "operation"$/);
	expect(writes().length).toBe(before);
});

it('the same write chosen in the node runs', async () => {
	const sent = await executeWorkflow(store(), { resource: 'agent', operation: 'sendMessage', parameters: { target: 'everyone', subject: 'Hi', message: 'Hello' } });
	expect(sent.error).toBeUndefined();
	expect(sent.items[0].json).toMatchObject({ sent: true });
});
