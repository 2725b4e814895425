/** Agent State → Get Ready: only the agents ready (Available) to take contacts. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { CxoneSession } from '../../transport';
import { agentListFields } from '../common.descriptions';
import { agentStateOptions } from './options';
import { queryAgentStates } from './query';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['agentState'], operation: ['getReady'] } }, [
	...agentListFields,
	agentStateOptions({ stateFilter: false }),
]);

export async function execute(this: IExecuteFunctions, session: CxoneSession, itemIndex: number): Promise<IDataObject[]> {
	return await queryAgentStates.call(this, session, itemIndex, { readyOnly: true });
}
