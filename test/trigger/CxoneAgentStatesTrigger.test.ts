import nock from 'nock';

import { TriggerHarness } from '../support/harness/poll';
import { realTenantCredentials, tutorialCredentials } from '../support/harness/credentials';
import { TestCredentialsHelper } from '../support/harness/workflow';
import { TUTORIAL_API as API, TUTORIAL_STATES as STATES, REAL_TENANT_API as REAL_API, REAL_TENANT_STATES as REAL_STATES, useNock } from '../support/harness/fixtures';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const agent = (agentId: string, type: string, since = minutesAgo(1), extra: object = {}) => ({
	agentId,
	state: { type, subState: null },
	siteId: 's1',
	timestamp: since,
	...extra,
});

function tutorialTrigger(parameters: object = { event: 'anyChange' }) {
	nock(API).post('/oauth2/token').reply(200, { access_token: 'tok', expires_in: 3600 });
	return new TriggerHarness(new TestCredentialsHelper(tutorialCredentials()), parameters as Record<string, string>);
}

function serve(...snapshots: object[][]) {
	const scope = nock(API);
	for (const snapshot of snapshots) scope.get(STATES).reply(200, snapshot);
	return scope;
}

useNock();

describe('baseline and changes', () => {
	it('the first poll records a baseline and emits nothing', async () => {
		const trigger = tutorialTrigger();
		serve([agent('a1', 'READY'), agent('a2', 'NOT_READY')]);
		expect(await trigger.poll()).toBeNull();
		expect(Object.keys(trigger.staticData['node:CXone Agent States Trigger'] as object)).toContain('snapshot');
	});

	it('emits one item per agent whose state changed, with the previous state and how long it lasted', async () => {
		const trigger = tutorialTrigger();
		const before = minutesAgo(10);
		const after = minutesAgo(1);
		serve([agent('a1', 'READY', before), agent('a2', 'NOT_READY', before)], [agent('a1', 'READY', before), agent('a2', 'READY', after)]);
		await trigger.poll();
		const events = await trigger.poll();
		expect(events).toHaveLength(1);
		expect(events?.[0]).toMatchObject({
			agentId: 'a2',
			state: 'READY',
			event: 'stateChanged',
			previousState: 'NOT_READY',
			previousStateSince: new Date(before).toISOString(),
			secondsInPreviousState: 540,
		});
	});

	it('emits nothing when nobody changed', async () => {
		const trigger = tutorialTrigger();
		const same = [agent('a1', 'READY', minutesAgo(5))];
		serve(same, same);
		await trigger.poll();
		expect(await trigger.poll()).toBeNull();
	});

	it('Entered State fires only for agents entering a chosen state', async () => {
		const trigger = tutorialTrigger({ event: 'entered', states: ['NOT_READY'] });
		serve(
			[agent('a1', 'READY'), agent('a2', 'ON_CONTACT'), agent('a3', 'NOT_READY')],
			[agent('a1', 'NOT_READY', minutesAgo(0)), agent('a2', 'READY', minutesAgo(0)), agent('a3', 'NOT_READY')],
		);
		await trigger.poll();
		expect((await trigger.poll())?.map((event) => event.agentId)).toEqual(['a1']);
	});

	it('Left State fires only for agents leaving a chosen state', async () => {
		const trigger = tutorialTrigger({ event: 'left', states: ['READY'] });
		serve([agent('a1', 'READY'), agent('a2', 'NOT_READY')], [agent('a1', 'ON_CONTACT', minutesAgo(0)), agent('a2', 'ON_CONTACT', minutesAgo(0))]);
		await trigger.poll();
		expect((await trigger.poll())?.map((event) => [event.agentId, event.previousState])).toEqual([['a1', 'READY']]);
	});

	it('an agent who disappears has logged out; one who appears has logged in', async () => {
		const trigger = tutorialTrigger();
		serve([agent('a1', 'READY'), agent('a2', 'READY')], [agent('a1', 'READY')], [agent('a1', 'READY'), agent('a2', 'READY', minutesAgo(0))]);
		await trigger.poll();
		expect((await trigger.poll())?.map((event) => [event.agentId, event.previousState, event.state])).toEqual([['a2', 'READY', 'LOGGED_OUT']]);
		expect((await trigger.poll())?.map((event) => [event.agentId, event.previousState, event.state])).toEqual([['a2', 'LOGGED_OUT', 'READY']]);
	});

	it('the team filter applies to the events', async () => {
		const trigger = tutorialTrigger({ event: 'anyChange', filters: { teams: 'support' } });
		serve(
			[agent('a1', 'READY', undefined, { teamName: 'Support' }), agent('a2', 'READY', undefined, { teamName: 'Sales' })],
			[agent('a1', 'NOT_READY', minutesAgo(0), { teamName: 'Support' }), agent('a2', 'NOT_READY', minutesAgo(0), { teamName: 'Sales' })],
		);
		await trigger.poll();
		expect((await trigger.poll())?.map((event) => event.agentId)).toEqual(['a1']);
	});
});

