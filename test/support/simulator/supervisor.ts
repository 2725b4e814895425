/**
 * The simulator's real-tenant supervisor endpoints, with the shapes of NICE's definitions (see
 * nodes/Cxone/transport/agents.ts for the sources): one agent's state, set state, log out, agent
 * search, teams, unavailable codes and locations, and agent messages. Set State and Log Out change the tenant, so
 * later calls and the trigger see it; messages are kept in `messages` for tests to read.
 */
import type { Answer, RecordedRequest } from './faults';
import { agentRecord, cxoneRecord } from './records';
import { NOT_READY_REASONS, type SimAgent, type SimulatedTenant } from './tenant';

export interface SupervisorHost {
	tenant: SimulatedTenant;
	/** The caller sent a valid, unexpired token. */
	signedIn: boolean;
	now: () => number;
	change(agentId: number, state: string, reason?: string): void;
	/** Where Set State reads `state` and `outStateId`: the query, a JSON body, or either (the default). */
	setStateReads?: SetStateReads;
	/** Keeps a message CXone accepted; returns its agentMessageId. */
	deliver(message: SimMessage): number;
}

/** One entry of POST /agents/messages as the simulator accepted it. */
export interface SimMessage {
	subject: string;
	message: string;
	targetType: 'Agent' | 'Team' | 'Everyone';
	targetId: number | null;
	startDate: string | null;
	validUntil: string | null;
	expireMinutes: number | null;
}

export type SetStateReads = 'query' | 'body' | 'either';

/** Set State, Log Out and Send Message: the calls that change something (faults on them are path `writes`). */
export const isAgentWrite = (method: string, pathname: string) =>
	method === 'POST' && /^\/incontactapi\/services\/v\d+\.\d+\/agents\/(?:[^/]+\/(?:state|logout)|messages)$/i.test(pathname);

/** Every team has the same codes, numbered as records.ts numbers outStateId: Lunch = 1, Break = 2, ... */
export const UNAVAILABLE_CODES = NOT_READY_REASONS.map((name, index) => ({ outstateId: index + 1, outstateName: name, isActive: true, isAcw: false }));

const json = (status: number, value: unknown, description?: string): Answer => ({
	status,
	body: value === undefined ? '' : JSON.stringify(value),
	headers: { 'Content-Type': 'application/json', ...(description ? { icStatusDescription: description } : {}) },
});

const failure = (status: number, description: string) => json(status, { error: description.replace(/\s/g, ''), errorDescription: description }, description);

/**
 * CXone's Admin lists serve at most 100 per page (outboundani/cxone-mcp src/cxone.js, listAll); the answer to more
 * is assumed to be a 400, so a client asking more fails here as it would there.
 */
export const ADMIN_MAX_TOP = 100;

export function adminTopRefused(query: Record<string, string>): Answer | undefined {
	const top = Number(query.top);
	return query.top !== undefined && top > ADMIN_MAX_TOP ? failure(400, `Invalid top: the maximum is ${ADMIN_MAX_TOP}`) : undefined;
}

const PATH = /^\/incontactapi\/services\/v\d+\.\d+\/(.+)$/i;

