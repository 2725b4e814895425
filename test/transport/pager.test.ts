/**
 * The one top/skip pager (transport/pager.ts), as users meet it: Admin lists asked 100 at a time (CXone's
 * maximum), a server that ignores skip, a directory past the page cap, and Filter by Site against a simulator
 * that refuses more than 100 per page.
 */
import nock from 'nock';

import { getTeams } from '../../nodes/Cxone/methods';
import { simulatorRealTenantCredentials } from '../support/harness/credentials';
import { REAL_TENANT_AGENTS, REAL_TENANT_API, REAL_TENANT_LOCATIONS, REAL_TENANT_STATES, signedInRealTenant, useNock } from '../support/harness/fixtures';
import { editorContext, executeWorkflow, TestCredentialsHelper } from '../support/harness/workflow';
import { startSimulator } from '../support/simulator';

const TEAMS = '/incontactapi/services/v31.0/teams';
const state = (agentId: number) => ({ agentId, agentStateName: 'Available', startDate: '2026-11-23T10:00:00Z' });

describe('against NICE-shaped answers (nock)', () => {
	useNock();

	it('a directory whose server ignores skip is read once: page two repeats page one, so paging ends there', async () => {
		const directory = { totalRecords: 500, agents: [{ agentId: 1, location: 'Austin' }, { agentId: 2, location: 'Lisbon' }] };
		const api = nock(REAL_TENANT_API)
			.get(REAL_TENANT_STATES).reply(200, { agentStates: [state(1), state(2)] })
			.get(REAL_TENANT_AGENTS).query(true).times(2).reply(200, directory)
			.get(REAL_TENANT_LOCATIONS).reply(200, { locations: [] });
		const spare = nock(REAL_TENANT_API).get(REAL_TENANT_AGENTS).query(true).times(100).reply(200, directory);
		const { items, error } = await executeWorkflow(signedInRealTenant(), { operation: 'filterBySite', siteIds: 'Austin' });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.agentId)).toEqual(['1']);
		expect(api.isDone()).toBe(true);
		expect(spare.pendingMocks()).toHaveLength(1);
	});

	it('a directory that never ends is an error, not sites matched on part of it', async () => {
		nock(REAL_TENANT_API).get(REAL_TENANT_STATES).reply(200, { agentStates: [state(1)] });
		nock(REAL_TENANT_API)
			.get(REAL_TENANT_AGENTS)
			.query(true)
			.times(2000)
			.reply(200, (uri) => {
				const skip = Number(new URL(uri, REAL_TENANT_API).searchParams.get('skip'));
				return { totalRecords: 1e9, agents: Array.from({ length: 100 }, (_, index) => ({ agentId: skip + index + 10, location: 'Austin' })) };
			});
		nock(REAL_TENANT_API).get(REAL_TENANT_LOCATIONS).reply(200, { locations: [] });
		const { items, error } = await executeWorkflow(signedInRealTenant(), { operation: 'filterBySite', siteIds: 'Austin' });
		expect(items).toEqual([]);
		expect(error?.message).toBe("CXone's agents list did not end after 2,000 pages of 100; the node stopped rather than match sites on part of it");
	});

	it('the Teams picker asks 100 per page and follows totalRecords to the end', async () => {
		const team = (teamId: number) => ({ teamId, teamName: `Team ${teamId}`, isActive: true });
		const asked: string[] = [];
		nock(REAL_TENANT_API)
			.get(TEAMS)
			.query(true)
			.times(3)
			.reply(200, (uri) => {
				const url = new URL(uri, REAL_TENANT_API);
				asked.push(`${url.searchParams.get('top')}/${url.searchParams.get('skip')}`);
				const skip = Number(url.searchParams.get('skip'));
				return { totalRecords: 250, teams: Array.from({ length: Math.min(100, 250 - skip) }, (_, index) => team(skip + index + 1)) };
			});
		const teams = await getTeams.call(editorContext(signedInRealTenant()));
		expect(asked).toEqual(['100/0', '100/100', '100/200']);
		expect(teams).toHaveLength(250);
		expect(new Set(teams.map((option) => option.value)).size).toBe(250);
	});
});

describe('against the simulator, which refuses more than 100 per page on the Admin lists', () => {
	it('Filter by Site on 250 agents reads the directory in three pages of 100 and finds every agent of the site', async () => {
		const simulator = await startSimulator({ quiet: true, agents: 250, seed: 5 });
		try {
			const store = new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url));
			const { items, error } = await executeWorkflow(store, { operation: 'filterBySite', siteIds: 'Austin' });
			expect(error).toBeUndefined();
			const expected = simulator.tenant.agents.filter((agent) => agent.locationName === 'Austin');
			expect(items.map((item) => item.json.agentId).sort()).toEqual(expected.map((agent) => String(agent.agentId)).sort());
			const pages = simulator.requests.filter((request) => /\/agents\?/.test(request.path)).map((request) => `${request.query.top}/${request.query.skip}`);
			expect(pages).toEqual(['100/0', '100/100', '100/200']);
		} finally {
			await simulator.stop();
		}
	});

});
