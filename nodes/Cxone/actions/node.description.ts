/** The action node's parameters, assembled from the resource modules: resource, operation dropdowns, each operation's own. */
import type { INodeProperties } from 'n8n-workflow';

import { agent } from './agent/Agent.resource';
import { agentState } from './agentState/AgentState.resource';
import { contact } from './contact/Contact.resource';
import { operationDropdown } from './resource';
import { skill } from './skill/Skill.resource';

/** Each resource module; actions/node.type.ts reads the resource/operation union off this list. */
export const resources = [agent, agentState, contact, skill];

/** The subtitle under the node: the chosen operation's name. */
const labels = Object.fromEntries(resources.flatMap((resource) => Object.entries(resource.operations).map(([value, entry]) => [value, entry.name])));
export const subtitle = `={{ ${JSON.stringify(labels)}[$parameter["operation"]] }}`;

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map(({ key, label }) => ({ name: label, value: key })),
		default: 'agentState',
	},
	...resources.map(operationDropdown),
	...resources.flatMap((resource) => Object.values(resource.operations).flatMap((entry) => entry.module.description)),
];