describe('site and team filters', () => {
	it('an agent of a watched site who logs out is reported, although the feed no longer names their site', async () => {
		const trigger = tutorialTrigger({ event: 'entered', states: ['LOGGED_OUT'], filters: { siteIds: 's1' } });
		const elsewhere = (agentId: string, type: string, since?: string) => agent(agentId, type, since, { siteId: 's2' });
		serve(
			[agent('a1', 'READY'), agent('a2', 'READY'), elsewhere('b1', 'READY'), elsewhere('b2', 'READY')],
			[agent('a2', 'NOT_READY', minutesAgo(0)), elsewhere('b2', 'NOT_READY', minutesAgo(0))],
		);
		expect(await trigger.poll()).toBeNull();
		expect((await trigger.poll())?.map((event) => [event.agentId, event.previousState, event.state])).toEqual([['a1', 'READY', 'LOGGED_OUT']]);
	});

	it('changing the rule or the filters takes a new baseline instead of reporting the difference as changes', async () => {
		const trigger = tutorialTrigger({ event: 'anyChange', filters: { teams: 'support' } });
		const support = agent('a1', 'READY', undefined, { teamName: 'Support' });
		const sales = agent('a2', 'READY', undefined, { teamName: 'Sales' });
		serve([support, sales], [support, sales], [support, { ...sales, state: { type: 'NOT_READY' }, timestamp: minutesAgo(0) }]);
		await trigger.poll();
		trigger.parameters.filters = {};
		// Without a new baseline, a2 (not watched until now) would show up as having logged in.
		expect(await trigger.poll()).toBeNull();
		expect((await trigger.poll())?.map((event) => [event.agentId, event.previousState, event.state])).toEqual([['a2', 'READY', 'NOT_READY']]);
	});
});

describe('Has Been in State For', () => {
	it('fires exactly once per stay, and again for a new stay', async () => {
		const trigger = tutorialTrigger({ event: 'inStateFor', states: ['NOT_READY'], minutes: 15 });
		const longStay = minutesAgo(20);
		serve(
			[agent('a1', 'NOT_READY', longStay), agent('a2', 'NOT_READY', minutesAgo(5))],
			[agent('a1', 'NOT_READY', longStay), agent('a2', 'NOT_READY', minutesAgo(5))],
			[agent('a1', 'NOT_READY', longStay)],
			[agent('a1', 'NOT_READY', minutesAgo(16))],
		);
		expect(await trigger.poll()).toBeNull(); // baseline: a1 is past 15 minutes, but baselines emit nothing
		expect(await trigger.poll()).toBeNull(); // already counted at the baseline: no late duplicate
		expect(await trigger.poll()).toBeNull();
		const events = await trigger.poll(); // a new stay (new start time) past 15 minutes
		expect(events?.map((event) => [event.agentId, event.event])).toEqual([['a1', 'inStateFor']]);
	});

	it('fires when a stay crosses the threshold between polls', async () => {
		const trigger = tutorialTrigger({ event: 'inStateFor', states: ['NOT_READY'], minutes: 15 });
		const start = minutesAgo(14.9);
		serve([agent('a1', 'NOT_READY', start)], [agent('a1', 'NOT_READY', start)], [agent('a1', 'NOT_READY', start)]);
		await trigger.poll();
		const realNow = Date.now();
		const clock = jest.spyOn(Date, 'now').mockImplementation(() => realNow + 12_000); // 12 s later: now past 15 min
		try {
			expect((await trigger.poll())?.map((event) => [event.agentId, event.event, event.state])).toEqual([['a1', 'inStateFor', 'NOT_READY']]);
			expect(await trigger.poll()).toBeNull();
		} finally {
			clock.mockRestore();
		}
	});
});

describe('manual mode and restarts', () => {
	it('"Fetch Test Event" returns current agents as sample items', async () => {
		const trigger = tutorialTrigger();
		serve([agent('a1', 'READY'), agent('a2', 'NOT_READY')]);
		const sample = await trigger.poll('manual');
		expect(sample?.map((item) => [item.agentId, item.event, item.previousState])).toEqual([
			['a1', 'sample', null],
			['a2', 'sample', null],
		]);
	});

	it('static data is plain JSON and compact: one line per agent with its state and since', async () => {
		const trigger = tutorialTrigger();
		const since = minutesAgo(3);
		serve([agent('a1', 'READY', since), agent('a\tb', 'NOT_READY', since)]);
		await trigger.poll();
		expect(trigger.staticData).toEqual({
			'node:CXone Agent States Trigger': {
				snapshot: `a1\tREADY\t${since}\na%09b\tNOT_READY\t${since}`,
				watching: JSON.stringify({ event: 'anyChange', states: [], minutes: 0, sites: [], teams: [] }),
			},
		});
	});

	it('a failed poll (429) keeps the snapshot, so the next poll still reports the change', async () => {
		const trigger = tutorialTrigger();
		nock(API).get(STATES).reply(200, [agent('a1', 'READY')]);
		nock(API).get(STATES).times(4).reply(429, {}, { 'Retry-After': '0' });
		nock(API).get(STATES).reply(200, [agent('a1', 'NOT_READY', minutesAgo(0))]);
		await trigger.poll();
		await expect(trigger.poll()).rejects.toThrow('CXone is throttling requests (HTTP 429)');
		expect((await trigger.poll())?.map((event) => [event.agentId, event.previousState])).toEqual([['a1', 'READY']]);
	});
});

