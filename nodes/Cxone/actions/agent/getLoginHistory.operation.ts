/** Agent → Get Login History: when one agent logged in during a period, and at which station (real tenants). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { MAX_HISTORY_DAYS } from '../../helpers/history';
import { DistinctLogins } from '../../helpers/loginHistory';
import type { CxoneSession } from '../../transport';
import { fetchLoginHistory } from '../../transport/reports';
import { agentLocator, optionsCollection, periodFields, returnAllAndLimit } from '../common.descriptions';
import { readAgentId, readLimit, readPeriod, requestCallFromOptions, type PeriodRule, type RequestBounds } from '../parameters';
import { requireRealTenant } from '../realTenantOnly';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['agent'], operation: ['getLoginHistory'] } }, [
	agentLocator({ required: true, description: 'The agent whose logins to read (CXone keeps login history per agent)' }),
	...periodFields,
	...returnAllAndLimit({}),
	optionsCollection([]),
]);

/** No source names CXone's longest span for login history: the node asks for at most what Get History reads. */
const LOGIN_PERIOD_RULE: PeriodRule = {
	maxDays: MAX_HISTORY_DAYS,
	why: `The node asks CXone for at most ${MAX_HISTORY_DAYS} days of logins per run (calendar days in the workflow's timezone). Split the period over several runs.`,
};

export async function execute(this: IExecuteFunctions, session: CxoneSession, itemIndex: number): Promise<IDataObject[]> {
	requireRealTenant(session, 'Get Login History', 'read login history', itemIndex);
	const agentId = readAgentId(this, itemIndex);
	const period = readPeriod(this, itemIndex, LOGIN_PERIOD_RULE);
	const limit = readLimit(this, itemIndex);
	const call = requestCallFromOptions(this, this.getNodeParameter('options', itemIndex, {}) as RequestBounds, itemIndex);
	const logins = new DistinctLogins(agentId);
	await fetchLoginHistory(session, { ...call, ...period, agentId }, (records) => {
		for (const record of records) if (logins.logins.length < limit) logins.add(record);
		return logins.logins.length < limit;
	});
	if (logins.logins.length === 0) {
		this.addExecutionHints({ message: `CXone lists no logins of agent ${agentId} in this period: check Start and End, and the agent.`, location: 'outputPane' });
	}
	return logins.logins as unknown as IDataObject[];
}
