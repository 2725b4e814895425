/** Real tenants: sites by Location name, the agents list as NICE defines it, booleans as strings, errors that name the endpoint. */
import nock from 'nock';

import { realEndpointOf } from '../../../nodes/Cxone/transport/errorMessages';
import { simulatorRealTenantCredentials } from '../../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';
import { REAL_TENANT_API as API, REAL_TENANT_STATES as STATES, REAL_TENANT_AGENTS as AGENTS, REAL_TENANT_LOCATIONS as LOCATIONS, useNock, signedInRealTenant as signedIn } from '../../support/harness/fixtures';
import { startSimulator } from '../../support/simulator';

const ids = (items: Array<{ json: Record<string, unknown> }>) => items.map((item) => item.json.agentId);

describe('against NICE-shaped answers (nock)', () => {
	useNock();

	const states = { agentStates: [1, 2, 3].map((agentId) => ({ agentId, agentStateName: 'Available' })) };
	const agentsList = { totalRecords: 3, agents: [{ agentId: 1, location: 'Manila' }, { agentId: 2, location: ' Austin ' }, { agentId: 3, location: 'austin' }] };

	it('Filter by Site matches Location names trimmed and in any case, asks only for the fields it needs, pages with top/skip', async () => {
		nock(API).get(STATES).reply(200, states);
		const agents = nock(API).get(AGENTS).query({ fields: 'agentId,location', top: '100', skip: '0' }).reply(200, agentsList);
		nock(API).get(LOCATIONS).reply(404, {}, { icStatusDescription: 'Not found' });
		const { items, error } = await executeWorkflow(signedIn(), { operation: 'filterBySite', siteIds: '  AUSTIN ' });
		expect(error).toBeUndefined();
		expect(ids(items)).toEqual(['2', '3']);
		// No ID source answered: siteId stays null, siteName is the Location.
		expect(items[0].json).toMatchObject({ siteId: null, siteName: 'Austin' });
		expect(agents.isDone()).toBe(true);
	});

	it('siteId comes only from GET /locations, never from the agents list', async () => {
		nock(API).get(STATES).reply(200, states);
		nock(API).get(AGENTS).query(true).reply(200, { agents: [{ agentId: 1, location: 'Manila', locationId: 999 }] });
		nock(API).get(LOCATIONS).reply(200, { locations: [{ locationId: 10, locationName: 'manila' }] });
		const { items } = await executeWorkflow(signedIn(), { operation: 'filterBySite', siteIds: 'Manila' });
		expect(items.map((item) => [item.json.siteId, item.json.siteName])).toEqual([['10', 'Manila']]);
	});

	it('reads isACW sent as a "True"/"False" string in any case', async () => {
		nock(API)
			.get(STATES)
			.reply(200, { agentStates: [{ agentId: 1, agentStateName: 'Unavailable', isACW: 'True' }, { agentId: 2, agentStateName: 'Unavailable', isACW: 'FALSE' }, { agentId: 3, agentStateName: 'Unavailable', isACW: 'maybe' }] });
		const { items } = await executeWorkflow(signedIn(), { operation: 'getAll' });
		expect(items.map((item) => item.json.isAcw)).toEqual([true, false, null]);
	});

	it('a 403 from the agents list names GET /agents and its permission, not agent states', async () => {
		nock(API).get(STATES).reply(200, states);
		nock(API).get(AGENTS).query(true).reply(403, { error: 'forbidden', errorDescription: 'Access denied' });
		const { error } = await executeWorkflow(signedIn(), { operation: 'filterBySite', siteIds: 'Austin' });
		expect(error?.message).toBe("The CXone API user may not call GET /agents (Admin API agents list, read for each agent's Location) (HTTP 403)");
		expect(error?.description).toMatch(/^CXone said: Access denied\. .*view users\/agents/);
	});

	it('a 403 from agent states names GET /agents/states', async () => {
		nock(API).get(STATES).reply(403, {});
		const { error } = await executeWorkflow(signedIn(), { operation: 'getAll' });
		expect(error?.message).toBe('The CXone API user may not call GET /agents/states (Real-Time Data API) (HTTP 403)');
		expect(error?.description).toMatch(/real-time agent data/);
	});

	it('logged-out agents are listed on real tenants, so the empty hint does not claim otherwise', async () => {
		nock(API).get(STATES).reply(200, { agentStates: [] });
		const { hints } = await executeWorkflow(signedIn(), { operation: 'getAll' });
		const messages = hints.map((hint) => hint.message).join(' ');
		expect(messages).toMatch(/real tenants \(CXone Access Key\) also list logged-out agents/);
		expect(messages).not.toMatch(/^CXone returned no agents\. Only agents with an active session are listed/);
	});
});

describe('which endpoint an error names', () => {
	it.each([
		['/incontactapi/services/v31.0/agents/states', 'GET /agents/states (Real-Time Data API)'],
		['https://api-b32.nice-incontact.com/inContactAPI/services/V35.0/agents/states?skip=2', 'GET /agents/states (Real-Time Data API)'],
		['/incontactapi/services/v31.0/agents', "GET /agents (Admin API agents list, read for each agent's Location)"],
		['/incontactapi/services/v31.0/locations', 'GET /locations (Admin API)'],
		['/incontactapi/services/v31.0/agents/42/states', 'GET /agents/42/states'],
	])('%s', (path, label) => {
		expect(realEndpointOf(path).label).toBe(label);
	});
});

describe('against the simulator', () => {
	it('Filter by Site by Location name on the real mode, with location IDs from GET /locations', async () => {
		const simulator = await startSimulator({ quiet: true, agents: 30, seed: 3 });
		try {
			const store = new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url));
			const { items, error } = await executeWorkflow(store, { operation: 'filterBySite', siteIds: ' austin' });
			expect(error).toBeUndefined();
			const expected = simulator.tenant.agents.filter((agent) => agent.locationName === 'Austin');
			expect(ids(items).sort()).toEqual(expected.map((agent) => String(agent.agentId)).sort());
			expect(new Set(items.map((item) => `${String(item.json.siteId)}:${String(item.json.siteName)}`))).toEqual(new Set([`${expected[0].locationId}:Austin`]));
			const agentsRequest = simulator.requests.find((request) => /\/agents\?/.test(request.path));
			expect(agentsRequest?.query).toMatchObject({ fields: 'agentId,location', skip: '0' });
		} finally {
			await simulator.stop();
		}
	});
});