/** An answer for the supervisor endpoints, or undefined when the request is not one of them. */
export function supervisorAnswer(host: SupervisorHost, record: RecordedRequest, pathname: string): Answer | undefined {
	const match = PATH.exec(pathname);
	if (!match) return undefined;
	const rest = match[1].toLowerCase();
	const method = record.method;
	const agentMatch = /^agents\/([^/]+)\/(states|state|logout)$/.exec(rest);
	const teamCodes = /^teams\/([^/]+)\/unavailable-codes$/.exec(rest);
	const searching = rest === 'agents' && record.query.searchString !== undefined;
	const messages = rest === 'agents/messages';
	const known = agentMatch || teamCodes || searching || messages || rest === 'teams' || rest === 'unavailable-codes' || rest === 'locations';
	if (!known) return undefined;
	if (!host.signedIn) return failure(401, 'Unauthorized');
	if (messages) return method === 'POST' ? createMessages(host, record) : failure(405, 'Use POST');

	if (agentMatch) {
		const [, id, action] = agentMatch;
		const expected = action === 'states' ? 'GET' : 'POST';
		if (method !== expected) return failure(405, `Use ${expected}`);
		// NICE's test data: letters give "InvalidAgentId", unknown numbers "Invalid Agent Id".
		if (!/^\d+$/.test(id)) return failure(404, 'InvalidAgentId');
		const agent = host.tenant.agents.find((candidate) => candidate.agentId === Number(id));
		if (!agent) return failure(404, 'Invalid Agent Id');
		if (action === 'states') return json(200, { agentStates: [oneAgentRecord(agent, host)] });
		if (action === 'logout') {
			if (agent.state === 'LOGGED_OUT') return failure(409, 'Agent is not logged in');
			host.change(agent.agentId, 'LOGGED_OUT');
			return json(202, undefined);
		}
		return setState(host, agent, record);
	}
	if (method !== 'GET') return failure(405, 'Use GET');
	const refused = adminTopRefused(record.query);
	if (refused && (searching || rest === 'teams')) return refused;
	if (searching) return searchAgents(host, record);
	if (rest === 'teams') {
		const teams = teamsOf(host);
		const top = Math.max(0, Number(record.query.top) || 0);
		const skip = Math.max(0, Number(record.query.skip) || 0);
		return json(200, { totalRecords: teams.length, teams: top > 0 ? teams.slice(skip, skip + top) : teams.slice(skip) });
	}
	if (rest === 'locations') {
		const locations = new Map(host.tenant.agents.map((agent) => [agent.locationId, agent.locationName]));
		return json(200, { locations: [...locations].map(([locationId, locationName]) => ({ locationId, locationName })) });
	}
	if (rest === 'unavailable-codes') {
		return json(200, { totalRecords: UNAVAILABLE_CODES.length, unavailableCodes: UNAVAILABLE_CODES.map((code) => ({ id: code.outstateId, name: code.outstateName, isActive: true, isACW: false })) });
	}
	const team = teamsOf(host).find((candidate) => String(candidate.teamId) === teamCodes![1]);
	if (!team) return failure(404, 'Invalid Team Id');
	return json(200, { teamId: team.teamId, teamName: team.teamName, unavailableCodes: UNAVAILABLE_CODES });
}

/** GET /agents/{id}/states: per-agent fields (mediaName, its own lastPollTime; no userName or totalRecords). */
function oneAgentRecord(agent: SimAgent, host: SupervisorHost) {
	const { mediaTypeName, ...record }: Record<string, unknown> = cxoneRecord(agent, host.tenant.businessUnitId);
	delete record.userName;
	return { ...record, mediaName: mediaTypeName, lastPollTime: new Date(host.now()).toISOString() };
}

/**
 * POST /agents/{id}/state: state and outStateId in the query, as NICE's OpenAPI has them, or in a JSON body, as
 * NICE's API test suite sends them; `setStateReads` makes it read only one of the two.
 */
function setState(host: SupervisorHost, agent: SimAgent, record: RecordedRequest): Answer {
	const reads = host.setStateReads ?? 'either';
	let body: Record<string, unknown> = {};
	if (reads !== 'query') {
		if (reads === 'body' && !/^application\/json\b/i.test(record.headers['content-type'] ?? '')) return failure(415, 'Use Content-Type application/json');
		try {
			body = record.body ? (JSON.parse(record.body) as Record<string, unknown>) : {};
		} catch {
			return failure(400, 'Invalid request body');
		}
	}
	const query = reads === 'body' ? {} : record.query;
	const state = String(query.state ?? body.state ?? '');
	const outStateId = query.outStateId ?? (body.outStateId === undefined || body.outStateId === '' ? undefined : String(body.outStateId));
	if (!/^(available|unavailable)$/i.test(state)) return failure(400, 'Invalid state request. Use "Available" or "Unavailable"');
	if (agent.state === 'LOGGED_OUT') return failure(409, 'Agent is not logged in');
	if (/^available$/i.test(state)) {
		host.change(agent.agentId, 'Available');
		return json(200, undefined);
	}
	let reason = '';
	if (outStateId !== undefined) {
		const code = UNAVAILABLE_CODES.find((candidate) => String(candidate.outstateId) === outStateId);
		if (!code) return failure(400, 'Invalid OutStateId');
		reason = code.outstateName;
	}
	host.change(agent.agentId, 'Unavailable', reason);
	return json(200, undefined);
}

