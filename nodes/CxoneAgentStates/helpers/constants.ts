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
export const realLocationsPath = (apiVersion: string) => `/incontactapi/services/${apiVersion}/locations`;

/**
 * CXone's authentication issuers. AU and EU sovereign clouds: Cognigy/Extensions extensions/cxone (connection
 * "environment" options). UK is left out: only a JWKS URI (nicecxone-sov1.uk/auth/jwks) in NICE infrastructure
 * code was found, no issuer; UK tenants can enter it as a Custom Issuer URL.
 */
export const CXONE_ISSUERS = {
	global: 'https://cxone.niceincontact.com',
	fedramp: 'https://cxone-gov.niceincontact.com',
	au: 'https://nicecxone-sov1.au',
	eu: 'https://nicecxone-sov1.eu',
} as const;

export { CANONICAL_STATES } from './states';

/**
 * True in both modes: the tutorial API lists only agents with an active session, while real tenants list
 * logged-out agents too (`LoggedOut` is one of GET /agents/states' agentStateName values, calljacob/nice-cxone-api
 * src/services/realtime/RealtimedataRealtimeService.ts), so there an empty answer means a filter or the tenant.
 */
export const EMPTY_RESULT_HINT =
	'CXone returned no agents. Check that the credential points at the right tenant and that the site, team or state ' +
	'filter matches your agents. The tutorial API (OAuth2 Client Credentials) lists only agents with an active session; ' +
	'real tenants (CXone Access Key) also list logged-out agents, so an empty list there means the filter or the tenant.';
