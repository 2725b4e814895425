import { stateById, stateByName, type StateMapping } from './states';

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
	/** Real CXone's `totalRecords`: how many agents the whole answer has, across pages. */
	totalRecords: number | null;
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
	if (Array.isArray(body)) return { records: body, lastPollTime: null, nextLink: null, totalRecords: null };
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
				totalRecords: asCount(container.totalrecords ?? top.totalrecords),
			};
		}
	}
	throw new UnexpectedResponseShapeError(describeShape(body));
}

export function asString(value: unknown): string | null {
	if (typeof value === 'string') return value.length ? value : null;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

function asCount(value: unknown): number | null {
	const count = typeof value === 'string' && value.trim() ? Number(value) : value;
	return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : null;
}

/**
 * Booleans arrive as JSON booleans or as 'True'/'False' strings in any case: NICE's SDK parses `isActive` and
 * `isOutbound` with parseBooleanString (nice-devone/nice-cxone-agent-sdk dist/common-sdk/src/util/utility.js,
 * dist/common-sdk/src/lib/model/agent-state-response.js). Anything else is unknown (null), not false.
 */
export function asBoolean(value: unknown): boolean | null {
	if (typeof value === 'boolean') return value;
	if (value === 1) return true;
	if (value === 0) return false;
	if (typeof value === 'string') {
		const text = value.trim().toLowerCase();
		if (text === 'true') return true;
		if (text === 'false') return false;
	}
	return null;
}

/** `PaidBreak`, `paid break` and `PAID_BREAK` all become `PAID_BREAK`. */
function toUpperSnake(name: string): string {
	return name
		.trim()
		.replace(/([a-z0-9])([A-Z])/g, '$1_$2')
		.replace(/[\s-]+/g, '_')
		.toUpperCase();
}

/** The canonical state of a name from the state table (helpers/states.ts); a name no source lists is kept, in UPPER_SNAKE. */
export function canonicalState(name: string): string {
	return stateByName(name)?.state ?? toUpperSnake(name);
}

const MAX_DATE_MS = 8.64e15;

/** Epoch milliseconds of an ISO string or a number, NaN when it is neither or out of Date's range. */
function timestampMs(value: unknown): number {
	const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
	return Math.abs(ms) <= MAX_DATE_MS ? ms : Number.NaN;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The digit at `index`, NaN for any other character (NaN then carries through the sums below). */
function digitAt(value: string, index: number): number {
	const digit = value.charCodeAt(index) - 48;
	return digit >= 0 && digit <= 9 ? digit : Number.NaN;
}

/**
 * Epoch milliseconds of `YYYY-MM-DDTHH:mm:ss.sssZ` naming a real instant (what CXone sends, and exactly what
 * toISOString prints), NaN for any other string. A third of Date.parse's cost: it runs once per agent per poll.
 */
export function canonicalIsoMs(value: string): number {
	if (
		value.length !== 24 ||
		value.charCodeAt(4) !== 45 || // -
		value.charCodeAt(7) !== 45 ||
		value.charCodeAt(10) !== 84 || // T
		value.charCodeAt(13) !== 58 || // :
		value.charCodeAt(16) !== 58 ||
		value.charCodeAt(19) !== 46 || // .
		value.charCodeAt(23) !== 90 // Z
	) {
		return Number.NaN;
	}
	const year = digitAt(value, 0) * 1000 + digitAt(value, 1) * 100 + digitAt(value, 2) * 10 + digitAt(value, 3);
	const month = digitAt(value, 5) * 10 + digitAt(value, 6);
	const day = digitAt(value, 8) * 10 + digitAt(value, 9);
	const hour = digitAt(value, 11) * 10 + digitAt(value, 12);
	const minute = digitAt(value, 14) * 10 + digitAt(value, 15);
	const second = digitAt(value, 17) * 10 + digitAt(value, 18);
	const millisecond = digitAt(value, 20) * 100 + digitAt(value, 21) * 10 + digitAt(value, 22);
	// Date.UTC reads years below 100 as 19xx; such years, like hour 24 and NaN from a non-digit, fail here.
	const valid =
		year >= 1000 &&
		month >= 1 &&
		month <= 12 &&
		day >= 1 &&
		day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]) &&
		hour <= 23 &&
		minute <= 59 &&
		second <= 59 &&
		millisecond >= 0;
	return valid ? Date.UTC(year, month - 1, day, hour, minute, second, millisecond) : Number.NaN;
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

/** Where the readers below write: the normalized agent itself, so no record allocates a second object. */
type StateFields = Pick<NormalizedAgentState, 'state' | 'subState'>;

/** State-table lookups per source name, per batch: a tenant has a handful of state names, not one per agent. */
type StateCache = Map<string, StateMapping | string>;

/** The table's mapping for a name, or (for a name no source lists) its UPPER_SNAKE form. */
function cachedState(name: string, cache: StateCache): StateMapping | string {
	let state = cache.get(name);
	if (state === undefined) {
		state = stateByName(name) ?? toUpperSnake(name);
		cache.set(name, state);
	}
	return state;
}

function cachedCanonicalState(name: string, cache: StateCache): string {
	const state = cachedState(name, cache);
	return typeof state === 'string' ? state : state.state;
}

/** The tutorial nests `state: { type, subState }`; some gateways send `state` as a plain string. */
function readTutorialState(source: JsonRecord, cache: StateCache, into: StateFields): boolean {
	const state = source.state;
	if (typeof state === 'string' && state.trim()) {
		into.state = cachedCanonicalState(state, cache);
		return true;
	}
	if (isRecord(state)) {
		const type = asString(state.type) ?? asString(state.Type) ?? asString(state.name);
		if (type) {
			into.state = cachedCanonicalState(type, cache);
			into.subState = asString(state.subState ?? state.SubState ?? state.substate);
			return true;
		}
	}
	return false;
}

function readCxoneState(source: JsonRecord, cache: StateCache, into: StateFields): boolean {
	const name = asString(source.agentStateName);
	const mapping = name ? cachedState(name, cache) : stateById(asString(source.agentStateId) ?? '');
	if (!mapping) return false;
	if (typeof mapping === 'string') {
		into.state = mapping;
		return true;
	}
	into.state = mapping.state;
	// The Not Ready reason, or which kind of contact ON_CONTACT (or DIALER) folds together.
	into.subState = mapping.subState === 'outStateDescription' ? asString(source.outStateDescription) : mapping.subState;
	return true;
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

	let sinceValue = source.timestamp ?? source.startDate ?? source.lastUpdateTime;
	let canonicalMs = typeof sinceValue === 'string' ? canonicalIsoMs(sinceValue) : Number.NaN;
	let sinceMs = Number.isNaN(canonicalMs) ? timestampMs(sinceValue) : canonicalMs;
	if (Number.isNaN(sinceMs)) {
		// `startDate` can be empty or invalid while `lastUpdateTime` is set: take the first one that parses.
		sinceValue = [source.timestamp, source.startDate, source.lastUpdateTime].find((value) => !Number.isNaN(timestampMs(value)));
		sinceMs = timestampMs(sinceValue);
		canonicalMs = typeof sinceValue === 'string' ? canonicalIsoMs(sinceValue) : Number.NaN;
	}
	const canonical = !Number.isNaN(canonicalMs);
	const known = !Number.isNaN(sinceMs);
	// A canonical string is what toISOString would print: keep it rather than make a Date per agent.
	const stateSince = canonical ? (sinceValue as string) : known ? new Date(sinceMs).toISOString() : null;
	const stateDurationSeconds = known ? Math.max(0, Math.floor((nowMs - sinceMs) / 1000)) : null;

	const normalized: NormalizedAgentState = {
		agentId,
		state: 'UNKNOWN',
		subState: null,
		isReady: false,
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
	if (readTutorialState(source, stateCache, normalized) || readCxoneState(source, stateCache, normalized)) {
		normalized.isReady = normalized.state === 'READY';
	}
	if (includeRaw) normalized.raw = record;
	return normalized;
}

/** Returns null when the record names no agent: the caller counts it as skipped. */
export function normalizeAgentRecord(record: unknown, nowMs: number, includeRaw = false): NormalizedAgentState | null {
	const lookup: FieldLookup = new Map();
	return normalizeWith(record, nowMs, includeRaw, lookup, new Map(), isRecord(record) && isCamelCase(record, lookup));
}

/**
 * `keep` drops agents as they are made: at 100,000 agents, an item dropped at once costs the garbage collector
 * far less than one dropped after the whole list was built.
 */
export function normalizeAgentStates(
	records: unknown[],
	nowMs: number,
	includeRaw = false,
	keep: ((agent: NormalizedAgentState) => boolean) | null = null,
): NormalizeResult {
	const agents: NormalizedAgentState[] = [];
	const lookup: FieldLookup = new Map();
	const stateCache: StateCache = new Map();
	let skipped = 0;
	const first = records.find(isRecord);
	const camelCase = first !== undefined && isCamelCase(first, lookup);
	for (const record of records) {
		const agent = normalizeWith(record, nowMs, includeRaw, lookup, stateCache, camelCase);
		if (!agent) skipped++;
		else if (!keep || keep(agent)) agents.push(agent);
	}
	return { agents, skipped };
}
