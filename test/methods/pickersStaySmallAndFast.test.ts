/**
 * Promise: a dropdown stays small and fast whatever the server does. Options are distinct by ID, a page that
 * repeats the one before ends the list, the whole dropdown has a few seconds (PICKER_LIMITS.budgetMs), and an
 * answer larger than a list of choices can be is refused.
 */
import nock from 'nock';

import { getTeams, getUnavailableCodes, PICKER_LIMITS, searchAgents } from '../../nodes/Cxone/methods';
import { REAL_TENANT_AGENTS, REAL_TENANT_API, signedInRealTenant, useNock } from '../support/harness/fixtures';
import { editorContext } from '../support/harness/workflow';

const TEAMS = '/incontactapi/services/v31.0/teams';
const CODES = '/incontactapi/services/v31.0/unavailable-codes';
const team = (teamId: number) => ({ teamId, teamName: `Team ${teamId}`, isActive: true });
const agent = (agentId: number) => ({ agentId, firstName: 'Ana', lastName: `Agent ${agentId}`, userName: `a${agentId}`, isActive: true });

useNock();

describe('pickers stay small and fast', () => {
	it('Teams from a server that ignores skip: one page of options, the repeat ends the list after two requests', async () => {
		const firstPage = { totalRecords: 50_000, teams: Array.from({ length: 100 }, (_, index) => team(index + 1)) };
		const asked = nock(REAL_TENANT_API).get(TEAMS).query(true).times(2).reply(200, firstPage);
		const spare = nock(REAL_TENANT_API).get(TEAMS).query(true).times(500).reply(200, firstPage);
		const options = await getTeams.call(editorContext(signedInRealTenant()));
		expect(options).toHaveLength(100);
		expect(asked.isDone()).toBe(true);
		expect(spare.pendingMocks()).toHaveLength(1);
	});

	it('Teams and Reasons listed twice in one answer are offered once', async () => {
		nock(REAL_TENANT_API).get(TEAMS).query(true).reply(200, { totalRecords: 4, teams: [team(1), team(1), team(2), team(2)] });
		expect((await getTeams.call(editorContext(signedInRealTenant()))).map((option) => option.value)).toEqual(['1', '2']);
		const code = { outStateId: 7, outStateName: 'Lunch', isActive: true };
		nock(REAL_TENANT_API).get(CODES).query(true).reply(200, { unavailableCodes: [code, code] });
		const context = editorContext(signedInRealTenant(), { agentId: '' });
		expect((await getUnavailableCodes.call(context)).map((option) => option.value)).toEqual(['', '7']);
	});

	it('the Agent list from a server that ignores skip ends when scrolling reaches the first page again', async () => {
		const page = { totalRecords: 10_000, agents: Array.from({ length: 100 }, (_, index) => agent(1001 + index)) };
		nock(REAL_TENANT_API).get(REAL_TENANT_AGENTS).query(true).times(2).reply(200, page);
		const first = await searchAgents.call(editorContext(signedInRealTenant()), '');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBeDefined();
		const second = await searchAgents.call(editorContext(signedInRealTenant()), '', first.paginationToken);
		expect(second.results).toEqual([]);
		expect(second.paginationToken).toBeUndefined();
	});

	it(`endless slow pages end within the dropdown's budget (${PICKER_LIMITS.budgetMs / 1000} s) with an error saying so`, async () => {
		nock(REAL_TENANT_API)
			.get(TEAMS)
			.query(true)
			.times(200)
			.delay(700)
			.reply(200, (uri) => {
				const skip = Number(new URL(uri, REAL_TENANT_API).searchParams.get('skip'));
				return { totalRecords: 1e9, teams: Array.from({ length: 100 }, (_, index) => team(skip + index + 1)) };
			});
		const started = Date.now();
		await expect(getTeams.call(editorContext(signedInRealTenant()))).rejects.toThrow(
			`Loading this list from CXone took longer than ${PICKER_LIMITS.budgetMs / 1000} s; the node stopped waiting`,
		);
		expect(Date.now() - started).toBeLessThan(PICKER_LIMITS.budgetMs + 3_000);
	}, 20_000);

	it('a Teams answer larger than a list of choices (9 MB) is refused, naming the limit', async () => {
		const huge = JSON.stringify({ totalRecords: 1, teams: [{ teamId: 1, teamName: 'x'.repeat(9 * 1024 * 1024) }] });
		nock(REAL_TENANT_API).get(TEAMS).query(true).reply(200, huge, { 'Content-Type': 'application/json' });
		await expect(getTeams.call(editorContext(signedInRealTenant()))).rejects.toThrow(/is larger than 8 MB; the node stopped reading it/);
	});
});
