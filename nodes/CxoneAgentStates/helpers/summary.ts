import type { NormalizedAgentState } from './normalize';

export interface AgentStatesSummary {
	total: number;
	ready: number;
	byState: Record<string, number>;
	bySite: Record<string, number>;
	byTeam: Record<string, number>;
	readyAgentIds: string[];
	fetchedAt: string;
}

function countInto(counts: Record<string, number>, key: string | null) {
	if (key !== null) counts[key] = (counts[key] ?? 0) + 1;
}

/** One item for workflows that send one email or message per run rather than one per agent. */
export function summarizeAgents(agents: NormalizedAgentState[], fetchedAt: Date): AgentStatesSummary {
	const summary: AgentStatesSummary = {
		total: agents.length,
		ready: 0,
		byState: {},
		bySite: {},
		byTeam: {},
		readyAgentIds: [],
		fetchedAt: fetchedAt.toISOString(),
	};
	for (const agent of agents) {
		if (agent.isReady) {
			summary.ready++;
			summary.readyAgentIds.push(agent.agentId);
		}
		countInto(summary.byState, agent.state);
		countInto(summary.bySite, agent.siteName ?? agent.siteId);
		countInto(summary.byTeam, agent.teamName ?? agent.teamId);
	}
	return summary;
}
