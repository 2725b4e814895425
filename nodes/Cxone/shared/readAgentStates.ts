/** The agent-states read both nodes share: fetch every page, normalize, attach real tenants' Locations, filter. */
import type { NodeApiError } from 'n8n-workflow';

import { agentMatcher, type AgentFilter } from '../helpers/filters';
import { forEachAgentState, normalizeAgentStates, type NormalizedAgentState } from '../helpers/normalize';
import type { CxoneSession, RequestCall } from '../transport';
import { attachAgentLocations, fetchAgentStates, fetchAgentStatesOfSites, type AgentStatesFetch } from '../transport/agentStates';

export interface ReadAgentStatesOptions {
	filter: AgentFilter;
	call?: RequestCall;
	includeRaw?: boolean;
	/** Real tenants: each agent's Location even when no site is filtered (the actions' Include Site). */
	includeSite?: boolean;
	/** Tutorial API: one site narrowed server-side (the actions). The trigger reads every agent and filters itself. */
	narrowBySite?: boolean;
	/** Real tenants: only agents changed since this cursor. A cursor CXone refuses (400) gives the full list. */
	updatedSince?: string;
	/** Keep every agent before the filters too (Fetch Test Event says how many CXone returned). */
	keepUnfiltered?: boolean;
	/**
	 * Streams agents instead of collecting them (a summary of 100,000 agents never holds them all): given the
	 * read's clock, returns where each agent goes and whether it passed the filters. `agents` then stays empty.
	 */
	sink?: (nowMs: number) => (agent: NormalizedAgentState, matches: boolean) => void;
}

export interface AgentStatesRead {
	fetched: AgentStatesFetch;
	/** The answer is a delta (`updatedSince` was sent and accepted): agents not listed did not change. */
	delta: boolean;
	/** The agents that passed the filters (empty when streamed to a sink). */
	agents: NormalizedAgentState[];
	/** Every agent before the filters, when the read built that list anyway or was asked to. */
	unfiltered?: NormalizedAgentState[];
	/** Records that named no agent ID. */
	skipped: number;
	/** The clock the durations were computed with. */
	nowMs: number;
}

async function fetchStates(session: CxoneSession, options: ReadAgentStatesOptions, call: RequestCall) {
	const { updatedSince } = options;
	if (options.narrowBySite) return { fetched: await fetchAgentStatesOfSites(session, options.filter.sites ?? [], call), delta: false };
	if (session.flavour !== 'realTenant' || updatedSince === undefined) return { fetched: await fetchAgentStates(session, call), delta: false };
	const fetched = await fetchAgentStates(session, { ...call, updatedSince }).catch((error: NodeApiError) => {
		// A cursor CXone no longer accepts ("Invalid Updated Since"): start again from the full list.
		if (error.httpCode === '400') return undefined;
		return Promise.reject(error);
	});
	return fetched ? { fetched, delta: true } : { fetched: await fetchAgentStates(session, call), delta: false };
}

export async function readAgentStates(session: CxoneSession, options: ReadAgentStatesOptions): Promise<AgentStatesRead> {
	const { filter, call = {}, includeRaw = false } = options;
	const { fetched, delta } = await fetchStates(session, options, call);
	const nowMs = Date.now();
	const matches = agentMatcher(filter);
	const sink = options.sink?.(nowMs);
	// Real tenants' state feed has no site: it comes from the agents list, so sites are matched after that.
	const locate = session.flavour === 'realTenant' && ((filter.sites?.length ?? 0) > 0 || options.includeSite === true);
	if (!locate && !options.keepUnfiltered) {
		// Filter (or stream) agents as they are made, rather than build the whole list first.
		if (sink) {
			const skipped = forEachAgentState(fetched.records, nowMs, includeRaw, (agent) => sink(agent, !matches || matches(agent)));
			return { fetched, delta, agents: [], skipped, nowMs };
		}
		const { agents, skipped } = normalizeAgentStates(fetched.records, nowMs, includeRaw, matches);
		return { fetched, delta, agents, skipped, nowMs };
	}
	const { agents: unfiltered, skipped } = normalizeAgentStates(fetched.records, nowMs, includeRaw);
	if (locate) await attachAgentLocations(session, unfiltered, call);
	const agents = matches ? unfiltered.filter(matches) : unfiltered;
	if (sink) for (const agent of agents) sink(agent, true);
	return { fetched, delta, agents: sink ? [] : agents, unfiltered, skipped, nowMs };
}
