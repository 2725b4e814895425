/** The trigger's parameters: what to watch (Trigger On, States, Minutes) and which agents (Filters). */
import type { INodeProperties } from 'n8n-workflow';

import { AGENT_STATE_OPTIONS } from '../helpers/states';

/** The same list as the node's States option: saved values READY, NOT_READY, ON_CONTACT, LOGGED_OUT keep working. */
const stateOptions = AGENT_STATE_OPTIONS.map((option) => ({ ...option }));

export const subtitle = '={{ { anyChange: "Any state change", entered: "Entered state", left: "Left state", inStateFor: "In state for " + $parameter["minutes"] + " min" }[$parameter["event"]] }}';

export const properties: INodeProperties[] = [
		{
			displayName: 'Trigger On',
			name: 'event',
			type: 'options',
			options: [
				{
					name: 'Any State Change',
					value: 'anyChange',
					description: 'An agent moved from one state to another',
					action: 'On any agent state change',
				},
				{
					name: 'Entered State',
					value: 'entered',
					description: 'An agent entered one of the chosen states',
					action: 'On agent entered state',
				},
				{
					name: 'Has Been in State For',
					value: 'inStateFor',
					description: 'An agent has stayed in one of the chosen states for at least N minutes (fires once per stay)',
					action: 'On agent in state for N minutes',
				},
				{
					name: 'Left State',
					value: 'left',
					description: 'An agent left one of the chosen states',
					action: 'On agent left state',
				},
			],
			default: 'anyChange',
		},
		{
			displayName: 'States',
			name: 'states',
			type: 'multiOptions',
			options: stateOptions,
			default: [],
			description: 'The states to watch; leave empty for every state',
			displayOptions: { show: { event: ['entered', 'left', 'inStateFor'] } },
		},
		{
			displayName: 'Minutes',
			name: 'minutes',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 15,
			description: 'How long an agent must have been in the state',
			displayOptions: { show: { event: ['inStateFor'] } },
		},
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Site IDs',
					name: 'siteIds',
					type: 'string',
					default: '',
					placeholder: 'e.g. site-1, Manila',
					description: 'Only agents of these sites (IDs or names, comma-separated). Real tenants: matched against each agent\'s Location name (IDs only where GET /locations lists them), which costs a request to the agents list per poll.',
				},
				// List-based fields beside the typed ones, so saved workflows keep their strings.
				{
					displayName: 'Sites From List Names or IDs',
					name: 'siteList',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getLocations' },
					default: [],
					description: 'Only agents of these sites, picked from CXone\'s list (adds to Site IDs). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Teams',
					name: 'teams',
					type: 'string',
					default: '',
					placeholder: 'e.g. 12, Support',
					description: 'Only agents of these teams (IDs or names, comma-separated)',
				},
				{
					displayName: 'Teams From List Names or IDs',
					name: 'teamList',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getTeams' },
					default: [],
					description: 'Only agents of these teams, picked from CXone\'s list (adds to Teams). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
			],
		},
	];
