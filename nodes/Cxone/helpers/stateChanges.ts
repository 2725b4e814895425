/** The trigger's change detection: what CXone reports now against the snapshot kept in static data. Pure. */
import type { NormalizedAgentState } from './normalize';
import { decodeId, decodeSnapshot, encodeId, encodeSnapshot, ENTRY, FIELD, FIRED_SUFFIX, readEntry, writeEntry, type AgentSnapshot, type SnapshotEntry } from './snapshot';

export type WatchEvent = 'anyChange' | 'entered' | 'left' | 'inStateFor';

export interface WatchRule {
	event: WatchEvent;
	/** For entered, left and inStateFor: the states that matter. Empty means every state. */
	states: string[];
	/** For inStateFor. */
	minutes: number;
}

export interface AgentStateEvent extends NormalizedAgentState {
	event: 'stateChanged' | 'inStateFor';
	previousState: string | null;
	previousStateSince: string | null;
	secondsInPreviousState: number | null;
}

export interface DetectOptions {
	nowMs: number;
	rule: WatchRule;
	/**
	 * What an agent of the snapshot missing from the list means. 'loggedOut': the list names every logged-in
	 * agent (the tutorial API's full list), so a logged-in agent missing from it has logged out, unless `spare`
	 * keeps it for this poll. 'unchanged': deltas, and real tenants, whose full lists name logged-out agents too.
	 */
	missing: 'loggedOut' | 'unchanged';
	/** With 'loggedOut': given the logged-in agents missing and how many the snapshot had logged in, those to keep as they were. */
	spare?: (missing: string[], loggedIn: number) => ReadonlySet<string>;
	/** Agents CXone marks inactive (`isActive: false`): reported as logged out if they were logged in, then dropped from the snapshot. */
	leaving?: ReadonlySet<string>;
}

export interface DetectedChanges {
	events: AgentStateEvent[];
	/** The snapshot to store, as encodeSnapshot writes it. */
	next: string;
	/** Agents of the snapshot the list did not name, whatever their state (those reported as logged out included). */
	unlisted: string[];
	/** The logged-in agents `spare` kept. */
	spared: string[];
}

const LOGGED_OUT = 'LOGGED_OUT';

function loggedOutAgent(agentId: string): NormalizedAgentState {
	return {
		agentId,
		state: LOGGED_OUT,
		subState: null,
		isReady: false,
		siteId: null,
		siteName: null,
		teamId: null,
		teamName: null,
		firstName: null,
		lastName: null,
		userName: null,
		skillId: null,
		skillName: null,
		contactId: null,
		isAcw: null,
		businessUnitId: null,
		stateSince: null,
		stateDurationSeconds: null,
	};
}

function changeMatches(rule: WatchRule, previous: string, current: string): boolean {
	const watched = (state: string) => rule.states.length === 0 || rule.states.includes(state);
	switch (rule.event) {
		case 'anyChange':
			return true;
		case 'entered':
			return watched(current) && !(rule.states.length > 0 && watched(previous));
		case 'left':
			return watched(previous) && !(rule.states.length > 0 && watched(current));
		default:
			return false;
	}
}

interface Observation {
	nowMs: number;
	nowIso: string;
	rule: WatchRule;
	events: AgentStateEvent[];
}

/**
 * One agent against its snapshot line (`recorded`, undefined when it was not in the snapshot): pushes its events
 * and returns its new line.
 */
