/**
 * The one workflow the tests build: Manual Trigger → CXone Agent States. Plain JSON (no n8n-core), so the unit
 * tests run it through WorkflowExecute and the e2e suites and the screenshot script hand it to `n8n import:*`.
 */
import type { IConnections, IDataObject, INode } from 'n8n-workflow';

export const NODE_TYPE = 'n8n-nodes-cxone.cxoneAgentStates';
export const MANUAL_TRIGGER_TYPE = 'n8n-nodes-base.manualTrigger';
export const AGENT_NODE_NAME = 'CXone Agent States';

export interface AgentNodeSpec {
	resource?: 'agentState' | 'agent' | 'contact' | 'skill';
	operation?: 'getAll' | 'getReady' | 'filterBySite' | 'get' | 'setState' | 'logOut' | 'getHistory' | 'getActivity' | 'getPerformance' | 'getLoginHistory' | 'sendMessage' | 'getActive';
	siteIds?: string | string[];
	/** Further node parameters (agentId, state, reason, ...). */
	parameters?: IDataObject;
	options?: IDataObject;
	continueOnFail?: boolean;
	/** n8n's node setting Retry On Fail (Max Tries 2, no wait between them). */
	retryOnFail?: boolean;
	/** The action node's version; 1 (what the existing tests and saved workflows use) unless said. */
	typeVersion?: number;
}

/** Where the workflow lives: its trigger's name, the credential the node uses, the node's place on the canvas. */
export interface AgentWorkflowPlacement {
	triggerName: string;
	credential: { id: string; name: string };
	nodeX: number;
}

export function agentStatesNodes(spec: AgentNodeSpec, placement: AgentWorkflowPlacement): { nodes: INode[]; connections: IConnections } {
	const parameters: IDataObject = {
		resource: spec.resource ?? 'agentState',
		operation: spec.operation ?? 'getAll',
		...(spec.siteIds !== undefined ? { siteIds: spec.siteIds } : {}),
		options: spec.options ?? {},
		...spec.parameters,
	};
	const nodes: INode[] = [
		{ id: 'trigger', name: placement.triggerName, type: MANUAL_TRIGGER_TYPE, typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'cxone',
			name: AGENT_NODE_NAME,
			type: NODE_TYPE,
			typeVersion: spec.typeVersion ?? 1,
			position: [placement.nodeX, 0],
			parameters: parameters as INode['parameters'],
			credentials: { cxoneApi: placement.credential },
			...(spec.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			...(spec.retryOnFail ? { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 } : {}),
		},
	];
	const connections: IConnections = { [placement.triggerName]: { main: [[{ node: AGENT_NODE_NAME, type: 'main', index: 0 }]] } };
	return { nodes, connections };
}
