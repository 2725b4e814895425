/**
 * Pure change detection for the trigger: compares what CXone reports now with a compact snapshot kept in the
 * workflow's static data (plain JSON, so it survives restarts and works in queue mode).
 */
import type { NormalizedAgentState } from './normalize';

/** agentId → [state, state start in epoch ms (or null), 1 once the "in state for" rule fired for this stay]. */
export type SnapshotEntry = [state: string, sinceMs: number | null, stayFired?: 1];
export type AgentSnapshot = Record<string, SnapshotEntry>;

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

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

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

export function snapshotOf(agents: NormalizedAgentState[], nowMs: number): AgentSnapshot {
	const snapshot: AgentSnapshot = {};
	for (const agent of agents) {
		const since = agent.stateSince === null ? nowMs : Date.parse(agent.stateSince);
		snapshot[agent.agentId] = [agent.state, since];
	}
	return snapshot;
}

/** Returns the events to emit and the snapshot to store for the next poll. */
export function detectChanges(
	previous: AgentSnapshot,
	current: NormalizedAgentState[],
	{ nowMs, complete, rule }: DetectOptions,
): { events: AgentStateEvent[]; next: AgentSnapshot } {
	const next: AgentSnapshot = complete ? {} : { ...previous };
	const events: AgentStateEvent[] = [];
	const thresholdMs = rule.minutes * 60_000;

	const observe = (agent: NormalizedAgentState) => {
		const before = previous[agent.agentId];
		const previousState = before ? before[0] : LOGGED_OUT;
		const changed = previousState !== agent.state;
		// A record without a timestamp: the stay started when we first saw it in this state.
		const sinceMs =
			agent.stateSince !== null ? Date.parse(agent.stateSince) : changed || !before ? nowMs : before[1];
		const entry: SnapshotEntry = [agent.state, sinceMs];

		if (changed && rule.event !== 'inStateFor' && changeMatches(rule, previousState, agent.state)) {
			const previousSince = before ? before[1] : null;
			const endedAt = sinceMs ?? nowMs;
			events.push({
				...agent,
				event: 'stateChanged',
				previousState,
				previousStateSince: isoOrNull(previousSince),
				secondsInPreviousState: previousSince === null ? null : Math.max(0, Math.floor((endedAt - previousSince) / 1000)),
			});
		}

		if (rule.event === 'inStateFor') {
			const sameStay = !changed && before !== undefined && before[1] === sinceMs;
			const alreadyFired = sameStay && before[2] === 1;
			const watched = rule.states.length === 0 || rule.states.includes(agent.state);
			if (watched && sinceMs !== null && nowMs - sinceMs >= thresholdMs) {
				if (!alreadyFired) {
					events.push({ ...agent, event: 'inStateFor', previousState: null, previousStateSince: null, secondsInPreviousState: null });
				}
				entry[2] = 1;
			}
		}
		next[agent.agentId] = entry;
	};

	for (const agent of current) observe(agent);

	if (complete) {
		const seen = new Set(current.map((agent) => agent.agentId));
		for (const agentId of Object.keys(previous)) {
			if (seen.has(agentId) || previous[agentId][0] === LOGGED_OUT) {
				if (!seen.has(agentId)) next[agentId] = previous[agentId];
				continue;
			}
			// Listed last time, missing now: the tutorial API lists only agents with an active session.
			observe({ ...loggedOutAgent(agentId), stateSince: null });
		}
	}
	return { events, next };
}
