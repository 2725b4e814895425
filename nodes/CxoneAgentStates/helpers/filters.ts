import type { NormalizedAgentState } from './normalize';

/** Splits `a, b,,c` (or an array from an expression) into trimmed, non-empty values. */
export function parseList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : typeof value === 'string' || typeof value === 'number' ? String(value).split(',') : [];
	return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

export interface AgentFilter {
	states?: string[];
	/** Team IDs or names, matched case-insensitively. */
	teams?: string[];
	/** Site IDs or names, matched case-insensitively. */
	sites?: string[];
}

const lowerSet = (values: string[]) => new Set(values.map((value) => value.trim().toLowerCase()));

/** IDs and names compare trimmed and without case (a real tenant's Location NAME is its site). */
const matchesIdOrName = (wanted: Set<string>, id: string | null, name: string | null) =>
	(id !== null && wanted.has(id.trim().toLowerCase())) || (name !== null && wanted.has(name.trim().toLowerCase()));

/** The filter as one test per agent (set lookups, so its cost does not grow with the filter), null when it keeps everyone. */
export function agentMatcher(filter: AgentFilter): ((agent: NormalizedAgentState) => boolean) | null {
	const states = filter.states?.length ? new Set(filter.states) : null;
	const teams = filter.teams?.length ? lowerSet(filter.teams) : null;
	const sites = filter.sites?.length ? lowerSet(filter.sites) : null;
	if (!states && !teams && !sites) return null;
	return (agent) =>
		(!states || states.has(agent.state)) &&
		(!teams || matchesIdOrName(teams, agent.teamId, agent.teamName)) &&
		(!sites || matchesIdOrName(sites, agent.siteId, agent.siteName));
}

export function filterAgents(agents: NormalizedAgentState[], filter: AgentFilter): NormalizedAgentState[] {
	const matches = agentMatcher(filter);
	return matches ? agents.filter(matches) : agents;
}
