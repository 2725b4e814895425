/**
 * Promise (tutorial API, which lists only logged-in agents): a sudden drop of more than a quarter of the watched
 * logged-in agents, and at least 5, is held back one poll and reported only if the next poll agrees.
 */
import nock from 'nock';

import { TriggerHarness } from '../support/harness/poll';
import { signedInTutorial, TUTORIAL_API, TUTORIAL_STATES, useNock } from '../support/harness/fixtures';

const since = new Date(Date.now() - 60 * 60_000).toISOString();
const agent = (agentId: string, type = 'READY', timestamp = since) => ({ agentId, state: { type }, siteId: 's1', timestamp });
const team = (size: number) => Array.from({ length: size }, (_, index) => agent(`a${index + 1}`));
const fifty = team(50);
const transitions = (events: Array<Record<string, unknown>> | null) => events?.map((event) => [event.agentId, event.previousState, event.state]) ?? null;
const loggedOut = (agents: Array<{ agentId: string }>) => agents.map(({ agentId }) => [agentId, 'READY', 'LOGGED_OUT']);

function serve(...lists: object[][]) {
	for (const list of lists) nock(TUTORIAL_API).get(TUTORIAL_STATES).reply(200, list);
}

const trigger = (parameters: object = { event: 'anyChange' }) => new TriggerHarness(signedInTutorial(), parameters as Record<string, string>);

useNock();

describe('a glitch and a real end of shift', () => {
	it('a glitch (10 of 50 listed) emits nothing, nor does the full list after it: no 40 false logouts, no 40 false logins', async () => {
		const watcher = trigger();
		serve(fifty, fifty.slice(0, 10), fifty);
		expect(await watcher.poll()).toBeNull();
		expect(await watcher.poll()).toBeNull();
		expect(await watcher.poll()).toBeNull();
	});

	it('a real end of shift (40 of 50 leave) is reported one poll later, when the next list agrees', async () => {
		const watcher = trigger({ event: 'entered', states: ['LOGGED_OUT'] });
		serve(fifty, fifty.slice(0, 10), fifty.slice(0, 10));
		await watcher.poll();
		expect(await watcher.poll()).toBeNull();
		expect(transitions(await watcher.poll())).toEqual(loggedOut(fifty.slice(10)));
	});

	it('a held-back poll still reports the listed agents\' changes at once', async () => {
		const watcher = trigger();
		const changed = [agent('a1', 'NOT_READY', new Date().toISOString()), ...fifty.slice(1, 10)];
		serve(fifty, changed, fifty.slice(0, 10));
		await watcher.poll();
		expect(transitions(await watcher.poll())).toEqual([['a1', 'READY', 'NOT_READY']]);
		expect(transitions(await watcher.poll())).toEqual([['a1', 'NOT_READY', 'READY'], ...loggedOut(fifty.slice(10))]);
	});

	it('a glitch right after a held-back end of shift: the confirmed ones are reported, the glitch\'s own drop is held again', async () => {
		const watcher = trigger({ event: 'entered', states: ['LOGGED_OUT'] });
		// 40 leave; the next answer lists only 2 of the 10 still there; then the 10 again.
		serve(fifty, fifty.slice(0, 10), fifty.slice(0, 2), fifty.slice(0, 10));
		await watcher.poll();
		expect(await watcher.poll()).toBeNull();
		expect(transitions(await watcher.poll())).toEqual(loggedOut(fifty.slice(10)));
		expect(await watcher.poll()).toBeNull();
	});
});

describe('the threshold: more than a quarter of the logged-in agents, and at least 5', () => {
	const twenty = team(20);
	it.each([
		[5, 'reported at once', 'immediately'],
		[6, 'held back one poll', 'later'],
	])('%i of 20 logged-in agents leave: %s', async (leaving, _what, when) => {
		const watcher = trigger();
		const stay = twenty.slice(0, 20 - leaving);
		serve(twenty, stay, stay);
		await watcher.poll();
		const first = await watcher.poll();
		const second = await watcher.poll();
		expect(transitions(when === 'immediately' ? first : second)).toEqual(loggedOut(twenty.slice(20 - leaving)));
		expect(when === 'immediately' ? second : first).toBeNull();
	});

	it('4 of 4 leaving is reported at once (a team ending its shift together)', async () => {
		const watcher = trigger();
		const four = team(4);
		serve(four, [agent('other')]);
		await watcher.poll();
		expect(transitions(await watcher.poll())).toEqual([['other', 'LOGGED_OUT', 'READY'], ...loggedOut(four)]);
	});

	it('an empty list is held back whatever the number of agents', async () => {
		const watcher = trigger();
		const two = team(2);
		serve(two, [], two);
		await watcher.poll();
		expect(await watcher.poll()).toBeNull();
		expect(await watcher.poll()).toBeNull();
	});
});

describe('the hold-back resets after each poll', () => {
	it('two glitches in one trigger\'s life, each followed by the full list: neither is reported', async () => {
		const watcher = trigger();
		serve(fifty, fifty.slice(0, 10), fifty, fifty.slice(0, 10), fifty);
		for (let poll = 0; poll < 5; poll++) expect(await watcher.poll()).toBeNull();
	});

	it('two empty answers in one trigger\'s life, each followed by the full list: neither is reported', async () => {
		const watcher = trigger();
		serve(fifty, [], fifty, [], fifty);
		for (let poll = 0; poll < 5; poll++) expect(await watcher.poll()).toBeNull();
	});

	it('static data keeps the held-back agents only until the next poll', async () => {
		const watcher = trigger();
		serve(fifty, fifty.slice(0, 10), fifty);
		await watcher.poll();
		await watcher.poll();
		expect(String((watcher.staticData['node:CXone Agent States Trigger'] as { heldBack?: string }).heldBack).split('\n')).toHaveLength(40);
		await watcher.poll();
		expect(watcher.staticData['node:CXone Agent States Trigger']).not.toHaveProperty('heldBack');
	});
});
