/** Workflow and credential JSON as `n8n import:*` takes it. */

export const NODE_TYPE = 'n8n-nodes-cxone.cxoneAgentStates';

export function tutorialCredential(id: string, baseUrl: string) {
	return {
		id,
		name: `CXone ${id}`,
		type: 'cxoneApi',
		data: {
			authMode: 'clientCredentials',
			tenant: 'demo',
			clientId: 'demo-client-id',
			clientSecret: 'demo-client-secret',
			scope: 'urn:nice:cxone:agent:state:read',
			baseUrl,
			tokenUrl: '',
			accessToken: '',
			apiBaseUrl: '',
			tokenExpiresAt: '',
		},
	};
}

export function accessKeyCredential(id: string, issuerUrl: string) {
	return {
		id,
		name: `CXone ${id}`,
		type: 'cxoneApi',
		data: {
			authMode: 'accessKey',
			environment: 'custom',
			issuerUrl,
			clientId: 'demo-client-id',
			clientSecret: 'demo-client-secret',
			accessKeyId: 'demo-access-key-id',
			accessKeySecret: 'demo-access-key-secret',
			apiVersion: 'v31.0',
			baseUrl: '',
			accessToken: '',
			apiBaseUrl: '',
			tokenExpiresAt: '',
		},
	};
}

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
