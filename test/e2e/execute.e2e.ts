/* eslint-disable @n8n/community-nodes/no-restricted-globals -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * The package installed into a real n8n, workflows run with `n8n execute`, the simulator behind the credential.
 * Run with `npm run test:e2e`.
 */
import { startSimulator, type Simulator } from '../support/simulator';
import { ensureN8n, N8N_VERSION, N8nSandbox, packPackage } from './n8n';
import { accessKeyOnlyCredential, realTenantCredential, agentStatesWorkflow, tutorialCredential } from './workflows';

let simulator: Simulator;
let emptyTenant: Simulator;
let sandbox: N8nSandbox;
/** The agent the supervisor-action workflows act on (chosen when they are imported). */
let target: { agentId: number };

/** Manual Trigger → CXone Agent States with one of the one-agent operations. */
function supervisorWorkflow(id: string, operation: 'get' | 'setState' | 'logOut', parameters: Record<string, unknown> = {}) {
	const workflow = agentStatesWorkflow({ id, credentialId: 'credAccessKey001', operation: 'getAll' });
	const node = workflow.nodes[1] as { parameters: Record<string, unknown> };
	node.parameters = { resource: 'agentState', operation, agentId: { __rl: true, mode: 'id', value: String(target.agentId) }, ...parameters };
	return workflow;
}

/** Get Many as a node added today (version 2) saves it: only the parameters the user changed. */
function versionTwo(id: string, parameters: Record<string, unknown>) {
	const workflow = agentStatesWorkflow({ id, credentialId: 'credTutorial0001', operation: 'getAll' });
	const node = workflow.nodes[1] as { typeVersion: number; parameters: Record<string, unknown> };
	node.typeVersion = 2;
	node.parameters = { ...node.parameters, ...parameters };
	return workflow;
}

/** Manual Trigger → the node as one added today (version 2) saves it, with exactly these parameters, on the access key. */
function versionTwoWorkflow(id: string, parameters: Record<string, unknown>) {
	const workflow = agentStatesWorkflow({ id, credentialId: 'credAccessKey001', operation: 'getAll' });
	const node = workflow.nodes[1] as { typeVersion: number; parameters: Record<string, unknown> };
	node.typeVersion = 2;
	node.parameters = parameters;
	return workflow;
}

const targetAgent = () => ({ __rl: true, mode: 'id', value: String(target.agentId) });

const ids = (items: Array<Record<string, unknown>>) => items.map((item) => item.agentId);

