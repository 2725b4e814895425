/**
 * Agent → Send Message through a real workflow execution against the simulator: what CXone receives, what the item
 * says, and that a message is sent once per item, whatever fails (nothing reads a sent message back).
 */
import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { startSimulator, type Simulator } from '../../support/simulator';
import type { FaultSpec } from '../../support/simulator/faults';
import { simulatorRealTenantCredentials, simulatorTutorialCredentials } from '../../support/harness/credentials';
import { signedInRealTenant, useNock } from '../../support/harness/fixtures';
import { executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';

let simulator: Simulator;
beforeEach(async () => {
	simulator = await startSimulator({ agents: 12, seed: 5, quiet: true });
});
afterEach(async () => await simulator?.stop());

const store = () => new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url));
const posts = () => simulator.requests.filter((request) => request.method === 'POST' && request.path.split('?')[0].endsWith('/agents/messages'));
const byId = (agentId: number | string) => ({ __rl: true, mode: 'id', value: String(agentId) });
const send = (parameters: IDataObject, options: IDataObject = {}, extra: { continueOnFail?: boolean } = {}) =>
	({ resource: 'agent', operation: 'sendMessage', parameters: { subject: 'Queue is long', message: 'Please go Available', ...parameters }, options, ...extra }) as const;

describe('what CXone receives and the item says', () => {
	it('one agent: one POST with the documented body, and the message ID in the item', async () => {
		const agent = simulator.tenant.agents[2];
		const { items, error } = await executeWorkflow(store(), send({ target: 'agent', agentId: byId(agent.agentId) }));
		expect(error).toBeUndefined();
		expect(posts()).toHaveLength(1);
		expect(posts()[0].headers['content-type']).toMatch(/^application\/json/);
		expect(JSON.parse(posts()[0].body)).toEqual({ agentMessages: [{ subject: 'Queue is long', message: 'Please go Available', targetType: 'Agent', targetId: agent.agentId }] });
		expect(items.map((item) => item.json)).toEqual([{ sent: true, agentMessageId: '900001', targetType: 'Agent', targetId: String(agent.agentId), subject: 'Queue is long' }]);
		expect(simulator.messages).toEqual([expect.objectContaining({ targetType: 'Agent', targetId: agent.agentId, message: 'Please go Available' })]);
	});

	it('a team, with Start and Valid Until in the workflow timezone sent as UTC, and Expire After', async () => {
		const teamId = simulator.tenant.agents[0].teamId;
		const { items } = await executeWorkflow(
			store(),
			send({ target: 'team', teamId: String(teamId) }, { startDate: '2099-12-03T14:00:00Z', validUntil: '2099-12-03T18:00:00Z', expireMinutes: 10 }),
		);
		expect(items[0].json).toMatchObject({ sent: true, targetType: 'Team', targetId: String(teamId) });
		expect(JSON.parse(posts()[0].body).agentMessages[0]).toEqual({
			subject: 'Queue is long',
			message: 'Please go Available',
			targetType: 'Team',
			targetId: teamId,
			startDate: '2099-12-03T14:00:00.000Z',
			validUntil: '2099-12-03T18:00:00.000Z',
			expireMinutes: 10,
		});
	});

	it('everyone: no target ID', async () => {
		const { items } = await executeWorkflow(store(), send({ target: 'everyone' }));
		expect(items[0].json).toMatchObject({ sent: true, targetType: 'Everyone', targetId: null });
		expect(JSON.parse(posts()[0].body).agentMessages[0]).not.toHaveProperty('targetId');
	});

	it('an entry CXone fails inside a 200 is an error for that item; Continue On Fail keeps the others in place', async () => {
		const agent = simulator.tenant.agents[0];
		const { items } = await executeWorkflow(store(), send({ target: 'agent', agentId: `={{ $json.index === 1 ? "999999" : "${agent.agentId}" }}` }, {}, { continueOnFail: true }), 3);
		expect(posts()).toHaveLength(3);
		expect(items.map((item) => [item.pairedItem, item.json.sent ?? item.json.error])).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, 'CXone knows no agent with ID 999999 (HTTP 404 Invalid Agent Id)'],
			[{ item: 2 }, true],
		]);
	});

	it('an unknown team names the team and where to check it', async () => {
		const { error } = await executeWorkflow(store(), send({ target: 'team', teamId: '424242' }));
		expect(error?.message).toBe('CXone did not send the message to team 424242');
		expect(error?.description).toBe('CXone said: Invalid Team Id. Pick the team from the list, or check its ID in CXone Admin > Teams.');
	});

	it.each([
		[{ subject: '  ' }, {}, 'Subject is empty'],
		[{ message: '={{ "" }}' }, {}, 'Message is empty'],
		[{ target: 'supervisors' }, {}, 'Send To must be "agent", "team" or "everyone", not "supervisors"'],
		[{ target: 'team', teamId: '={{ " " }}' }, {}, 'Team is empty'],
		[{ target: 'everyone' }, { startDate: 'tomorrow' }, 'Start is not a date: "tomorrow"'],
		[{ target: 'everyone' }, { startDate: '2099-12-03T18:00:00Z', validUntil: '2099-12-03T14:00:00Z' }, 'Valid Until must be after Start'],
		[{ target: 'everyone' }, { validUntil: '2020-01-01T00:00:00Z' }, 'Valid Until is in the past'],
		[{ target: '={{ "constructor" }}', teamId: '1' }, {}, 'Send To must be "agent", "team" or "everyone", not "constructor"'],
		[{ target: '={{ "__proto__" }}', teamId: '1' }, {}, 'Send To must be "agent", "team" or "everyone", not "__proto__"'],
		[{ target: 'everyone' }, { expireMinutes: 0 }, 'Expire After (Minutes) must be a whole number of at least 1, not 0'],
	])('%j %j is refused before anything is sent: %s', async (parameters, options, message) => {
		const { error } = await executeWorkflow(store(), send({ target: 'agent', agentId: byId(1001), ...parameters }, options));
		expect(error?.message).toBe(message);
		expect(posts()).toHaveLength(0);
	});

	it('a failed item after sent ones says those were sent, so running again repeats them', async () => {
		const agent = simulator.tenant.agents[0];
		const { error } = await executeWorkflow(store(), send({ target: 'agent', agentId: `={{ $json.index === 2 ? "999999" : "${agent.agentId}" }}` }), 3);
		expect(posts()).toHaveLength(3);
		expect(error?.message).toBe('CXone knows no agent with ID 999999 (HTTP 404 Invalid Agent Id)');
		expect(error?.description).toMatch(/The messages of the 2 item\(s\) before this one were sent: running the node again sends them again\.$/);
	});

	it('does not run with n8n\'s Retry On Fail on, before anything is sent', async () => {
		const { error } = await executeWorkflow(store(), { ...send({ target: 'everyone' }), retryOnFail: true });
		expect(error?.message).toBe('Send Message does not run with Retry On Fail on');
		expect(posts()).toHaveLength(0);
	});

	it('says the tutorial sign-in cannot send messages, before any request', async () => {
		const { error } = await executeWorkflow(new TestCredentialsHelper(simulatorTutorialCredentials(simulator.url)), send({ target: 'everyone' }));
		expect(error?.message).toBe('Send Message needs the CXone Access Key sign-in');
		expect(simulator.requests).toHaveLength(0);
	});
});

