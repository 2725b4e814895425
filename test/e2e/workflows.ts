/** Workflow and credential JSON as `n8n import:*` takes it. */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { agentStatesNodes, NODE_TYPE } from '../support/harness/agentStatesWorkflow';
import { simulatorAccessKeyOnlyCredentials, simulatorRealTenantCredentials, simulatorTutorialCredentials } from '../support/harness/credentials';

export { NODE_TYPE };

/** A credential for `n8n import:credentials`, signing in to the simulator with its own client or access key. */
const credential = (id: string, data: ICredentialDataDecryptedObject) => ({ id, name: `CXone ${id}`, type: 'cxoneApi', data });

export const tutorialCredential = (id: string, baseUrl: string) => credential(id, simulatorTutorialCredentials(baseUrl));

export const realTenantCredential = (id: string, issuerUrl: string) => credential(id, simulatorRealTenantCredentials(issuerUrl));
export const accessKeyOnlyCredential = (id: string, userHubUrl: string) => credential(id, simulatorAccessKeyOnlyCredentials(userHubUrl));

export interface AgentWorkflowSpec {
	id: string;
	credentialId: string;
	operation: 'getAll' | 'getReady' | 'filterBySite';
	siteIds?: string;
	options?: Record<string, unknown>;
	continueOnFail?: boolean;
}

/** Manual Trigger ("Start") → CXone Agent States, built as the unit tests build it. IDs are 16 characters, as n8n expects. */
export function agentStatesWorkflow(spec: AgentWorkflowSpec) {
	const { nodes, connections } = agentStatesNodes(
		{ operation: spec.operation, siteIds: spec.siteIds || undefined, options: spec.options as IDataObject | undefined, continueOnFail: spec.continueOnFail },
		{ triggerName: 'Start', credential: { id: spec.credentialId, name: `CXone ${spec.credentialId}` }, nodeX: 220 },
	);
	return { id: spec.id, name: `e2e ${spec.id}`, active: false, settings: {}, nodes, connections };
}