beforeAll(async () => {
	const n8n = await ensureN8n();
	const tarball = await packPackage();
	simulator = await startSimulator({ agents: 36, seed: 42, quiet: true });
	emptyTenant = await startSimulator({ agents: 0, quiet: true });
	sandbox = await N8nSandbox.create(n8n, tarball);
	await sandbox.importCredentials([
		tutorialCredential('credTutorial0001', simulator.url),
		tutorialCredential('credEmpty0000001', emptyTenant.url),
		tutorialCredential('credFaults000001', simulator.url),
		realTenantCredential('credAccessKey001', simulator.url),
		accessKeyOnlyCredential('credKeyOnly00001', simulator.url),
	]);
	target = simulator.tenant.agents.find((agent) => agent.state === 'READY')!;
	await sandbox.importWorkflows([
		supervisorWorkflow('wfAgentGet000001', 'get'),
		supervisorWorkflow('wfAgentBreak0001', 'setState', { state: 'unavailable', reason: '2' }),
		supervisorWorkflow('wfAgentLogOut001', 'logOut'),
		agentStatesWorkflow({ id: 'wfGetAll00000001', credentialId: 'credTutorial0001', operation: 'getAll' }),
		agentStatesWorkflow({ id: 'wfGetReady000001', credentialId: 'credTutorial0001', operation: 'getReady' }),
		agentStatesWorkflow({ id: 'wfBySite00000001', credentialId: 'credTutorial0001', operation: 'filterBySite', siteIds: 'site-1, site-3' }),
		agentStatesWorkflow({ id: 'wfSummary0000001', credentialId: 'credTutorial0001', operation: 'getAll', options: { output: 'summary' } }),
		agentStatesWorkflow({ id: 'wfEmpty000000001', credentialId: 'credEmpty0000001', operation: 'getAll', options: { output: 'summary' } }),
		agentStatesWorkflow({ id: 'wfFaults00000001', credentialId: 'credFaults000001', operation: 'getReady' }),
		agentStatesWorkflow({ id: 'wfContinue000001', credentialId: 'credFaults000001', operation: 'getReady', continueOnFail: true }),
		agentStatesWorkflow({ id: 'wfKeyReady000001', credentialId: 'credAccessKey001', operation: 'getReady' }),
		agentStatesWorkflow({ id: 'wfKeySite0000001', credentialId: 'credAccessKey001', operation: 'filterBySite', siteIds: 'krakow' }),
		agentStatesWorkflow({ id: 'wfKeyOnlyReady01', credentialId: 'credKeyOnly00001', operation: 'getReady' }),
		versionTwo('wfV2Defaults0001', {}),
		versionTwo('wfV2Limit0000001', { limit: 5 }),
		// Agent → Get Performance for a past day; Send Message to the target agent; its logins in November (Limit 50);
		// Contact → Get Active, only contacts waiting in queue.
		versionTwoWorkflow('wfPerformance001', { resource: 'agent', operation: 'getPerformance', startDate: '2026-12-01T00:00:00Z', endDate: '2026-12-02T00:00:00Z' }),
		versionTwoWorkflow('wfMessage0000001', {
			resource: 'agent',
			operation: 'sendMessage',
			agentId: targetAgent(),
			subject: 'Queue is long',
			message: 'Please go Available',
			options: { expireMinutes: 10 },
		}),
		versionTwoWorkflow('wfLogins00000001', { resource: 'agent', operation: 'getLoginHistory', agentId: targetAgent(), startDate: '2026-11-01T00:00:00Z', endDate: '2026-12-01T00:00:00Z' }),
		versionTwoWorkflow('wfContacts000001', { resource: 'contact', operation: 'getActive', options: { onlyWaiting: true } }),
	]);
}, 40 * 60_000);

afterAll(async () => {
	await sandbox?.cleanup();
	await simulator?.stop();
	await emptyTenant?.stop();
});

const loggedIn = () => simulator.tenant.agents.filter((agent) => agent.state !== 'LOGGED_OUT');

