/** Fetch Test Event (the trigger's manual poll): samples fit Trigger On, its States and Minutes, or it says none does. */
import nock from 'nock';

import { CxoneAgentStatesTrigger } from '../../nodes/Cxone/CxoneAgentStatesTrigger.node';
import { TriggerHarness } from '../support/harness/poll';
import { tutorialCredentials } from '../support/harness/credentials';
import { TestCredentialsHelper } from '../support/harness/workflow';
import { TUTORIAL_API as API, TUTORIAL_STATES as STATES, useNock } from '../support/harness/fixtures';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const agent = (agentId: string, type: string, since: string, siteId = 's1') => ({ agentId, state: { type, subState: null }, siteId, timestamp: since });

const floor = [
	agent('ready-1', 'READY', minutesAgo(30)),
	agent('ready-2', 'READY', minutesAgo(2)),
	agent('nr-long', 'NOT_READY', minutesAgo(20)),
	agent('nr-short', 'NOT_READY', minutesAgo(3)),
	agent('contact', 'ON_CONTACT', minutesAgo(40), 's2'),
];

useNock();

async function fetchTestEvent(parameters: object, body: object[] = floor) {
	nock(API).post('/oauth2/token').reply(200, { access_token: 'tok', expires_in: 3600 });
	nock(API).get(STATES).reply(200, body);
	return await new TriggerHarness(new TestCredentialsHelper(tutorialCredentials()), parameters as Record<string, string>).poll('manual');
}

it.each([
	['Any State Change: every agent', { event: 'anyChange' }, ['ready-1', 'ready-2', 'nr-long', 'nr-short', 'contact']],
	['Entered State Not Ready: the Not Ready agents', { event: 'entered', states: ['NOT_READY'] }, ['nr-long', 'nr-short']],
	['Left State Ready: agents in any other state', { event: 'left', states: ['READY'] }, ['nr-long', 'nr-short', 'contact']],
	['Not Ready for 15 minutes: only the long stay', { event: 'inStateFor', states: ['NOT_READY'], minutes: 15 }, ['nr-long']],
	['In any state for 25 minutes', { event: 'inStateFor', states: [], minutes: 25 }, ['ready-1', 'contact']],
	['with the Site filter', { event: 'entered', states: [], filters: { siteIds: 's2' } }, ['contact']],
])('%s', async (_name, parameters, expected) => {
	const sample = await fetchTestEvent(parameters);
	expect(sample?.map((item) => item.agentId)).toEqual(expected);
	expect(sample?.every((item) => item.event === 'sample' && item.previousState === null)).toBe(true);
});

it.each([
	[
		{ event: 'inStateFor', states: ['NOT_READY'], minutes: 60 },
		floor,
		'No sample: CXone returned 5 agents and none has been in NOT_READY for 60 minutes or more right now',
	],
	[{ event: 'entered', states: ['LOGGED_OUT'] }, floor, 'No sample: CXone returned 5 agents and none is in LOGGED_OUT right now'],
	[
		{ event: 'entered', states: ['READY'], filters: { siteIds: 's2' } },
		floor,
		'No sample: CXone returned 5 agents (1 after the filters) and none is in READY right now',
	],
	[{ event: 'anyChange', filters: { teams: 'nobody' } }, floor, 'No sample: CXone returned 5 agents and the Site IDs and Teams filters matched none of them'],
	[{ event: 'anyChange' }, [], 'No sample: CXone returned no agents'],
])('says plainly when no agent fits %j', async (parameters, body, message) => {
	const failure = fetchTestEvent(parameters, body);
	await expect(failure).rejects.toThrow(message);
	await expect(failure).rejects.toMatchObject({ description: expect.stringMatching(/^Fetch Test Event shows only current agents that fit Trigger On/) });
});

it('every Trigger On choice has an action text, the choices sorted by name', () => {
	const event = new CxoneAgentStatesTrigger().description.properties.find((property) => property.name === 'event');
	const options = (event?.options ?? []) as Array<{ name: string; action?: string }>;
	expect(options.map((option) => option.name)).toEqual([...options.map((option) => option.name)].sort((a, b) => a.localeCompare(b)));
	for (const option of options) expect(option.action).toMatch(/^On /);
});
