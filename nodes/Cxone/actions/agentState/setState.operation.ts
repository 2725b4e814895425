/** Set State: make a live agent Available, or Unavailable with a reason (real tenants only). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { fetchUnavailableCodes, type UnavailableCode } from '../../transport/agents';
import { setAgentState } from '../../transport/agentWrites';
import type { CxoneSession } from '../../transport';
import { actedOnAgent } from '../common.descriptions';
import { readAgentId } from '../parameters';
import { requireRealTenant } from '../realTenantOnly';
import { readAgentState } from './get.operation';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['agentState'], operation: ['setState'] } }, [
	actedOnAgent,
	{
		displayName: 'State',
		name: 'state',
		type: 'options',
		options: [
			{ name: 'Available', value: 'available', description: 'Ready to take contacts' },
			{ name: 'Unavailable', value: 'unavailable', description: 'Not ready, with a reason (unavailable code)' },
		],
		default: 'available',
		description: 'The state to put the agent in. This changes a live agent in CXone.',
	},
	{
		displayName: 'Reason Name or ID',
		name: 'reason',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getUnavailableCodes', loadOptionsDependsOn: ['agentId.value'] },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: "A code from the agent's team's list (an expression may give its name), or No Reason for plain Unavailable",
		displayOptions: { show: { state: ['unavailable'] } },
	},
]);

/** The reason as an outStateId: an ID or a code's name, checked against the team's codes when CXone lists them. */
function resolveReason(reason: string, codes: UnavailableCode[] | null, agentId: string, node: IExecuteFunctions, itemIndex: number): string {
	if (codes === null || codes.length === 0) return reason;
	const wanted = reason.toLowerCase();
	const code = codes.find((candidate) => candidate.outStateId === reason) ?? codes.find((candidate) => candidate.name.toLowerCase() === wanted);
	if (code) return code.outStateId;
	const listed = codes.map((candidate) => `${candidate.name} (${candidate.outStateId})`).join(', ');
	throw new NodeOperationError(node.getNode(), `"${reason}" is not one of the unavailable codes of agent ${agentId}'s team`, {
		description: `Choose one of: ${listed}. Codes are assigned to teams in CXone Admin > Unavailable Codes.`,
		itemIndex,
	});
}

/** The State as one of the two options. An expression's value is not checked against them by n8n, and anything
 * read as "not available" would make a live agent Unavailable. CXone's own spelling (Available) is accepted. */
function readRequestedState(context: IExecuteFunctions, itemIndex: number): 'available' | 'unavailable' {
	const value = context.getNodeParameter('state', itemIndex);
	const state = typeof value === 'string' ? value.trim().toLowerCase() : '';
	if (state === 'available' || state === 'unavailable') return state;
	throw new NodeOperationError(context.getNode(), `State must be "available" or "unavailable", not ${JSON.stringify(value ?? '').slice(0, 60)}`, {
		description: 'Choose Available or Unavailable. An expression must give "available" or "unavailable" (any case, e.g. CXone\'s "Available"); nothing was changed.',
		itemIndex,
	});
}

export async function execute(this: IExecuteFunctions, session: CxoneSession, itemIndex: number): Promise<IDataObject[]> {
	requireRealTenant(session, 'Set State', 'change agent states', itemIndex);
	const agentId = readAgentId(this, itemIndex);
	const requestedState = readRequestedState(this, itemIndex);
	const rawReason = requestedState === 'unavailable' ? this.getNodeParameter('reason', itemIndex, '') : '';
	const reasonText = typeof rawReason === 'number' ? String(rawReason) : typeof rawReason === 'string' ? rawReason.trim() : '';

	// Read first: an unknown agent or one without a session gets a clear error before anything changes.
	const before = await readAgentState(session, agentId, itemIndex);
	if (before.state === 'LOGGED_OUT') {
		throw new NodeOperationError(this.getNode(), `Agent ${agentId} has no active session, so CXone cannot set the state`, {
			description: 'The agent must be logged in to the agent application (CXone MAX or Agent) first. Use an IF step on the trigger\'s state to skip logged-out agents.',
			itemIndex,
		});
	}
	let reason: string | null = null;
	if (reasonText) {
		let codes: UnavailableCode[] | null = null;
		try {
			codes = await fetchUnavailableCodes(session, before.teamId, { itemIndex });
		} catch {
			// Not allowed to list codes (or no such list on this version): let CXone judge the reason.
		}
		reason = resolveReason(reasonText, codes, agentId, this, itemIndex);
	}

	const outcome = await setAgentState(session, agentId, requestedState === 'available' ? 'Available' : 'Unavailable', reason, { itemIndex });
	if (outcome.confirmedBy === 'readBack') {
		return [{ agentId, requestedState, reason, accepted: true, confirmedBy: 'readBack', state: outcome.agent as unknown as IDataObject }];
	}

	let state: IDataObject | null = null;
	try {
		state = (await readAgentState(session, agentId, itemIndex)) as unknown as IDataObject;
	} catch {
		// The change was accepted; a failed read-back does not undo it.
	}
	return [{ agentId, requestedState, reason, accepted: true, state }];
}