describe('client credentials, in a real n8n', () => {
	it('Get Many returns every logged-in agent, normalized', async () => {
		const outcome = await sandbox.execute('wfGetAll00000001');
		expect(outcome.status).toBe('success');
		const items = outcome.items('CXone Agent States');
		expect(items).toHaveLength(loggedIn().length);
		expect(items[0]).toEqual(
			expect.objectContaining({ agentId: expect.stringMatching(/^a\d+$/), state: expect.any(String), isReady: expect.any(Boolean), siteId: expect.stringMatching(/^site-/) }),
		);
	});

	it('a version 2 node returns simplified agents, up to Limit', async () => {
		const all = (await sandbox.execute('wfV2Defaults0001')).items('CXone Agent States');
		expect(all).toHaveLength(Math.min(50, loggedIn().length));
		expect(Object.keys(all[0]).sort()).toEqual(['agentId', 'firstName', 'isReady', 'lastName', 'siteName', 'state', 'stateDurationSeconds', 'stateSince', 'subState', 'teamName']);
		expect((await sandbox.execute('wfV2Limit0000001')).items('CXone Agent States')).toHaveLength(5);
	});

	it('Get Ready returns only ready agents', async () => {
		const items = (await sandbox.execute('wfGetReady000001')).items('CXone Agent States');
		expect(ids(items)).toEqual(loggedIn().filter((agent) => agent.state === 'READY').map((agent) => `a${agent.agentId}`));
	});

	it('Filter by Site returns the agents of both sites', async () => {
		const items = (await sandbox.execute('wfBySite00000001')).items('CXone Agent States');
		expect(new Set(items.map((item) => item.siteId))).toEqual(new Set(['site-1', 'site-3']));
		expect(items).toHaveLength(loggedIn().filter((agent) => agent.siteId !== 'site-2').length);
	});

	it('summary output is one item with counts', async () => {
		const items = (await sandbox.execute('wfSummary0000001')).items('CXone Agent States');
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ total: loggedIn().length, ready: loggedIn().filter((agent) => agent.state === 'READY').length });
	});

	it('an empty tenant gives a zero summary, not an error', async () => {
		const outcome = await sandbox.execute('wfEmpty000000001');
		expect(outcome.status).toBe('success');
		expect(outcome.items('CXone Agent States')).toMatchObject([{ total: 0, ready: 0 }]);
	});

	it('several executions in a row make one token request', () => {
		// Get Many, Get Ready, Filter by Site and the summary ran above on one credential.
		const tokenCalls = simulator.requests.filter((request) => request.path === '/oauth2/token');
		expect(tokenCalls).toHaveLength(1);
	});

	it('a token revoked between executions is replaced once and the workflow still succeeds', async () => {
		const before = simulator.tokenRequests();
		simulator.revokeTokens();
		const outcome = await sandbox.execute('wfGetReady000001');
		expect(outcome.status).toBe('success');
		expect(outcome.items('CXone Agent States').length).toBeGreaterThan(0);
		expect(simulator.tokenRequests() - before).toBe(1);
		const again = await sandbox.execute('wfGetReady000001');
		expect(again.status).toBe('success');
		expect(simulator.tokenRequests() - before).toBe(1);
		process.stdout.write(`[e2e] n8n ${N8N_VERSION}: sign-ins after a revocation: ${simulator.tokenRequests() - before}\n`);
	});

	it('every token refused: one sign-in, whether n8n or the node renews it, then an error that says so', async () => {
		// n8n before 2.40 signs in again itself on a 401 and retries; 2.40+ leaves the 401 to the node.
		const before = simulator.tokenRequests();
		simulator.schedule((request) => (request.path.endsWith('/agents/states') ? { status: 401 } : undefined));
		let outcome;
		try {
			outcome = await sandbox.execute('wfGetReady000001');
		} finally {
			simulator.schedule(undefined);
		}
		const signIns = simulator.tokenRequests() - before;
		process.stdout.write(`[e2e] n8n ${N8N_VERSION}: sign-ins for a token CXone keeps refusing: ${signIns}\n`);
		expect(outcome.status).toBe('error');
		expect(outcome.error).toBe('CXone rejected the access token (HTTP 401), even after signing in again');
		expect(signIns).toBe(1);
	});
});

/** A tutorial agent-states answer padded with spaces to `megabytes` once inflated. */
function paddedAnswer(megabytes: number): string {
	const agents = JSON.stringify([{ agentId: 'a1', state: { type: 'READY' }, siteId: 'site-1', timestamp: '2026-11-23T10:00:00Z' }]);
	return `${agents}${' '.repeat(megabytes * 1024 * 1024 - agents.length)}`;
}

describe('answer size, in a real n8n with its default heap', () => {
	it('a gzip answer inflating to 63 MB (under the 64 MB default) gives its item', async () => {
		simulator.fault({ body: paddedAnswer(63), gzip: true });
		const outcome = await sandbox.execute('wfFaults00000001');
		expect(outcome.status).toBe('success');
		expect(ids(outcome.items('CXone Agent States'))).toEqual(['a1']);
	});

	it('a gzip answer inflating to 65 MB is an error naming the 64 MB limit, not an empty run', async () => {
		simulator.fault({ body: paddedAnswer(65), gzip: true });
		const outcome = await sandbox.execute('wfFaults00000001');
		expect(outcome.status).toBe('error');
		expect(outcome.error).toBe("CXone's answer to /api/v2/agents/states is larger than 64 MB; the node stopped reading it");
	});
});

