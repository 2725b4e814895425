/**
 * The pickers as n8n's editor calls them (a real n8n-core LoadOptionsContext, the real credential), against the
 * simulator in both sign-in modes: agents, teams, sites and unavailable codes, and that picked values filter.
 */

import { getLocations, getTeams, getUnavailableCodes, searchAgents } from '../../nodes/Cxone/methods';
import { startSimulator, type Simulator } from '../support/simulator';
import { simulatorRealTenantCredentials, simulatorTutorialCredentials } from '../support/harness/credentials';
import { TriggerHarness } from '../support/harness/poll';
import { editorContext, executeWorkflow, TestCredentialsHelper } from '../support/harness/workflow';

let simulator: Simulator;
beforeAll(async () => {
	simulator = await startSimulator({ agents: 40, seed: 21, quiet: true });
});
afterAll(async () => await simulator?.stop());
beforeEach(() => simulator.reset());

const realTenant = () => new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url));
const tutorial = () => new TestCredentialsHelper(simulatorTutorialCredentials(simulator.url));

const editor = editorContext;

const distinct = <T>(values: T[]) => [...new Set(values)].sort();

describe('on a real tenant (Access Key sign-in)', () => {
	it('lists the active teams by name, with team IDs as values, in one request', async () => {
		const teams = await getTeams.call(editor(realTenant()));
		const expected = distinct(simulator.tenant.agents.map((agent) => `${agent.teamName}=${agent.teamId}`));
		expect(distinct(teams.map((team) => `${team.name}=${team.value}`))).toEqual(expected);
		const apiCalls = simulator.requests.filter((request) => request.path.startsWith('/incontactapi/'));
		expect(apiCalls.map((request) => request.path.split('?')[0])).toEqual(['/incontactapi/services/v31.0/teams']);
	});

	it('lists the sites as Location names from GET /locations', async () => {
		const sites = await getLocations.call(editor(realTenant()));
		expect(sites.map((site) => site.value)).toEqual(distinct(simulator.tenant.agents.map((agent) => agent.locationName)));
		expect(simulator.requests.at(-1)?.path).toBe('/incontactapi/services/v31.0/locations');
	});

	it('searches agents by name for the Agent list, showing name and user name with the agent ID as value', async () => {
		const agent = simulator.tenant.agents[3];
		const { results } = await searchAgents.call(editor(realTenant()), agent.lastName);
		expect(results).toContainEqual({ name: `${agent.firstName} ${agent.lastName} (${agent.userName})`, value: String(agent.agentId) });
		expect(results.every((result) => result.name.includes(agent.lastName))).toBe(true);
		expect(simulator.requests.at(-1)?.query).toMatchObject({ searchString: agent.lastName, isActive: 'true' });
	});

	it('lists the chosen agent\'s team\'s unavailable codes, outStateId as value', async () => {
		const agent = simulator.tenant.agents[0];
		const codes = await getUnavailableCodes.call(editor(realTenant(), { operation: 'setState', state: 'unavailable', agentId: { __rl: true, mode: 'id', value: String(agent.agentId) } }));
		expect(codes.slice(0, 3)).toEqual([
			// First, the field's empty default as a choice (the editor marks a value it does not list as "not supported").
			{ name: 'No Reason', value: '', description: 'Plain Unavailable, without an unavailable code' },
			{ name: 'Lunch', value: '1' },
			{ name: 'Break', value: '2' },
		]);
		expect(simulator.requests.at(-1)?.path).toBe(`/incontactapi/services/v31.0/teams/${agent.teamId}/unavailable-codes?activeOnly=true`);
	});

	it('lists the business unit\'s codes while no agent is chosen', async () => {
		const codes = await getUnavailableCodes.call(editor(realTenant()));
		expect(codes.map((code) => code.name)).toEqual(['No Reason', 'Lunch', 'Break', 'Meeting', 'Training', 'Coaching']);
		expect(simulator.requests.at(-1)?.path).toBe('/incontactapi/services/v31.0/unavailable-codes?activeOnly=true');
	});

	it('filters Get Many by teams picked from the list, together with typed team names', async () => {
		const [one, other] = distinct(simulator.tenant.agents.map((agent) => agent.teamId));
		const otherName = simulator.tenant.agents.find((agent) => agent.teamId === other)!.teamName;
		const { items } = await executeWorkflow(realTenant(), { operation: 'getAll', options: { teamList: [String(one)], teams: otherName } });
		const expected = simulator.tenant.agents.filter((agent) => agent.teamId === one || agent.teamId === other);
		expect(distinct(items.map((item) => item.json.agentId))).toEqual(distinct(expected.map((agent) => String(agent.agentId))));
	});

	it('Filter by Site takes sites picked from the list with Site IDs left empty', async () => {
		const site = simulator.tenant.agents[0].locationName;
		const { items, error } = await executeWorkflow(realTenant(), { operation: 'filterBySite', siteIds: '', parameters: { siteList: [site] } });
		expect(error).toBeUndefined();
		expect(items.length).toBe(simulator.tenant.agents.filter((agent) => agent.locationName === site).length);
	});

	it('the trigger\'s picked Sites and Teams filter what it reports', async () => {
		const idle = simulator.tenant.agents.filter((candidate) => candidate.state !== 'ON_CONTACT');
		const agent = idle[0];
		const sameTeamElsewhere = idle.find((candidate) => candidate.teamId === agent.teamId && candidate.locationName !== agent.locationName);
		const sameSiteOtherTeam = idle.find((candidate) => candidate.teamId !== agent.teamId && candidate.locationName === agent.locationName);
		if (!sameTeamElsewhere || !sameSiteOtherTeam) throw new Error('seed 21 should have agents sharing only a team or only a site');
		const trigger = new TriggerHarness(realTenant(), { event: 'anyChange', filters: { siteList: [agent.locationName], teamList: [String(agent.teamId)] } });
		expect(await trigger.poll()).toBeNull();
		for (const changed of [agent, sameTeamElsewhere, sameSiteOtherTeam]) simulator.setAgentState(changed.agentId, 'ON_CONTACT');
		expect((await trigger.poll())?.map((event) => event.agentId)).toEqual([String(agent.agentId)]);
	});
});

describe('on the tutorial API (client credentials)', () => {
	it('derives the sites from the agent-states answer', async () => {
		const sites = await getLocations.call(editor(tutorial()));
		const listed = simulator.tenant.agents.filter((agent) => agent.state !== 'LOGGED_OUT');
		expect(sites.map((site) => site.value)).toEqual(distinct(listed.map((agent) => agent.siteId)));
	});

	it('lists agents from the agent-states answer, filtered by what is typed', async () => {
		const agent = simulator.tenant.agents.find((candidate) => candidate.state === 'READY')!;
		const { results } = await searchAgents.call(editor(tutorial()), `a${agent.agentId}`);
		expect(results.map((result) => result.value)).toEqual([`a${agent.agentId}`]);
	});

	it('says teams and reasons need the access key, since the tutorial API names no teams', async () => {
		await expect(getTeams.call(editor(tutorial()))).rejects.toThrow('The tutorial API names no teams');
		await expect(getUnavailableCodes.call(editor(tutorial()))).rejects.toThrow('Reasons need the CXone Access Key sign-in');
	});
});
