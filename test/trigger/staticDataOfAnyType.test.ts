/** Promise: whatever the workflow's static data holds for the trigger, the next poll takes a silent new baseline and never throws. */
import nock from 'nock';

import { TriggerHarness } from '../support/harness/poll';
import { signedInTutorial, TUTORIAL_API, TUTORIAL_STATES, useNock } from '../support/harness/fixtures';

const NODE_KEY = 'node:CXone Agent States Trigger';
const since = new Date(Date.now() - 60_000).toISOString();
const agent = (agentId: string, type = 'READY') => ({ agentId, state: { type }, siteId: 's1', timestamp: since });

useNock();

describe('static data of any type gives a silent new baseline', () => {
	it.each([
		['a string', 'snapshot'],
		['a number', 42],
		['null', null],
		['an array', ['a1', 'READY']],
		['true', true],
	])('the node\'s static data holding %s: no throw, a baseline, then the next change is reported', async (_what, stored) => {
		const trigger = new TriggerHarness(signedInTutorial(), { event: 'anyChange' });
		trigger.savedStaticData = JSON.stringify({ [NODE_KEY]: stored });
		nock(TUTORIAL_API)
			.get(TUTORIAL_STATES).twice().reply(200, [agent('a1'), agent('a2')])
			.get(TUTORIAL_STATES).reply(200, [agent('a1'), agent('a2', 'NOT_READY')]);
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();
		expect((await trigger.poll())?.map((event) => [event.agentId, event.previousState, event.state])).toEqual([['a2', 'READY', 'NOT_READY']]);
	});

	it.each([
		['a number', { snapshot: 42, watching: 7, cursor: {}, heldBack: [1] }],
		['null fields', { snapshot: null, watching: null, cursor: null, heldBack: null }],
	])('fields holding %s: no throw, a new baseline', async (_what, stored) => {
		const trigger = new TriggerHarness(signedInTutorial(), { event: 'anyChange' });
		trigger.savedStaticData = JSON.stringify({ [NODE_KEY]: stored });
		nock(TUTORIAL_API).get(TUTORIAL_STATES).reply(200, [agent('a1')]).get(TUTORIAL_STATES).reply(200, [agent('a1', 'NOT_READY')]);
		expect(await trigger.poll()).toBeNull();
		expect((await trigger.poll())?.map((event) => event.state)).toEqual(['NOT_READY']);
	});
});
