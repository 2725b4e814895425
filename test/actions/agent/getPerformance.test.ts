/** Agent → Get Performance through a real workflow execution: against the simulator, and nock for CXone's edges. */
import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { startSimulator, type Simulator } from '../../support/simulator';
import { simulatorRealTenantCredentials, simulatorTutorialCredentials } from '../../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';
import { signedInRealTenant, useNock } from '../../support/harness/fixtures';

const START = '2026-12-01T00:00:00Z';
const END = '2026-12-02T00:00:00Z';

const performance = (parameters: IDataObject = {}, extra: { continueOnFail?: boolean } = {}) =>
	({ resource: 'agent', operation: 'getPerformance', parameters: { startDate: START, endDate: END, ...parameters }, ...extra }) as const;

describe('against the simulator', () => {
	let simulator: Simulator;
	beforeAll(async () => {
		simulator = await startSimulator({ agents: 24, seed: 7, quiet: true });
	});
	afterAll(async () => await simulator.stop());
	const store = () => new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url));
	const performanceRequests = () => simulator.requests.filter((request) => /\/performance$/.test(request.path.split('?')[0]));

	it('gives one item per agent in one request, counts as numbers and times in seconds, login within the period', async () => {
		const before = performanceRequests().length;
		const { items, error } = await executeWorkflow(store(), performance());
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.agentId)).toEqual(simulator.tenant.agents.map((agent) => String(agent.agentId)));
		const sent = performanceRequests().slice(before);
		expect(sent).toHaveLength(1);
		expect(sent[0].query).toEqual({ startDate: '2026-12-01T00:00:00.000Z', endDate: '2026-12-02T00:00:00.000Z' });
		for (const { json } of items) {
			expect(typeof json.totalHandled).toBe('number');
			expect(typeof json.loginSeconds).toBe('number');
			expect(json.loginSeconds as number).toBeLessThanOrEqual(86_400);
			expect(json.totalTalkSeconds as number).toBeLessThanOrEqual(json.loginSeconds as number);
			expect(json).toMatchObject({ periodStart: '2026-12-01T00:00:00.000Z', periodEnd: '2026-12-02T00:00:00.000Z', consultSeconds: 0 });
		}
	});

	it('reads one agent from its own path', async () => {
		const agent = simulator.tenant.agents[3];
		const { items } = await executeWorkflow(store(), performance({ agentId: { __rl: true, mode: 'id', value: String(agent.agentId) } }));
		expect(items.map((item) => item.json.agentId)).toEqual([String(agent.agentId)]);
		expect(performanceRequests().at(-1)?.path.split('?')[0]).toMatch(new RegExp(`/agents/${agent.agentId}/performance$`));
	});

	it('names an unknown agent, and with Continue On Fail keeps the other items', async () => {
		const { items } = await executeWorkflow(store(), performance({ agentId: '={{ $json.index === 1 ? "999999" : "" }}' }, { continueOnFail: true }), 2);
		expect(items.filter((item) => item.json.error === undefined).length).toBe(simulator.tenant.agents.length);
		const failed = items.filter((item) => item.json.error !== undefined);
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toMatch(/999999/);
		expect(failed[0].pairedItem).toEqual({ item: 1 });
	});

	it('gives no items and a hint for a period CXone has nothing for (204)', async () => {
		const { items, error, hints } = await executeWorkflow(store(), performance({ startDate: '2099-01-01T00:00:00Z', endDate: '2099-01-02T00:00:00Z' }));
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(hints.map((hint) => hint.message).join(' ')).toMatch(/no agent performance for this period/);
	});

	it('refuses a loose date or a reversed period before any request', async () => {
		const before = performanceRequests().length;
		expect((await executeWorkflow(store(), performance({ startDate: 'last week' }))).error?.message).toBe('Start is not a date: "last week"');
		expect((await executeWorkflow(store(), performance({ startDate: END, endDate: START }))).error?.message).toBe('End must be after Start');
		expect((await executeWorkflow(store(), performance({ endDate: '2027-01-15T00:00:00Z' }))).error?.message).toBe('The period is longer than 31 days');
		expect(performanceRequests().length).toBe(before);
	});

	it('says the tutorial sign-in cannot read performance, before any request', async () => {
		const before = simulator.requests.length;
		const { error } = await executeWorkflow(new TestCredentialsHelper(simulatorTutorialCredentials(simulator.url)), performance());
		expect(error?.message).toBe('Get Performance needs the CXone Access Key sign-in');
		expect(simulator.requests.length).toBe(before);
	});
});

describe('CXone edge cases (nock)', () => {
	const API = 'https://api-na1.niceincontact.com';
	const PATH = '/incontactapi/services/v31.0/agents/performance';
	const signedIn = () => signedInRealTenant(API);

	useNock();

	it('reads counts sent as strings and times as ISO 8601 durations with days and fractions; what CXone did not send is null', async () => {
		// The shapes of singer-io/tap-nice-incontact tests/test_transform_iso8601_durations.py.
		nock(API)
			.get(PATH)
			.query(true)
			.reply(200, {
				agentPerformance: [
					{ agentId: 1001, teamId: 5, agentOffered: '54', occupancy: '36.81', loginTime: 'P1DT19H18M29.651S', totalAvgHandleTime: 'PT5H48M1.139S', acwTime: 'PT0S' },
					// Older API versions answer in PascalCase; a number is read as it is.
					{ AgentId: '1002', TotalHandled: 7, LoginTime: 'PT8H' },
					{ teamId: 5, totalHandled: '3' },
				],
			});
		const { items, hints } = await executeWorkflow(signedIn(), performance());
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({ agentId: '1001', teamId: '5', agentOffered: 54, occupancy: 36.81, loginSeconds: 155_909.651, totalAvgHandleSeconds: 20_881.139, acwSeconds: 0, totalHandled: null, firstName: null }),
			expect.objectContaining({ agentId: '1002', totalHandled: 7, loginSeconds: 28_800, occupancy: null }),
		]);
		expect(Object.keys(items[0].json)).toEqual(Object.keys(items[1].json));
		expect(hints.map((hint) => hint.message)).toContain('1 performance record(s) from CXone named no agent ID and were skipped.');
	});

	it('an agent CXone lists twice is one item, with the later figures', async () => {
		nock(API).get(PATH).query(true).reply(200, { agentPerformance: [{ agentId: 1, totalHandled: '1' }, { agentId: 2 }, { agentId: 1, totalHandled: '4' }] });
		const { items } = await executeWorkflow(signedIn(), performance());
		expect(items.map((item) => [item.json.agentId, item.json.totalHandled])).toEqual([['1', 4], ['2', null]]);
	});

	it('explains CXone refusing the period (InvalidDateRange), sending the request once', async () => {
		const api = nock(API).get(PATH).query(true).reply(400, '', { icStatusDescription: 'InvalidDateRange' });
		const { error } = await executeWorkflow(signedIn(), performance());
		expect(error?.message).toBe('CXone refused the period of GET /agents/performance (Reporting API, agent performance) (HTTP 400)');
		expect(error?.description).toMatch(/^CXone said: InvalidDateRange\. Check Start and End/);
		expect(api.isDone()).toBe(true);
	});

	it('an answer without agentPerformance is an error, not zero agents', async () => {
		nock(API).get(PATH).query(true).reply(200, { agentStates: [] });
		const { error } = await executeWorkflow(signedIn(), performance());
		expect(error?.message).toBe("CXone's agents/performance response has an unexpected shape");
	});
});
