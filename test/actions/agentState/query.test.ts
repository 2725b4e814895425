/**
 * The node inside a real n8n-core WorkflowExecute, HTTP mocked by nock: what a user sees in the output pane.
 */
import nock from 'nock';

import { EMPTY_RESULT_HINT } from '../../../nodes/Cxone/helpers/emptyResult';
import { tutorialCredentials } from '../../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';
import { TUTORIAL_API as API, TUTORIAL_STATES as STATES, useNock } from '../../support/harness/fixtures';

const flat = [
	{ agentId: 'a1', state: { type: 'READY', subState: null }, siteId: 's1', timestamp: '2026-11-23T10:00:00Z' },
	{ agentId: 'a2', state: { type: 'NOT_READY', subState: 'LUNCH' }, siteId: 's2', timestamp: '2026-11-23T10:00:00Z' },
	{ agentId: 'a3', state: { type: 'READY', subState: null }, siteId: 's2', timestamp: '2026-11-23T10:00:00Z' },
	{ agentId: 'a4', state: { type: 'ON_CONTACT', subState: null }, siteId: 's3', timestamp: '2026-11-23T10:00:00Z' },
];

const wrapped = {
	agentStates: [
		{ agentId: 11, agentStateId: 1, agentStateName: 'Available', teamId: 1, teamName: 'Support', lastUpdateTime: '2026-11-23T10:00:00.000Z' },
		{ agentId: 12, agentStateId: 2, agentStateName: 'Unavailable', outStateDescription: 'Lunch', teamId: 2, teamName: 'Sales', lastUpdateTime: '2026-11-23T10:00:00.000Z' },
		{ agentId: 13, agentStateId: 3, agentStateName: 'InboundContact', teamId: 1, teamName: 'Support', lastUpdateTime: '2026-11-23T10:00:00.000Z' },
	],
	lastPollTime: '2026-11-23T10:05:00.000Z',
};

function tokenScope(token = 'tok-1', times = 1, expiresIn: number | null = 3600) {
	return nock(API)
		.post('/oauth2/token')
		.times(times)
		.reply(200, { access_token: token, token_type: 'Bearer', ...(expiresIn === null ? {} : { expires_in: expiresIn }) });
}

const ids = (items: Array<{ json: Record<string, unknown> }>) => items.map((item) => item.json.agentId);

useNock();

describe('operations on the tutorial flat array', () => {
	it('Get Many returns one normalized item per agent, each paired with its input item', async () => {
		tokenScope();
		const api = nock(API).get(STATES).matchHeader('authorization', 'Bearer tok-1').matchHeader('accept', 'application/json').reply(200, flat);
		const { items, error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getAll' });
		expect(error).toBeUndefined();
		expect(ids(items)).toEqual(['a1', 'a2', 'a3', 'a4']);
		expect(items[1].json).toMatchObject({ state: 'NOT_READY', subState: 'LUNCH', isReady: false, siteId: 's2' });
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(api.isDone()).toBe(true);
	});

	it('Get Ready returns only READY agents', async () => {
		tokenScope();
		nock(API).get(STATES).reply(200, flat);
		const { items } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getReady' });
		expect(ids(items)).toEqual(['a1', 'a3']);
		expect(items.every((item) => item.json.isReady === true)).toBe(true);
	});

	it('Filter by Site with one site sends siteId and still filters on the client', async () => {
		tokenScope();
		// An API that ignores siteId and returns everyone must still give the right answer.
		const api = nock(API).get(STATES).query({ siteId: 's2' }).reply(200, flat);
		const { items } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'filterBySite', siteIds: 's2' });
		expect(ids(items)).toEqual(['a2', 'a3']);
		expect(api.isDone()).toBe(true);
	});

	it('Filter by Site with one site in another case asks again without siteId when the API matched nothing', async () => {
		tokenScope();
		const api = nock(API).get(STATES).query({ siteId: 'S2' }).reply(200, []).get(STATES).reply(200, flat);
		const { items } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'filterBySite', siteIds: 'S2' });
		expect(ids(items)).toEqual(['a2', 'a3']);
		expect(api.isDone()).toBe(true);
	});

	it('Filter by Site with several sites (comma-separated) fetches once and filters on the client', async () => {
		tokenScope();
		const api = nock(API).get(STATES).query((query) => Object.keys(query).length === 0).reply(200, flat);
		const { items } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'filterBySite', siteIds: 's1, s3' });
		expect(ids(items)).toEqual(['a1', 'a4']);
		expect(api.isDone()).toBe(true);
	});

	it('Filter by Site refuses an empty site list with a message that says what to enter', async () => {
		const { error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'filterBySite', siteIds: ' , ' });
		expect(error?.message).toBe('Site IDs is empty');
		expect(error?.description).toMatch(/at least one site ID/);
	});

	it('the state and team options narrow the output', async () => {
		tokenScope();
		nock(API).get(STATES).reply(200, flat);
		const { items } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), {
			operation: 'getAll',
			options: { states: ['NOT_READY', 'ON_CONTACT'] },
		});
		expect(ids(items)).toEqual(['a2', 'a4']);
	});
});