function observe(agent: NormalizedAgentState, recorded: string | undefined, { nowMs, nowIso, rule, events }: Observation): string {
	// Most agents are where they were: one string comparison says so, and their line is kept as it was.
	if (recorded !== undefined && agent.stateSince !== null) {
		const rest = `${agent.state}${FIELD}${agent.stateSince}`;
		const fired = recorded.length === rest.length + FIRED_SUFFIX.length && recorded.endsWith(FIRED_SUFFIX);
		if ((recorded === rest || (fired && recorded.startsWith(rest))) && (rule.event !== 'inStateFor' || fired)) return recorded;
	}
	const before = readEntry(recorded);
	const previousState = before ? before[0] : LOGGED_OUT;
	const changed = previousState !== agent.state;
	// A record without a timestamp: the stay started when we first saw it in this state.
	const since = agent.stateSince ?? (changed || !before ? nowIso : before[1]);
	const sameStay = !changed && before !== undefined && before[1] === since;
	const entry: SnapshotEntry = sameStay ? before : [agent.state, since];

	if (changed && rule.event !== 'inStateFor' && changeMatches(rule, previousState, agent.state)) {
		const previousSince = before ? before[1] : null;
		const endedAtMs = since === null ? nowMs : Date.parse(since);
		events.push({
			...agent,
			event: 'stateChanged',
			previousState,
			previousStateSince: previousSince,
			secondsInPreviousState:
				previousSince === null ? null : Math.max(0, Math.floor((endedAtMs - Date.parse(previousSince)) / 1000)),
		});
	}

	if (rule.event === 'inStateFor' && since !== null && (rule.states.length === 0 || rule.states.includes(agent.state))) {
		if (nowMs - Date.parse(since) >= rule.minutes * 60_000) {
			if (!(sameStay && before[2] === 1)) {
				events.push({ ...agent, event: 'inStateFor', previousState: null, previousStateSince: null, secondsInPreviousState: null });
			}
			entry[2] = 1;
		}
	}
	return writeEntry(entry);
}

const LOGGED_OUT_REST = `${LOGGED_OUT}${FIELD}`;

/** Where a skipped snapshot line goes: the IDs the list did not name; false when this path cannot decide. */
function skipLine(previous: string, start: number, end: number, missing: DetectOptions['missing'], unlisted: string[]): boolean {
	const tab = previous.indexOf(FIELD, start);
	if (tab <= start || tab >= end) return false;
	if (missing === 'loggedOut' && !previous.startsWith(LOGGED_OUT_REST, tab + 1)) return false;
	unlisted.push(decodeId(previous.slice(start, tab)));
	return true;
}

/**
 * The usual poll: CXone lists the agents in the order of the last poll, so each agent is compared with the
 * snapshot line at the same place, without a Map, and an unchanged line is not even copied (nobody changed: the
 * stored string is reused as it is). A line the list passes over is kept: with 'loggedOut', only if that agent
 * had logged out already. Returns undefined when the list departs from that order (someone new, a logged-in agent
 * missing, an ID listed twice, a line it cannot read): detectChangesByMap then decides.
 */
function detectInFeedOrder(previous: string, current: NormalizedAgentState[], observation: Observation, missing: DetectOptions['missing']) {
	const parts: string[] = [];
	const unlisted: string[] = [];
	const length = previous.length;
	const watchingStays = observation.rule.event === 'inStateFor';
	let copiedTo = 0;
	let start = 0;
	for (const agent of current) {
		const id = encodeId(agent.agentId);
		let end: number;
		for (;;) {
			if (start >= length) return undefined;
			end = previous.indexOf(ENTRY, start);
			if (end < 0) end = length;
			if (previous.startsWith(id, start) && previous.charCodeAt(start + id.length) === 9) break;
			if (!skipLine(previous, start, end, missing, unlisted)) return undefined;
			start = end + 1;
		}
		const restStart = start + id.length + 1;
		const { state, stateSince } = agent;
		if (stateSince !== null && previous.startsWith(state, restStart) && previous.charCodeAt(restStart + state.length) === 9) {
			const sinceEnd = restStart + state.length + 1 + stateSince.length;
			if (previous.startsWith(stateSince, restStart + state.length + 1)) {
				const fired = sinceEnd + FIRED_SUFFIX.length === end && previous.startsWith(FIRED_SUFFIX, sinceEnd);
				if ((sinceEnd === end || fired) && (!watchingStays || fired)) {
					start = end + 1;
					continue;
				}
			}
		}
		const recorded = previous.slice(restStart, end);
		if (readEntry(recorded) === undefined) return undefined;
		const rest = observe(agent, recorded, observation);
		if (rest !== recorded) {
			parts.push(previous.slice(copiedTo, restStart), rest);
			copiedTo = end;
		}
		start = end + 1;
	}
	for (; start < length; ) {
		let end = previous.indexOf(ENTRY, start);
		if (end < 0) end = length;
		if (!skipLine(previous, start, end, missing, unlisted)) return undefined;
		start = end + 1;
	}
	if (parts.length === 0) return { next: previous, unlisted };
	parts.push(previous.slice(copiedTo));
	return { next: parts.join(''), unlisted };
}

