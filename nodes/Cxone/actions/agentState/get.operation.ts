/** Get: one agent's current state, as one normalized item. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normalizeAgentRecord, normalizeAgentStates, type NormalizedAgentState } from '../../helpers/normalize';
import { fetchAgentStates } from '../../transport/agentStates';
import { fetchOneAgentState } from '../../transport/agents';
import type { CxoneSession } from '../../transport';

/** The agent Get, Set State and Log Out act on: picked from a list, typed, or from an earlier step's item. */
const agentLocator: INodeProperties = {
	displayName: 'Agent',
	name: 'agentId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'The agent to act on. An expression with the agentId of an earlier step\'s item (for example the trigger\'s) acts on the agent that step found.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an agent...',
			typeOptions: { searchListMethod: 'searchAgents', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1001',
			hint: 'Real tenants: the numeric agent ID (CXone Admin > Users). Tutorial API: the agentId of the states list, e.g. a1001.',
		},
	],
	displayOptions: { show: { resource: ['agentState'], operation: ['get', 'setState', 'logOut'] } },
};

export function readAgentId(context: IExecuteFunctions, itemIndex: number): string {
	const value = context.getNodeParameter('agentId', itemIndex, '', { extractValue: true });
	const agentId = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!agentId) {
		throw new NodeOperationError(context.getNode(), 'Agent is empty', {
			description: 'Pick the agent from the list, type its ID, or use an expression that gives the agentId of an earlier step\'s item.',
			itemIndex,
		});
	}
	return agentId;
}

export const description: INodeProperties[] = [agentLocator];

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
