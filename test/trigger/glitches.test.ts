/** Promise: the trigger reports only what happened, whatever glitch CXone (or a proxy) answers with. */
import nock from 'nock';

import { TriggerHarness } from '../support/harness/poll';
import { realTenantCredentials, tutorialCredentials } from '../support/harness/credentials';
import { TestCredentialsHelper } from '../support/harness/workflow';
import { TUTORIAL_API as API, TUTORIAL_STATES as STATES, REAL_TENANT_API as REAL_API, REAL_TENANT_STATES as REAL_STATES, useNock } from '../support/harness/fixtures';

const NODE_KEY = 'node:CXone Agent States Trigger';

const since = new Date(Date.now() - 60_000).toISOString();
const agent = (agentId: string, type = 'READY') => ({ agentId, state: { type }, siteId: 's1', timestamp: since });
const fifty = Array.from({ length: 50 }, (_, index) => agent(`a${index}`));

function tutorialTrigger(parameters: object = { event: 'anyChange' }) {
	nock(API).post('/oauth2/token').reply(200, { access_token: 'tok', expires_in: 3600 });
	return new TriggerHarness(new TestCredentialsHelper(tutorialCredentials()), parameters as Record<string, string>);
}

useNock();

describe('a glitch between two full lists emits nothing', () => {
	it.each([
		['304', (scope: nock.Interceptor) => scope.reply(304)],
		['204', (scope: nock.Interceptor) => scope.reply(204)],
		['an empty body', (scope: nock.Interceptor) => scope.reply(200, '')],
		['200 []', (scope: nock.Interceptor) => scope.reply(200, [])],
	])('%s between two lists of 50 agents: no false logouts, then no false logins', async (_what, glitch) => {
		const trigger = tutorialTrigger();
		nock(API).get(STATES).reply(200, fifty);
		glitch(nock(API).get(STATES));
		nock(API).get(STATES).reply(200, fifty);
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();
	});

	it('a 204 on a real tenant reading the full list (Has Been in State For) keeps the snapshot', async () => {
		const store = new TestCredentialsHelper(
			realTenantCredentials({ accessToken: 'tok', apiBaseUrl: REAL_API, tokenExpiresAt: new Date(Date.now() + 3600_000).toISOString() }),
		);
		const trigger = new TriggerHarness(store, { event: 'inStateFor', states: ['READY'], minutes: 30 });
		const real = { agentStates: [{ agentId: 1, agentStateName: 'Available', lastUpdateTime: since }], lastPollTime: 'T1' };
		nock(REAL_API).get(REAL_STATES).reply(200, real).get(REAL_STATES).reply(204).get(REAL_STATES).reply(200, real);
		await trigger.poll();
		const saved = trigger.savedStaticData;
		expect(await trigger.poll()).toBeNull();
		expect(trigger.savedStaticData).toBe(saved);
		expect(await trigger.poll()).toBeNull();
	});

	it('an empty list confirmed by the next poll is reported then: a true end of shift, one poll later', async () => {
		const trigger = tutorialTrigger({ event: 'entered', states: ['logged_out'] });
		nock(API).get(STATES).reply(200, [agent('a1'), agent('a2')]).get(STATES).twice().reply(200, []);
		await trigger.poll();
		expect(await trigger.poll()).toBeNull();
		expect((await trigger.poll())?.map((event) => [event.agentId, event.previousState, event.state])).toEqual([
			['a1', 'READY', 'LOGGED_OUT'],
			['a2', 'READY', 'LOGGED_OUT'],
		]);
	});
});

describe('odd answers and odd static data', () => {
	it('an agent ID listed twice is one agent, its last record: no phantom change on every poll', async () => {
		const trigger = tutorialTrigger();
		const twice = [agent('a1', 'READY'), agent('a2'), agent('a1', 'NOT_READY')];
		nock(API).get(STATES).times(3).reply(200, twice);
		await trigger.poll();
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();
	});

	it.each([
		['garbage text', { snapshot: 'not a snapshot at all' }],
		['an object', { snapshot: { a1: ['READY', null] } }],
		['the old format', { agents: { a1: ['READY', null] } }],
	])('static data holding %s gives a silent new baseline, and old keys are removed', async (_what, stored) => {
		const trigger = tutorialTrigger();
		nock(API).get(STATES).twice().reply(200, fifty);
		await trigger.poll();
		const watching = (trigger.staticData[NODE_KEY] as { watching: string }).watching;
		trigger.savedStaticData = JSON.stringify({ [NODE_KEY]: { watching, ...stored } });
		expect(await trigger.poll()).toBeNull();
		const saved = trigger.staticData[NODE_KEY] as Record<string, unknown>;
		expect(Object.keys(saved).sort()).toEqual(['snapshot', 'watching']);
		expect(String(saved.snapshot).split('\n')).toHaveLength(50);
	});

	it('no agent ID, however odd, makes a poll throw; its change is still reported', async () => {
		const odd = ['50%', '%E0%A4%A', 'lone\uD800surrogate', '%\uDC00', '__proto__', 'constructor', 'tab\there', 'line\nbreak'];
		const trigger = tutorialTrigger();
		nock(API)
			.get(STATES).reply(200, odd.map((id) => agent(id)))
			.get(STATES).reply(200, odd.map((id) => agent(id)))
			.get(STATES).reply(200, odd.map((id) => agent(id, 'NOT_READY')));
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();
		expect((await trigger.poll())?.map((event) => event.agentId)).toEqual(odd);
	});
});

describe('wrong-but-plausible trigger parameters', () => {
	it('States ["ready"] (lower case) is READY', async () => {
		const trigger = tutorialTrigger({ event: 'entered', states: ['ready'] });
		nock(API).get(STATES).reply(200, [agent('a1', 'NOT_READY')]).get(STATES).reply(200, [agent('a1', 'READY')]);
		await trigger.poll();
		expect((await trigger.poll())?.map((event) => event.state)).toEqual(['READY']);
	});

	it('Minutes "abc" is an error naming Minutes', async () => {
		const trigger = tutorialTrigger({ event: 'inStateFor', states: ['READY'], minutes: 'abc' });
		await expect(trigger.poll()).rejects.toThrow('Minutes must be a number greater than 0, not "abc"');
	});

	it('Site IDs given as objects are an error naming Site IDs', async () => {
		const trigger = tutorialTrigger({ event: 'anyChange', filters: { siteIds: [{ id: 's1' }] } });
		await expect(trigger.poll()).rejects.toThrow('Site IDs must be text or a list of text, but it holds an object at position 1');
	});
});
