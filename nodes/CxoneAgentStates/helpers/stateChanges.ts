/**
 * Pure change detection for the trigger: compares what CXone reports now with a compact snapshot kept in the
 * workflow's static data (plain JSON, so it survives restarts and works in queue mode).
 */
import type { NormalizedAgentState } from './normalize';

/** [state, state start as ISO 8601 (or null), 1 once the "in state for" rule fired for this stay]. */
export type SnapshotEntry = [state: string, since: string | null, stayFired?: 1];
/** Agent ID → the rest of its snapshot line, `state<TAB>since[<TAB>1]`, read into a SnapshotEntry only when needed. */
export type AgentSnapshot = Map<string, string>;

const FIELD = '\t';
const ENTRY = '\n';
const FIRED_SUFFIX = `${FIELD}1`;

/** Agent IDs are numbers or short strings; the rare one holding a separator is percent-encoded. */
const encodeId = (id: string) =>
	id.indexOf(FIELD) < 0 && id.indexOf(ENTRY) < 0 && id.indexOf('%') < 0 ? id : encodeURIComponent(id);
const decodeId = (id: string) => (id.indexOf('%') < 0 ? id : decodeURIComponent(id));

/**
 * The snapshot as one string, one line per agent: `id<TAB>state<TAB>since[<TAB>1]`. n8n hands static data
 * to nodes through a change-tracking proxy: one string crosses it once, where 100,000 entries would each
 * be wrapped; and it stays small in the database.
 */
export function encodeSnapshot(snapshot: AgentSnapshot): string {
	const lines: string[] = [];
	for (const [id, rest] of snapshot) lines.push(`${encodeId(id)}${FIELD}${rest}`);
	return lines.join(ENTRY);
}

export function decodeSnapshot(encoded: unknown): AgentSnapshot {
	const snapshot: AgentSnapshot = new Map();
	if (typeof encoded !== 'string') return snapshot;
	// indexOf and slice rather than split: no array per line, and each slice shares the stored string's memory.
	for (let start = 0; start < encoded.length; ) {
		let end = encoded.indexOf(ENTRY, start);
		if (end < 0) end = encoded.length;
		const tab = encoded.indexOf(FIELD, start);
		if (tab > start && tab + 1 < end) snapshot.set(decodeId(encoded.slice(start, tab)), encoded.slice(tab + 1, end));
		start = end + 1;
	}
	return snapshot;
}

function readEntry(rest: string | undefined): SnapshotEntry | undefined {
	if (rest === undefined) return undefined;
	const [state, since, fired] = rest.split(FIELD, 3);
	if (!state) return undefined;
	const entry: SnapshotEntry = [state, since || null];
	if (fired === '1') entry[2] = 1;
	return entry;
}

const writeEntry = ([state, since, fired]: SnapshotEntry) => `${state}${FIELD}${since ?? ''}${fired ? FIRED_SUFFIX : ''}`;

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

/** Returns the events to emit and the snapshot to store for the next poll. */
export function detectChanges(
	previous: AgentSnapshot,
	current: NormalizedAgentState[],
	{ nowMs, complete, rule }: DetectOptions,
): { events: AgentStateEvent[]; next: AgentSnapshot } {
	const next: AgentSnapshot = complete ? new Map() : new Map(previous);
	const events: AgentStateEvent[] = [];
	const thresholdMs = rule.minutes * 60_000;

	const nowIso = new Date(nowMs).toISOString();

	const observe = (agent: NormalizedAgentState) => {
		const recorded = previous.get(agent.agentId);
		// Most agents are where they were: one string comparison says so, and their line is kept as it was.
		if (recorded !== undefined && agent.stateSince !== null) {
			const rest = `${agent.state}${FIELD}${agent.stateSince}`;
			const fired = recorded.length === rest.length + FIRED_SUFFIX.length && recorded.endsWith(FIRED_SUFFIX);
			if ((recorded === rest || (fired && recorded.startsWith(rest))) && (rule.event !== 'inStateFor' || fired)) {
				next.set(agent.agentId, recorded);
				return;
			}
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
			if (nowMs - Date.parse(since) >= thresholdMs) {
				if (!(sameStay && before[2] === 1)) {
					events.push({ ...agent, event: 'inStateFor', previousState: null, previousStateSince: null, secondsInPreviousState: null });
				}
				entry[2] = 1;
			}
		}
		next.set(agent.agentId, writeEntry(entry));
	};

	for (const agent of current) observe(agent);

	if (complete) {
		for (const [agentId, recorded] of previous) {
			if (next.has(agentId)) continue;
			const entry = readEntry(recorded);
			if (entry === undefined) continue;
			if (entry[0] === LOGGED_OUT) {
				next.set(agentId, recorded);
				continue;
			}
			// Listed last time, missing now: the tutorial API lists only agents with an active session.
			observe({ ...loggedOutAgent(agentId), stateSince: null });
		}
	}
	return { events, next };
}
