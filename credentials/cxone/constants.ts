/** Names a user may need to recognise in errors, docs and CXone's admin console, defined once for credential and nodes. */

export const CREDENTIAL_TYPE = 'cxoneApi';

/**
 * Which API the credential signs in to, one name everywhere: the API of the agent-state tutorial this package started from (and OAuth
 * gateways that speak it), signed in with client credentials; or a real CXone tenant, signed in with an access key
 * (with a registered application, or the access key alone). The credential's saved field keeps its own values
 * (`authMode`: clientCredentials / accessKey / accessKeyOnly); apiFlavourOf reads it.
 */
export type ApiFlavour = 'tutorial' | 'realTenant';

export const apiFlavourOf = (credentials: { authMode?: string }): ApiFlavour =>
	credentials.authMode === 'accessKey' || credentials.authMode === 'accessKeyOnly' ? 'realTenant' : 'tutorial';

/** Where CXone Admin lists users, their numeric agent IDs and access keys (NICE's help calls the page Employees). */
export const EMPLOYEES_SCREEN = 'CXone Admin > Employees';

export const AGENT_STATE_READ_SCOPE = 'urn:nice:cxone:agent:state:read';

/** Real CXone tenants' API version; every path is in http/paths.ts. */
export const DEFAULT_API_VERSION = 'v31.0';

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

/**
 * NICE's User Hub hosts, where an access key alone gets a token: "Current domains are: na1, au1, eu1"
 * (developer.niceincontact.com/Documentation/UserHubGettingStarted). The path is the Data Extraction API's
 * (developer.niceincontact.com/API/DataExtractionAPI), also used by outboundani/cxone-mcp src/cxone.js.
 */
export const USER_HUB_REGIONS = {
	na1: 'https://na1.nice-incontact.com',
	au1: 'https://au1.nice-incontact.com',
	eu1: 'https://eu1.nice-incontact.com',
} as const;
export const USER_HUB_SIGN_IN_PATH = '/authentication/v1/token/access-key';
