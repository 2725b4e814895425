/** Workflow and credential JSON as `n8n import:*` takes it. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { simulatorRealTenantCredentials, simulatorTutorialCredentials } from '../helpers/credentials';

export const NODE_TYPE = 'n8n-nodes-cxone.cxoneAgentStates';

/** A credential for `n8n import:credentials`, signing in to the simulator with its own client or access key. */
const credential = (id: string, data: ICredentialDataDecryptedObject) => ({ id, name: `CXone ${id}`, type: 'cxoneApi', data });

export const tutorialCredential = (id: string, baseUrl: string) => credential(id, simulatorTutorialCredentials(baseUrl));

export const realTenantCredential = (id: string, issuerUrl: string) => credential(id, simulatorRealTenantCredentials(issuerUrl));

export interface AgentWorkflowSpec {
	id: string;
	credentialId: string;
	operation: 'getAll' | 'getReady' | 'filterBySite';
	siteIds?: string;
	options?: Record<string, unknown>;
	continueOnFail?: boolean;
}

/** Manual Trigger → CXone Agent States. IDs are 16 characters, as n8n expects. */
export function agentStatesWorkflow(spec: AgentWorkflowSpec) {
	return {
		id: spec.id,
		name: `e2e ${spec.id}`,
		active: false,
		settings: {},
		nodes: [
			{ id: 'trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'cxone',
				name: 'CXone Agent States',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'agentState', operation: spec.operation, ...(spec.siteIds ? { siteIds: spec.siteIds } : {}), options: spec.options ?? {} },
				credentials: { cxoneApi: { id: spec.credentialId, name: `CXone ${spec.credentialId}` } },
				...(spec.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
			},
		],
		connections: { Start: { main: [[{ node: 'CXone Agent States', type: 'main', index: 0 }]] } },
	};
}
