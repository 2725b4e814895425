/** The trigger's change detection: what CXone reports now against the snapshot kept in static data. Pure. */
import type { NormalizedAgentState } from './normalize';
import { decodeSnapshot, encodeId, encodeSnapshot, ENTRY, FIELD, FIRED_SUFFIX, readEntry, writeEntry, type AgentSnapshot, type SnapshotEntry } from './snapshot';

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
	/**
	 * The fetch listed every agent (a full snapshot): anyone missing has logged out. False for real CXone's
	 * `updatedSince` deltas, where a missing agent simply did not change.
	 */
	complete: boolean;
	rule: WatchRule;
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

/**
 * The usual poll of a full list: CXone lists the agents in the order of the last poll, so each agent is
 * compared with the snapshot line at the same place, without a Map, and an unchanged line is not even copied
 * (nobody changed: the stored string is reused as it is). A logged-out agent's line the feed no longer lists is
 * passed over and kept. Returns undefined when the feed departs from that order (someone new or missing, an ID
 * listed twice, a line it cannot read): detectChangesByMap then decides.
 */
function detectInFeedOrder(previous: string, current: NormalizedAgentState[], observation: Observation): string | undefined {
	const parts: string[] = [];
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
			const tab = previous.indexOf(FIELD, start);
			if (tab < 0 || tab >= end || !previous.startsWith(LOGGED_OUT_REST, tab + 1)) return undefined;
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
	// Lines left over are agents the feed no longer lists: fine when they had logged out already.
	while (start < length) {
		let end = previous.indexOf(ENTRY, start);
		if (end < 0) end = length;
		const tab = previous.indexOf(FIELD, start);
		if (tab < 0 || tab >= end || !previous.startsWith(LOGGED_OUT_REST, tab + 1)) return undefined;
		start = end + 1;
	}
	if (parts.length === 0) return previous;
	parts.push(previous.slice(copiedTo));
	return parts.join('');
}

/** Any order, deltas, agents who appeared or vanished: every agent looked up by ID. */
function detectChangesByMap(previous: AgentSnapshot, current: NormalizedAgentState[], complete: boolean, observation: Observation): string {
	const next: AgentSnapshot = complete ? new Map() : new Map(previous);
	for (const agent of current) next.set(agent.agentId, observe(agent, previous.get(agent.agentId), observation));
	if (complete) {
		for (const [agentId, recorded] of previous) {
			if (next.has(agentId)) continue;
			if (recorded.startsWith(LOGGED_OUT_REST)) {
				next.set(agentId, recorded);
				continue;
			}
			// Listed last time, missing now: the tutorial API lists only agents with an active session.
			next.set(agentId, observe(loggedOutAgent(agentId), recorded, observation));
		}
	}
	return encodeSnapshot(next);
}

/** One record per agent ID, the last one CXone sent, in the order the IDs first appear. */
function lastRecordPerAgent(agents: NormalizedAgentState[]): NormalizedAgentState[] {
	const byId = new Map<string, NormalizedAgentState>();
	for (const agent of agents) byId.set(agent.agentId, agent);
	return byId.size === agents.length ? agents : [...byId.values()];
}

/**
 * Returns the events to emit and the snapshot (as encodeSnapshot writes it) to store for the next poll; null
 * when `previous` is not a snapshot this version can read, so the caller takes a new baseline.
 */
export function detectChanges(
	previous: unknown,
	current: NormalizedAgentState[],
	{ nowMs, complete, rule }: DetectOptions,
): { events: AgentStateEvent[]; next: string } | null {
	if (typeof previous !== 'string') return null;
	const observation: Observation = { nowMs, nowIso: new Date(nowMs).toISOString(), rule, events: [] };
	if (complete) {
		const next = detectInFeedOrder(previous, current, observation);
		if (next !== undefined) return { events: observation.events, next };
		observation.events = [];
	}
	const snapshot = decodeSnapshot(previous);
	if (snapshot === null) return null;
	const next = detectChangesByMap(snapshot, lastRecordPerAgent(current), complete, observation);
	return { events: observation.events, next };
}
