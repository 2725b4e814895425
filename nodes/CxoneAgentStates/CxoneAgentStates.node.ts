import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as filterBySite from './actions/agentState/filterBySite.operation';
import * as getAll from './actions/agentState/getAll.operation';
import * as getHistory from './actions/agentState/getHistory.operation';
import * as getReady from './actions/agentState/getReady.operation';
import { router } from './actions/router';
import * as getActivity from './actions/skill/getActivity.operation';
import { CREDENTIAL_TYPE } from './helpers/constants';

export class CxoneAgentStates implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CXone Agent States',
		name: 'cxoneAgentStates',
		icon: { light: 'file:cxone.svg', dark: 'file:cxone.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{ { getAll: "Get Many", getReady: "Get Ready", filterBySite: "Filter by Site" }[$parameter["operation"]] }}',
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
				options: [
					{ name: 'Agent State', value: 'agentState' },
					{ name: 'Skill', value: 'skill' },
				],
				default: 'agentState',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['agentState'] } },
				options: [
					// n8n's wording for "Get All" (its review scanner ignores lint exceptions); the value stays 'getAll',
					// so saved workflows and the tutorial's name for it keep working.
					{
						name: 'Get Many',
						value: 'getAll',
						description: 'Get the state of every agent CXone lists',
						action: 'Get many agent states',
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
					{
						name: 'Get History',
						value: 'getHistory',
						description: 'Get each agent\'s state changes in a period, or time per state and occupancy (real tenants)',
						action: 'Get agent state history',
					},
				],
				default: 'getAll',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['skill'] } },
				options: [
					{
						name: 'Get Activity',
						value: 'getActivity',
						description: 'Get each skill\'s queue and agents right now (real tenants)',
						action: 'Get skill activity',
					},
				],
				default: 'getActivity',
			},
			...getAll.description,
			...getReady.description,
			...filterBySite.description,
			...getHistory.description,
			...getActivity.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
