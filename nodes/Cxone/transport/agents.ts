/** Real tenants' per-agent read and the lists behind the pickers; the writes are in agentWrites.ts. */
/**
 * Paths, parameters and shapes follow NICE's published OpenAPI definitions as generated into
 * calljacob/nice-cxone-api (src/services/admin/AdminAgentsService.ts, AdminGeneralService.ts,
 * src/services/realtime/RealtimedataRealtimeService.ts); statuses and messages follow NICE's own API test suite
 * walterplaza/protractor (src/test-data/inContact/apis/...).
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asBoolean, asString, lowerCaseKeys } from '../helpers/values';
import { saysInvalidAgent, unknownAgentText } from './errorMessages';
import type { CxoneSession, RequestCall } from './index';
import { ADMIN_PAGE_SIZE, readTopSkip } from './pager';

/** A few hundred teams is usual; this bounds a server that keeps paging (5,000 teams). */
const MAX_TEAM_PAGES = 50;

const SET_STATE_PERMISSION_HINT =
	"Give the API user's role permission to change agents' states (for example an Administrator role, or a Supervisor role with ACD > Supervisor > Agent tab and Employees: Edit in CXone Admin > Security Profiles), then run again.";

export const agentPath = (session: CxoneSession, agentId: string, tail: string, itemIndex?: number) =>
	session.paths.agent(session.pathSegment(agentId, 'Agent ID', itemIndex), tail);

export const isApiError = (error: unknown, status: number): error is NodeApiError =>
	error instanceof NodeApiError && error.httpCode === String(status);

/** A 404 that says the agent is unknown, in CXone's words or already in the catalogue's. */
export const isUnknownAgent = (error: unknown): error is NodeApiError =>
	isApiError(error, 404) && (saysInvalidAgent(`${error.description ?? ''} ${error.message}`) || /knows no agent/.test(error.message));

/** The catalogue's unknown-agent error, with what CXone said when it said something. */
export function unknownAgent(session: CxoneSession, agentId: string, itemIndex?: number, said = ''): NodeApiError {
	const text = unknownAgentText(agentId, said);
	return session.apiError(text.message, text.description, itemIndex, text.httpCode);
}

/** Errors of the per-agent calls, reworded to say what to do; anything else passes through unchanged. */
export function explain(session: CxoneSession, error: unknown, agentId: string, action: 'read' | 'change', itemIndex?: number): unknown {
	if (isUnknownAgent(error)) return unknownAgent(session, agentId, itemIndex);
	if (isApiError(error, 403) && action === 'change') {
		return session.apiError(
			`The CXone API user is not allowed to change agent ${agentId}'s state (HTTP 403)`,
			SET_STATE_PERMISSION_HINT,
			itemIndex,
			'403',
		);
	}
	return error;
}

/** GET /agents/{agentId}/states: `{ agentStates: [ one record ] }` (RealtimedataRealtimeService.getAgentStateByid). */
export async function fetchOneAgentState(session: CxoneSession, agentId: string, call: RequestCall = {}): Promise<Record<string, unknown>> {
	let body: unknown;
	try {
		({ body } = await session.request(agentPath(session, agentId, 'states', call.itemIndex), {}, call));
	} catch (error) {
		throw explain(session, error, agentId, 'read', call.itemIndex);
	}
	const wrapper = body && typeof body === 'object' && !Array.isArray(body) ? lowerCaseKeys(body as Record<string, unknown>) : {};
	const records = Array.isArray(body) ? body : wrapper.agentstates;
	const record = Array.isArray(records) ? records.find((entry) => typeof entry === 'object' && entry !== null) : undefined;
	if (!record) throw unknownAgent(session, agentId, call.itemIndex);
	return record as Record<string, unknown>;
}

function arrayIn(body: unknown, key: string): Record<string, unknown>[] {
	if (Array.isArray(body)) return body.filter((entry) => typeof entry === 'object' && entry !== null) as Record<string, unknown>[];
	if (!body || typeof body !== 'object') return [];
	const list = lowerCaseKeys(body as Record<string, unknown>)[key];
	return Array.isArray(list) ? (list.filter((entry) => typeof entry === 'object' && entry !== null) as Record<string, unknown>[]) : [];
}

const totalOf = (body: unknown) =>
	body && typeof body === 'object' && !Array.isArray(body) ? Number(lowerCaseKeys(body as Record<string, unknown>).totalrecords) : NaN;

const countOrNull = (value: number) => (Number.isInteger(value) && value >= 0 ? value : null);

/** CXone sends booleans as true/"True"/"true" depending on the endpoint (nice-cxone-agent-sdk common-sdk model/team.js). */
const isFalse = (value: unknown) => value === false || (typeof value === 'string' && value.trim().toLowerCase() === 'false');