describe('a message is sent once per item', () => {
	const writeFault = (spec: FaultSpec) => simulator.fault({ path: 'writes', ...spec });

	it.each([
		['HTTP 500', { status: 500 }],
		['HTTP 502', { status: 502 }],
		['HTTP 503', { status: 503 }],
		['HTTP 504', { status: 504 }],
		['a connection dropped after sending', { kind: 'reset' }],
	] as Array<[string, FaultSpec]>)('%s: one POST, and an error that says it may or may not have been sent', async (_what, fault) => {
		writeFault({ ...fault, applied: true });
		const { error } = await executeWorkflow(store(), send({ target: 'everyone' }));
		expect(posts()).toHaveLength(1);
		expect(simulator.messages).toHaveLength(1);
		expect(error?.message).toBe('Send Message to everyone may or may not have been sent');
		expect(error?.description).toMatch(/The node did not send it again/);
	});

	it('a timeout: one POST', async () => {
		writeFault({ delayMs: 3_000 });
		const { error } = await executeWorkflow(store(), send({ target: 'everyone' }, { timeoutSeconds: 1 }));
		expect(posts()).toHaveLength(1);
		expect(error?.message).toBe('Send Message to everyone may or may not have been sent');
		expect(error?.description).toMatch(/^CXone did not answer within the timeout/);
	});

	it('a 429 proves CXone turned it away: sent again, and delivered once', async () => {
		writeFault({ status: 429, retryAfter: 0 });
		const { items, error } = await executeWorkflow(store(), send({ target: 'everyone' }));
		expect(error).toBeUndefined();
		expect(posts()).toHaveLength(2);
		expect(simulator.messages).toHaveLength(1);
		expect(items[0].json).toMatchObject({ sent: true });
	});

	it('a 403 says which permission is missing, sent once', async () => {
		writeFault({ status: 403 });
		const { error } = await executeWorkflow(store(), send({ target: 'everyone' }));
		expect(posts()).toHaveLength(1);
		expect(error?.message).toBe('The CXone API user may not send agent messages (HTTP 403)');
	});
});

describe('CXone\'s batch answer (nock)', () => {
	const API = 'https://api-na1.niceincontact.com';
	const PATH = '/incontactapi/services/v31.0/agents/messages';
	const signedIn = () => signedInRealTenant(API);

	useNock();

	it.each([
		['errorCount without success', { errorCount: 1, agentMessageResults: [{ agentMessageId: 0, error: 'Invalid Team Id' }] }],
		['success null with an error', { errorCount: 0, agentMessageResults: [{ agentMessageId: 0, success: null, error: 'Invalid Team Id' }] }],
		['errorCount and no results', { errorCount: 1, agentMessageResults: [] }],
	])('an entry CXone failed (%s) is an error, not sent: true', async (_what, answer) => {
		nock(API).post(PATH).reply(200, answer);
		const { error, items } = await executeWorkflow(signedIn(), send({ target: 'team', teamId: '12' }));
		expect(items).toEqual([]);
		expect(error?.message).toBe('CXone did not send the message to team 12');
	});

	it('a 404 naming the team points at the team, not the API version', async () => {
		nock(API).post(PATH).reply(404, '', { icStatusDescription: 'Invalid Team Id' });
		const { error } = await executeWorkflow(signedIn(), send({ target: 'team', teamId: '12' }));
		expect(error?.message).toBe('CXone did not send the message to team 12');
		expect(error?.description).toMatch(/^CXone said: Invalid Team Id\. Pick the team from the list/);
	});
});
