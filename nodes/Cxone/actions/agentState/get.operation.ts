/** Get: one agent's current state, as one normalized item. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { normalizeAgentRecord, normalizeAgentStates, type NormalizedAgentState } from '../../helpers/normalize';
import { fetchAgentStates } from '../../transport/agentStates';
import { fetchOneAgentState } from '../../transport/agents';
import type { CxoneSession } from '../../transport';
import { actedOnAgent } from '../common.descriptions';
import { readAgentId } from '../parameters';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['agentState'], operation: ['get'] } }, [actedOnAgent]);

/** One agent's state on either sign-in; the tutorial API has no per-agent call, so it is picked from the states list. */
export async function readAgentState(session: CxoneSession, agentId: string, itemIndex: number, nowMs = Date.now()): Promise<NormalizedAgentState> {
	if (session.flavour === 'realTenant') {
		const record = await fetchOneAgentState(session, agentId, { itemIndex });
		const agent = normalizeAgentRecord(record, nowMs);
		// The per-agent answer may leave the ID out; the caller asked for this one.
		if (agent) return agent;
		const fallback = normalizeAgentRecord({ ...record, agentId }, nowMs);
		if (fallback) return fallback;
	} else {
		const { records } = await fetchAgentStates(session, { itemIndex });
		const wanted = agentId.toLowerCase();
		const { agents } = normalizeAgentStates(records, nowMs, false, (agent) => agent.agentId.toLowerCase() === wanted);
		if (agents[0]) return agents[0];
	}
	throw new NodeOperationError(session.node, `Agent ${agentId} is not in CXone's agent-states list`, {
		description:
			'Only agents with an active session are listed. Pick the agent from the list, or check the ID (the tutorial API names agents like a1001).',
		itemIndex,
	});
}

export async function execute(this: IExecuteFunctions, session: CxoneSession, itemIndex: number): Promise<IDataObject[]> {
	const agentId = readAgentId(this, itemIndex);
	return [(await readAgentState(session, agentId, itemIndex)) as unknown as IDataObject];
}