/** Every page of an Admin list, bounded; a cut list is what the picker shows (it is a choice, not a count). */
async function readAll(session: CxoneSession, path: string, qs: IDataObject, key: string, call: RequestCall): Promise<Record<string, unknown>[]> {
	const all: Record<string, unknown>[] = [];
	await readTopSkip(session, {
		...call,
		path,
		qs,
		pageSize: ADMIN_PAGE_SIZE,
		maxPages: MAX_TEAM_PAGES,
		what: key,
		extract: (body) => ({ records: arrayIn(body, key), totalRecords: countOrNull(totalOf(body)) }),
		onPage: (entries) => {
			for (const entry of entries) all.push(lowerCaseKeys(entry));
		},
	});
	return all;
}

export interface AgentChoice {
	agentId: string;
	name: string;
	/** false for a deactivated agent (the list may ignore isActive=true); null when CXone did not say. */
	isActive: boolean | null;
}

/** GET /agents?searchString= (AdminAgentsService.getAgents), one page for the resource locator's list. */
export async function searchAgents(
	session: CxoneSession,
	search: string,
	skip: number,
	top: number,
): Promise<{ agents: AgentChoice[]; read: number; more: boolean }> {
	const qs: IDataObject = { isActive: true, fields: 'agentId,firstName,lastName,userName,teamName,isActive', top, skip };
	if (search.trim()) qs.searchString = search.trim();
	const { body } = await session.request(session.paths.agents, qs);
	const entries = arrayIn(body, 'agents').map(lowerCaseKeys);
	const agents: AgentChoice[] = [];
	for (const agent of entries) {
		const agentId = asString(agent.agentid);
		if (agentId === null) continue;
		const person = [asString(agent.firstname), asString(agent.lastname)].filter(Boolean).join(' ');
		const userName = asString(agent.username);
		agents.push({ agentId, name: `${person || agentId}${userName ? ` (${userName})` : ''}`, isActive: asBoolean(agent.isactive) });
	}
	const total = totalOf(body);
	// `read` counts records, not agents kept: the next page's skip (records without an agentId are dropped above).
	return { agents, read: entries.length, more: Number.isFinite(total) ? skip + entries.length < total : entries.length === top };
}

/** GET /teams?isActive=true (AdminAgentsService.getTeams). */
export async function fetchTeams(session: CxoneSession, call: RequestCall = {}): Promise<Array<{ teamId: string; teamName: string }>> {
	const teams = await readAll(session, session.paths.teams, { isActive: true, fields: 'teamId,teamName,isActive' }, 'teams', call);
	const result: Array<{ teamId: string; teamName: string }> = [];
	for (const team of teams) {
		const teamId = asString(team.teamid);
		if (teamId === null || isFalse(team.isactive)) continue;
		result.push({ teamId, teamName: asString(team.teamname) ?? teamId });
	}
	return result;
}

export interface UnavailableCode {
	outStateId: string;
	name: string;
	isAcw: boolean;
}

/**
 * GET /teams/{teamId}/unavailable-codes?activeOnly=true (AdminAgentsService.getTeamsIdUnavailableCodes: a top-level
 * `unavailableCodes` array of `outstateId`/`outstateName`), or without a team the business unit's
 * GET /unavailable-codes (protractor general-admin-management-v12.ts; `id`/`name` in newer specs). Keys are read
 * without case because NICE's SDK spells them outStateId/outStateName.
 */
export async function fetchUnavailableCodes(session: CxoneSession, teamId: string | null, call: RequestCall = {}): Promise<UnavailableCode[]> {
	const path = teamId === null ? session.paths.unavailableCodes : session.paths.teamUnavailableCodes(session.pathSegment(teamId, 'Team ID', call.itemIndex));
	const { body } = await session.request(path, { activeOnly: true }, call);
	const codes: UnavailableCode[] = [];
	for (const entry of arrayIn(body, 'unavailablecodes')) {
		const code = lowerCaseKeys(entry);
		const outStateId = asString(code.outstateid ?? code.id);
		if (outStateId === null || isFalse(code.isactive)) continue;
		const isAcw = code.isacw === true || (typeof code.isacw === 'string' && code.isacw.toLowerCase() === 'true');
		codes.push({ outStateId, name: asString(code.outstatename ?? code.name) ?? outStateId, isAcw });
	}
	return codes;
}

/** GET /locations (AdminGeneralService.returnsLocations): names, which is what GET /agents gives each agent as `location`. */
export async function fetchLocationNames(session: CxoneSession, call: RequestCall = {}): Promise<string[]> {
	const { body } = await session.request(session.paths.locations, {}, call);
	const names = new Set<string>();
	for (const location of arrayIn(body, 'locations')) {
		const name = asString(lowerCaseKeys(location).locationname);
		if (name) names.add(name);
	}
	return [...names];
}
