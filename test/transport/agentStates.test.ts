/** The node against a real-tenant API shape: versioned path, paging, locations as sites, CXone's status quirks. */
import nock from 'nock';

import { EMPTY_RESULT_HINT } from '../../nodes/Cxone/helpers/emptyResult';
import { realTenantCredentials } from '../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../support/harness/workflow';
import { REAL_TENANT_API as API, REAL_TENANT_STATES as STATES, REAL_TENANT_AGENTS as AGENTS, REAL_TENANT_LOCATIONS as LOCATIONS, useNock, signedInRealTenant as signedIn } from '../support/harness/fixtures';

/** GET /locations: the only source of location IDs (calljacob/nice-cxone-api AdminGeneralService.ts). */
const locationsList = { locations: [{ locationId: 10, locationName: 'Manila' }, { locationId: 20, locationName: 'Austin' }] };

/** Already signed in: these tests are about the API, not the sign-in. */

const agent = (agentId: number, agentStateName: string, extra: object = {}) => ({
	agentId,
	agentStateName,
	teamId: 1,
	teamName: 'Support',
	lastUpdateTime: '2026-11-23T10:00:00.000Z',
	...extra,
});

const agentsList = {
	totalRecords: 3,
	agents: [
		{ agentId: 1, firstName: 'Ann', location: 'Manila' },
		{ agentId: 2, firstName: 'Bo', location: 'Austin' },
		{ agentId: 3, firstName: 'Cy', location: 'Austin' },
	],
};

const ids = (items: Array<{ json: Record<string, unknown> }>) => items.map((item) => item.json.agentId);

useNock();

it('follows _links.next across pages on the API host', async () => {
	const api = nock(API)
		.get(STATES)
		.reply(200, { agentStates: [agent(1, 'Available')], _links: { next: `${API}${STATES}?top=1&skip=1` } })
		.get(STATES)
		.query({ top: '1', skip: '1' })
		.reply(200, { agentStates: [agent(2, 'Unavailable')], _links: { next: `${STATES}?top=1&skip=2` } })
		.get(STATES)
		.query({ top: '1', skip: '2' })
		.reply(200, { agentStates: [agent(3, 'LoggedOut')], _links: {} });
	const { items } = await executeWorkflow(signedIn(), { operation: 'getAll' });
	expect(items.map((item) => [item.json.agentId, item.json.state])).toEqual([
		['1', 'READY'],
		['2', 'NOT_READY'],
		['3', 'LOGGED_OUT'],
	]);
	expect(api.isDone()).toBe(true);
});

it('asks for the rest by top/skip when totalRecords says there is more but no next link is given', async () => {
	const api = nock(API)
		.get(STATES)
		.reply(200, { totalRecords: 5, agentStates: [agent(1, 'Available'), agent(2, 'Available')] })
		.get(STATES)
		.query({ top: '2', skip: '2' })
		.reply(200, { totalRecords: 5, agentStates: [agent(3, 'Available'), agent(4, 'Unavailable')] })
		.get(STATES)
		.query({ top: '2', skip: '4' })
		.reply(200, { totalRecords: '5', agentStates: [agent(5, 'LoggedOut')] });
	const { items } = await executeWorkflow(signedIn(), { operation: 'getAll' });
	expect(ids(items)).toEqual(['1', '2', '3', '4', '5']);
	expect(api.isDone()).toBe(true);
});

it('stops paging when the server ignores skip, instead of listing agents twice', async () => {
	const firstPage = { totalRecords: 3, agentStates: [agent(1, 'Available'), agent(2, 'Available')] };
	const api = nock(API).get(STATES).reply(200, firstPage).get(STATES).query({ top: '2', skip: '2' }).reply(200, firstPage);
	const { items } = await executeWorkflow(signedIn(), { operation: 'getAll' });
	expect(ids(items)).toEqual(['1', '2']);
	expect(api.isDone()).toBe(true);
});

it('refuses to follow a next link to another host with the token', async () => {
	nock(API).get(STATES).reply(200, { agentStates: [agent(1, 'Available')], _links: { next: 'https://evil.example/steal' } });
	const evil = nock('https://evil.example').get('/steal').reply(200, {});
	const { error } = await executeWorkflow(signedIn(), {});
	expect(error?.message).toBe("CXone sent a next-page link to a host outside NICE's domains; the node will not send your token there");
	expect(evil.isDone()).toBe(false);
});

it('Filter by Site matches each agent\'s location by name (IDs from GET /locations), reading the agents list once', async () => {
	nock(API).get(STATES).reply(200, { agentStates: [agent(1, 'Available'), agent(2, 'Available'), agent(3, 'Unavailable')] });
	const agents = nock(API).get(AGENTS).query({ fields: 'agentId,location', top: '100', skip: '0' }).once().reply(200, agentsList);
	nock(API).get(LOCATIONS).once().reply(200, locationsList);
	const { items } = await executeWorkflow(signedIn(), { operation: 'filterBySite', siteIds: 'austin' });
	expect(ids(items)).toEqual(['2', '3']);
	expect(items[0].json).toMatchObject({ siteId: '20', siteName: 'Austin' });
	expect(agents.isDone()).toBe(true);
});

