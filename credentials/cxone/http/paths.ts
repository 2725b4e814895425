/**
 * Every API path the package requests, in one place. Real tenants' paths follow NICE's published OpenAPI
 * definitions as generated into calljacob/nice-cxone-api (src/services/admin/AdminAgentsService.ts,
 * AdminGeneralService.ts, realtime/RealtimedataRealtimeService.ts, reporting/ReportingReportingService.ts).
 * IDs arrive here already encoded as one path segment (CxoneSession.pathSegment).
 */

/** The tutorial's API (and OAuth gateways that speak it). */
export const TUTORIAL_STATES_PATH = '/api/v2/agents/states';
export const TUTORIAL_TOKEN_PATH = '/oauth2/token';

/** Real CXone tenants: the Real-Time Data, Admin and Reporting APIs under one versioned prefix. */
export const REAL_TENANT_SERVICES_PREFIX = '/incontactapi/services/';

const services = (apiVersion: string, tail: string) => `${REAL_TENANT_SERVICES_PREFIX}${apiVersion}/${tail}`;

export const realTenantPaths = (apiVersion: string) => ({
	agentStates: services(apiVersion, 'agents/states'),
	agents: services(apiVersion, 'agents'),
	/** One agent's resource: `states`, `state`, `logout`, `state-history`, `performance`. */
	agent: (agentSegment: string, tail: string) => services(apiVersion, `agents/${agentSegment}/${tail}`),
	stateHistory: services(apiVersion, 'agents/state-history'),
	agentMessages: services(apiVersion, 'agents/messages'),
	performance: services(apiVersion, 'agents/performance'),
	teams: services(apiVersion, 'teams'),
	teamUnavailableCodes: (teamSegment: string) => services(apiVersion, `teams/${teamSegment}/unavailable-codes`),
	unavailableCodes: services(apiVersion, 'unavailable-codes'),
	locations: services(apiVersion, 'locations'),
	skillActivity: services(apiVersion, 'skills/activity'),
	activeContacts: services(apiVersion, 'contacts/active'),
});

/** The credential's Test button asks for one agent state: the smallest read every real-tenant role can make. */
export const realTenantTestPath = (apiVersion: string) => `${realTenantPaths(apiVersion).agentStates}?top=1`;
