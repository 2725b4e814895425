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

function countInto(counts: Record<string, number>, key: string | null) {
	if (key !== null) counts[key] = (counts[key] ?? 0) + 1;
}

/** Counts agents one at a time, so a summary of 100,000 agents never needs them all in memory at once. */
export class AgentStatesSummarizer {
	private readonly summary: AgentStatesSummary;

	constructor(fetchedAt: Date) {
		this.summary = {
			total: 0,
			ready: 0,
			byState: {},
			bySite: {},
			byTeam: {},
			readyAgentIds: [],
			readyAgents: [],
			fetchedAt: fetchedAt.toISOString(),
		};
	}

	/** Every agent added, logged out or not. */
	listed = 0;

	add(agent: NormalizedAgentState): void {
		const summary = this.summary;
		this.listed++;
		countInto(summary.byState, agent.state);
		if (agent.state === 'LOGGED_OUT') return;
		summary.total++;
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
		countInto(summary.bySite, agent.siteName ?? agent.siteId);
		countInto(summary.byTeam, agent.teamName ?? agent.teamId);
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
