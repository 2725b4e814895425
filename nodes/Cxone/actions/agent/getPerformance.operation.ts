/** Agent → Get Performance: per agent, what CXone's performance report counts over a period (handled, talk, ACW, occupancy, ...). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { MAX_HISTORY_DAYS } from '../../helpers/history';
import { normalizePerformances } from '../../helpers/performance';
import type { CxoneSession } from '../../transport';
import { fetchAgentPerformance } from '../../transport/reports';
import { agentLocator, optionsCollection, periodFields } from '../common.descriptions';
import { readAgentId, readPeriod, requestCallFromOptions, type PeriodRule, type RequestBounds } from '../parameters';
import { requireRealTenant } from '../realTenantOnly';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['agent'], operation: ['getPerformance'] } }, [
	...periodFields,
	agentLocator({ required: false, description: 'Only this agent (leave empty for every agent)' }),
	optionsCollection([]),
]);

/** No source names CXone's longest span for this report: the node asks for at most what Get History reads. */
const PERFORMANCE_PERIOD_RULE: PeriodRule = {
	maxDays: MAX_HISTORY_DAYS,
	why: `The node asks CXone for at most ${MAX_HISTORY_DAYS} days of performance per run (calendar days in the workflow's timezone). Split the period over several runs (for example one per week).`,
};

export async function execute(this: IExecuteFunctions, session: CxoneSession, itemIndex: number): Promise<IDataObject[]> {
	requireRealTenant(session, 'Get Performance', 'read agent performance', itemIndex);
	const period = readPeriod(this, itemIndex, PERFORMANCE_PERIOD_RULE);
	const agentId = readAgentId(this, itemIndex, { required: false });
	const call = requestCallFromOptions(this, this.getNodeParameter('options', itemIndex, {}) as RequestBounds, itemIndex);
	const records = await fetchAgentPerformance(session, { ...call, ...period, agentId: agentId || undefined });
	const { agents, skipped } = normalizePerformances(records, period);
	if (skipped > 0) {
		this.addExecutionHints({ message: `${skipped} performance record(s) from CXone named no agent ID and were skipped.`, location: 'outputPane' });
	}
	if (agents.length === 0) {
		this.addExecutionHints({
			message: 'CXone reported no agent performance for this period: check Start and End, and that agents were logged in then.',
			location: 'outputPane',
		});
	}
	return agents as unknown as IDataObject[];
}
