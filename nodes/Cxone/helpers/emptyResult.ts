/** What an empty result tells the user: CXone sent nobody, or which of the node's filters removed everyone. Pure. */
import { filterAgents, type AgentFilter } from './filters';
import type { NormalizedAgentState } from './normalize';

/**
 * True in both API flavours: the tutorial API lists only agents with an active session, while real tenants list
 * logged-out agents too (`LoggedOut` is one of GET /agents/states' agentStateName values, calljacob/nice-cxone-api
 * src/services/realtime/RealtimedataRealtimeService.ts), so there an empty answer means a filter or the tenant.
 */
export const EMPTY_RESULT_HINT =
	'CXone returned no agents. Check that the credential points at the right tenant and that the site, team or state ' +
	'filter matches your agents. The tutorial API (OAuth2 Client Credentials) lists only agents with an active session; ' +
	'real tenants (CXone Access Key) also list logged-out agents, so an empty list there means the filter or the tenant.';

/**
 * The hint when CXone returned agents and the node's filters removed them all: names the filter (applied in
 * the order Site IDs, Teams, States) after which nobody was left.
 */
export function emptyAfterFilters(agents: NormalizedAgentState[], filter: AgentFilter, readyOnly: boolean): string {
	const steps: Array<{ label: string; filter: AgentFilter; values: string[] }> = [
		{ label: 'Site IDs', filter: { sites: filter.sites }, values: filter.sites ?? [] },
		{ label: 'Teams', filter: { teams: filter.teams }, values: filter.teams ?? [] },
		{
			label: readyOnly ? 'Get Ready (READY only)' : 'States',
			filter: { states: filter.states },
			values: readyOnly ? [] : (filter.states ?? []),
		},
	];
	const returned = `CXone returned ${agents.length} agent${agents.length === 1 ? '' : 's'}`;
	let left = agents;
	let previous: string | undefined;
	for (const step of steps) {
		if (!(step.filter.sites ?? step.filter.teams ?? step.filter.states)?.length) continue;
		const kept = filterAgents(left, step.filter);
		const shown = step.values.length ? ` (${step.values.join(', ')})` : '';
		if (kept.length === 0) {
			const of = previous ? ` of the ${left.length} left after the ${previous} filter` : '';
			return `${returned}; the ${step.label} filter${shown} matched none${of}. Compare it with the agents' ${step.label === 'Site IDs' ? 'siteId and siteName' : step.label === 'Teams' ? 'teamId and teamName' : 'state'} in a run without it.`;
		}
		left = kept;
		previous = step.label;
	}
	return `${returned}; the filters together matched none. Compare them with the agents in a run without filters.`;
}
