/** Counts by state, site and team for the One Summary Item output. Pure. */
import type { NormalizedAgentState } from './normalize';

export interface AgentStatesSummary {
	/**
	 * Logged-in agents. Real CXone also lists logged-out agents and the tutorial API does not, so they are left
	 * out of `total`, `bySite` and `byTeam` in both sign-in modes; `byState.LOGGED_OUT` counts those listed.
	 */
	total: number;
	ready: number;
	byState: Record<string, number>;
	bySite: Record<string, number>;
	byTeam: Record<string, number>;
	readyAgentIds: string[];
	/** Who is ready, for a table in one email or message: names, site, team and since when. */
	readyAgents: ReadyAgent[];
	fetchedAt: string;
}

export type ReadyAgent = Pick<
	NormalizedAgentState,
	'agentId' | 'firstName' | 'lastName' | 'siteId' | 'siteName' | 'teamName' | 'stateSince' | 'stateDurationSeconds'
>;

/** Counters without a prototype: a site named "constructor" or "__proto__" is counted like any other. */
const counters = (): Record<string, number> => Object.create(null) as Record<string, number>;

function countInto(counts: Record<string, number>, key: string | null, by = 1) {
	if (key === null) return;
	const count = (counts[key] ?? 0) + by;
	if (count > 0) counts[key] = count;
	else delete counts[key];
}

interface Counted {
	state: string;
	site: string | null;
	team: string | null;
	ready: boolean;
}

/**
 * Counts agents one at a time, so a summary of 100,000 agents never needs them all in memory at once.
 * `total`, `bySite` and `byTeam` count logged-in agents in both sign-in modes; `byState` counts every agent
 * listed, so real tenants' logged-out agents show there as LOGGED_OUT.
 */
export class AgentStatesSummarizer {
	private readonly summary: AgentStatesSummary;
	/**
	 * What each agent ID's last record added to the counts (undefined: the filter dropped it), so an agent listed
	 * twice is counted once, as its last record. Not the agent itself: the summary does not hold every agent.
	 */
	private readonly counted = new Map<string, Counted | undefined>();

	/** Agents counted, logged out or not. */
	listed = 0;

	constructor(fetchedAt: Date) {
		this.summary = {
			total: 0,
			ready: 0,
			byState: counters(),
			bySite: counters(),
			byTeam: counters(),
			readyAgentIds: [],
			readyAgents: [],
			fetchedAt: fetchedAt.toISOString(),
		};
	}

	/** `counted: false` records an agent the filter dropped, so an earlier record of the same ID stops counting. */
	add(agent: NormalizedAgentState, counted = true): void {
		const summary = this.summary;
		const earlier = this.counted.get(agent.agentId);
		if (earlier) this.uncount(agent.agentId, earlier);
		if (!counted) {
			if (earlier) this.counted.set(agent.agentId, undefined);
			return;
		}
		const site = agent.siteName ?? agent.siteId;
		const team = agent.teamName ?? agent.teamId;
		this.counted.set(agent.agentId, { state: agent.state, site, team, ready: agent.isReady });
		this.listed++;
		countInto(summary.byState, agent.state);
		if (agent.state === 'LOGGED_OUT') return;
		summary.total++;
		countInto(summary.bySite, site);
		countInto(summary.byTeam, team);
		if (agent.isReady) {
			summary.ready++;
			summary.readyAgentIds.push(agent.agentId);
			summary.readyAgents.push({
				agentId: agent.agentId,
				firstName: agent.firstName,
				lastName: agent.lastName,
				siteId: agent.siteId,
				siteName: agent.siteName,
				teamName: agent.teamName,
				stateSince: agent.stateSince,
				stateDurationSeconds: agent.stateDurationSeconds,
			});
		}
	}

	private uncount(agentId: string, { state, site, team, ready }: Counted): void {
		const summary = this.summary;
		this.listed--;
		countInto(summary.byState, state, -1);
		if (state === 'LOGGED_OUT') return;
		summary.total--;
		countInto(summary.bySite, site, -1);
		countInto(summary.byTeam, team, -1);
		if (ready) {
			summary.ready--;
			const index = summary.readyAgentIds.lastIndexOf(agentId);
			summary.readyAgentIds.splice(index, 1);
			summary.readyAgents.splice(index, 1);
		}
	}

	get result(): AgentStatesSummary {
		return this.summary;
	}
}

/** One item for workflows that send one email or message per run rather than one per agent. */
export function summarizeAgents(agents: NormalizedAgentState[], fetchedAt: Date): AgentStatesSummary {
	const summarizer = new AgentStatesSummarizer(fetchedAt);
	for (const agent of agents) summarizer.add(agent);
	return summarizer.result;
}
