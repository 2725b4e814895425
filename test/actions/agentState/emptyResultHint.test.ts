/** The output pane's hint when the result is empty: which filter removed the agents CXone returned. */
import nock from 'nock';

import { EMPTY_RESULT_HINT } from '../../../nodes/Cxone/helpers/emptyResult';
import { tutorialCredentials } from '../../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';
import { TUTORIAL_API as API, TUTORIAL_STATES as STATES, useNock } from '../../support/harness/fixtures';

const at = '2026-11-23T10:00:00Z';
const records = [
	{ agentId: 'a1', state: { type: 'READY', subState: null }, siteId: 's1', teamId: 't1', timestamp: at },
	{ agentId: 'a2', state: { type: 'NOT_READY', subState: null }, siteId: 's2', teamId: 't1', timestamp: at },
	{ agentId: 'a3', state: { type: 'NOT_READY', subState: null }, siteId: 's2', teamId: 't2', timestamp: at },
];

useNock();

async function hintsFor(parameters: object, body: object[] = records) {
	nock(API).post('/oauth2/token').reply(200, { access_token: 'tok', expires_in: 3600 });
	nock(API).get(STATES).query(true).times(2).reply(200, body);
	const { items, hints, error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), parameters);
	expect(error).toBeUndefined();
	return { items, messages: hints.map((hint) => hint.message) };
}

it.each([
	[
		'the Site IDs filter',
		{ operation: 'filterBySite', siteIds: 's9, s8' },
		"CXone returned 3 agents; the Site IDs filter (s9, s8) matched none. Compare it with the agents' siteId and siteName in a run without it.",
	],
	[
		'the Teams filter after the sites',
		{ operation: 'filterBySite', siteIds: 's2', options: { teams: 'nobody' } },
		"CXone returned 3 agents; the Teams filter (nobody) matched none of the 2 left after the Site IDs filter. Compare it with the agents' teamId and teamName in a run without it.",
	],
	[
		'the States option',
		{ operation: 'getAll', options: { states: ['ON_CONTACT'], output: 'summary' } },
		"CXone returned 3 agents; the States filter (ON_CONTACT) matched none. Compare it with the agents' state in a run without it.",
	],
	[
		'Get Ready',
		{ operation: 'getReady', options: { teams: 't2' } },
		"CXone returned 3 agents; the Get Ready (READY only) filter matched none of the 1 left after the Teams filter. Compare it with the agents' state in a run without it.",
	],
])('names %s when CXone returned agents', async (_name, parameters, hint) => {
	const { messages } = await hintsFor(parameters);
	expect(messages).toContain(hint);
	expect(messages).not.toContain(EMPTY_RESULT_HINT);
});

it('keeps the checklist when CXone returned no agents at all', async () => {
	const { items, messages } = await hintsFor({ operation: 'filterBySite', siteIds: 's1' }, []);
	expect(items).toEqual([]);
	expect(messages).toContain(EMPTY_RESULT_HINT);
});