function teamsOf(host: SupervisorHost) {
	const teams = new Map(host.tenant.agents.map((agent) => [agent.teamId, agent.teamName]));
	// CXone sends isActive as "True" on some endpoints (nice-cxone-agent-sdk common-sdk model/team.js parses it).
	return [...teams].sort(([a], [b]) => a - b).map(([teamId, teamName]) => ({ teamId, teamName, isActive: 'True' }));
}

function searchAgents(host: SupervisorHost, record: RecordedRequest): Answer {
	const wanted = (record.query.searchString ?? '').toLowerCase();
	const matches = host.tenant.agents.filter((agent) => `${agent.firstName} ${agent.lastName} ${agent.userName}`.toLowerCase().includes(wanted));
	const top = Math.max(0, Number(record.query.top) || 0);
	const skip = Math.max(0, Number(record.query.skip) || 0);
	const page = top > 0 ? matches.slice(skip, skip + top) : matches;
	return json(200, { totalRecords: matches.length, agents: page.map(agentRecord) });
}

const TARGET_TYPES = new Set(['Agent', 'Team', 'Everyone']);

/**
 * POST /agents/messages: `{ agentMessages: [...] }` in, `{ errorCount, agentMessageResults: [...] }` out, one result per
 * entry in order (calljacob/nice-cxone-api AdminAgentsService.createMessage; walterplaza/protractor
 * create-an-agent-message-v12.0.json). A malformed body is a 400; an entry naming an unknown agent or team fails on
 * its own inside a 200, as a batch answer can (assumed: no source shows a failed entry).
 */
function createMessages(host: SupervisorHost, record: RecordedRequest): Answer {
	if (!/^application\/json\b/i.test(record.headers['content-type'] ?? '')) return failure(415, 'Use Content-Type application/json');
	let body: { agentMessages?: unknown };
	try {
		body = JSON.parse(record.body || '{}') as { agentMessages?: unknown };
	} catch {
		return failure(400, 'Invalid request body');
	}
	if (!Array.isArray(body.agentMessages) || body.agentMessages.length === 0) return failure(400, 'agentMessages is required');
	const results = [];
	for (const entry of body.agentMessages as Array<Record<string, unknown>>) {
		const { subject, message, targetType, targetId } = entry;
		if (typeof subject !== 'string' || !subject || typeof message !== 'string' || !message) return failure(400, 'Subject and Message are required');
		if (typeof targetType !== 'string' || !TARGET_TYPES.has(targetType)) return failure(400, 'Invalid targetType');
		const id = targetId === undefined || targetId === null || targetId === '' ? null : Number(targetId);
		let error = '';
		if (targetType === 'Agent' && !host.tenant.agents.some((agent) => agent.agentId === id)) error = 'Invalid Agent Id';
		if (targetType === 'Team' && !host.tenant.agents.some((agent) => agent.teamId === id)) error = 'Invalid Team Id';
		if (error) {
			results.push({ agentMessageId: 0, success: false, error });
			continue;
		}
		const optional = (value: unknown) => (typeof value === 'string' && value ? value : null);
		const agentMessageId = host.deliver({
			subject,
			message,
			targetType: targetType as SimMessage['targetType'],
			targetId: targetType === 'Everyone' ? null : id,
			startDate: optional(entry.startDate),
			validUntil: optional(entry.validUntil),
			expireMinutes: typeof entry.expireMinutes === 'number' ? entry.expireMinutes : null,
		});
		results.push({ agentMessageId, success: true, error: '' });
	}
	return json(200, { errorCount: results.filter((result) => !result.success).length, agentMessageResults: results });
}
