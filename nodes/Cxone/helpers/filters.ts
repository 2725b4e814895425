/** Filters on agents by state, site and team, and reading the comma-separated lists they come from. Pure. */
import type { NormalizedAgentState } from './normalize';

/** A list parameter holds something other than text or numbers (e.g. `[{ "id": "s1" }]` from an expression). */
export class ListParameterError extends Error {
	readonly description: string;

	constructor(field: string, found: string) {
		super(`${field} must be text or a list of text, but it holds ${found}`);
		this.name = 'ListParameterError';
		this.description =
			`Give ${field} as comma-separated text ("a, b") or an array of strings or numbers. ` +
			'From objects, map them to one field in the expression, e.g. {{ $json.sites.map(site => site.id) }}.';
	}
}

const isScalar = (value: unknown): value is string | number => typeof value === 'string' || typeof value === 'number';

const describeValue = (value: unknown) =>
	value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;

/**
 * Splits `a, b,,c` (or an array from an expression) into trimmed, non-empty values. Anything else (objects,
 * booleans) throws a ListParameterError naming `field`: matched as "[object Object]" it would silently find nobody.
 */
export function parseList(value: unknown, field = 'The list'): string[] {
	if (value === undefined || value === null) return [];
	let parts: string[];
	if (Array.isArray(value)) {
		const odd = value.findIndex((part) => !isScalar(part));
		if (odd >= 0) throw new ListParameterError(field, `${describeValue(value[odd])} at position ${odd + 1}`);
		parts = value.map(String);
	} else if (isScalar(value)) {
		parts = String(value).split(',');
	} else {
		throw new ListParameterError(field, describeValue(value));
	}
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