describe('operations on the real CXone wrapper', () => {
	it('Get Many normalizes CXone state names', async () => {
		tokenScope();
		nock(API).get(STATES).reply(200, wrapped);
		const { items } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getAll' });
		expect(items.map((item) => [item.json.agentId, item.json.state, item.json.subState])).toEqual([
			['11', 'READY', null],
			['12', 'NOT_READY', 'Lunch'],
			['13', 'ON_CONTACT', 'InboundContact'],
		]);
	});

	it('Get Ready treats Available as ready', async () => {
		tokenScope();
		nock(API).get(STATES).reply(200, wrapped);
		const { items } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getReady' });
		expect(ids(items)).toEqual(['11']);
	});

	it('the team option matches team names', async () => {
		tokenScope();
		nock(API).get(STATES).reply(200, wrapped);
		const { items } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getAll', options: { teams: 'support' } });
		expect(ids(items)).toEqual(['11', '13']);
	});
});

describe('output options', () => {
	it('summary mode outputs one item with counts', async () => {
		tokenScope();
		nock(API).get(STATES).reply(200, flat);
		const { items } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getAll', options: { output: 'summary' } });
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			total: 4,
			ready: 2,
			byState: { READY: 2, NOT_READY: 1, ON_CONTACT: 1 },
			bySite: { s1: 1, s2: 2, s3: 1 },
			readyAgentIds: ['a1', 'a3'],
		});
		expect(typeof items[0].json.fetchedAt).toBe('string');
	});

	it('summary mode counts only the agents the operation and its filters keep', async () => {
		tokenScope();
		nock(API).get(STATES).reply(200, flat);
		const { items, hints } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), {
			operation: 'filterBySite',
			siteIds: 's2, s3',
			options: { output: 'summary', states: ['READY', 'ON_CONTACT'] },
		});
		expect(items.map((item) => item.json)).toMatchObject([
			{ total: 2, ready: 1, byState: { READY: 1, ON_CONTACT: 1 }, bySite: { s2: 1, s3: 1 }, readyAgentIds: ['a3'] },
		]);
		expect(hints.map((hint) => hint.message)).not.toContain(EMPTY_RESULT_HINT);
	});

	it('summary mode with nobody left after the filters says so in a hint', async () => {
		tokenScope();
		nock(API).get(STATES).reply(200, flat);
		const { items, hints } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), {
			operation: 'getReady',
			options: { output: 'summary', teams: 'nobody' },
		});
		expect(items.map((item) => item.json)).toMatchObject([{ total: 0, ready: 0 }]);
		expect(hints.map((hint) => hint.message)).toContain("CXone returned 4 agents; the Teams filter (nobody) matched none. Compare it with the agents' teamId and teamName in a run without it.");
	});

	it('Include Raw Record adds the untouched record', async () => {
		tokenScope();
		nock(API).get(STATES).reply(200, flat);
		const { items } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getAll', options: { includeRaw: true } });
		expect(items[0].json.raw).toEqual(flat[0]);
	});
});

describe('an empty result is not an error', () => {
	it('outputs no items and a hint with the checklist', async () => {
		tokenScope();
		nock(API).get(STATES).reply(200, []);
		const { items, error, hints } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getAll' });
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(hints.map((hint) => hint.message)).toContain(EMPTY_RESULT_HINT);
	});

	it('summary mode outputs total 0', async () => {
		tokenScope();
		nock(API).get(STATES).reply(200, { agentStates: [] });
		const { items } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getReady', options: { output: 'summary' } });
		expect(items.map((item) => item.json)).toMatchObject([{ total: 0, ready: 0, readyAgentIds: [] }]);
	});

	it('records without an agent ID are skipped with a hint', async () => {
		tokenScope();
		nock(API).get(STATES).reply(200, [...flat, { state: { type: 'READY' } }]);
		const { items, hints } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getAll' });
		expect(items).toHaveLength(4);
		expect(hints.map((hint) => hint.message).join(' ')).toMatch(/1 record\(s\) from CXone named no agent ID/);
	});
});