describe('faults, in a real n8n', () => {
	it('a 403 says the token was refused for agent states', async () => {
		simulator.fault({ status: 403 });
		const outcome = await sandbox.execute('wfFaults00000001');
		expect(outcome.status).toBe('error');
		expect(outcome.error).toBe('The token was refused for /api/v2/agents/states (HTTP 403): the client may not read agent states');
	});

	it('a 429 with Retry-After recovers', async () => {
		simulator.fault({ status: 429, retryAfter: 1 });
		const outcome = await sandbox.execute('wfFaults00000001');
		expect(outcome.status).toBe('success');
		expect(outcome.items('CXone Agent States').length).toBeGreaterThan(0);
	});

	it('Continue On Fail outputs an error item instead of stopping', async () => {
		simulator.fault({ status: 403 });
		const outcome = await sandbox.execute('wfContinue000001');
		expect(outcome.status).toBe('success');
		expect(outcome.items('CXone Agent States')).toEqual([
			expect.objectContaining({ error: 'The token was refused for /api/v2/agents/states (HTTP 403): the client may not read agent states' }),
		]);
	});
});

describe('access key with tenant discovery, in a real n8n', () => {
	it('signs in and discovers once across executions; Filter by Site matches locations', async () => {
		const tokensBefore = simulator.requests.filter((request) => request.path === '/auth/token').length;
		const discoveryBefore = simulator.discoveryRequests();
		const ready = await sandbox.execute('wfKeyReady000001');
		expect(ready.status).toBe('success');
		expect(ids(ready.items('CXone Agent States'))).toEqual(simulator.tenant.agents.filter((agent) => agent.state === 'READY').map((agent) => String(agent.agentId)));

		const bySite = await sandbox.execute('wfKeySite0000001');
		expect(bySite.status).toBe('success');
		const items = bySite.items('CXone Agent States');
		expect(items.length).toBe(simulator.tenant.agents.filter((agent) => agent.locationName === 'Krakow').length);
		expect(items.every((item) => item.siteName === 'Krakow')).toBe(true);

		expect(simulator.requests.filter((request) => request.path === '/auth/token').length - tokensBefore).toBe(1);
		expect(simulator.discoveryRequests() - discoveryBefore).toBe(2);
	});
});

describe('access key only (no app registration), in a real n8n', () => {
	it('signs in once with the access key alone (JSON, no Authorization header) across executions, and returns the ready agents', async () => {
		const signIns = () => simulator.requests.filter((request) => request.path === '/authentication/v1/token/access-key');
		for (let run = 0; run < 2; run++) {
			const ready = await sandbox.execute('wfKeyOnlyReady01');
			expect(ready.status).toBe('success');
			expect(ids(ready.items('CXone Agent States'))).toEqual(simulator.tenant.agents.filter((agent) => agent.state === 'READY').map((agent) => String(agent.agentId)));
		}
		expect(signIns()).toHaveLength(1);
		expect(signIns()[0].headers.authorization).toBeUndefined();
		expect(JSON.parse(signIns()[0].body)).toEqual({ accessKeyId: 'demo-access-key-id', accessKeySecret: 'demo-access-key-secret' });
	});
});

describe('supervisor actions on one agent (access key), in a real n8n', () => {
	it('Get, Set State with a reason, and Log Out change the agent, and Get then sees it', async () => {
		const id = String(target.agentId);
		const got = await sandbox.execute('wfAgentGet000001');
		expect(got.status).toBe('success');
		expect(got.items('CXone Agent States')).toMatchObject([{ agentId: id, state: 'READY' }]);

		const onBreak = await sandbox.execute('wfAgentBreak0001');
		expect(onBreak.status).toBe('success');
		expect(onBreak.items('CXone Agent States')).toMatchObject([
			{ agentId: id, requestedState: 'unavailable', reason: '2', accepted: true, state: { state: 'NOT_READY', subState: 'Break' } },
		]);
		expect(simulator.tenant.agents.find((agent) => agent.agentId === target.agentId)).toMatchObject({ state: 'NOT_READY', outStateDescription: 'Break' });

		const loggedOut = await sandbox.execute('wfAgentLogOut001');
		expect(loggedOut.status).toBe('success');
		expect(loggedOut.items('CXone Agent States')).toEqual([{ agentId: id, loggedOut: true }]);
		const after = await sandbox.execute('wfAgentGet000001');
		expect(after.items('CXone Agent States')).toMatchObject([{ agentId: id, state: 'LOGGED_OUT' }]);
		expect(simulator.requests.filter((request) => request.method === 'POST' && request.path.includes(`/agents/${id}/`)).map((request) => request.status)).toEqual([200, 202]);
	});
});

