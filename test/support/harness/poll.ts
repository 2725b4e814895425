/**
 * Runs the trigger's poll() the way n8n's active-workflow manager does: a real n8n-core PollContext, the
 * workflow's static data carried between polls as the JSON n8n would store (so every poll is a "restart").
 */
import { PollContext } from 'n8n-core';
import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { CxoneAgentStatesTrigger } from '../../../nodes/Cxone/CxoneAgentStatesTrigger.node';
import { CREDENTIAL_ID, createAdditionalData, TestCredentialsHelper, TestNodeTypes, TRIGGER_NODE_TYPE } from './workflow';

export class TriggerHarness {
	/** The workflow's static data as n8n would have saved it after the last poll. */
	savedStaticData: string = '{}';

	constructor(
		readonly credentialsHelper: TestCredentialsHelper,
		readonly parameters: IDataObject,
	) {}

	get staticData(): IDataObject {
		return JSON.parse(this.savedStaticData) as IDataObject;
	}

	async poll(mode: 'trigger' | 'manual' = 'trigger'): Promise<Array<IDataObject> | null> {
		const node: INode = {
			id: 'trigger',
			name: 'CXone Agent States Trigger',
			type: TRIGGER_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: this.parameters as INode['parameters'],
			credentials: { cxoneApi: { id: CREDENTIAL_ID, name: 'CXone' } },
		};
		const workflow = new Workflow({
			id: 'wf-trigger',
			nodes: [node],
			connections: {},
			nodeTypes: new TestNodeTypes(),
			active: true,
			staticData: JSON.parse(this.savedStaticData) as IDataObject,
		});
		const context = new PollContext(workflow, node, createAdditionalData(this.credentialsHelper), mode, 'activate');
		const result = (await new CxoneAgentStatesTrigger().poll.call(context)) as INodeExecutionData[][] | null;
		// n8n saves static data only after a successful poll; a thrown error leaves the saved copy as it was.
		this.savedStaticData = JSON.stringify(workflow.staticData);
		return result === null ? null : result[0].map((item) => item.json);
	}
}