it('Filter by Site in summary mode counts the agents at the matching locations', async () => {
	nock(API).get(STATES).reply(200, { agentStates: [agent(1, 'Available'), agent(2, 'Available'), agent(3, 'Unavailable')] });
	nock(API).get(AGENTS).query(true).reply(200, agentsList);
	nock(API).get(LOCATIONS).reply(200, locationsList);
	const { items } = await executeWorkflow(signedIn(), { operation: 'filterBySite', siteIds: 'Austin', options: { output: 'summary' } });
	expect(items.map((item) => item.json)).toMatchObject([
		{ total: 2, ready: 1, bySite: { Austin: 2 }, readyAgentIds: ['2'], readyAgents: [{ agentId: '2', firstName: null, siteName: 'Austin' }] },
	]);
});

it('Filter by Site by location ID, when GET /locations names it', async () => {
	nock(API).get(STATES).reply(200, { agentStates: [agent(1, 'Available'), agent(2, 'Available')] });
	nock(API).get(AGENTS).query(true).reply(200, agentsList);
	nock(API).get(LOCATIONS).reply(200, locationsList);
	const { items } = await executeWorkflow(signedIn(), { operation: 'filterBySite', siteIds: '10' });
	expect(ids(items)).toEqual(['1']);
});

it('Get Many fills sites only when Include Site is on', async () => {
	nock(API).get(STATES).twice().reply(200, { agentStates: [agent(1, 'Available')] });
	const agents = nock(API).get(AGENTS).query(true).once().reply(200, agentsList);
	nock(API).get(LOCATIONS).once().reply(200, locationsList);
	const without = await executeWorkflow(signedIn(), { operation: 'getAll' });
	expect(without.items[0].json.siteName).toBeNull();
	expect(agents.isDone()).toBe(false);
	const withSite = await executeWorkflow(signedIn(), { operation: 'getAll', options: { includeSite: true } });
	expect(withSite.items[0].json).toMatchObject({ siteId: '10', siteName: 'Manila' });
	expect(agents.isDone()).toBe(true);
});

it.each([204, 304])('%s means no agents: the empty hint, not an error', async (status) => {
	nock(API).get(STATES).reply(status);
	const { items, error, hints } = await executeWorkflow(signedIn(), {});
	expect(error).toBeUndefined();
	expect(items).toEqual([]);
	expect(hints.map((hint) => hint.message)).toContain(EMPTY_RESULT_HINT);
});

it('a 404 on the versioned path says to change API Version', async () => {
	nock(API).get(STATES).reply(404, '', { icStatusDescription: 'Invalid API version' });
	const { error } = await executeWorkflow(signedIn(), {});
	expect(error?.message).toBe('GET /agents/states (Real-Time Data API) was not found: this tenant may not serve API version v31.0 (HTTP 404)');
	expect(error?.description).toBe('CXone said: Invalid API version. Change API Version in the credential (for example v30.0 or v34.0).');
});

it('error text comes from the icStatusDescription header when the body has none', async () => {
	nock(API).get(STATES).reply(400, '', { icStatusDescription: 'Invalid Updated Since' });
	const { error } = await executeWorkflow(signedIn(), {});
	expect(error?.message).toBe('CXone refused the updatedSince cursor (Invalid Updated Since)');
});

it('503 is throttling like 429: retried after Retry-After, then succeeds', async () => {
	const api = nock(API).get(STATES).reply(503, '', { 'Retry-After': '0' }).get(STATES).reply(200, { agentStates: [agent(1, 'Available')] });
	const { items } = await executeWorkflow(signedIn(), {});
	expect(items).toHaveLength(1);
	expect(api.isDone()).toBe(true);
});

it('a 403 in access-key mode points at the API user\'s role', async () => {
	nock(API).get(STATES).reply(403, '');
	const { error } = await executeWorkflow(signedIn(), {});
	expect(error?.message).toBe('The CXone API user may not call GET /agents/states (Real-Time Data API) (HTTP 403)');
});

it('uses the API Version from the credential', async () => {
	const helper = new TestCredentialsHelper(
		realTenantCredentials({ apiVersion: 'v34.0', accessToken: 'tok', apiBaseUrl: API, tokenExpiresAt: new Date(Date.now() + 3600_000).toISOString() }),
	);
	const api = nock(API).get('/incontactapi/services/v34.0/agents/states').reply(200, { agentStates: [] });
	await executeWorkflow(helper, {});
	expect(api.isDone()).toBe(true);
});
