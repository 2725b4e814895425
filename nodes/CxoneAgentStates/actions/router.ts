/** Picks the operation, runs it per input item, and is the only place that handles Continue On Fail and pairedItem. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CxoneSession } from '../transport';
import * as filterBySite from './agentState/filterBySite.operation';
import * as getAll from './agentState/getAll.operation';
import * as getReady from './agentState/getReady.operation';

type Operation = (this: IExecuteFunctions, session: CxoneSession, itemIndex: number) => Promise<INodeExecutionData[]>;

export const operations: Record<string, Record<string, Operation>> = {
	agentState: {
		getAll: getAll.execute,
		getReady: getReady.execute,
		filterBySite: filterBySite.execute,
	},
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
			// A loop, not push(...spread): a 100,000-agent tenant would overflow the call stack.
			for (const result of this.helpers.constructExecutionMetaData(results, { itemData: { item: itemIndex } })) {
				returnData.push(result);
			}
		} catch (error) {
			if (!this.continueOnFail()) throw error;
			const { message, description } = error as { message: string; description?: string };
			returnData.push({ json: { error: message, ...(description ? { errorDescription: description } : {}) }, pairedItem: { item: itemIndex } });
		}
	}
	return [returnData];
}
