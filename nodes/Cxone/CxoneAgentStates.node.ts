/** CXone Agent States: the action node, its description assembled in actions/, execute handed to the router. */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties, subtitle } from './actions/node.description';
import { router } from './actions/router';
import { CREDENTIAL_TYPE } from '../../credentials/cxone/constants';
import { getLocations, getTeams, getUnavailableCodes, searchAgents } from './methods';

export class CxoneAgentStates implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CXone Agent States',
		name: 'cxoneAgentStates',
		icon: { light: 'file:cxone.svg', dark: 'file:cxone.dark.svg' },
		group: ['input'],
		// 2: Get Many, Get Ready and Filter by Site gain Return All / Limit and Simplify; 1 keeps every agent, every field.
		version: [1, 2],
		defaultVersion: 2,
		subtitle,
		description: 'Read NICE CXone agent states: who is ready, not ready, on a contact or logged out',
		defaults: { name: 'CXone Agent States' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties,
	};

	methods = {
		listSearch: { searchAgents },
		loadOptions: { getTeams, getLocations, getUnavailableCodes },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
