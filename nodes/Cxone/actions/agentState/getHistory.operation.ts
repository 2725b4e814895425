/** Agent State → Get History: each state change in a period, or per agent the seconds a daily report needs. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { canonicalState } from '../../helpers/normalize';
import { DistinctHistoryRows, HistorySummarizer, MAX_HISTORY_DAYS, normalizeHistory, type HistoryRow } from '../../helpers/history';
import type { CxoneSession } from '../../transport';
import { fetchStateHistory } from '../../transport/reports';
import { agentLocator, optionsCollection, periodFields, returnAllAndLimit, statesOption, teamsOption } from '../common.descriptions';
import { listParameter, readAgentId, readPeriod, requestCallFromOptions, type PeriodRule, type RequestBounds } from '../parameters';
import { requireRealTenant } from '../realTenantOnly';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['agentState'], operation: ['getHistory'] } }, [
	...periodFields,
	// The same locator as Get, Set State and Log Out: n8n keeps the value when the operation changes, and a
	// string field would show a picked agent as "[object Object]". Saved plain strings are read as IDs.
	agentLocator({ required: false, description: 'Only this agent (leave empty for every agent)' }),
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'One Item per State Change', value: 'changes', description: 'Each state an agent was in, with its start, end and duration' },
			{
				name: 'One Summary Item per Agent',
				value: 'summary',
				description: 'Seconds per state and per Not Ready reason, logged-in seconds and occupancy within the period',
			},
		],
		default: 'summary',
	},
	// A summary counts every agent over the whole period: Return All and Limit are for state changes only.
	...returnAllAndLimit({ output: ['changes'] }),
	optionsCollection([statesOption('Only these states (leave empty for all)'), teamsOption('ids')]),
]);

interface HistoryOptions extends RequestBounds {
	states?: unknown;
	teams?: unknown;
}

const HISTORY_PERIOD_RULE: PeriodRule = {
	maxDays: MAX_HISTORY_DAYS,
	why: `CXone's reporting data is read one day at a time for at most ${MAX_HISTORY_DAYS} days per run (calendar days in the workflow's timezone). Split the period over several runs (for example one per week).`,
};

export async function execute(this: IExecuteFunctions, session: CxoneSession, itemIndex: number): Promise<IDataObject[]> {
	requireRealTenant(session, 'Get History', 'read state history', itemIndex);
	const { startMs, endMs } = readPeriod(this, itemIndex, HISTORY_PERIOD_RULE);
	const agentId = readAgentId(this, itemIndex, { required: false });
	const summary = this.getNodeParameter('output', itemIndex, 'summary') === 'summary';
	// A summary ignores Limit (hidden for it in the editor, but a saved value may remain): it counts every agent.
	const returnAll = summary || (this.getNodeParameter('returnAll', itemIndex, false) as boolean);
	const limit = returnAll ? Number.POSITIVE_INFINITY : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const options = this.getNodeParameter('options', itemIndex, {}) as HistoryOptions;
	const call = requestCallFromOptions(this, options, itemIndex);
	// Any case and CXone's own names, as on Get Many: "ready" and "Available" both mean READY.
	const stateList = listParameter(this, options.states, 'States', itemIndex).map(canonicalState);
	const states = stateList.length ? new Set(stateList) : null;
	const teams = listParameter(this, options.teams, 'Teams', itemIndex);
	const teamSet = teams.length ? new Set(teams) : null;

	// Both count a row CXone lists twice (repeated pages, day windows meeting at their edges) once.
	const summarizer = summary ? new HistorySummarizer(startMs, endMs) : null;
	const changes = new DistinctHistoryRows();
	let skipped = 0;
	const visit = (row: HistoryRow) => {
		if (states && !states.has(row.state)) return;
		if (teamSet && (row.teamId === null || !teamSet.has(row.teamId))) return;
		if (summarizer) summarizer.add(row);
		else if (changes.rows.length < limit) changes.add(row);
	};
	await fetchStateHistory(session, { ...call, startMs, endMs, agentId: agentId || undefined }, (records) => {
		skipped += normalizeHistory(records, visit);
		// A summary needs the whole period; state changes are kept in CXone's order, so the first Limit are final.
		return summarizer !== null || changes.rows.length < limit;
	});

	if (skipped > 0) {
		this.addExecutionHints({ message: `${skipped} history record(s) from CXone named no agent ID and were skipped.`, location: 'outputPane' });
	}
	const out = summarizer ? summarizer.result() : changes.rows;
	if (out.length === 0) {
		this.addExecutionHints({
			message: 'CXone returned no state history for this period: check Start and End, the Agent ID, and that agents were logged in then.',
			location: 'outputPane',
		});
	}
	return out as unknown as IDataObject[];
}
