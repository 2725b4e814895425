/** Skill → Get Activity through a real workflow execution: against the simulator, and nock for CXone's edges. */
import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { startSimulator, type Simulator } from '../../support/simulator';
import { realTenantCredentials, simulatorRealTenantCredentials, simulatorTutorialCredentials } from '../../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';
import { useNock } from '../../support/harness/fixtures';

const activity = (output: 'skills' | 'summary', options: IDataObject = {}) => ({ resource: 'skill', operation: 'getActivity', parameters: { output }, options }) as const;

describe('against the simulator', () => {
	let simulator: Simulator;
	beforeAll(async () => {
		simulator = await startSimulator({ agents: 36, seed: 42, quiet: true });
	});
	afterAll(async () => await simulator.stop());
	const store = () => new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url));

	it('gives one item per skill, its agents counted by state, numbers as numbers', async () => {
		const { items, error } = await executeWorkflow(store(), activity('skills'));
		expect(error).toBeUndefined();
		const agents = simulator.tenant.agents;
		expect(items).toHaveLength(new Set(agents.map((agent) => agent.skillId)).size);
		for (const { json } of items) {
			const mine = agents.filter((agent) => String(agent.skillId) === json.skillId);
			expect(json).toMatchObject({
				agentsAvailable: mine.filter((agent) => agent.state === 'READY').length,
				// Dialer agents work for the outbound dialer: CXone counts them with the working agents.
				agentsWorking: mine.filter((agent) => agent.state === 'ON_CONTACT' || agent.state === 'DIALER').length,
				agentsLoggedIn: mine.filter((agent) => agent.state !== 'LOGGED_OUT').length,
				queueCount: 0,
				longestWaitSeconds: 0,
			});
			for (const value of Object.values(json)) expect(['string', 'number', 'boolean']).toContain(value === null ? 'string' : typeof value);
		}
	});

	it('names the skill whose queue fills while nobody on it is available', async () => {
		const skill = simulator.tenant.agents[0];
		for (const agent of simulator.tenant.agents.filter((candidate) => candidate.skillId === skill.skillId)) {
			if (agent.state === 'READY') simulator.setAgentState(agent.agentId, 'NOT_READY', { reason: 'Break' });
		}
		simulator.reports.fillQueue(skill.skillName, 4, Date.now() - 90_000);
		const { items } = await executeWorkflow(store(), activity('summary'));
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ queueCount: 4, queuedWithNoAgentAvailableCount: 1 });
		const [alert] = items[0].json.queuedWithNoAgentAvailable as Array<Record<string, unknown>>;
		expect(alert).toMatchObject({ skillId: String(skill.skillId), skillName: skill.skillName, queueCount: 4 });
		expect(alert.longestWaitSeconds).toBeGreaterThanOrEqual(89);
		simulator.reports.fillQueue(skill.skillName, 0);
	});

	it('keeps only the skills named in Skills, by ID or name in any case', async () => {
		const [first, second] = simulator.reports.skills();
		const { items } = await executeWorkflow(store(), activity('skills', { skills: `${first.skillId}, ${second.skillName.toUpperCase()}` }));
		expect(items.map((item) => item.json.skillId)).toEqual([String(first.skillId), String(second.skillId)]);
	});

	it('says the tutorial sign-in cannot read skill activity, before any request', async () => {
		const before = simulator.requests.length;
		const { error } = await executeWorkflow(new TestCredentialsHelper(simulatorTutorialCredentials(simulator.url)), activity('skills'));
		expect(error?.message).toBe('Skill Get Activity needs the CXone Access Key sign-in');
		expect(simulator.requests.length).toBe(before);
	});
});

describe('CXone edge cases (nock)', () => {
	const API = 'https://api-na1.niceincontact.com';
	const ACTIVITY = '/incontactapi/services/v31.0/skills/activity';
	const signedIn = () =>
		new TestCredentialsHelper(realTenantCredentials({ accessToken: 'tok', apiBaseUrl: API, tokenExpiresAt: new Date(Date.now() + 3600_000).toISOString() }));

	useNock();

	it('asks without updatedSince (every skill, not a delta) and stops when the server ignores skip', async () => {
		const page = { totalRecords: 20_000, skillActivity: Array.from({ length: 10_000 }, (_, index) => ({ skillId: index, queueCount: '1', agentsAvailable: '2' })) };
		const api = nock(API)
			.get(ACTIVITY).query({ top: '10000', skip: '0' }).reply(200, page)
			.get(ACTIVITY).query({ top: '10000', skip: '10000' }).reply(200, page);
		const { items } = await executeWorkflow(signedIn(), activity('summary'));
		expect(items[0].json).toMatchObject({ skills: 10_000, queueCount: 10_000 });
		expect(api.isDone()).toBe(true);
	});

	it('shows CXone\'s refusal with its description', async () => {
		nock(API).get(ACTIVITY).query(true).reply(400, '', { icStatusDescription: 'InvalidMediaType' });
		const { error } = await executeWorkflow(signedIn(), activity('skills'));
		expect(error?.message).toBe('CXone answered HTTP 400');
		expect(error?.description).toContain('InvalidMediaType');
	});
});
