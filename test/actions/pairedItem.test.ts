/** Every output item points back at the input item it came from, for every input item, not just the first. */
import nock from 'nock';

import { tutorialCredentials } from '../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../support/harness/workflow';
import { TUTORIAL_API as API, TUTORIAL_STATES as STATES, useNock } from '../support/harness/fixtures';

const agent = (agentId: string) => ({ agentId, state: { type: 'READY', subState: null }, siteId: 's1', timestamp: '2026-11-23T10:00:00Z' });

useNock();

it('with three input items that all succeed, each one\'s agents carry that item\'s index as pairedItem', async () => {
	nock(API).post('/oauth2/token').reply(200, { access_token: 'tok-1', expires_in: 3600 });
	const api = nock(API)
		.get(STATES)
		.reply(200, [agent('first-1')])
		.get(STATES)
		.reply(200, [agent('second-1'), agent('second-2')])
		.get(STATES)
		.reply(200, [agent('third-1')]);

	const { items, error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getAll' }, 3);

	expect(error).toBeUndefined();
	expect(api.isDone()).toBe(true);
	expect(items.map((item) => [item.json.agentId, item.pairedItem])).toEqual([
		['first-1', { item: 0 }],
		['second-1', { item: 1 }],
		['second-2', { item: 1 }],
		['third-1', { item: 2 }],
	]);
});
