/** Agent State → Get Many: every agent's state, with the shared options. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { CxoneSession } from '../../transport';
import { agentListFields } from '../common.descriptions';
import { agentStateOptions } from './options';
import { queryAgentStates } from './query';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['agentState'], operation: ['getAll'] } }, [
	...agentListFields,
	agentStateOptions({ stateFilter: true }),
]);

export async function execute(this: IExecuteFunctions, session: CxoneSession, itemIndex: number): Promise<IDataObject[]> {
	return await queryAgentStates.call(this, session, itemIndex, {});
}
