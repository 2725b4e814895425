/** The query behind Get Many, Get Ready and Filter by Site: the shared read, then summarize and explain. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { EMPTY_RESULT_HINT, emptyAfterFilters } from '../../helpers/emptyResult';
import type { AgentFilter } from '../../helpers/filters';
import { canonicalState, normalizeAgentStates } from '../../helpers/normalize';
import { simplifyAgent } from '../../helpers/simplify';
import { AgentStatesSummarizer } from '../../helpers/summary';
import { readAgentStates } from '../../shared/readAgentStates';
import type { CxoneSession } from '../../transport';
import { PAGE_CAP_WARNING } from '../../transport/agentStates';
import { readLimit } from '../parameters';
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
	const filter: AgentFilter = {
		// Any case and CXone's own names: "ready" and "Available" both mean READY.
		states: query.readyOnly ? ['READY'] : listParameter(this, options.states, 'States', itemIndex).map(canonicalState),
		teams: [...listParameter(this, options.teams, 'Teams', itemIndex), ...listParameter(this, options.teamList, 'Teams From List', itemIndex)],
		sites: query.sites ?? [],
	};
	let summarizer: AgentStatesSummarizer | null = null;
	const read = await readAgentStates(session, {
		filter,
		call: requestCallFromOptions(this, options, itemIndex),
		includeRaw: options.includeRaw === true,
		includeSite: options.includeSite === true,
		narrowBySite: true,
		sink:
			options.output === 'summary'
				? (nowMs) => {
						const summary = new AgentStatesSummarizer(new Date(nowMs));
						summarizer = summary;
						return (agent, matches) => summary.add(agent, matches);
					}
				: undefined,
	});
	const { fetched, skipped, unfiltered } = read;

	if (fetched.cut) this.addExecutionHints({ message: PAGE_CAP_WARNING, type: 'warning', location: 'outputPane' });
	if (skipped > 0) {
		this.addExecutionHints({
			message: `${skipped} record(s) from CXone named no agent ID and were skipped. Turn on "Include Raw Record" to inspect what CXone sends.`,
			location: 'outputPane',
		});
	}
	const summary = summarizer as AgentStatesSummarizer | null;
	const selectedCount = summary ? summary.listed : read.agents.length;
	if (selectedCount === 0) {
		// Only on an empty result: normalize again rather than keep every agent on the streaming path.
		const before = unfiltered ?? (fetched.records.length ? normalizeAgentStates(fetched.records, read.nowMs).agents : []);
		const message = before.length ? emptyAfterFilters(before, filter, query.readyOnly === true) : EMPTY_RESULT_HINT;
		this.addExecutionHints({ message, location: 'outputPane' });
	}

	if (summary) return [summary.result as unknown as IDataObject];
	const { limit, simplify } = listShape(this, itemIndex);
	const agents = read.agents.length > limit ? read.agents.slice(0, limit) : read.agents;
	return (simplify ? agents.map(simplifyAgent) : agents) as unknown as IDataObject[];
}

/** Version 1 (saved before Return All and Simplify existed) returns every agent with every field. */
function listShape(context: IExecuteFunctions, itemIndex: number): { limit: number; simplify: boolean } {
	if (context.getNode().typeVersion < 2) return { limit: Number.POSITIVE_INFINITY, simplify: false };
	return { limit: readLimit(context, itemIndex, 'agents'), simplify: context.getNodeParameter('simplify', itemIndex, true) === true };
}
