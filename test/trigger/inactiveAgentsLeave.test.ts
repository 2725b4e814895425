/** Promise: an agent CXone sends with isActive false leaves the trigger's snapshot, reported as a logout if it was logged in. */
import nock from 'nock';

import { TriggerHarness } from '../support/harness/poll';
import { REAL_TENANT_API, REAL_TENANT_STATES, signedInRealTenant, useNock } from '../support/harness/fixtures';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const real = (agentId: number, agentStateName = 'Available', extra: object = {}) => ({ agentId, agentStateName, lastUpdateTime: minutesAgo(5), ...extra });
const NODE_KEY = 'node:CXone Agent States Trigger';
const snapshotIds = (trigger: TriggerHarness) =>
	String((trigger.staticData[NODE_KEY] as { snapshot: string }).snapshot).split('\n').map((line) => line.split('\t')[0]);

useNock();

describe('isActive false in a delta', () => {
	it.each([
		['false', false],
		['"False"', 'False'],
	])('isActive %s: a logout event for a logged-in agent, and the agent leaves the snapshot', async (_what, isActive) => {
		const trigger = new TriggerHarness(signedInRealTenant(), { event: 'anyChange' });
		nock(REAL_TENANT_API)
			.get(REAL_TENANT_STATES).reply(200, { agentStates: [real(1), real(2)], lastPollTime: 'T1' })
			.get(REAL_TENANT_STATES).query({ updatedSince: 'T1' })
			.reply(200, { agentStates: [real(2, 'Available', { isActive, lastUpdateTime: minutesAgo(0) })], lastPollTime: 'T2' });
		await trigger.poll();
		const events = await trigger.poll();
		expect(events?.map((event) => [event.agentId, event.previousState, event.state])).toEqual([['2', 'READY', 'LOGGED_OUT']]);
		expect(snapshotIds(trigger)).toEqual(['1']);
	});

	it('an inactive agent who had logged out leaves silently; isActive true or absent changes nothing', async () => {
		const trigger = new TriggerHarness(signedInRealTenant(), { event: 'anyChange' });
		nock(REAL_TENANT_API)
			.get(REAL_TENANT_STATES).reply(200, { agentStates: [real(1), real(2, 'LoggedOut'), real(3)], lastPollTime: 'T1' })
			.get(REAL_TENANT_STATES).query({ updatedSince: 'T1' })
			.reply(200, { agentStates: [real(2, 'LoggedOut', { isActive: false }), real(3, 'Available', { isActive: true })], lastPollTime: 'T2' });
		await trigger.poll();
		expect(await trigger.poll()).toBeNull();
		expect(snapshotIds(trigger)).toEqual(['1', '3']);
	});
});
