/** Names a user may need to recognise in errors, docs and CXone's admin console, defined once. */

export const CREDENTIAL_TYPE = 'cxoneApi';

export const AGENT_STATE_READ_SCOPE = 'urn:nice:cxone:agent:state:read';

/** The tutorial's API (and OAuth gateways that speak it). */
export const TUTORIAL_STATES_PATH = '/api/v2/agents/states';
export const TUTORIAL_TOKEN_PATH = '/oauth2/token';

/** Real CXone tenants: the Real-Time Data and Admin APIs under a versioned path. */
export const DEFAULT_API_VERSION = 'v31.0';
export const realStatesPath = (apiVersion: string) =>
	`/incontactapi/services/${apiVersion}/agents/states`;
export const realAgentsPath = (apiVersion: string) => `/incontactapi/services/${apiVersion}/agents`;

export const CXONE_ISSUERS = {
	global: 'https://cxone.niceincontact.com',
	fedramp: 'https://cxone-gov.niceincontact.com',
} as const;

export const CANONICAL_STATES = ['READY', 'NOT_READY', 'ON_CONTACT', 'LOGGED_OUT'] as const;

export const EMPTY_RESULT_HINT =
	'CXone returned no agents. Only agents with an active session are listed: check that agents are logged in ' +
	'(CXone Admin > Users, or the agent desktop), that the credential points at the right tenant, and that the site ' +
	'or team filter matches where the agents are logged in.';
