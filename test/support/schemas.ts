/**
 * JSON Schemas (draft-07, checked with ajv) of the real-tenant answers the package reads, written from NICE's
 * published definitions. Each cites its source; `additionalProperties` stays open (the definitions list more
 * fields than the package reads, and NICE adds fields between versions).
 *
 * CJ  = calljacob/nice-cxone-api (TypeScript generated from NICE's OpenAPI files on developer.niceincontact.com)
 * SDK = nice-devone/nice-cxone-agent-sdk (NICE's own agent SDK, dist/)
 * COG = Cognigy/Extensions extensions/cxone (a connector that signs in to real tenants)
 */
import Ajv from 'ajv';

import { STATE_TABLE } from '../../nodes/Cxone/helpers/states';

const string = { type: 'string' } as const;
const integer = { type: 'integer' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
/** CJ types these as boolean; the SDK's parseBooleanString (dist/common-sdk/src/util/utility.js) also meets 'True'/'False'. */
const booleanOrString = { anyOf: [{ type: 'boolean' }, { type: 'string', pattern: '^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$' }] } as const;
const links = {
	type: 'object',
	properties: { self: string, next: string, previous: string },
} as const;

/** CJ src/services/auth/AuthenticationGlobalauthenticationService.ts, POST /auth/token response. */
export const tokenAnswerSchema = {
	$id: 'token-answer',
	type: 'object',
	required: ['access_token', 'token_type', 'refresh_token', 'expires_in', 'id_token'],
	properties: {
		access_token: { type: 'string', minLength: 1 },
		token_type: string,
		issued_token_type: string,
		refresh_token: string,
		expires_in: { type: 'number', exclusiveMinimum: 0 },
		id_token: { type: 'string', pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$' },
	},
} as const;

/**
 * The id_token claims the package reads: `tenantId` and `iss` (COG src/nodes/send-signal.ts decodes tokens.id_token
 * and passes decodedToken.iss and decodedToken.tenantId to getCxoneConfigUrl); iat/exp are standard JWT claims.
 */
export const idTokenClaimsSchema = {
	$id: 'id-token-claims',
	type: 'object',
	required: ['iss', 'tenantId'],
	properties: {
		iss: { type: 'string', format: 'uri' },
		tenantId: { type: 'string', minLength: 1 },
		iat: integer,
		exp: integer,
	},
} as const;

/**
 * GET {issuer}/.well-known/openid-configuration: CJ's discovery schema (token_endpoint,
 * token_endpoint_auth_methods_supported: ['client_secret_basic']); COG src/helpers/cxone-utils.ts getCxoneOpenIdUrl
 * reads token_endpoint.
 */
export const openIdConfigurationSchema = {
	$id: 'openid-configuration',
	type: 'object',
	required: ['issuer', 'token_endpoint'],
	properties: {
		issuer: { type: 'string', format: 'uri' },
		token_endpoint: { type: 'string', format: 'uri' },
		token_endpoint_auth_methods_supported: { type: 'array', items: { enum: ['client_secret_basic'] } },
		grant_types_supported: { type: 'array', items: string },
	},
} as const;

/** GET {iss}/.well-known/cxone-configuration?tenantId=: COG src/helpers/cxone-utils.ts getCxoneConfigUrl reads api_endpoint. */
export const cxoneConfigurationSchema = {
	$id: 'cxone-configuration',
	type: 'object',
	required: ['api_endpoint'],
	properties: {
		api_endpoint: { type: 'string', format: 'uri' },
		auth_endpoint: string,
		ui_endpoint: string,
		area: string,
		cluster: string,
		domain: string,
		tenantId: string,
	},
} as const;

const agentStateNames = [...new Set(STATE_TABLE.filter((mapping) => mapping.id !== null).map((mapping) => mapping.name))];

/**
 * GET /agents/states: CJ src/services/realtime/RealtimedataRealtimeService.ts getAgentStates. The names are the enum
 * of CJ's getAgentStateByid (the collection types agentStateName as a plain string); ids 0-8 from the SDK's
 * dist/agent-sdk/src/lib/agent-state/enum/agent-states-id.js.
 */
export const agentStatesSchema = {
	$id: 'agent-states',
	type: 'object',
	required: ['agentStates'],
	properties: {
		totalRecords: integer,
		_links: links,
		lastPollTime: dateTime,
		agentStates: {
			type: 'array',
			items: {
				type: 'object',
				required: ['agentId', 'agentStateId', 'agentStateName'],
				properties: {
					agentId: integer,
					agentStateId: { type: 'integer', minimum: 0, maximum: 8 },
					agentStateName: { enum: agentStateNames },
					agentStateCategory: string,
					businessUnitId: integer,
					// null allowed (assumed): CJ types contactId, mediaTypeName and outStateId as plain values; the simulator sends null when there is none.
					contactId: { type: ['integer', 'null'] },
					isActive: booleanOrString,
					isACW: booleanOrString,
					isOutbound: booleanOrString,
					firstName: string,
					lastName: string,
					lastUpdateTime: dateTime,
					mediaTypeName: { type: ['string', 'null'] },
					mediaTypeId: integer,
					outStateDescription: string,
					outStateId: { type: ['integer', 'null'] },
					skillId: integer,
					skillName: string,
					startDate: dateTime,
					teamId: integer,
					teamName: string,
					userName: string,
				},
			},
		},
	},
} as const;

/**
 * GET /agents: CJ src/services/admin/AdminAgentsService.ts getAgents ("Updated in v34.0"). `location` is a NAME;
 * there is no locationId in this answer (only in POST/PUT bodies).
 */
export const agentsSchema = {
	$id: 'agents',
	type: 'object',
	required: ['agents'],
	properties: {
		businessUnitId: integer,
		_links: links,
		lastPollTime: dateTime,
		totalRecords: integer,
		agents: {
			type: 'array',
			items: {
				type: 'object',
				required: ['agentId'],
				not: { required: ['locationId'] },
				properties: {
					agentId: integer,
					userName: string,
					firstName: string,
					lastName: string,
					isActive: booleanOrString,
					teamId: integer,
					teamName: string,
					location: string,
				},
			},
		},
	},
} as const;

/** GET /locations: CJ src/services/admin/AdminGeneralService.ts returnsLocations (AdminGeneral_getLocationsResponse). */
export const locationsSchema = {
	$id: 'locations',
	type: 'object',
	required: ['locations'],
	properties: {
		locations: {
			type: 'array',
			items: { type: 'object', required: ['locationName'], properties: { locationId: integer, locationName: string } },
		},
	},
} as const;

/** A count or percentage: the definitions say number, the reporting API sends text ("54", "20.37"). */
const numberOrNumericString = { anyOf: [{ type: 'number' }, { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' }] } as const;
/** An ISO 8601 duration as the reporting API sends times: PT0S, PT5H48M1.139S, P1DT19H18M29.651S. */
const isoDuration = { type: 'string', pattern: '^P(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$' } as const;
export const PERFORMANCE_COUNT_FIELDS = ['agentOffered', 'inboundHandled', 'outboundHandled', 'totalHandled', 'refused', 'percentRefused', 'workingRate', 'occupancy'] as const;
export const PERFORMANCE_TIME_FIELDS = [
	'inboundTime', 'inboundTalkTime', 'inboundAvgTalkTime', 'outboundTime', 'outboundTalkTime', 'outboundAvgTalkTime', 'totalTalkTime',
	'totalAvgTalkTime', 'totalAvgHandleTime', 'consultTime', 'availableTime', 'unavailableTime', 'acwTime', 'loginTime',
] as const;

/**
 * GET /agents[/{agentId}]/performance: CJ src/services/reporting/ReportingReportingService.ts performanceSummary
 * (`agentPerformance[]`, 24 fields); counts as text and times as ISO 8601 durations per singer-io/tap-nice-incontact
 * tests/test_transform_iso8601_durations.py (the definitions' `number` is not what the API sends).
 */
export const agentPerformanceSchema = {
	$id: 'agentPerformance',
	type: 'object',
	required: ['agentPerformance'],
	properties: {
		businessUnitId: integer,
		lastPollTime: dateTime,
		agentPerformance: {
			type: 'array',
			items: {
				type: 'object',
				required: ['agentId'],
				properties: {
					agentId: integer,
					teamId: integer,
					...Object.fromEntries(PERFORMANCE_COUNT_FIELDS.map((field) => [field, numberOrNumericString])),
					...Object.fromEntries(PERFORMANCE_TIME_FIELDS.map((field) => [field, isoDuration])),
				},
			},
		},
	},
} as const;

const ajv = new Ajv({ allErrors: true });

/** Validation errors as readable lines, [] when the value fits the schema. */
export function violations(schema: object, value: unknown): string[] {
	const validate = ajv.compile(schema);
	if (validate(value)) return [];
	return (validate.errors ?? []).map((error) => `${error.dataPath || '(root)'} ${error.message ?? ''}`);
}