describe('errors say what to fix', () => {
	it('403 names the missing scope and where to add it', async () => {
		tokenScope();
		nock(API).get(STATES).reply(403, { error: 'insufficient_scope' });
		const { error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getAll' });
		expect(error?.message).toBe('The token was refused for /api/v2/agents/states (HTTP 403): the client may not read agent states');
		expect(error?.description).toMatch(/CXone Access Key sign-in/);
	});

	it('429 waits for Retry-After and then succeeds', async () => {
		tokenScope();
		const api = nock(API).get(STATES).reply(429, { error: 'rate limited' }, { 'Retry-After': '0' }).get(STATES).reply(200, flat);
		const { items, error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getAll' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(4);
		expect(api.isDone()).toBe(true);
	});

	it('429 beyond the retry limit fails with when to retry', async () => {
		tokenScope();
		const api = nock(API).get(STATES).times(4).reply(429, { error: 'rate limited' }, { 'Retry-After': '0' });
		const { error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getAll' });
		expect(error?.message).toBe('CXone is throttling requests (HTTP 429); gave up after 4 attempts, 0 s of waiting');
		expect(error?.description).toMatch(/Try again after \d{4}-\d\d-\d\dT/);
		expect(api.isDone()).toBe(true);
	});

	it('429 asking for a longer wait than Max Retry Wait fails at once', async () => {
		tokenScope();
		const api = nock(API).get(STATES).once().reply(429, {}, { 'Retry-After': '120' });
		const { error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getAll', options: { maxRetryWaitSeconds: 30 } });
		expect(error?.message).toBe('CXone is throttling requests (HTTP 429); gave up after 1 attempt, 0 s of waiting');
		expect(api.isDone()).toBe(true);
	});

	it('500 keeps the status and CXone\'s own message', async () => {
		tokenScope();
		nock(API).get(STATES).reply(500, { message: 'Database unavailable' });
		const { error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getAll', options: { maxRetryWaitSeconds: 0 } });
		expect(error?.message).toBe('CXone answered HTTP 500 after 1 attempt, 0 s of waiting');
		expect(error?.description).toBe('CXone said: Database unavailable.');
		expect(error?.httpCode).toBe('500');
	});

	it('a non-JSON body is an API error that shows how the answer starts', async () => {
		tokenScope();
		nock(API).get(STATES).reply(200, '<html>Maintenance</html>', { 'Content-Type': 'text/html' });
		const { error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getAll' });
		expect(error?.message).toBe('CXone answered /api/v2/agents/states with something that is not JSON');
		expect(error?.description).toContain('<html>Maintenance');
	});

	it('an unexpected JSON shape says what was expected', async () => {
		tokenScope();
		nock(API).get(STATES).reply(200, { data: { items: 'nope' } });
		const { error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getAll' });
		expect(error?.message).toMatch(/unexpected shape \(an object with keys data\)/);
	});

	it('Continue On Fail turns each failing input item into an error item', async () => {
		tokenScope();
		nock(API).get(STATES).reply(200, flat).get(STATES).reply(403, {});
		const { items, error } = await executeWorkflow(
			new TestCredentialsHelper(tutorialCredentials()),
			{ operation: 'getReady', continueOnFail: true },
			2,
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.agentId ?? item.json.error, item.pairedItem])).toEqual([
			['a1', { item: 0 }],
			['a3', { item: 0 }],
			['The token was refused for /api/v2/agents/states (HTTP 403): the client may not read agent states', { item: 1 }],
		]);
	});
});

describe('the token lives with the credential', () => {
	it('sends the client-credentials form with Basic auth and the scope', async () => {
		const token = nock(API)
			.post('/oauth2/token', 'grant_type=client_credentials&scope=urn%3Anice%3Acxone%3Aagent%3Astate%3Aread')
			.matchHeader('authorization', `Basic ${Buffer.from('client-id:client-secret-value').toString('base64')}`)
			.matchHeader('content-type', 'application/x-www-form-urlencoded')
			.reply(200, { access_token: 'tok-1', expires_in: 3600 });
		nock(API).get(STATES).reply(200, flat);
		await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getAll' });
		expect(token.isDone()).toBe(true);
	});

	it('several executions reuse one token', async () => {
		const token = tokenScope('tok-1', 1);
		nock(API).get(STATES).times(3).matchHeader('authorization', 'Bearer tok-1').reply(200, flat);
		const helper = new TestCredentialsHelper(tutorialCredentials());
		for (let run = 0; run < 3; run++) {
			const { items } = await executeWorkflow(helper, { operation: 'getAll' });
			expect(items).toHaveLength(4);
		}
		expect(token.isDone()).toBe(true);
		expect(helper.saves).toBe(1);
		expect(helper.stored).toMatchObject({ accessToken: 'tok-1', apiBaseUrl: API });
	});

	it('asks for a new token after a 401 and retries the call once', async () => {
		const helper = new TestCredentialsHelper(tutorialCredentials({ accessToken: 'revoked', tokenExpiresAt: new Date(Date.now() + 3600_000).toISOString() }));
		const token = tokenScope('tok-2');
		nock(API).get(STATES).matchHeader('authorization', 'Bearer revoked').reply(401, { error: 'invalid_token' });
		nock(API).get(STATES).matchHeader('authorization', 'Bearer tok-2').reply(200, flat);
		const { items, error } = await executeWorkflow(helper, { operation: 'getAll' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(4);
		expect(token.isDone()).toBe(true);
		expect(helper.stored.accessToken).toBe('tok-2');
	});

	it('after a 401, takes the token another execution stored meanwhile instead of signing in again', async () => {
		const expiresAt = new Date(Date.now() + 3600_000).toISOString();
		const helper = new TestCredentialsHelper(tutorialCredentials({ accessToken: 'revoked', tokenExpiresAt: expiresAt }));
		const signIn = nock(API).post('/oauth2/token').reply(200, { access_token: 'tok-mine', expires_in: 3600 });
		nock(API)
			.get(STATES)
			.matchHeader('authorization', 'Bearer revoked')
			.reply(401, () => {
				// Another worker renewed the token and n8n stored it with the credential.
				helper.stored = { ...helper.stored, accessToken: 'tok-theirs' };
				return { error: 'invalid_token' };
			});
		const api = nock(API).get(STATES).matchHeader('authorization', 'Bearer tok-theirs').reply(200, flat);
		const { items, error } = await executeWorkflow(helper, { operation: 'getAll' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(4);
		expect(api.isDone()).toBe(true);
		expect(signIn.isDone()).toBe(false);
	});

	it('a second 401 after signing in again is an error, not a loop', async () => {
		const helper = new TestCredentialsHelper(tutorialCredentials({ accessToken: 'revoked' }));
		tokenScope('tok-2');
		const api = nock(API).get(STATES).times(2).reply(401, { error: 'invalid_token' });
		const { error } = await executeWorkflow(helper, { operation: 'getAll' });
		expect(error?.message).toBe('CXone rejected the access token (HTTP 401), even after signing in again');
		expect(api.isDone()).toBe(true);
	});

	it('asks for a new token once the stored one has expired, without a wasted call', async () => {
		const helper = new TestCredentialsHelper(
			tutorialCredentials({ accessToken: 'old', apiBaseUrl: API, tokenExpiresAt: new Date(Date.now() - 1000).toISOString() }),
		);
		const token = tokenScope('tok-new');
		const api = nock(API).get(STATES).matchHeader('authorization', 'Bearer tok-new').reply(200, flat);
		const { items } = await executeWorkflow(helper, { operation: 'getAll' });
		expect(items).toHaveLength(4);
		expect(token.isDone() && api.isDone()).toBe(true);
		expect(helper.stored.accessToken).toBe('tok-new');
	});

	it('a token without expires_in is kept until CXone rejects it', async () => {
		tokenScope('tok-1', 1, null);
		nock(API).get(STATES).times(2).reply(200, flat);
		const helper = new TestCredentialsHelper(tutorialCredentials());
		await executeWorkflow(helper, { operation: 'getAll' });
		await executeWorkflow(helper, { operation: 'getAll' });
		expect(helper.saves).toBe(1);
		expect(helper.stored.tokenExpiresAt).toBe('');
	});

	it('API calls go to resource_server_base_uri when the token answer names one', async () => {
		nock(API).post('/oauth2/token').reply(200, { access_token: 'tok-1', expires_in: 3600, resource_server_base_uri: 'https://api-c6.incontact.com/' });
		const api = nock('https://api-c6.incontact.com').get(STATES).reply(200, flat);
		const { items } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getAll' });
		expect(items).toHaveLength(4);
		expect(api.isDone()).toBe(true);
	});
});
