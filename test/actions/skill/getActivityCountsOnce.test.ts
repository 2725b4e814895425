/** Skill → Get Activity counts each skill once whatever CXone's pages repeat, and passes NICE's split queue counts through. */
import nock from 'nock';

import { startSimulator, type Simulator } from '../../support/simulator';
import { realTenantCredentials, simulatorRealTenantCredentials } from '../../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';
import { useNock } from '../../support/harness/fixtures';

const activity = (output: 'skills' | 'summary') => ({ resource: 'skill', operation: 'getActivity', parameters: { output } }) as const;

describe('pages that repeat a skill (nock)', () => {
	const API = 'https://api-na1.niceincontact.com';
	const ACTIVITY = '/incontactapi/services/v31.0/skills/activity';
	const signedIn = () =>
		new TestCredentialsHelper(realTenantCredentials({ accessToken: 'tok', apiBaseUrl: API, tokenExpiresAt: new Date(Date.now() + 3600_000).toISOString() }));
	const skill = (skillId: number, queueCount: number) => ({ skillId, skillName: `Skill ${skillId}`, queueCount, agentsAvailable: 0, earliestQueueTime: new Date(Date.now() - 60_000).toISOString() });
	// Skill 2 moves from page 1 to page 2 while CXone updates: 3 skills, 12 waiting, listed as 4 records and 16.
	const repeatingPages = () =>
		nock(API)
			.get(ACTIVITY).query({ top: '10000', skip: '0' }).reply(200, { totalRecords: 4, skillActivity: [skill(1, 4), skill(2, 4)], _links: {} })
			.get(ACTIVITY).query({ top: '10000', skip: '2' }).reply(200, { totalRecords: 4, skillActivity: [skill(2, 4), skill(3, 4)] });

	useNock();

	it('one item per skill ID', async () => {
		const api = repeatingPages();
		const { items } = await executeWorkflow(signedIn(), activity('skills'));
		expect(items.map((item) => item.json.skillId)).toEqual(['1', '2', '3']);
		expect(api.isDone()).toBe(true);
	});

	it('the summary counts 3 skills, 12 waiting and one alert per skill', async () => {
		repeatingPages();
		const { items } = await executeWorkflow(signedIn(), activity('summary'));
		expect(items[0].json).toMatchObject({ skills: 3, queueCount: 12, queuedWithNoAgentAvailableCount: 3 });
		expect((items[0].json.queuedWithNoAgentAvailable as Array<{ skillId: string }>).map((alert) => alert.skillId)).toEqual(['1', '2', '3']);
	});
});

describe('against the simulator', () => {
	let simulator: Simulator;
	beforeAll(async () => {
		simulator = await startSimulator({ agents: 12, seed: 5, quiet: true });
	});
	afterAll(async () => await simulator.stop());

	it('each skill item has skillQueueCount, personalQueueCount and parkedCount as numbers', async () => {
		const [first] = simulator.reports.skills();
		simulator.reports.fillQueue(first.skillId, 3);
		const { items } = await executeWorkflow(new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url)), activity('skills'));
		expect(items.length).toBeGreaterThan(0);
		for (const { json } of items) {
			for (const key of ['skillQueueCount', 'personalQueueCount', 'parkedCount']) expect(typeof json[key]).toBe('number');
		}
		expect(items.find((item) => item.json.skillId === String(first.skillId))?.json).toMatchObject({ queueCount: 3, skillQueueCount: 3, personalQueueCount: 0, parkedCount: 0 });
		simulator.reports.fillQueue(first.skillId, 0);
	});
});
