/** The query behind Get Many, Get Ready and Filter by Site: fetch, normalize, locate, filter, summarize, explain. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { EMPTY_RESULT_HINT, emptyAfterFilters } from '../../helpers/emptyResult';
import { agentMatcher, filterAgents, type AgentFilter } from '../../helpers/filters';
import { canonicalState, forEachAgentState, normalizeAgentStates, type NormalizedAgentState } from '../../helpers/normalize';
import { AgentStatesSummarizer } from '../../helpers/summary';
import type { CxoneSession } from '../../transport';
import { attachAgentLocations, fetchAgentStatesOfSites, PAGE_CAP_WARNING } from '../../transport/agentStates';
import { listParameter, readOptions, requestCallFromOptions } from './options';

export interface AgentStatesQuery {
	readyOnly?: boolean;
	/** Site IDs or names to keep. */
	sites?: string[];
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
	const fetched = await fetchAgentStatesOfSites(session, sites, call);
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
	if (session.flavour === 'realTenant' && (sites.length > 0 || options.includeSite === true)) {
		({ agents: selected, skipped } = normalizeAgentStates(fetched.records, nowMs, includeRaw));
		await attachAgentLocations(session, selected, call);
		unfiltered = selected;
		selected = filterAgents(selected, filter);
		if (summarizer) for (const agent of selected) summarizer.add(agent);
	} else {
		// Filter (and summarize) agents as they are made, rather than build the whole list first.
		const matches = agentMatcher(filter);
		if (summarizer) {
			selected = [];
			skipped = forEachAgentState(fetched.records, nowMs, includeRaw, (agent) => summarizer.add(agent, !matches || matches(agent)));
		} else {
			({ agents: selected, skipped } = normalizeAgentStates(fetched.records, nowMs, includeRaw, matches));
		}
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
