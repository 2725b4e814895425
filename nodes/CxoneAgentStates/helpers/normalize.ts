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

const MAX_DATE_MS = 8.64e15;

/** Epoch milliseconds of an ISO string or a number, NaN when it is neither or out of Date's range. */
function timestampMs(value: unknown): number {
	const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
	return Math.abs(ms) <= MAX_DATE_MS ? ms : Number.NaN;
}

/** Canonical ISO strings (what CXone sends) are kept as they are, saving a Date per record. */
function isoTimestamp(value: unknown, ms: number): string {
	return typeof value === 'string' && value.length === 24 && value.charCodeAt(10) === 84 && value.charCodeAt(23) === 90
		? value
		: new Date(ms).toISOString();
}

/** The camelCase spelling of every field the normalizer reads (current API versions and the tutorial). */
const FIELD_NAMES = [
	'agentId', 'agentStateId', 'agentStateName', 'outStateDescription', 'state', 'siteId', 'siteName', 'teamId', 'teamName',
	'firstName', 'lastName', 'userName', 'skillId', 'skillName', 'contactId', 'isACW', 'isAcw', 'businessUnitId', 'timestamp',
	'startDate', 'lastUpdateTime',
] as const;
const FIELD_BY_LOWER_CASE = new Map<string, string>(FIELD_NAMES.filter((name) => name !== 'isAcw').map((name) => [name.toLowerCase(), name]));
const CAMEL_CASE_FIELDS = new Set<string>(FIELD_NAMES);

/** Record key → its camelCase field name (null: not a field we read), learned once per distinct key. */
type FieldLookup = Map<string, string | null>;

function fieldOf(key: string, lookup: FieldLookup): string | null {
	let field = lookup.get(key);
	if (field === undefined) {
		field = FIELD_BY_LOWER_CASE.get(key.toLowerCase()) ?? null;
		lookup.set(key, field);
	}
	return field;
}

/** Old API versions answer in PascalCase (`AgentId`): copy the fields we read under their camelCase names. */
function toCamelCase(record: JsonRecord, lookup: FieldLookup): JsonRecord {
	const camel: JsonRecord = {};
	for (const key in record) {
		const field = fieldOf(key, lookup);
		if (field !== null) camel[field] = record[key];
	}
	return camel;
}

/**
 * Whether a record spells every field it has in camelCase. Checked on a batch's first record: camelCase
 * records are then read directly (V8's inline caches make that several times cheaper than walking keys), and
 * any record without a camelCase `agentId` is still converted key by key.
 */
function isCamelCase(record: JsonRecord, lookup: FieldLookup): boolean {
	for (const key in record) {
		if (fieldOf(key, lookup) !== null && !CAMEL_CASE_FIELDS.has(key)) return false;
	}
	return true;
}

interface StateFields {
	state: string;
	subState: string | null;
}

/** Canonical names per source name, per batch: a tenant has a handful of state names, not one per agent. */
type StateCache = Map<string, string>;

function cachedCanonicalState(name: string, cache: StateCache): string {
	let state = cache.get(name);
	if (state === undefined) {
		state = canonicalState(name);
		cache.set(name, state);
	}
	return state;
}

/** The tutorial nests `state: { type, subState }`; some gateways send `state` as a plain string. */
function tutorialState(source: JsonRecord, cache: StateCache): StateFields | null {
	const state = source.state;
	if (typeof state === 'string' && state.trim()) return { state: cachedCanonicalState(state, cache), subState: null };
	if (isRecord(state)) {
		const type = asString(state.type) ?? asString(state.Type) ?? asString(state.name);
		if (type) return { state: cachedCanonicalState(type, cache), subState: asString(state.subState ?? state.SubState ?? state.substate) };
	}
	return null;
}

function cxoneState(source: JsonRecord, cache: StateCache): StateFields | null {
	const name = asString(source.agentStateName) ?? STATE_NAME_BY_ID[asString(source.agentStateId) ?? ''] ?? null;
	if (!name) return null;
	const state = cachedCanonicalState(name, cache);
	if (state === 'NOT_READY') return { state, subState: asString(source.outStateDescription) };
	// Keep which kind of contact it is (InboundContact, OutboundConsult, ...) that ON_CONTACT folds together.
	return { state, subState: state === 'ON_CONTACT' ? name : null };
}

function normalizeWith(
	record: unknown,
	nowMs: number,
	includeRaw: boolean,
	lookup: FieldLookup,
	stateCache: StateCache,
	camelCase: boolean,
): NormalizedAgentState | null {
	if (!isRecord(record)) return null;
	const source = camelCase && record.agentId !== undefined ? record : toCamelCase(record, lookup);
	const agentId = asString(source.agentId);
	if (agentId === null) return null;

	const { state, subState } = tutorialState(source, stateCache) ?? cxoneState(source, stateCache) ?? { state: 'UNKNOWN', subState: null };
	const sinceValue = source.timestamp ?? source.startDate ?? source.lastUpdateTime;
	const sinceMs = timestampMs(sinceValue);
	const known = !Number.isNaN(sinceMs);
	const stateSince = known ? isoTimestamp(sinceValue, sinceMs) : null;
	const stateDurationSeconds = known ? Math.max(0, Math.floor((nowMs - sinceMs) / 1000)) : null;

	const normalized: NormalizedAgentState = {
		agentId,
		state,
		subState,
		isReady: state === 'READY',
		siteId: asString(source.siteId),
		siteName: asString(source.siteName),
		teamId: asString(source.teamId),
		teamName: asString(source.teamName),
		firstName: asString(source.firstName),
		lastName: asString(source.lastName),
		userName: asString(source.userName),
		skillId: asString(source.skillId),
		skillName: asString(source.skillName),
		contactId: asString(source.contactId),
		isAcw: asBoolean(source.isACW ?? source.isAcw),
		businessUnitId: asString(source.businessUnitId),
		stateSince,
		stateDurationSeconds,
	};
	if (includeRaw) normalized.raw = record;
	return normalized;
}

/** Returns null when the record names no agent: the caller counts it as skipped. */
export function normalizeAgentRecord(record: unknown, nowMs: number, includeRaw = false): NormalizedAgentState | null {
	const lookup: FieldLookup = new Map();
	return normalizeWith(record, nowMs, includeRaw, lookup, new Map(), isRecord(record) && isCamelCase(record, lookup));
}

export function normalizeAgentStates(
	records: unknown[],
	nowMs: number,
	includeRaw = false,
): NormalizeResult {
	const agents: NormalizedAgentState[] = [];
	const lookup: FieldLookup = new Map();
	const stateCache: StateCache = new Map();
	let skipped = 0;
	const first = records.find(isRecord);
	const camelCase = first !== undefined && isCamelCase(first, lookup);
	for (const record of records) {
		const agent = normalizeWith(record, nowMs, includeRaw, lookup, stateCache, camelCase);
		if (agent) agents.push(agent);
		else skipped++;
	}
	return { agents, skipped };
}
