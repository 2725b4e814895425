/** The fields several operations share, each defined once; an operation's `description` lists the ones it shows. */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_RESPONSE_MB } from '../../../credentials/cxone/http/retry';
import { MAX_HISTORY_DAYS } from '../helpers/history';
import { AGENT_STATE_OPTIONS } from '../helpers/states';

/** The agent an operation acts on: picked from a list, typed, or from an earlier step's item. */
export function agentLocator({ required, description }: { required: boolean; description: string }): INodeProperties {
	return {
		displayName: 'Agent',
		name: 'agentId',
		type: 'resourceLocator',
		...(required ? { required: true } : {}),
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an agent...',
				typeOptions: { searchListMethod: 'searchAgents', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 1001',
				hint: 'Real tenants: the numeric agent ID (CXone Admin > Employees). Tutorial API: the agentId of the states list, e.g. a1001.',
			},
		],
	};
}

/** Start and End of the reporting operations (Get History, Get Performance); actions/parameters.ts readPeriod reads them. */
export const periodFields: INodeProperties[] = [
	{
		displayName: 'Start',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Start of the period (a time without a zone is in the workflow\'s timezone). Yesterday: <code>{{ $today.minus({ days: 1 }) }}</code>.',
	},
	{
		displayName: 'End',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: `End of the period, at most ${MAX_HISTORY_DAYS} days after the start. Yesterday: <code>{{ $today }}</code>.`,
	},
];

/** Get, Set State and Log Out: the one agent they read or change. */
export const actedOnAgent = agentLocator({
	required: true,
	description: 'The agent to act on. An expression with the agentId of an earlier step\'s item (for example the trigger\'s) acts on the agent that step found.',
});

/**
 * The editor's limits of the request options. The run checks them again (actions/parameters.ts): an expression
 * or imported JSON skips the editor.
 */
export const REQUEST_LIMITS = {
	maxRetryWaitSeconds: { displayName: 'Max Retry Wait (Seconds)', min: 0, max: 300 },
	timeoutSeconds: { displayName: 'Timeout (Seconds)', min: 1, max: 300 },
	maxResponseSizeMb: { displayName: 'Max Response Size (MB)', min: 1, max: 500 },
} as const;

function requestBound(name: keyof typeof REQUEST_LIMITS, defaultValue: number, description: string): INodeProperties {
	const { displayName, min, max } = REQUEST_LIMITS[name];
	return { displayName, name, type: 'number', typeOptions: { minValue: min, maxValue: max }, default: defaultValue, description };
}

/** Max Retry Wait, Timeout and Max Response Size: every operation's bounds on its requests to CXone. */
const requestBoundOptions: INodeProperties[] = [
	requestBound(
		'maxRetryWaitSeconds',
		30,
		'How long the node may wait in total when CXone is throttling (429/503) or failing (5xx) before it stops with an error. 0 turns retries off.',
	),
	requestBound(
		'timeoutSeconds',
		30,
		'How long each request to CXone may take in all (connecting, waiting and reading the answer) before the node gives up on it (a timed-out request counts as a failure and may be retried)',
	),
	requestBound(
		'maxResponseSizeMb',
		DEFAULT_MAX_RESPONSE_MB,
		'The largest answer (after decompression) the node reads from CXone. 100,000 agents in one answer are about 45 MB.',
	),
];

/** An operation's Options collection: its own options beside the request bounds, in alphabetical order (n8n's UX guideline). */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...requestBoundOptions, ...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** The canonical states (helpers/states.ts), as Get Many, Get History and the trigger offer them. */
export function statesOption(description: string): INodeProperties {
	return {
		displayName: 'States',
		name: 'states',
		type: 'multiOptions',
		options: AGENT_STATE_OPTIONS.map((option) => ({ ...option })),
		default: [],
		description,
	};
}

/** Typed team IDs, and names where what is filtered names its teams (CXone's state history does not). */
export function teamsOption(matches: 'idsOrNames' | 'ids'): INodeProperties {
	const byName = matches === 'idsOrNames';
	return {
		displayName: 'Teams',
		name: 'teams',
		type: 'string',
		default: '',
		placeholder: byName ? 'e.g. 12, Support' : 'e.g. 12, 14',
		description: byName
			? 'Only agents in these teams: team IDs or names, comma-separated, case-insensitive'
			: 'Only agents in these teams: team IDs, comma-separated (CXone\'s history names no team)',
	};
}

/** Beside Teams rather than replacing it (a list-based field): saved workflows keep their typed string. */
export const teamListOption: INodeProperties = {
	displayName: 'Teams From List Names or IDs',
	name: 'teamList',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getTeams' },
	default: [],
	description: 'Only agents in these teams, picked from CXone\'s list (adds to Teams). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** From version 2: list operations fetch everything, then hand over at most Limit agents (n8n's Return All / Limit). */
const fromVersion2 = { '@version': [2] };

/** n8n's Return All / Limit pair, shown when `show` holds: Return All off and Limit 50 by default. */
export function returnAllAndLimit(show: IDisplayOptions['show'], limitHint?: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			...(limitHint ? { hint: limitHint } : {}),
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

/** Return All, Limit and Simplify of Get Many, Get Ready and Filter by Site (version 1 returns all, every field). */
export const agentListFields: INodeProperties[] = [
	...returnAllAndLimit(fromVersion2, 'Applies to one item per agent; a summary always counts every agent'),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		hint: 'On: agentId, names, state, subState, isReady, teamName, siteName, stateSince, stateDurationSeconds',
		displayOptions: { show: fromVersion2 },
	},
];