describe('Get Performance (access key), in a real n8n', () => {
	it('gives one item per agent with counts as numbers and times in seconds, from one request', async () => {
		const asked = () => simulator.requests.filter((request) => request.path.split('?')[0].endsWith('/agents/performance'));
		const before = asked().length;
		const run = await sandbox.execute('wfPerformance001');
		expect(run.status).toBe('success');
		const items = run.items('CXone Agent States');
		expect(ids(items)).toEqual(simulator.tenant.agents.map((agent) => String(agent.agentId)));
		for (const item of items) {
			expect(typeof item.totalHandled).toBe('number');
			expect(item.loginSeconds as number).toBeGreaterThan(0);
			expect(item.loginSeconds as number).toBeLessThanOrEqual(86_400);
		}
		expect(asked().length - before).toBe(1);
		process.stdout.write(`[e2e] Get Performance, n8n ${N8N_VERSION}, first item: ${JSON.stringify(items[0])}\n`);
	});
});

describe('Send Message (access key), in a real n8n', () => {
	it('sends one message to the agent and says so in the item', async () => {
		const before = simulator.messages.length;
		const run = await sandbox.execute('wfMessage0000001');
		expect(run.status).toBe('success');
		expect(run.items('CXone Agent States')).toEqual([
			{ sent: true, agentMessageId: String(900_001 + before), targetType: 'Agent', targetId: String(target.agentId), subject: 'Queue is long' },
		]);
		process.stdout.write(`[e2e] Send Message, n8n ${N8N_VERSION}, item: ${JSON.stringify(run.items('CXone Agent States')[0])}\n`);
		expect(simulator.messages.slice(before)).toEqual([
			{ subject: 'Queue is long', message: 'Please go Available', targetType: 'Agent', targetId: target.agentId, startDate: null, validUntil: null, expireMinutes: 10 },
		]);
	});
});

describe('Get Login History (access key), in a real n8n', () => {
	it("gives one item per login of the agent in the period, with its station", async () => {
		const run = await sandbox.execute('wfLogins00000001');
		expect(run.status).toBe('success');
		const items = run.items('CXone Agent States');
		expect(items.length).toBeGreaterThanOrEqual(20);
		expect(items.every((item) => item.agentId === String(target.agentId) && /^2026-11-\d\dT08:/.test(String(item.loginDate)))).toBe(true);
		process.stdout.write(`[e2e] Get Login History, n8n ${N8N_VERSION}, ${items.length} items, the first: ${JSON.stringify(items[0])}\n`);
	});
});

describe('Contact Get Active (access key), in a real n8n', () => {
	it('Only Waiting in Queue gives the contacts no agent has yet, with how long each has waited', async () => {
		const skill = simulator.reports.skills()[1];
		simulator.reports.fillQueue(skill.skillId, 3, Date.now() - 180_000);
		try {
			const run = await sandbox.execute('wfContacts000001');
			expect(run.status).toBe('success');
			const items = run.items('CXone Agent States');
			expect(items).toHaveLength(3);
			expect(items.every((item) => item.agentId === null && item.skillId === String(skill.skillId) && (item.ageSeconds as number) >= 175)).toBe(true);
			process.stdout.write(`[e2e] Contact Get Active, n8n ${N8N_VERSION}, the first: ${JSON.stringify(items[0])}\n`);
		} finally {
			simulator.reports.fillQueue(skill.skillId, 0);
		}
	});
});
