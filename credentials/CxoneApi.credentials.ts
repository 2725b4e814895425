/** The NICE CXone API credential: its fields, sign-in through n8n's preAuthentication, and the test request. */
import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { tutorialApiBase } from './cxone/clientCredentials';
import { AGENT_STATE_READ_SCOPE, apiFlavourOf, DEFAULT_API_VERSION } from './cxone/constants';
import { REAL_TENANT_SERVICES_PREFIX, TUTORIAL_STATES_PATH } from './cxone/http/paths';
import { accessKeyOnlyFields } from './cxone/accessKeyOnlyFields';
import type { CxoneCredentialData } from './cxone/credentialData';
import { sharedSignIn } from './cxone/signIn';

const clientCredentialsOnly = { show: { authMode: ['clientCredentials'] } };
const withApplication = { show: { authMode: ['accessKey'] } };
const anyAccessKey = { show: { authMode: ['accessKey', 'accessKeyOnly'] } };

export class CxoneApi implements ICredentialType {
	name = 'cxoneApi';

	displayName = 'NICE CXone API';

	icon = { light: 'file:../nodes/Cxone/cxone.svg', dark: 'file:../nodes/Cxone/cxone.dark.svg' } as const;

	// The README on the package's npm page until the repository's address is known (a GitHub link would be a 404);
	// `npm run release:check` fails while it is.
	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-cxone#credentials';

	properties: INodeProperties[] = [
		{
			displayName:
				'Real CXone tenant: choose <b>CXone Access Key</b> (your back-end application plus an API user\'s access key), or <b>CXone Access Key Only</b> when you have just the access key. <b>Tutorial API or Gateway</b> is only for the API of the agent-state tutorial this package started from (not a CXone API), or a gateway that speaks it.',
			name: 'signInNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Sign-In Method',
			name: 'authMode',
			type: 'options',
			options: [
				{
					name: 'CXone Access Key (Real Tenant)',
					value: 'accessKey',
					description: 'For a real CXone tenant whose back-end application NICE has registered: its client ID and secret plus an API user\'s access key.',
				},
				{
					name: 'CXone Access Key Only (No App Registration)',
					value: 'accessKeyOnly',
					description: 'For a real CXone tenant when you have only an API user\'s access key from CXone Admin, the quickest way to start.',
				},
				{
					name: 'Tutorial API or Gateway (OAuth2 Client Credentials)',
					value: 'clientCredentials',
					description: 'Only for the API in NICE\'s agent-state tutorial, or a gateway that speaks it, with the client ID and secret it issued (real CXone tenants have no such sign-in).',
				},
			],
			// Saved credentials without this field are read as an access key (n8n fills in the default).
			default: 'accessKey',
		},
		{
			displayName: 'Tenant',
			name: 'tenant',
			type: 'string',
			default: '',
			placeholder: 'e.g. acme',
			hint: 'The tenant name only (letters, digits, hyphens): https://{tenant}.api.cxone.com. Not needed when Base URL is set.',
			displayOptions: clientCredentialsOnly,
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Global (cxone.niceincontact.com)', value: 'global' },
				{ name: 'FedRAMP (cxone-gov.niceincontact.com)', value: 'fedramp' },
				{ name: 'AU Sovereign Cloud (nicecxone-sov1.au)', value: 'au' },
				{ name: 'EU Sovereign Cloud (nicecxone-sov1.eu)', value: 'eu' },
				{ name: 'Custom Issuer URL', value: 'custom' },
			],
			default: 'global',
			description: 'Where your tenant signs in. Commercial tenants in every region use Global; AU and EU sovereign-cloud tenants pick theirs; any other issuer (e.g. a UK sovereign cloud) goes in Custom Issuer URL.',
			displayOptions: withApplication,
		},
		...accessKeyOnlyFields,
		{
			displayName: 'Issuer URL',
			name: 'issuerUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://cxone.niceincontact.com',
			description: 'The CXone authentication issuer, e.g. a sovereign cloud. Must be https://.',
			displayOptions: { show: { authMode: ['accessKey'], environment: ['custom'] } },
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
			hint: 'The client ID NICE issued when your back-end application was registered',
			displayOptions: withApplication,
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
			hint: 'The client ID the tutorial API (or your gateway) issued',
			displayOptions: clientCredentialsOnly,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			displayOptions: { show: { authMode: ['accessKey', 'clientCredentials'] } },
		},
		{
			displayName: 'Access Key ID',
			name: 'accessKeyId',
			type: 'string',
			required: true,
			default: '',
			hint: 'CXone Admin > Employees > (your API user) > Access Keys',
			displayOptions: anyAccessKey,
		},
		{
			displayName: 'Access Key Secret',
			name: 'accessKeySecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			hint: 'Shown once, when the access key is generated',
			displayOptions: anyAccessKey,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: AGENT_STATE_READ_SCOPE,
			description: 'Space-separated scopes to ask the tutorial API (or gateway) for; its agent-state read needs ' + AGENT_STATE_READ_SCOPE,
			displayOptions: clientCredentialsOnly,
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: DEFAULT_API_VERSION,
			placeholder: `e.g. ${DEFAULT_API_VERSION}`,
			hint: 'The version segment of /incontactapi/services/{version}/agents/states',
			displayOptions: anyAccessKey,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://api-na1.niceincontact.com',
			description:
				'Optional. Your tenant\'s API host; set it to skip tenant discovery. https:// only; http:// only for 127.0.0.1 or localhost.',
			displayOptions: anyAccessKey,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://gateway.example.com',
			description:
				'Optional. Replaces https://{tenant}.api.cxone.com, e.g. with your gateway (then Tenant is not needed). https:// only; http:// only for 127.0.0.1 or localhost.',
			displayOptions: clientCredentialsOnly,
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://gateway.example.com/oauth2/token',
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
	 * everything returned with the credential, so every execution and queue-mode worker reuses it. Executions
	 * of one process that ask at the same moment share one sign-in.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await sharedSignIn(
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
			(data.apiBaseUrl || (apiFlavourOf(data) === 'realTenant' ? undefined : tutorialApiBase(data)));
		return {
			...requestOptions,
			baseURL,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${String(data.accessToken ?? '')}` },
			// Whatever makes the request (also n8n's credential test): the token never follows a redirect.
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		};
	};

	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: `={{$credentials.authMode === "accessKey" || $credentials.authMode === "accessKeyOnly" ? "${REAL_TENANT_SERVICES_PREFIX}" + ($credentials.apiVersion || "${DEFAULT_API_VERSION}") + "/agents/states?top=1" : "${TUTORIAL_STATES_PATH}"}}`,
			headers: { Accept: 'application/json' },
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: `Signed in, but not allowed to read agent states. Access key: give the API user a role that can view real-time agent data. Tutorial API or gateway: allow the client the scope ${AGENT_STATE_READ_SCOPE}.`,
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
