import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import {
	AGENT_STATE_READ_SCOPE,
	DEFAULT_API_VERSION,
	TUTORIAL_STATES_PATH,
} from '../nodes/CxoneAgentStates/helpers/constants';
import { signIn, tutorialApiBase, type CxoneCredentialData } from './cxoneSignIn';

const clientCredentialsOnly = { show: { authMode: ['clientCredentials'] } };
const accessKeyOnly = { show: { authMode: ['accessKey'] } };

export class CxoneApi implements ICredentialType {
	name = 'cxoneApi';

	displayName = 'NICE CXone API';

	icon = { light: 'file:../nodes/CxoneAgentStates/cxone.svg', dark: 'file:../nodes/CxoneAgentStates/cxone.dark.svg' } as const;

	// The README on GitHub. OWNER is a placeholder until the repository's address is known; `npm run
	// release:check` fails while it is.
	documentationUrl = 'https://github.com/OWNER/n8n-nodes-cxone#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Sign-In Method',
			name: 'authMode',
			type: 'options',
			options: [
				{
					name: 'OAuth2 Client Credentials',
					value: 'clientCredentials',
					description: 'A client ID and secret with the agent-state scope (the tutorial API, or an OAuth gateway in front of CXone)',
				},
				{
					name: 'CXone Access Key (Back-End Application)',
					value: 'accessKey',
					description: 'A real CXone tenant: your registered back-end application plus an API user\'s access key',
				},
			],
			default: 'clientCredentials',
		},
		{
			displayName: 'Tenant',
			name: 'tenant',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'acme',
			hint: 'Only the tenant name (letters, digits, hyphens): it builds https://{tenant}.api.cxone.com',
			displayOptions: clientCredentialsOnly,
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Global (cxone.niceincontact.com)', value: 'global' },
				{ name: 'FedRAMP (cxone-gov.niceincontact.com)', value: 'fedramp' },
				{ name: 'Custom Issuer URL', value: 'custom' },
			],
			default: 'global',
			description: 'Where your tenant signs in. EU, UK and AU commercial tenants use Global.',
			displayOptions: accessKeyOnly,
		},
		{
			displayName: 'Issuer URL',
			name: 'issuerUrl',
			type: 'string',
			default: '',
			placeholder: 'https://cxone.niceincontact.com',
			description: 'The CXone authentication issuer, e.g. a sovereign cloud. Must be https://.',
			displayOptions: { show: { authMode: ['accessKey'], environment: ['custom'] } },
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
			hint: 'Client credentials: the OAuth client\'s ID. Access key: the ID NICE issued for your back-end application.',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		{
			displayName: 'Access Key ID',
			name: 'accessKeyId',
			type: 'string',
			default: '',
			hint: 'CXone Admin > Employees > (your API user) > Access Keys',
			displayOptions: accessKeyOnly,
		},
		{
			displayName: 'Access Key Secret',
			name: 'accessKeySecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			hint: 'Shown once, when the access key is generated',
			displayOptions: accessKeyOnly,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: AGENT_STATE_READ_SCOPE,
			description: 'Space-separated OAuth scopes to request; reading agent states needs ' + AGENT_STATE_READ_SCOPE,
			displayOptions: clientCredentialsOnly,
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: DEFAULT_API_VERSION,
			placeholder: DEFAULT_API_VERSION,
			hint: 'The version segment of /incontactapi/services/{version}/agents/states',
			displayOptions: accessKeyOnly,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://acme.api.cxone.com',
			description:
				'Optional. Client credentials: replaces https://{tenant}.api.cxone.com. Access key: the API host (skips tenant discovery). https:// only; http:// only for 127.0.0.1 or localhost.',
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			placeholder: 'https://acme.api.cxone.com/oauth2/token',
			description: 'Optional. Defaults to {Base URL}/oauth2/token.',
			displayOptions: clientCredentialsOnly,
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Token Expires At',
			name: 'tokenExpiresAt',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	];

	/**
	 * n8n calls this when the hidden token is empty, after a 401, and for the credential test; it saves
	 * everything returned with the credential, so every execution and queue-mode worker reuses it.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await signIn(
			async (options) => await this.helpers.httpRequest(options),
			credentials as CxoneCredentialData,
			Date.now(),
		);
	}

	/** Operations request relative paths; the base found at sign-in is applied here, once. */
	authenticate: IAuthenticate = async (credentials, requestOptions: IHttpRequestOptions) => {
		const data = credentials as CxoneCredentialData;
		const baseURL =
			requestOptions.baseURL ??
			(data.apiBaseUrl || (data.authMode === 'accessKey' ? undefined : tutorialApiBase(data)));
		return {
			...requestOptions,
			baseURL,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${String(data.accessToken ?? '')}` },
		};
	};

	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: `={{$credentials.authMode === "accessKey" ? "/incontactapi/services/" + ($credentials.apiVersion || "${DEFAULT_API_VERSION}") + "/agents/states?top=1" : "${TUTORIAL_STATES_PATH}"}}`,
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: `Signed in, but not allowed to read agent states: the client needs the scope ${AGENT_STATE_READ_SCOPE} (access key: the API user's role needs real-time agent data)`,
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'Signed in, but the agent-states endpoint was not found: check Base URL and API Version',
				},
			},
		],
	};
}
