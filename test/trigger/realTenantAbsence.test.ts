/** Promise: on a real tenant, whose full list names logged-out agents too, only an explicit Logged Out (or isActive false) is a logout. */
import nock from 'nock';

import { TriggerHarness } from '../support/harness/poll';
import { REAL_TENANT_API, REAL_TENANT_STATES, signedInRealTenant, useNock } from '../support/harness/fixtures';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const real = (agentId: number, agentStateName = 'Available', extra: object = {}) => ({ agentId, agentStateName, lastUpdateTime: minutesAgo(5), ...extra });
const fifty = Array.from({ length: 50 }, (_, index) => real(index + 1));
const transitions = (events: Array<Record<string, unknown>> | null) => events?.map((event) => [event.agentId, event.previousState, event.state]) ?? null;

useNock();

describe('an agent missing from a real tenant\'s full list has not logged out', () => {
	it('a full list of 10 of 50 agents (Has Been in State For reads full lists): no logouts, then no logins', async () => {
		const trigger = new TriggerHarness(signedInRealTenant(), { event: 'anyChange' });
		// No lastPollTime: every poll reads the full list.
		nock(REAL_TENANT_API)
			.get(REAL_TENANT_STATES).reply(200, { agentStates: fifty })
			.get(REAL_TENANT_STATES).reply(200, { agentStates: fifty.slice(0, 10) })
			.get(REAL_TENANT_STATES).reply(200, { agentStates: fifty });
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();
	});

	it('an explicit LoggedOut record is a logout', async () => {
		const trigger = new TriggerHarness(signedInRealTenant(), { event: 'entered', states: ['LOGGED_OUT'] });
		nock(REAL_TENANT_API)
			.get(REAL_TENANT_STATES).reply(200, { agentStates: [real(1), real(2)] })
			.get(REAL_TENANT_STATES).reply(200, { agentStates: [real(1), { ...real(2, 'LoggedOut'), lastUpdateTime: minutesAgo(0) }] });
		await trigger.poll();
		expect(transitions(await trigger.poll())).toEqual([['2', 'READY', 'LOGGED_OUT']]);
	});

	it('a full list that misses agents keeps no cursor, so their changes are read by the next full list', async () => {
		const trigger = new TriggerHarness(signedInRealTenant(), { event: 'anyChange' });
		nock(REAL_TENANT_API)
			.get(REAL_TENANT_STATES).reply(200, { agentStates: [real(1), real(2)], lastPollTime: 'T1' })
			.get(REAL_TENANT_STATES).query({ updatedSince: 'T1' }).reply(304)
			// The full read after the 304 misses agent 2, who went Unavailable meanwhile.
			.get(REAL_TENANT_STATES).reply(200, { agentStates: [real(1)], lastPollTime: 'T3' });
		const full = nock(REAL_TENANT_API)
			.get(REAL_TENANT_STATES).reply(200, { agentStates: [real(1), { ...real(2, 'Unavailable'), lastUpdateTime: minutesAgo(1) }], lastPollTime: 'T4' });
		await trigger.poll();
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();
		expect(transitions(await trigger.poll())).toEqual([['2', 'READY', 'NOT_READY']]);
		expect(full.isDone()).toBe(true);
	});

	it('an agent missing from two full lists in a row leaves the snapshot silently', async () => {
		const trigger = new TriggerHarness(signedInRealTenant(), { event: 'anyChange' });
		nock(REAL_TENANT_API)
			.get(REAL_TENANT_STATES).reply(200, { agentStates: [real(1), real(2)], lastPollTime: 'T1' })
			.get(REAL_TENANT_STATES).query({ updatedSince: 'T1' }).reply(304)
			.get(REAL_TENANT_STATES).twice().reply(200, { agentStates: [real(1)], lastPollTime: 'T3' });
		const delta = nock(REAL_TENANT_API).get(REAL_TENANT_STATES).query({ updatedSince: 'T3' }).reply(200, { agentStates: [], lastPollTime: 'T4' });
		for (let poll = 0; poll < 5; poll++) expect(await trigger.poll()).toBeNull();
		expect(delta.isDone()).toBe(true);
		const saved = trigger.staticData['node:CXone Agent States Trigger'] as { snapshot: string };
		expect(saved.snapshot.split('\n').map((line) => line.split('\t')[0])).toEqual(['1']);
	});
});

describe('a 304 on the agent-states call drops the cursor', () => {
	it('the poll after a 304 sends no updatedSince and reads the full list', async () => {
		const trigger = new TriggerHarness(signedInRealTenant(), { event: 'anyChange' });
		nock(REAL_TENANT_API)
			.get(REAL_TENANT_STATES).reply(200, { agentStates: [real(1)], lastPollTime: 'T1' })
			.get(REAL_TENANT_STATES).query({ updatedSince: 'T1' }).reply(304);
		const full = nock(REAL_TENANT_API).get(REAL_TENANT_STATES).query((query) => !('updatedSince' in query)).reply(200, { agentStates: [real(1, 'Unavailable')], lastPollTime: 'T2' });
		await trigger.poll();
		expect(await trigger.poll()).toBeNull();
		expect(trigger.staticData['node:CXone Agent States Trigger']).not.toHaveProperty('cursor');
		expect(transitions(await trigger.poll())).toEqual([['1', 'READY', 'NOT_READY']]);
		expect(full.isDone()).toBe(true);
	});
});
