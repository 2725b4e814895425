/** Agent State → Get History through a real workflow execution: against the simulator, and nock for CXone's edges. */
import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { startSimulator, type Simulator } from '../../support/simulator';
import { realTenantCredentials, simulatorRealTenantCredentials, simulatorTutorialCredentials } from '../../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';
import { useNock } from '../../support/harness/fixtures';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-23T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

const history = (parameters: IDataObject, options: IDataObject = {}) =>
	({ operation: 'getHistory', parameters: { returnAll: true, ...parameters }, options }) as const;

describe('against the simulator', () => {
	let simulator: Simulator;
	beforeAll(async () => {
		simulator = await startSimulator({ agents: 6, seed: 3, quiet: true, now: () => NOW, epochMs: NOW });
	});
	afterAll(async () => await simulator.stop());

	// Yesterday, ending before any simulated agent's current state began (those began up to 3 h before NOW).
	const yesterday = { startDate: iso(NOW - 28 * HOUR), endDate: iso(NOW - 4 * HOUR) };

	it('summarizes each agent\'s day: seconds per state and reason, logged-in time and occupancy', async () => {
		const { items, error } = await executeWorkflow(new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url)), history({ ...yesterday, output: 'summary' }));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.agentId)).toEqual(['1001', '1002', '1003', '1004', '1005', '1006']);
		for (const { json } of items) {
			const byState = json.secondsByState as Record<string, number>;
			// 24 hours of 15-minute states, every second accounted for.
			expect(Object.values(byState).reduce((sum, value) => sum + value, 0)).toBe(24 * 3600);
			expect(json.loggedInSeconds).toBe(24 * 3600 - (byState.LOGGED_OUT ?? 0));
			const reasons = Object.values(json.notReadySecondsByReason as Record<string, number>).reduce((sum, value) => sum + value, 0);
			expect(reasons).toBe(json.notReadySeconds);
			expect(json.occupancy).toBeCloseTo(Number(json.onContactSeconds) / (Number(json.readySeconds) + Number(json.onContactSeconds)), 4);
			expect(json).toMatchObject({ periodStart: yesterday.startDate, periodEnd: yesterday.endDate, stateChanges: 96 });
			expect(items[0].pairedItem).toEqual({ item: 0 });
		}
		expect(simulator.requests.filter((request) => request.path.includes('state-history'))).toHaveLength(1);
	});

	it('lists the state changes the simulator made, including a Set State', async () => {
		simulator.setAgentState(1002, 'NOT_READY', { reason: 'Coaching', at: NOW - 30 * 60_000 });
		simulator.setAgentState(1002, 'READY', { at: NOW - 10 * 60_000 });
		const { items } = await executeWorkflow(
			new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url)),
			history({ startDate: iso(NOW - 40 * 60_000), endDate: iso(NOW), agentId: '1002', output: 'changes' }),
		);
		expect(items.map((item) => item.json)).toEqual([
			{ agentId: '1002', state: 'NOT_READY', subState: 'Coaching', stateSince: iso(NOW - 30 * 60_000), stateUntil: iso(NOW - 10 * 60_000), durationSeconds: 1200, contactId: null, skillId: expect.any(String), teamId: expect.any(String) },
			{ agentId: '1002', state: 'READY', subState: null, stateSince: iso(NOW - 10 * 60_000), stateUntil: iso(NOW), durationSeconds: 600, contactId: null, skillId: expect.any(String), teamId: expect.any(String) },
		]);
	});

	it('filters by state and stops at the limit', async () => {
		const { items } = await executeWorkflow(
			new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url)),
			{ operation: 'getHistory', parameters: { ...yesterday, output: 'changes', returnAll: false, limit: 5 }, options: { states: ['NOT_READY'] } },
		);
		expect(items).toHaveLength(5);
		expect(new Set(items.map((item) => item.json.state))).toEqual(new Set(['NOT_READY']));
	});

	it('says the tutorial sign-in cannot read history, before any request', async () => {
		const before = simulator.requests.length;
		const { error } = await executeWorkflow(new TestCredentialsHelper(simulatorTutorialCredentials(simulator.url)), history(yesterday));
		expect(error?.message).toBe('Get History needs the CXone Access Key sign-in');
		expect(error?.description).toContain('CXone Access Key (Real Tenant)');
		expect(simulator.requests.length).toBe(before);
	});

	it('names an unknown agent instead of blaming the API version', async () => {
		const { error } = await executeWorkflow(new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url)), history({ ...yesterday, agentId: '999' }));
		expect(error?.message).toBe('CXone knows no agent with ID 999 (HTTP 404 Invalid Agent Id)');
	});
});

