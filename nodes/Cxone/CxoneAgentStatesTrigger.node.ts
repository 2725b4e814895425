/** CXone Agent States Trigger: the polling trigger's description; poll() is trigger/poll.ts. */
import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../credentials/cxone/constants';
import { getLocations, getTeams } from './methods';
import { poll } from './trigger/poll';
import { properties, subtitle } from './trigger/trigger.description';

export class CxoneAgentStatesTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CXone Agent States Trigger',
		name: 'cxoneAgentStatesTrigger',
		icon: { light: 'file:cxone.svg', dark: 'file:cxone.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle,
		description: 'Starts the workflow when a NICE CXone agent\'s state changes',
		defaults: { name: 'CXone Agent States Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties,
	};

	methods = { loadOptions: { getLocations, getTeams } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await poll.call(this);
	}
}
