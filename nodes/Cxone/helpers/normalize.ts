/** Pure data shaping: whatever CXone sent for an agent's state becomes one schema, with no n8n context. */
import { stateById, stateByName, type StateMapping } from './states';
import { asBoolean, asString, canonicalIsoMs, isRecord, timestampMs, type JsonRecord } from './values';

/* No n8n context here, so the normalizer can be tested exhaustively and benchmarked on its own. */

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

export interface NormalizeResult {
	agents: NormalizedAgentState[];
	/** Records that could not name an agent (not an object, or no agent ID). */
	skipped: number;
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
 * Hands each agent to `sink` as it is made, keeping none: a summary of 100,000 agents never holds them all.
 * Returns how many records named no agent.
 */
export function forEachAgentState(records: unknown[], nowMs: number, includeRaw: boolean, sink: (agent: NormalizedAgentState) => void): number {
	const lookup: FieldLookup = new Map();
	const stateCache: StateCache = new Map();
	let skipped = 0;
	const first = records.find(isRecord);
	const camelCase = first !== undefined && isCamelCase(first, lookup);
	for (const record of records) {
		const agent = normalizeWith(record, nowMs, includeRaw, lookup, stateCache, camelCase);
		if (agent) sink(agent);
		else skipped++;
	}
	return skipped;
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
	const skipped = forEachAgentState(records, nowMs, includeRaw, (agent) => {
		if (!keep || keep(agent)) agents.push(agent);
	});
	return { agents, skipped };
}
