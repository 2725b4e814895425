/** Simplify: the fields of an agent a workflow step or an AI agent acts on (n8n's UX guideline for answers over 10 fields). Pure. */
import type { NormalizedAgentState } from './normalize';

/**
 * Who (agentId, names), what state and why (state, subState, isReady), where (teamName, site) and since when
 * (stateSince, stateDurationSeconds). Left out: IDs kept for filters and joins (teamId, skillId, contactId,
 * businessUnitId), userName and isAcw; Simplify off gives them all.
 */
export interface SimplifiedAgentState {
	agentId: string;
	firstName: string | null;
	lastName: string | null;
	state: string;
	subState: string | null;
	isReady: boolean;
	teamName: string | null;
	/** The site's name, or its ID where CXone gives no name (the tutorial API). */
	siteName: string | null;
	stateSince: string | null;
	stateDurationSeconds: number | null;
	raw?: unknown;
}

export function simplifyAgent(agent: NormalizedAgentState): SimplifiedAgentState {
	const simplified: SimplifiedAgentState = {
		agentId: agent.agentId,
		firstName: agent.firstName,
		lastName: agent.lastName,
		state: agent.state,
		subState: agent.subState,
		isReady: agent.isReady,
		teamName: agent.teamName,
		siteName: agent.siteName ?? agent.siteId,
		stateSince: agent.stateSince,
		stateDurationSeconds: agent.stateDurationSeconds,
	};
	if (agent.raw !== undefined) simplified.raw = agent.raw;
	return simplified;
}