describe('real tenants: incremental polling with updatedSince', () => {
	const signedIn = () =>
		new TestCredentialsHelper(realTenantCredentials({ accessToken: 'tok', apiBaseUrl: REAL_API, tokenExpiresAt: new Date(Date.now() + 3600_000).toISOString() }));
	const real = (agentId: number, agentStateName: string, lastUpdateTime = minutesAgo(1)) => ({ agentId, agentStateName, lastUpdateTime });

	it('a site filter matches each agent\'s Location from the agents list, and the events carry it', async () => {
		const agentsList = { agents: [{ agentId: 1, location: 'Manila' }, { agentId: 2, location: 'Austin' }] };
		nock(REAL_API)
			.get(REAL_STATES)
			.reply(200, { agentStates: [real(1, 'Available'), real(2, 'Available')], lastPollTime: minutesAgo(0) })
			.get(REAL_STATES)
			.query(true)
			.reply(200, { agentStates: [real(1, 'Unavailable', minutesAgo(0)), real(2, 'Unavailable', minutesAgo(0))], lastPollTime: minutesAgo(0) });
		nock(REAL_API).get(`${REAL_STATES.replace('/states', '')}`).query(true).twice().reply(200, agentsList);
		nock(REAL_API).get(`${REAL_STATES.replace('/agents/states', '/locations')}`).twice().reply(200, { locations: [{ locationId: 20, locationName: 'Austin' }] });
		const trigger = new TriggerHarness(signedIn(), { event: 'anyChange', filters: { siteIds: 'austin' } });
		expect(await trigger.poll()).toBeNull();
		expect((await trigger.poll())?.map((event) => [event.agentId, event.siteId, event.siteName, event.state])).toEqual([['2', '20', 'Austin', 'NOT_READY']]);
	});

	it('sends the previous lastPollTime and merges the changed agents only', async () => {
		const trigger = new TriggerHarness(signedIn(), { event: 'anyChange' });
		nock(REAL_API).get(REAL_STATES).query((query) => !('updatedSince' in query)).reply(200, { agentStates: [real(1, 'Available'), real(2, 'Available')], lastPollTime: '2026-11-23T10:00:00.000Z' });
		const delta = nock(REAL_API)
			.get(REAL_STATES)
			.query({ updatedSince: '2026-11-23T10:00:00.000Z' })
			.reply(200, { agentStates: [real(2, 'Unavailable', minutesAgo(0))], lastPollTime: '2026-11-23T10:01:00.000Z' });
		await trigger.poll();
		expect((await trigger.poll())?.map((event) => [event.agentId, event.previousState, event.state])).toEqual([['2', 'READY', 'NOT_READY']]);
		expect(delta.isDone()).toBe(true);
		const saved = trigger.staticData['node:CXone Agent States Trigger'] as { cursor: string; snapshot: string };
		expect(saved.cursor).toBe('2026-11-23T10:01:00.000Z');
		expect(saved.snapshot.split('\n').map((line) => line.split('\t').slice(0, 2))).toEqual([
			['1', 'READY'],
			['2', 'NOT_READY'],
		]);
	});

	it.each([204, 304])('a %s answer to a delta emits nothing and drops its cursor: the next poll reads the full list', async (status) => {
		const trigger = new TriggerHarness(signedIn(), { event: 'anyChange' });
		nock(REAL_API).get(REAL_STATES).reply(200, { agentStates: [real(1, 'Available')], lastPollTime: 'T1' });
		nock(REAL_API).get(REAL_STATES).query({ updatedSince: 'T1' }).reply(status);
		const next = nock(REAL_API).get(REAL_STATES).reply(200, { agentStates: [real(1, 'Available')], lastPollTime: 'T2' });
		await trigger.poll();
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();
		expect(next.isDone()).toBe(true);
	});

	it('an "Invalid Updated Since" cursor is dropped and the poll falls back to a full list', async () => {
		const trigger = new TriggerHarness(signedIn(), { event: 'anyChange' });
		nock(REAL_API).get(REAL_STATES).reply(200, { agentStates: [real(1, 'Available')], lastPollTime: 'bad-cursor' });
		nock(REAL_API).get(REAL_STATES).query({ updatedSince: 'bad-cursor' }).reply(400, '', { icStatusDescription: 'Invalid Updated Since' });
		nock(REAL_API).get(REAL_STATES).reply(200, { agentStates: [real(1, 'Unavailable', minutesAgo(0))], lastPollTime: 'T2' });
		await trigger.poll();
		expect((await trigger.poll())?.map((event) => event.state)).toEqual(['NOT_READY']);
	});
});
