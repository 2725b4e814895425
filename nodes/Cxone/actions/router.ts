/** Picks the operation, runs it per input item, and is the only place that handles Continue On Fail and pairedItem. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { CxoneSession } from '../transport';
import { resources } from './node.description';
import type { ResourceKey } from './node.type';
import type { Operation, OperationEntry } from './resource';

/** Each resource's operations by value: what the router runs. Maps, so a value such as "constructor" finds nothing. */
const operations = new Map<ResourceKey, ReadonlyMap<string, Operation>>(
	resources.map((resource) => [resource.key, new Map(Object.entries<OperationEntry>(resource.operations).map(([value, entry]) => [value, entry.module.execute]))]),
);

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	let session: CxoneSession | undefined;

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const run = operations.get(resource as ResourceKey)?.get(operation);
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
