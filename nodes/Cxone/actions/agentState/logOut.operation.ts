/** Log Out: end a live agent's session (real tenants only). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { logOutAgent } from '../../transport/agentWrites';
import type { CxoneSession } from '../../transport';
import { actedOnAgent } from '../common.descriptions';
import { readAgentId } from '../parameters';
import { requireRealTenant } from '../realTenantOnly';
import { readAgentState } from './get.operation';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['agentState'], operation: ['logOut'] } }, [actedOnAgent]);

export async function execute(this: IExecuteFunctions, session: CxoneSession, itemIndex: number): Promise<IDataObject[]> {
	requireRealTenant(session, 'Log Out', 'log agents out', itemIndex);
	const agentId = readAgentId(this, itemIndex);
	try {
		const outcome = await logOutAgent(session, agentId, { itemIndex });
		if (outcome.confirmedBy === 'readBack') return [{ agentId, loggedOut: true, confirmedBy: 'readBack' }];
	} catch (caught) {
		if (!(caught instanceof NodeApiError)) throw new NodeOperationError(this.getNode(), caught as Error, { itemIndex });
		const error: NodeApiError = caught;
		// NICE documents only 202 (walterplaza/protractor forces-an-agent-session-to-end-v12.0.json); an agent that is
		// already logged out is not an error for a workflow, so a refusal is checked against the agent's state.
		if (!['400', '409'].includes(String(error.httpCode))) throw error;
		const state = await readAgentState(session, agentId, itemIndex);
		if (state.state !== 'LOGGED_OUT') throw error;
		return [state as unknown as IDataObject];
	}
	return [{ agentId, loggedOut: true }];
}
