/**
 * Pure data shaping: whatever CXone sent becomes one schema. No n8n context here, so it can be tested
 * exhaustively and benchmarked on its own.
 */

export interface NormalizedAgentState {
	agentId: string;
	state: string;
	subState: string | null;
	isReady: boolean;
	siteId: string | null;
	siteName: string | null;
	teamId: string | null;
	teamName: string | null;
	firstName: string | null;
	lastName: string | null;
	userName: string | null;
	skillId: string | null;
	skillName: string | null;
	contactId: string | null;
	isAcw: boolean | null;
	businessUnitId: string | null;
	stateSince: string | null;
	stateDurationSeconds: number | null;
	raw?: unknown;
}

export interface AgentStatesPage {
	records: unknown[];
	/** Real CXone's cursor for the next `updatedSince`. */
	lastPollTime: string | null;
	/** Real CXone's `_links.next` when the tenant pages. */
	nextLink: string | null;
}

export interface NormalizeResult {
	agents: NormalizedAgentState[];
	/** Records that could not name an agent (not an object, or no agent ID). */
	skipped: number;
}

export class UnexpectedResponseShapeError extends Error {
	constructor(readonly foundShape: string) {
		super(
			`CXone's agent-states response has an unexpected shape (${foundShape}): expected a JSON array of agents or an object with an "agentStates" array`,
		);
		this.name = 'UnexpectedResponseShapeError';
	}
}

type JsonRecord = Record<string, unknown>;

const isRecord = (value: unknown): value is JsonRecord =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Old API versions answer in PascalCase (`AgentId`), current ones in camelCase: read keys without case. */
export function lowerCaseKeys(record: JsonRecord): JsonRecord {
	// No prototype: a key such as "__proto__" in CXone's JSON stays a plain key.
	const lowered: JsonRecord = Object.create(null);
	for (const key in record) lowered[key.toLowerCase()] = record[key];
	return lowered;
}

function describeShape(body: unknown): string {
	if (body === null) return 'null';
	if (Array.isArray(body)) return 'array';
	if (isRecord(body)) {
		const keys = Object.keys(body).slice(0, 5);
		return keys.length ? `an object with keys ${keys.join(', ')}` : 'an empty object';
	}
	return typeof body;
}

/**
 * Accepts the tutorial's flat array, real CXone's `{ agentStates: [...] }` wrapper (any key case), and the
 * `{ resultSet: { agentStates, lastPollTime } }` wrapper NICE's own SDK reads from its cache endpoint.
 */
export function extractAgentStatesPage(body: unknown): AgentStatesPage {
	if (Array.isArray(body)) return { records: body, lastPollTime: null, nextLink: null };
	if (isRecord(body)) {
		const top = lowerCaseKeys(body);
		const container = isRecord(top.resultset) ? lowerCaseKeys(top.resultset) : top;
		const records = container.agentstates;
		if (Array.isArray(records)) {
			const links = isRecord(top._links) ? top._links : {};
			return {
				records,
				lastPollTime: asString(container.lastpolltime ?? top.lastpolltime),
				nextLink: asString(links.next),
			};
		}
	}
	throw new UnexpectedResponseShapeError(describeShape(body));
}

function asString(value: unknown): string | null {
	if (typeof value === 'string') return value.length ? value : null;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

function asBoolean(value: unknown): boolean | null {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 1) return true;
	if (value === 'false' || value === 0) return false;
	return null;
}

/** CXone's numeric `agentStateId`, per NICE's agent SDK (`agent-states-id.js`) and the realtime spec's enum. */
const STATE_NAME_BY_ID: Record<string, string> = {
	'0': 'LoggedOut',
	'1': 'Available',
	'2': 'Unavailable',
	'3': 'InboundContact',
	'4': 'OutboundContact',
	'5': 'InboundConsult',
	'6': 'OutboundConsult',
	'7': 'Dialer',
	'8': 'LoggedIn',
};