describe('CXone edge cases (nock)', () => {
	const API = 'https://api-na1.niceincontact.com';
	const HISTORY = '/incontactapi/services/v31.0/agents/state-history';
	const signedIn = () =>
		new TestCredentialsHelper(realTenantCredentials({ accessToken: 'tok', apiBaseUrl: API, tokenExpiresAt: new Date(Date.now() + 3600_000).toISOString() }));
	const record = (agentId: number, startDate: string, duration = 'PT1H') => ({ agentId, agentStateName: 'Available', startDate, duration, teamId: 12 });

	useNock();

	it('asks one day at a time and counts a state listed in two windows once', async () => {
		const day = (n: number) => `2026-11-${20 + n}T00:00:00.000Z`;
		const api = nock(API)
			.get(HISTORY).query({ startDate: day(0), endDate: day(1), top: '10000', skip: '0' })
			.reply(200, { totalRecords: 1, agentStateHistory: [record(1, '2026-11-20T23:00:00.000Z', 'PT2H')] })
			.get(HISTORY).query({ startDate: day(1), endDate: day(2), top: '10000', skip: '0' })
			.reply(200, { totalRecords: 2, agentStateHistory: [record(1, '2026-11-20T23:00:00.000Z', 'PT2H'), record(1, '2026-11-21T10:00:00.000Z')] })
			.get(HISTORY).query({ startDate: day(2), endDate: day(3), top: '10000', skip: '0' })
			.reply(204);
		const { items, error } = await executeWorkflow(signedIn(), history({ startDate: day(0), endDate: day(3), output: 'summary' }));
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.agentId, item.json.readySeconds, item.json.stateChanges])).toEqual([['1', 3 * 3600, 2]]);
		expect(api.isDone()).toBe(true);
	});

	it('reads every page by top/skip', async () => {
		const page = (from: number, count: number) => Array.from({ length: count }, (_, index) => record(from + index, '2026-11-22T08:00:00.000Z'));
		const api = nock(API)
			.get(HISTORY).query((query) => query.skip === '0')
			.reply(200, { totalRecords: 10_003, agentStateHistory: page(1, 10_000) })
			.get(HISTORY).query((query) => query.skip === '10000')
			.reply(200, { totalRecords: 10_003, agentStateHistory: page(10_001, 3) });
		const { items } = await executeWorkflow(signedIn(), history({ startDate: '2026-11-22T00:00:00Z', endDate: '2026-11-23T00:00:00Z', output: 'changes' }));
		expect(items).toHaveLength(10_003);
		expect(api.isDone()).toBe(true);
	});

	it('refuses a period over 31 days without asking CXone', async () => {
		const { error } = await executeWorkflow(signedIn(), history({ startDate: '2026-10-01T00:00:00Z', endDate: '2026-11-02T00:00:00Z' }));
		expect(error?.message).toBe('The period is longer than 31 days');
	});

	it.each([
		[{ startDate: 'yesterday', endDate: '2026-11-23T00:00:00Z' }, 'Start is not a date: "yesterday"'],
		[{ startDate: '2026-11-23T00:00:00Z', endDate: '2026-11-22T00:00:00Z' }, 'End must be after Start'],
	])('says what to fix for %p', async (dates, message) => {
		const { error } = await executeWorkflow(signedIn(), history(dates));
		expect(error?.message).toBe(message);
	});

	it("reads a date without a zone in the workflow's timezone (n8n's default, America/New_York)", async () => {
		const api = nock(API)
			.get(HISTORY)
			.query({ startDate: '2026-11-22T05:00:00.000Z', endDate: '2026-11-23T05:00:00.000Z', top: '10000', skip: '0' })
			.reply(204);
		const helper = signedIn();
		const { error, hints } = await executeWorkflow(helper, { ...history({ startDate: '2026-11-22T00:00:00', endDate: '2026-11-23T00:00:00' }) });
		expect(error).toBeUndefined();
		expect(hints.map((hint) => hint.message).join(' ')).toContain('no state history');
		expect(api.isDone()).toBe(true);
	});
});
