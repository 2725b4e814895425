/** What Get Many, Get Ready and Filter by Site share: the options collection and the fetch → shape pipeline. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { EMPTY_RESULT_HINT } from '../../helpers/constants';
import { AGENT_STATE_OPTIONS } from '../../helpers/states';
import { agentMatcher, filterAgents, ListParameterError, parseList, type AgentFilter } from '../../helpers/filters';
import { canonicalState, normalizeAgentStates, type NormalizedAgentState } from '../../helpers/normalize';
import { AgentStatesSummarizer } from '../../helpers/summary';
import { attachAgentLocations, fetchAgentStates, PAGE_CAP_WARNING } from '../../transport/agentStates';
import { DEFAULT_MAX_RESPONSE_MB, type CxoneSession, type RequestCall } from '../../transport';

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
		// n8n's UX guideline: a collection's options in alphabetical order.
		options: options.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

export interface AgentStatesQuery {
	readyOnly?: boolean;
	/** Site IDs or names to keep. */
	sites?: string[];
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

function limitedNumber(context: IExecuteFunctions, options: AgentStateOptions, name: keyof typeof LIMITS, itemIndex: number): number | undefined {
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
export function requestCallFromOptions(context: IExecuteFunctions, options: AgentStateOptions, itemIndex: number): RequestCall {
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

export async function queryAgentStates(
	this: IExecuteFunctions,
	session: CxoneSession,
	itemIndex: number,
	query: AgentStatesQuery,
): Promise<IDataObject[]> {
	const options = readOptions(this, itemIndex);
	const sites = query.sites ?? [];
	const call = requestCallFromOptions(this, options, itemIndex);
	// The tutorial API filters one site server-side; several sites are filtered here only.
	const serverSite = session.mode === 'clientCredentials' && sites.length === 1 ? sites[0] : undefined;
	let fetched = await fetchAgentStates(session, { ...call, siteId: serverSite });
	// It matches siteId exactly, where the node matches IDs and names in any case: nothing back for "SITE-1"
	// can still mean agents at "site-1", so ask once more without the server-side filter.
	if (serverSite !== undefined && fetched.records.length === 0) fetched = await fetchAgentStates(session, call);
	const filter: AgentFilter = {
		// Any case and CXone's own names: "ready" and "Available" both mean READY.
		states: query.readyOnly ? ['READY'] : listParameter(this, options.states, 'States', itemIndex).map(canonicalState),
		teams: [...listParameter(this, options.teams, 'Teams', itemIndex), ...listParameter(this, options.teamList, 'Teams From List', itemIndex)],
		sites,
	};
	const nowMs = Date.now();
	const includeRaw = options.includeRaw === true;
	const summarizer = options.output === 'summary' ? new AgentStatesSummarizer(new Date(nowMs)) : null;
	let selected: NormalizedAgentState[];
	let skipped: number;
	/** Every agent before the filters, kept only where it already exists (to explain an empty result). */
	let unfiltered: NormalizedAgentState[] | undefined;

	// Real tenants' state feed has no site: it comes from the agents list, so sites are matched after that.
	if (session.mode === 'accessKey' && (sites.length > 0 || options.includeSite === true)) {
		({ agents: selected, skipped } = normalizeAgentStates(fetched.records, nowMs, includeRaw));
		await attachAgentLocations(session, selected, call);
		unfiltered = selected;
		selected = filterAgents(selected, filter);
		if (summarizer) for (const agent of selected) summarizer.add(agent);
	} else {
		// Filter (and summarize) agents as they are made, rather than build the whole list first.
		const matches = agentMatcher(filter);
		const keep = summarizer
			? (agent: NormalizedAgentState) => {
					summarizer.add(agent, !matches || matches(agent));
					return false;
				}
			: matches;
		({ agents: selected, skipped } = normalizeAgentStates(fetched.records, nowMs, includeRaw, keep));
	}

	if (fetched.cut) this.addExecutionHints({ message: PAGE_CAP_WARNING, type: 'warning', location: 'outputPane' });
	if (skipped > 0) {
		this.addExecutionHints({
			message: `${skipped} record(s) from CXone named no agent ID and were skipped. Turn on "Include Raw Record" to inspect what CXone sends.`,
			location: 'outputPane',
		});
	}
	const selectedCount = summarizer ? summarizer.listed : selected.length;
	if (selectedCount === 0) {
		// Only on an empty result: normalize again rather than keep every agent on the streaming path.
		const before = unfiltered ?? (fetched.records.length ? normalizeAgentStates(fetched.records, nowMs).agents : []);
		const message = before.length ? emptyAfterFilters(before, filter, query.readyOnly === true) : EMPTY_RESULT_HINT;
		this.addExecutionHints({ message, location: 'outputPane' });
	}

	return summarizer ? [summarizer.result as unknown as IDataObject] : (selected as unknown as IDataObject[]);
}

/**
 * The hint when CXone returned agents and the node's filters removed them all: names the filter (applied in
 * the order Site IDs, Teams, States) after which nobody was left.
 */
export function emptyAfterFilters(agents: NormalizedAgentState[], filter: AgentFilter, readyOnly: boolean): string {
	const steps: Array<{ label: string; filter: AgentFilter; values: string[] }> = [
		{ label: 'Site IDs', filter: { sites: filter.sites }, values: filter.sites ?? [] },
		{ label: 'Teams', filter: { teams: filter.teams }, values: filter.teams ?? [] },
		{
			label: readyOnly ? 'Get Ready (READY only)' : 'States',
			filter: { states: filter.states },
			values: readyOnly ? [] : (filter.states ?? []),
		},
	];
	const returned = `CXone returned ${agents.length} agent${agents.length === 1 ? '' : 's'}`;
	let left = agents;
	let previous: string | undefined;
	for (const step of steps) {
		if (!(step.filter.sites ?? step.filter.teams ?? step.filter.states)?.length) continue;
		const kept = filterAgents(left, step.filter);
		const shown = step.values.length ? ` (${step.values.join(', ')})` : '';
		if (kept.length === 0) {
			const of = previous ? ` of the ${left.length} left after the ${previous} filter` : '';
			return `${returned}; the ${step.label} filter${shown} matched none${of}. Compare it with the agents' ${step.label === 'Site IDs' ? 'siteId and siteName' : step.label === 'Teams' ? 'teamId and teamName' : 'state'} in a run without it.`;
		}
		left = kept;
		previous = step.label;
	}
	return `${returned}; the filters together matched none. Compare them with the agents in a run without filters.`;
}
