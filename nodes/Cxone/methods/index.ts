/** Pickers shared by the node and the trigger: agents (resource locator), teams, sites, unavailable codes. */
import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { MB } from '../../../credentials/cxone/http/boundedResponse';
import { normalizeAgentStates } from '../helpers/normalize';
import { CxoneSession } from '../transport';
import { fetchAgentLocations, fetchAgentStates } from '../transport/agentStates';
import { fetchLocationNames, fetchOneAgentState, fetchTeams, fetchUnavailableCodes, searchAgents as searchAgentsCall } from '../transport/agents';

const SEARCH_PAGE_SIZE = 100;

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/**
 * Someone is waiting for a dropdown: one retry, short waits, a few seconds for the whole list, and answers of a
 * size a list of choices has (a 58 MB Teams answer would be 600,000 options).
 */
export const PICKER_LIMITS = { maxRetries: 1, maxTotalWaitMs: 2_000, timeoutMs: 5_000, maxBodyBytes: 8 * MB, budgetMs: 8_000 } as const;

const open = async (context: ILoadOptionsFunctions) => {
	const { budgetMs, ...policy } = PICKER_LIMITS;
	return await CxoneSession.open(context, policy, budgetMs);
};

/** One option per value: a server that repeats records must not repeat choices. */
function distinctByValue(options: INodePropertyOptions[]): INodePropertyOptions[] {
	const seen = new Map<string, INodePropertyOptions>();
	for (const option of options) if (!seen.has(String(option.value))) seen.set(String(option.value), option);
	return [...seen.values()];
}

/**
 * The agent list's scroll position: the next skip, and the first agent of the page just shown. A page that
 * starts with that agent again (a server that ignores skip) ends the list instead of repeating it.
 */
const scrollToken = (skip: number, head: string) => `${skip}:${head}`;
function readScrollToken(token: string | undefined): { skip: number; head: string | null } {
	const [skip, ...head] = (token ?? '').split(':');
	return { skip: Math.max(0, Math.floor(Number(skip)) || 0), head: head.length ? head.join(':') : null };
}

/** The tutorial API has no lists of its own: what it has is the agent-states answer. */
async function tutorialAgents(session: CxoneSession) {
	const { records } = await fetchAgentStates(session);
	return normalizeAgentStates(records, Date.now()).agents;
}

export async function searchAgents(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const session = await open(this);
	const search = (filter ?? '').trim();
	if (session.flavour !== 'realTenant') {
		const wanted = search.toLowerCase();
		const results = (await tutorialAgents(session))
			.filter((agent) => !wanted || `${agent.agentId} ${agent.firstName ?? ''} ${agent.lastName ?? ''} ${agent.siteId ?? ''}`.toLowerCase().includes(wanted))
			.map((agent) => ({
				name: `${[agent.firstName, agent.lastName].filter(Boolean).join(' ') || agent.agentId}${agent.siteId ? ` (${agent.siteId})` : ''}`,
				value: agent.agentId,
			}));
		return { results };
	}
	const { skip, head } = readScrollToken(paginationToken);
	const { agents, read, more } = await searchAgentsCall(session, search, skip, SEARCH_PAGE_SIZE);
	if (head !== null && agents[0]?.agentId === head) return { results: [] };
	const results = distinctByValue(agents.filter((agent) => agent.isActive !== false).map((agent) => ({ name: agent.name, value: agent.agentId })));
	return {
		results,
		paginationToken: more && read > 0 && agents.length > 0 ? scrollToken(skip + read, agents[0].agentId) : undefined,
	};
}

export async function getTeams(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const session = await open(this);
	if (session.flavour === 'realTenant') {
		return distinctByValue((await fetchTeams(session)).map((team) => ({ name: team.teamName, value: team.teamId }))).sort(byName);
	}
	const teams = new Map<string, string>();
	for (const agent of await tutorialAgents(session)) if (agent.teamId) teams.set(agent.teamId, agent.teamName ?? agent.teamId);
	if (teams.size === 0) {
		throw new NodeOperationError(this.getNode(), 'The tutorial API names no teams', {
			description: 'Type team IDs or names in "Teams (IDs or Names)" instead, or use the CXone Access Key sign-in to pick from your tenant\'s teams.',
		});
	}
	return [...teams].map(([value, name]) => ({ name, value })).sort(byName);
}

/** Site values are what the filters match: location names on real tenants (GET /agents gives each agent its location's name), siteId on the tutorial API. */
export async function getLocations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const session = await open(this);
	const names = new Set<string>();
	if (session.flavour === 'realTenant') {
		try {
			for (const name of await fetchLocationNames(session)) names.add(name);
		} catch (caught) {
			const refused = caught instanceof NodeApiError && ['403', '404'].includes(String(caught.httpCode));
			if (!refused) throw caught instanceof NodeApiError ? caught : new NodeOperationError(this.getNode(), caught as Error);
		}
		// Not allowed to read /locations, or none listed: the locations the agents use.
		if (names.size === 0) for (const location of (await fetchAgentLocations(session)).values()) if (location.siteName) names.add(location.siteName);
		return [...names].map((name) => ({ name, value: name })).sort(byName);
	}
	const sites = new Map<string, string>();
	for (const agent of await tutorialAgents(session)) if (agent.siteId) sites.set(agent.siteId, agent.siteName ?? agent.siteId);
	return [...sites].map(([value, name]) => ({ name: name === value ? value : `${name} (${value})`, value })).sort(byName);
}

/** Plain Unavailable: what Set State sends when Reason is empty. */
export const NO_REASON_OPTION: INodePropertyOptions = { name: 'No Reason', value: '', description: 'Plain Unavailable, without an unavailable code' };

/** The chosen agent's team's unavailable codes, after No Reason; without an agent (or with an expression), the business unit's. */
export async function getUnavailableCodes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const session = await open(this);
	if (session.flavour !== 'realTenant') {
		throw new NodeOperationError(this.getNode(), 'Reasons need the CXone Access Key sign-in', {
			description: 'The tutorial API cannot set agent states; use a credential with Sign-In Method "CXone Access Key".',
		});
	}
	// The locator's raw value: the list and ID modes both hold the agent ID itself (no extractValue regex).
	const locator = this.getCurrentNodeParameter('agentId');
	const value = locator && typeof locator === 'object' && 'value' in locator ? (locator as { value: unknown }).value : locator;
	const agentId = typeof value === 'string' && value.trim() && !value.startsWith('=') ? value.trim() : typeof value === 'number' ? String(value) : '';
	let teamId: string | null = null;
	if (agentId) {
		const record = await fetchOneAgentState(session, agentId);
		const team = record.teamId ?? record.TeamId ?? record.teamNo;
		teamId = typeof team === 'number' || (typeof team === 'string' && team) ? String(team) : null;
	}
	const codes = distinctByValue(
		(await fetchUnavailableCodes(session, teamId)).map((code) => ({
			name: code.isAcw ? `${code.name} (ACW: only during a contact)` : code.name,
			value: code.outStateId,
		})),
	);
	// The field's default, '', is then a listed value: the editor shows it as a choice, not "not supported".
	return [NO_REASON_OPTION, ...codes];
}