/** Keyed by the name with case, spaces, underscores and hyphens removed. */
const CANONICAL_BY_ALIAS: Record<string, string> = {
	ready: 'READY',
	available: 'READY',
	notready: 'NOT_READY',
	unavailable: 'NOT_READY',
	loggedout: 'LOGGED_OUT',
	oncontact: 'ON_CONTACT',
	inboundcontact: 'ON_CONTACT',
	outboundcontact: 'ON_CONTACT',
	inboundconsult: 'ON_CONTACT',
	outboundconsult: 'ON_CONTACT',
};

const aliasKey = (name: string) => name.replace(/[\s_-]/g, '').toLowerCase();

/** `PaidBreak`, `paid break` and `PAID_BREAK` all become `PAID_BREAK`. */
function toUpperSnake(name: string): string {
	return name
		.trim()
		.replace(/([a-z0-9])([A-Z])/g, '$1_$2')
		.replace(/[\s-]+/g, '_')
		.toUpperCase();
}

export function canonicalState(name: string): string {
	return CANONICAL_BY_ALIAS[aliasKey(name)] ?? toUpperSnake(name);
}

function toIsoTimestamp(value: unknown): string | null {
	if (typeof value !== 'string' && typeof value !== 'number') return null;
	const ms = typeof value === 'number' ? value : Date.parse(value);
	if (!Number.isFinite(ms)) return null;
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

interface StateFields {
	state: string;
	subState: string | null;
}

/** The tutorial nests `state: { type, subState }`; some gateways send `state` as a plain string. */
function tutorialState(rec: JsonRecord): StateFields | null {
	const state = rec.state;
	if (typeof state === 'string' && state.trim()) return { state: canonicalState(state), subState: null };
	if (isRecord(state)) {
		const inner = lowerCaseKeys(state);
		const type = asString(inner.type) ?? asString(inner.name);
		if (type) return { state: canonicalState(type), subState: asString(inner.substate) };
	}
	return null;
}

function cxoneState(rec: JsonRecord): StateFields | null {
	const name =
		asString(rec.agentstatename) ?? STATE_NAME_BY_ID[asString(rec.agentstateid) ?? ''] ?? null;
	if (!name) return null;
	const state = canonicalState(name);
	if (state === 'NOT_READY') {
		return { state, subState: asString(rec.outstatedescription) };
	}
	// Keep which kind of contact it is (InboundContact, OutboundConsult, ...) that ON_CONTACT folds together.
	return { state, subState: state === 'ON_CONTACT' && state !== name ? name : null };
}

/** Returns null when the record names no agent: the caller counts it as skipped. */
export function normalizeAgentRecord(
	record: unknown,
	nowMs: number,
	includeRaw = false,
): NormalizedAgentState | null {
	if (!isRecord(record)) return null;
	const rec = lowerCaseKeys(record);
	const agentId = asString(rec.agentid);
	if (agentId === null) return null;

	const { state, subState } = tutorialState(rec) ?? cxoneState(rec) ?? { state: 'UNKNOWN', subState: null };
	const stateSince = toIsoTimestamp(rec.timestamp ?? rec.startdate ?? rec.lastupdatetime);
	const stateDurationSeconds =
		stateSince === null ? null : Math.max(0, Math.floor((nowMs - Date.parse(stateSince)) / 1000));

	const normalized: NormalizedAgentState = {
		agentId,
		state,
		subState,
		isReady: state === 'READY',
		siteId: asString(rec.siteid),
		siteName: asString(rec.sitename),
		teamId: asString(rec.teamid),
		teamName: asString(rec.teamname),
		firstName: asString(rec.firstname),
		lastName: asString(rec.lastname),
		userName: asString(rec.username),
		skillId: asString(rec.skillid),
		skillName: asString(rec.skillname),
		contactId: asString(rec.contactid),
		isAcw: asBoolean(rec.isacw),
		businessUnitId: asString(rec.businessunitid),
		stateSince,
		stateDurationSeconds,
	};
	if (includeRaw) normalized.raw = record;
	return normalized;
}

export function normalizeAgentStates(
	records: unknown[],
	nowMs: number,
	includeRaw = false,
): NormalizeResult {
	const agents: NormalizedAgentState[] = [];
	let skipped = 0;
	for (const record of records) {
		const agent = normalizeAgentRecord(record, nowMs, includeRaw);
		if (agent) agents.push(agent);
		else skipped++;
	}
	return { agents, skipped };
}
