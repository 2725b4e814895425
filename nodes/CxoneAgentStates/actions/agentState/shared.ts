/** What Get Many, Get Ready and Filter by Site share: the options collection and the fetch → shape pipeline. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CANONICAL_STATES, EMPTY_RESULT_HINT } from '../../helpers/constants';
import { agentMatcher, filterAgents, parseList, type AgentFilter } from '../../helpers/filters';
import { normalizeAgentStates, type NormalizedAgentState } from '../../helpers/normalize';
import { AgentStatesSummarizer } from '../../helpers/summary';
import { attachAgentLocations, fetchAgentStates } from '../../transport/agentStates';
import type { CxoneSession, RequestCall } from '../../transport';

export interface AgentStateOptions {
	output?: 'agents' | 'summary';
	states?: string[];
	teams?: string;
	teamList?: string[];
	includeRaw?: boolean;
	includeSite?: boolean;
	maxRetryWaitSeconds?: number;
	timeoutSeconds?: number;
}

const stateOptions = CANONICAL_STATES.map((state) => ({
	name: state
		.split('_')
		.map((word) => word[0] + word.slice(1).toLowerCase())
		.join(' '),
	value: state,
}));

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
				'Whether to fill siteId and siteName from each agent\'s Location. Only for the Access Key sign-in, where it costs one extra request to the agents list; the tutorial API always sends siteId.',
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
			description: 'How long to wait for each answer from CXone before giving up on it (a timed-out request counts as a failure and may be retried)',
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
					description: 'Counts by state, site and team plus ready agent IDs: for one email or message per run',
				},
			],
			default: 'agents',
		},
		{
			displayName: 'Teams',
			name: 'teams',
			type: 'string',
			default: '',
			placeholder: '12, Support',
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
			options: stateOptions,
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
		options,
	};
}

export interface AgentStatesQuery {
	readyOnly?: boolean;
	/** Site IDs or names to keep. */
	sites?: string[];
}

export function readOptions(context: IExecuteFunctions, itemIndex: number): AgentStateOptions {
	return context.getNodeParameter('options', itemIndex, {}) as AgentStateOptions;
}

export async function queryAgentStates(
	this: IExecuteFunctions,
	session: CxoneSession,
	itemIndex: number,
	query: AgentStatesQuery,
): Promise<IDataObject[]> {
	const options = readOptions(this, itemIndex);
	const sites = query.sites ?? [];
	const call: RequestCall = {
		itemIndex,
		maxTotalWaitMs: options.maxRetryWaitSeconds === undefined ? undefined : options.maxRetryWaitSeconds * 1000,
		timeoutMs: options.timeoutSeconds === undefined ? undefined : options.timeoutSeconds * 1000,
	};
	// The tutorial API filters one site server-side; several sites are filtered here only.
	const serverSite = session.mode === 'clientCredentials' && sites.length === 1 ? sites[0] : undefined;
	let fetched = await fetchAgentStates(session, { ...call, siteId: serverSite });
	// It matches siteId exactly, where the node matches IDs and names in any case: nothing back for "SITE-1"
	// can still mean agents at "site-1", so ask once more without the server-side filter.
	if (serverSite !== undefined && fetched.records.length === 0) fetched = await fetchAgentStates(session, call);
	const filter: AgentFilter = {
		states: query.readyOnly ? ['READY'] : options.states,
		teams: [...parseList(options.teams), ...parseList(options.teamList)],
		sites,
	};
	const nowMs = Date.now();
	const includeRaw = options.includeRaw === true;
	const summarizer = options.output === 'summary' ? new AgentStatesSummarizer(new Date(nowMs)) : null;
	let selected: NormalizedAgentState[];
	let skipped: number;

	// Real tenants' state feed has no site: it comes from the agents list, so sites are matched after that.
	if (session.mode === 'accessKey' && (sites.length > 0 || options.includeSite === true)) {
		({ agents: selected, skipped } = normalizeAgentStates(fetched.records, nowMs, includeRaw));
		await attachAgentLocations(session, selected, call);
		selected = filterAgents(selected, filter);
		if (summarizer) for (const agent of selected) summarizer.add(agent);
	} else {
		// Filter (and summarize) agents as they are made, rather than build the whole list first.
		const matches = agentMatcher(filter);
		const keep = summarizer
			? (agent: NormalizedAgentState) => {
					if (!matches || matches(agent)) summarizer.add(agent);
					return false;
				}
			: matches;
		({ agents: selected, skipped } = normalizeAgentStates(fetched.records, nowMs, includeRaw, keep));
	}

	if (skipped > 0) {
		this.addExecutionHints({
			message: `${skipped} record(s) from CXone named no agent ID and were skipped. Turn on "Include Raw Record" to inspect what CXone sends.`,
			location: 'outputPane',
		});
	}
	const selectedCount = summarizer ? summarizer.result.total : selected.length;
	if (selectedCount === 0) this.addExecutionHints({ message: EMPTY_RESULT_HINT, location: 'outputPane' });

	return summarizer ? [summarizer.result as unknown as IDataObject] : (selected as unknown as IDataObject[]);
}
