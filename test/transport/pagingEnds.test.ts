/** Promise: paging ends. A link back to a page already read is an error; a list cut at the page cap says so. */
import nock from 'nock';

import { tutorialCredentials } from '../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../support/harness/workflow';
import { TUTORIAL_API as API, TUTORIAL_STATES as STATES, useNock } from '../support/harness/fixtures';

const record = (agentId: string) => ({ agentId, state: { type: 'READY' }, siteId: 's1', timestamp: '2026-11-23T10:00:00Z' });
const page = (agentId: string, next: string | null, totalRecords?: number) => ({
	agentStates: [record(agentId)],
	...(next ? { _links: { next } } : {}),
	...(totalRecords === undefined ? {} : { totalRecords }),
});

useNock();

function signIn() {
	nock(API).post('/oauth2/token').reply(200, { access_token: 'tok', expires_in: 3600 });
	return new TestCredentialsHelper(tutorialCredentials());
}

describe('paging ends', () => {
	it('a next-link loop A→B→A stops with a clear error after two pages', async () => {
		const store = signIn();
		const api = nock(API)
			.get(STATES).reply(200, page('a1', `${API}/page-b`))
			.get('/page-b').reply(200, page('a2', `${API}${STATES}`))
			.get(/.*/).times(1000).reply(200, page('a3', `${API}/page-b`));
		const { error, items } = await executeWorkflow(store, { operation: 'getAll' });
		expect(items).toEqual([]);
		expect(error?.message).toBe("CXone's next-page links go round in a circle: one leads back to a page already read");
		expect(api.pendingMocks()).toHaveLength(1); // at most one page more than the two real ones
	});

	it('a page that links to itself stops at once instead of repeating its agents', async () => {
		const store = signIn();
		nock(API).get(STATES).query({ siteId: 's1' }).reply(200, page('a1', `${API}${STATES}?siteId=s1`));
		const spare = nock(API).get(/.*/).query(true).times(1000).reply(200, page('a1', `${API}${STATES}?siteId=s1`));
		const { error } = await executeWorkflow(store, { operation: 'filterBySite', siteIds: 's1' });
		expect(error?.message).toMatch(/next-page links go round in a circle/);
		expect(spare.pendingMocks()).toHaveLength(1);
	});

	it('totalRecords 1e12 is read up to the page cap, and the cut is said in an execution hint', async () => {
		const store = signIn();
		nock(API)
			.get(STATES)
			.query(true)
			.times(1000)
			.reply(200, (uri) => page(`a${new URL(uri, API).searchParams.get('skip') ?? 0}`, null, 1e12));
		const { error, items, hints } = await executeWorkflow(store, { operation: 'getAll' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1000);
		expect(hints.map((hint) => hint.message).join('\n')).toMatch(/cut short\. Narrow it/);
	}, 60_000);
});
