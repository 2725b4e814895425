import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as filterBySite from './actions/agentState/filterBySite.operation';
import * as getAll from './actions/agentState/getAll.operation';
import * as getReady from './actions/agentState/getReady.operation';
import { router } from './actions/router';
import { CREDENTIAL_TYPE } from './helpers/constants';

export class CxoneAgentStates implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CXone Agent States',
		name: 'cxoneAgentStates',
		icon: { light: 'file:cxone.svg', dark: 'file:cxone.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{ { getAll: "Get All", getReady: "Get Ready", filterBySite: "Filter by Site" }[$parameter["operation"]] }}',
		description: 'Read NICE CXone agent states: who is ready, not ready, on a contact or logged out',
		defaults: { name: 'CXone Agent States' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Agent State', value: 'agentState' }],
				default: 'agentState',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['agentState'] } },
				options: [
					// The product calls this operation "Get All", as NICE's tutorial does; n8n's newer "Get Many" wording
					// would rename what users already know. Saved workflows use the value, which is the same either way.
					{
						// eslint-disable-next-line n8n-nodes-base/node-param-option-name-wrong-for-get-many
						name: 'Get All',
						value: 'getAll',
						description: 'Get the state of every agent CXone lists',
						// eslint-disable-next-line n8n-nodes-base/node-param-operation-option-action-wrong-for-get-many
						action: 'Get all agent states',
					},
					{
						name: 'Get Ready',
						value: 'getReady',
						description: 'Get only the agents who are ready (Available) to take contacts',
						action: 'Get ready agents',
					},
					{
						name: 'Filter by Site',
						value: 'filterBySite',
						description: 'Get the agents of one or more sites',
						action: 'Get agent states filtered by site',
					},
				],
				default: 'getAll',
			},
			...getAll.description,
			...getReady.description,
			...filterBySite.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
