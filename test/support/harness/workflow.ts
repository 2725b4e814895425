/**
 * Runs a workflow through n8n-core's real WorkflowExecute, with a credentials helper that behaves like
 * n8n's own (packages/cli/src/credentials-helper.ts): preAuthentication only when the expirable field is
 * empty or after a 401, and whatever it returns saved with the credential for the next execution.
 */
import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	ILoadOptionsFunctions,
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IExecuteFunctions,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	IConnections,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeConnectionTypes, Workflow } from 'n8n-workflow';

import { CxoneApi } from '../../../credentials/CxoneApi.credentials';
import { CxoneAgentStates } from '../../../nodes/Cxone/CxoneAgentStates.node';
import { CxoneAgentStatesTrigger } from '../../../nodes/Cxone/CxoneAgentStatesTrigger.node';
import { agentStatesNodes, MANUAL_TRIGGER_TYPE, NODE_TYPE, type AgentNodeSpec } from './agentStatesWorkflow';

export { NODE_TYPE, type AgentNodeSpec };

export const TRIGGER_NODE_TYPE = 'n8n-nodes-cxone.cxoneAgentStatesTrigger';
export const TRIGGER_TYPE = MANUAL_TRIGGER_TYPE;
export const CREDENTIAL_ID = 'cred-1';

/** Stands in for n8n's Manual Trigger, so tests need not install all of n8n-nodes-base. */
class ManualTrigger implements INodeType {
	description = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: '',
		defaults: { name: 'When clicking "Execute workflow"' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

export class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType> = {
		[NODE_TYPE]: new CxoneAgentStates(),
		[TRIGGER_NODE_TYPE]: new CxoneAgentStatesTrigger(),
		[TRIGGER_TYPE]: new ManualTrigger(),
	};

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(nodeType);
	}

	getByNameAndVersion(nodeType: string): INodeType {
		const type = this.types[nodeType];
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return type;
	}

	getKnownTypes() {
		return {};
	}
}

/** One credential store shared by several executions, like n8n's database. */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly credentialType: ICredentialType = new CxoneApi();
	/** How often n8n would have written the credential back (i.e. saved a new token). */
	saves = 0;

	constructor(public stored: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, _typeName: string, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const authenticate = this.credentialType.authenticate;
		if (typeof authenticate !== 'function') throw new Error('expected a function-form authenticate');
		return await authenticate(credentials, requestOptions);
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const expirable = this.credentialType.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!expirable || typeof this.credentialType.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		const output = await this.credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		if (node.credentials) {
			this.stored = { ...this.stored, ...(output as ICredentialDataDecryptedObject) };
			this.saves++;
			return Object.assign(credentials, output);
		}
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these tests');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.stored };
	}

	async updateCredentials(_details: INodeCredentialsDetails, _type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		this.stored = { ...data };
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return this.credentialType.properties;
	}
}

export function buildWorkflow(spec: AgentNodeSpec, inputItems = 1): { nodes: INode[]; connections: IConnections; inputItems: number } {
	const { nodes, connections } = agentStatesNodes(spec, { triggerName: 'Manual Trigger', credential: { id: CREDENTIAL_ID, name: 'CXone' }, nodeX: 200 });
	return { nodes, connections, inputItems };
}

export function createAdditionalData(credentialsHelper: ICredentialsHelper, hooks?: ExecutionLifecycleHooks): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: '',
		formWaitingBaseUrl: '',
		formTestBaseUrl: '',
		webhookBaseUrl: '',
		webhookWaitingBaseUrl: '',
		webhookTestBaseUrl: '',
		mcpBaseUrl: '',
		mcpTestBaseUrl: '',
		variables: {},
		executionId: 'exec-1',
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		executeWorkflow: async () => {
			throw new Error('not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface ExecutionResult {
	run: IRun;
	/** Items the CXone node output (first run, first output). */
	items: INodeExecutionData[];
	/** The workflow's error, if it stopped. */
	error: (Error & { description?: string; httpCode?: string | null }) | undefined;
	hints: Array<{ message: string }>;
}

export async function executeWorkflow(
	credentialsHelper: TestCredentialsHelper,
	spec: AgentNodeSpec,
	inputItems = 1,
): Promise<ExecutionResult> {
	const { nodes, connections } = buildWorkflow(spec, inputItems);
	const workflow = new Workflow({ id: 'wf-1', nodes, connections, nodeTypes: new TestNodeTypes(), active: false });

	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', {
		id: 'wf-1',
		name: 'test',
		nodes,
		connections,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as unknown as ConstructorParameters<typeof ExecutionLifecycleHooks>[2]);
	let resolveRun!: (run: IRun) => void;
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));

	const additionalData = createAdditionalData(credentialsHelper, hooks);

	const input = Array.from({ length: inputItems }, (_, index) => ({ json: { index } }));
	const runExecutionData: IRunExecutionData = {
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node: nodes[0], data: { main: [input] }, source: null }],
		},
	} as unknown as IRunExecutionData;

	const workflowExecute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await workflowExecute.processRunExecutionData(workflow);
	const run = await finished;
	const taskData = run.data.resultData.runData['CXone Agent States']?.[0];
	return {
		run,
		items: taskData?.data?.main?.[0] ?? [],
		error: run.data.resultData.error as ExecutionResult['error'],
		hints: (taskData?.hints ?? []) as Array<{ message: string }>,
	};
}

/** What n8n's editor hands a picker (loadOptions, listSearch): a real LoadOptionsContext on the action node. */
export function editorContext(credentialsHelper: ICredentialsHelper, parameters: IDataObject = {}): ILoadOptionsFunctions {
	const node: INode = {
		id: 'cxone',
		name: 'CXone Agent States',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: 'agentState', ...parameters } as INode['parameters'],
		credentials: { cxoneApi: { id: CREDENTIAL_ID, name: 'CXone' } },
	};
	const workflow = new Workflow({ id: 'wf', nodes: [node], connections: {}, nodeTypes: new TestNodeTypes(), active: false });
	return new LoadOptionsContext(workflow, node, { ...createAdditionalData(credentialsHelper), currentNodeParameters: node.parameters }, 'parameters');
}