const asLoggedOut = (agent: NormalizedAgentState): NormalizedAgentState => ({ ...agent, state: LOGGED_OUT, subState: null, isReady: false });

/** Any order, deltas, agents who appeared, vanished or left: every agent looked up by ID. */
function detectChangesByMap(previous: AgentSnapshot, current: NormalizedAgentState[], options: DetectOptions, observation: Observation) {
	const { missing, spare, leaving } = options;
	// A full list sets the order (the next poll's fast path expects it); a delta keeps the snapshot's.
	const next: AgentSnapshot = missing === 'loggedOut' ? new Map() : new Map(previous);
	for (const agent of current) {
		const seen = leaving?.has(agent.agentId) ? asLoggedOut(agent) : agent;
		next.set(agent.agentId, observe(seen, previous.get(agent.agentId), observation));
	}
	const listed = new Set(current.map((agent) => agent.agentId));
	const unlisted: string[] = [];
	const missingLoggedIn: string[] = [];
	let loggedIn = 0;
	for (const [agentId, recorded] of previous) {
		const out = recorded.startsWith(LOGGED_OUT_REST);
		if (!out) loggedIn++;
		if (listed.has(agentId)) continue;
		unlisted.push(agentId);
		if (missing === 'unchanged') continue;
		if (out) next.set(agentId, recorded);
		else missingLoggedIn.push(agentId);
	}
	const spared = missingLoggedIn.length && spare ? spare(missingLoggedIn, loggedIn) : new Set<string>();
	for (const agentId of missingLoggedIn) {
		const recorded = previous.get(agentId);
		// Listed last time, missing now: the tutorial API lists only agents with an active session.
		next.set(agentId, spared.has(agentId) ? (recorded as string) : observe(loggedOutAgent(agentId), recorded, observation));
	}
	if (leaving) for (const agentId of leaving) next.delete(agentId);
	return { next: encodeSnapshot(next), unlisted, spared: missingLoggedIn.filter((agentId) => spared.has(agentId)) };
}

/** One record per agent ID, the last one CXone sent, in the order the IDs first appear. */
function lastRecordPerAgent(agents: NormalizedAgentState[]): NormalizedAgentState[] {
	const byId = new Map<string, NormalizedAgentState>();
	for (const agent of agents) byId.set(agent.agentId, agent);
	return byId.size === agents.length ? agents : [...byId.values()];
}

/**
 * The events to emit and the snapshot to store for the next poll; null when `previous` is not a snapshot this
 * version can read, so the caller takes a new baseline.
 */
export function detectChanges(previous: unknown, current: NormalizedAgentState[], options: DetectOptions): DetectedChanges | null {
	if (typeof previous !== 'string') return null;
	const { nowMs, rule, leaving } = options;
	const observation: Observation = { nowMs, nowIso: new Date(nowMs).toISOString(), rule, events: [] };
	if (!leaving?.size) {
		const fast = detectInFeedOrder(previous, current, observation, options.missing);
		if (fast !== undefined) return { events: observation.events, ...fast, spared: [] };
		observation.events = [];
	}
	const snapshot = decodeSnapshot(previous);
	if (snapshot === null) return null;
	const detected = detectChangesByMap(snapshot, lastRecordPerAgent(current), options, observation);
	return { events: observation.events, ...detected };
}
