/** The Options collection of Get Many, Get Ready and Filter by Site, and reading it back checked against its limits. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_MAX_RESPONSE_MB } from '../../../../credentials/cxone/http/retry';
import { ListParameterError, parseList } from '../../helpers/filters';
import { AGENT_STATE_OPTIONS } from '../../helpers/states';
import type { RequestCall } from '../../transport';

/** The options every operation has for its requests (see requestBoundOptions). */
export interface RequestBounds {
	maxRetryWaitSeconds?: unknown;
	timeoutSeconds?: unknown;
	maxResponseSizeMb?: unknown;
}

export interface AgentStateOptions {
	output?: 'agents' | 'summary';
	states?: string[];
	teams?: string;
	teamList?: string[];
	includeRaw?: boolean;
	includeSite?: boolean;
	maxRetryWaitSeconds?: number;
	timeoutSeconds?: number;
	maxResponseSizeMb?: number;
}

/** The editor's limits of the numeric options, enforced again at run time: an expression or imported JSON skips the editor. */
const LIMITS = {
	maxRetryWaitSeconds: { displayName: 'Max Retry Wait (Seconds)', min: 0, max: 300 },
	timeoutSeconds: { displayName: 'Timeout (Seconds)', min: 1, max: 300 },
	maxResponseSizeMb: { displayName: 'Max Response Size (MB)', min: 1, max: 500 },
} as const;

/** Max Retry Wait, Timeout and Max Response Size: every operation's bounds on its requests to CXone. */
const requestBoundOptions: INodeProperties[] = [
	{
		displayName: 'Max Retry Wait (Seconds)',
		name: 'maxRetryWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 300 },
		default: 30,
		description: 'How long the node may wait in total when CXone is throttling (429/503) or failing (5xx) before it stops with an error. 0 turns retries off.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 300 },
		default: 30,
		description: 'How long each request to CXone may take in all (connecting, waiting and reading the answer) before the node gives up on it (a timed-out request counts as a failure and may be retried)',
	},
	{
		displayName: 'Max Response Size (MB)',
		name: 'maxResponseSizeMb',
		type: 'number',
		typeOptions: { minValue: LIMITS.maxResponseSizeMb.min, maxValue: LIMITS.maxResponseSizeMb.max },
		default: DEFAULT_MAX_RESPONSE_MB,
		description: 'The largest answer (after decompression) the node reads from CXone. 100,000 agents in one answer are about 45 MB.',
	},
];

/** An operation's own options beside the request bounds, in alphabetical order (n8n's UX guideline). */
export function withRequestBounds(options: INodeProperties[]): INodeProperties[] {
	return [...requestBoundOptions, ...options].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export function optionsCollection(operation: string, { stateFilter }: { stateFilter: boolean }): INodeProperties {
	const options: INodeProperties[] = [
		{
			displayName: 'Include Raw Record',
			name: 'includeRaw',
			type: 'boolean',
			default: false,
			description: 'Whether to add the record exactly as CXone sent it under "raw"',
		},
		{
			displayName: 'Include Site (Real Tenants)',
			name: 'includeSite',
			type: 'boolean',
			default: false,
			description:
				'Whether to fill siteName from each agent\'s Location (and siteId where GET /locations lists it). Only for the Access Key sign-in, where it costs a request to the agents list; the tutorial API always sends siteId.',
		},
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			options: [
				{ name: 'One Item per Agent', value: 'agents', description: 'For steps that act on each agent' },
				{
					name: 'One Summary Item',
					value: 'summary',
					description:
						'Counts by state, site and team plus ready agent IDs: for one email or message per run. Total, site and team counts are of logged-in agents in both sign-in methods.',
				},
			],
			default: 'agents',
		},
		{
			displayName: 'Teams',
			name: 'teams',
			type: 'string',
			default: '',
			placeholder: 'e.g. 12, Support',
			description: 'Only agents in these teams: team IDs or names, comma-separated, case-insensitive',
		},
		// A second, list-based field rather than changing Teams' type: saved workflows keep their typed string.
		{
			displayName: 'Teams From List Names or IDs',
			name: 'teamList',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getTeams' },
			default: [],
			description: 'Only agents in these teams, picked from CXone\'s list (adds to Teams). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	];
	if (stateFilter) {
		options.push({
			displayName: 'States',
			name: 'states',
			type: 'multiOptions',
			options: AGENT_STATE_OPTIONS.map((option) => ({ ...option })),
			default: [],
			description: 'Only agents in these states (leave empty for all)',
		});
	}
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['agentState'], operation: [operation] } },
		options: withRequestBounds(options),
	};
}

/** A list parameter read with parseList; what it cannot read becomes a parameter error naming the field. */
export function listParameter(context: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string[] {
	try {
		return parseList(value, field);
	} catch (error) {
		const description = error instanceof ListParameterError ? error.description : undefined;
		throw new NodeOperationError(context.getNode(), error as Error, { description, itemIndex });
	}
}

export function readOptions(context: IExecuteFunctions, itemIndex: number): AgentStateOptions {
	return context.getNodeParameter('options', itemIndex, {}) as AgentStateOptions;
}

function limitedNumber(context: IExecuteFunctions, options: RequestBounds, name: keyof typeof LIMITS, itemIndex: number): number | undefined {
	const value: unknown = options[name];
	if (value === undefined || value === null || value === '') return undefined;
	const { displayName, min, max } = LIMITS[name];
	const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
	if (!Number.isFinite(number) || number < min || number > max) {
		const shown = typeof value === 'number' || typeof value === 'string' ? JSON.stringify(value).slice(0, 40) : `a ${typeof value}`;
		throw new NodeOperationError(context.getNode(), `${displayName} must be a number from ${min} to ${max}, not ${shown}`, {
			itemIndex,
			description: `Set ${displayName} in the node's options to a number from ${min} to ${max} (check the expression if it comes from one).`,
		});
	}
	return number;
}

/** The per-request bounds from the node's options, checked against their ranges. */
export function requestCallFromOptions(context: IExecuteFunctions, options: RequestBounds, itemIndex: number): RequestCall {
	const maxRetryWaitSeconds = limitedNumber(context, options, 'maxRetryWaitSeconds', itemIndex);
	const timeoutSeconds = limitedNumber(context, options, 'timeoutSeconds', itemIndex);
	const maxResponseSizeMb = limitedNumber(context, options, 'maxResponseSizeMb', itemIndex);
	return {
		itemIndex,
		maxTotalWaitMs: maxRetryWaitSeconds === undefined ? undefined : Math.round(maxRetryWaitSeconds * 1000),
		timeoutMs: timeoutSeconds === undefined ? undefined : Math.round(timeoutSeconds * 1000),
		maxBodyBytes: maxResponseSizeMb === undefined ? undefined : Math.round(maxResponseSizeMb * 1024 * 1024),
	};
}
