/** Picks the operation, runs it per input item, and is the only place that handles Continue On Fail and pairedItem. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { CxoneSession } from '../transport';
import * as filterBySite from './agentState/filterBySite.operation';
import * as get from './agentState/get.operation';
import * as getAll from './agentState/getAll.operation';
import * as getHistory from './agentState/getHistory.operation';
import * as getReady from './agentState/getReady.operation';
import * as logOut from './agentState/logOut.operation';
import * as setState from './agentState/setState.operation';
import * as getActivity from './skill/getActivity.operation';

/** An operation returns plain JSON; the router makes the items. */
type Operation = (this: IExecuteFunctions, session: CxoneSession, itemIndex: number) => Promise<IDataObject[]>;

export const operations: Record<string, Record<string, Operation>> = {
	agentState: {
		getAll: getAll.execute,
		getReady: getReady.execute,
		filterBySite: filterBySite.execute,
		get: get.execute,
		setState: setState.execute,
		logOut: logOut.execute,
		getHistory: getHistory.execute,
	},
	skill: { getActivity: getActivity.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	let session: CxoneSession | undefined;

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const run = operations[resource]?.[operation];
			if (!run) {
				throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known`, { itemIndex });
			}
			session ??= await CxoneSession.open(this);
			const results = await run.call(this, session, itemIndex);
			// What constructExecutionMetaData does, without copying each item twice: a 100,000-agent tenant is
			// 100,000 items, and one shared pairedItem per input item is all n8n reads. A loop, not
			// push(...spread), which would overflow the call stack at that size.
			const pairedItem = { item: itemIndex };
			for (const json of results) returnData.push({ json, pairedItem });
		} catch (caught) {
			const error =
				caught instanceof NodeApiError || caught instanceof NodeOperationError
					? caught
					: new NodeOperationError(this.getNode(), caught as Error, { itemIndex });
			if (!this.continueOnFail()) throw error;
			const { message, description } = error as { message: string; description?: string };
			returnData.push({ json: { error: message, ...(description ? { errorDescription: description } : {}) }, pairedItem: { item: itemIndex } });
		}
	}
	return [returnData];
}
