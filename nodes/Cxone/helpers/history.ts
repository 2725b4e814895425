/** Agent state history: one item per state change, or per agent the seconds a daily report needs. Pure. */
/**
 * Shape per NICE's Reporting API definition (calljacob/nice-cxone-api
 * src/services/reporting/ReportingReportingService.ts, getAgentsStateHistory): `agentStateHistory[]` with
 * `agentId`, `agentStateId`, `agentStateName`, `startDate`, `duration` (an ISO-8601 duration string, per NICE's
 * agent SDK nice-devone/nice-cxone-agent-sdk dist/agent-sdk/src/lib/acd/model/agent-state-history.d.ts),
 * `outStateId`, `outStateDescription`, `contactId`, `skillId`, `teamId` (`teamNo` in the SDK's model).
 * There is no end field: a state ends at startDate + duration.
 */
import { resolveTimeline, type PlacedRow } from './historyTimeline';
import { forEachAgentState, type NormalizedAgentState } from './normalize';
import { asString, canonicalIsoMs, durationSeconds, lowerCaseKeys } from './values';

export interface HistoryRow {
	agentId: string;
	state: string;
	subState: string | null;
	stateSince: string | null;
	stateUntil: string | null;
	durationSeconds: number | null;
	contactId: string | null;
	skillId: string | null;
	teamId: string | null;
}

export interface AgentHistorySummary {
	agentId: string;
	teamId: string | null;
	periodStart: string;
	periodEnd: string;
	stateChanges: number;
	/** Every state but LOGGED_OUT, within the period. */
	loggedInSeconds: number;
	readySeconds: number;
	notReadySeconds: number;
	onContactSeconds: number;
	/** Time on contacts ÷ (time ready + time on contacts), 0..1 with 4 decimals; null when the agent had neither. */
	occupancy: number | null;
	/** Seconds per canonical state (READY, NOT_READY, ON_CONTACT, LOGGED_OUT, ...). */
	secondsByState: Record<string, number>;
	/** Seconds per Not Ready reason (CXone's outStateDescription; "Unavailable" when it names none). */
	notReadySecondsByReason: Record<string, number>;
	/** States CXone sent without a usable duration: counted as state changes, not as time. */
	statesWithoutDuration: number;
}

/** NICE's agent SDK files Unavailable time with no unavailable code under this name (cxone-realtime-report-utils.js). */
const NO_REASON = 'Unavailable';

/** The wrapper's rows: `{ agentStateHistory: [...] }` in any key case, or a bare array. */
export function extractHistoryPage(body: unknown): { records: unknown[]; totalRecords: number | null; nextLink: string | null } | null {
	if (Array.isArray(body)) return { records: body, totalRecords: null, nextLink: null };
	if (typeof body !== 'object' || body === null) return null;
	const top = lowerCaseKeys(body as Record<string, unknown>);
	const records = top.agentstatehistory;
	if (!Array.isArray(records)) return null;
	const total = Number(top.totalrecords);
	const links = typeof top._links === 'object' && top._links !== null ? (top._links as Record<string, unknown>) : {};
	return { records, totalRecords: Number.isInteger(total) && total >= 0 ? total : null, nextLink: asString(links.next) };
}

/** `duration` and `teamNo` are not fields the agent-state normalizer reads: take them from the record itself. */
function extraFields(raw: unknown): { duration: unknown; teamNo: unknown } {
	const record = raw as Record<string, unknown>;
	if ('duration' in record || 'teamNo' in record) return { duration: record.duration, teamNo: record.teamNo };
	const lower = lowerCaseKeys(record);
	return { duration: lower.duration, teamNo: lower.teamno };
}

/**
 * Each record through the same normalizer as Get Many (state names and IDs, Not Ready reason, key case), then
 * the history's own fields. `visit` sees each row as it is made, so a summary never holds them all.
 */
export function normalizeHistory(records: unknown[], visit: (row: HistoryRow) => void): number {
	return forEachAgentState(records, 0, true, (agent) => visit(toHistoryRow(agent)));
}

/** The normalizer prints stateSince canonically, so the fast parser nearly always applies. */
function sinceMsOf(stateSince: string | null): number {
	if (stateSince === null) return Number.NaN;
	const ms = canonicalIsoMs(stateSince);
	return Number.isNaN(ms) ? Date.parse(stateSince) : ms;
}

function toHistoryRow(agent: NormalizedAgentState): HistoryRow {
	const { duration, teamNo } = extraFields(agent.raw);
	const seconds = durationSeconds(duration);
	const sinceMs = sinceMsOf(agent.stateSince);
	const known = !Number.isNaN(seconds);
	return {
		agentId: agent.agentId,
		state: agent.state,
		subState: agent.subState,
		stateSince: agent.stateSince,
		stateUntil: known && !Number.isNaN(sinceMs) ? new Date(sinceMs + Math.round(seconds * 1000)).toISOString() : null,
		durationSeconds: known ? Math.round(seconds * 1000) / 1000 : null,
		contactId: agent.contactId,
		skillId: agent.skillId,
		teamId: agent.teamId ?? asString(teamNo),
	};
}

/**
 * State changes in CXone's order, each once: a row with the same agent, start and state as one already kept is
 * the same state listed again (see historyTimeline.ts), and the longer listing stays in the first one's place.
 */
export class DistinctHistoryRows {
	readonly rows: HistoryRow[] = [];
	private readonly positions = new Map<string, number>();

	add(row: HistoryRow): void {
		if (row.stateSince === null) {
			this.rows.push(row);
			return;
		}
		const key = `${row.agentId}|${row.stateSince}|${row.state}`;
		const position = this.positions.get(key);
		if (position === undefined) {
			this.positions.set(key, this.rows.length);
			this.rows.push(row);
		} else if ((row.durationSeconds ?? -1) > (this.rows[position].durationSeconds ?? -1)) {
			this.rows[position] = row;
		}
	}
}

interface AgentTotals {
	agentId: string;
	teamId: string | null;
	/** Rows without a usable start: counted as state changes, never as time. */
	unplaced: number;
	rows: PlacedRow[];
}

const add = (map: Map<string, number>, key: string, seconds: number) => map.set(key, (map.get(key) ?? 0) + seconds);

const wholeSeconds = (map: Map<string, number>) => Object.fromEntries([...map].map(([key, seconds]) => [key, Math.round(seconds)]));

/**
 * Adds rows one at a time, keeping per row only its start, end, state and reason; counts each agent's time once
 * (historyTimeline.ts: repeats dropped, overlaps split) and only the part inside the period.
 */
export class HistorySummarizer {
	private readonly agents = new Map<string, AgentTotals>();

	constructor(
		private readonly periodStartMs: number,
		private readonly periodEndMs: number,
	) {}

	add(row: HistoryRow): void {
		let totals = this.agents.get(row.agentId);
		if (!totals) {
			totals = { agentId: row.agentId, teamId: row.teamId, unplaced: 0, rows: [] };
			this.agents.set(row.agentId, totals);
		}
		if (row.teamId !== null) totals.teamId = row.teamId;
		const startMs = sinceMsOf(row.stateSince);
		if (Number.isNaN(startMs)) {
			totals.unplaced++;
			return;
		}
		const endMs = row.durationSeconds === null ? Number.NaN : startMs + row.durationSeconds * 1000;
		totals.rows.push({ startMs, endMs, state: row.state, reason: row.state === 'NOT_READY' ? (row.subState ?? NO_REASON) : null });
	}

	/** One item per agent, in agent ID order (numeric IDs numerically). */
	result(): AgentHistorySummary[] {
		const periodStart = new Date(this.periodStartMs).toISOString();
		const periodEnd = new Date(this.periodEndMs).toISOString();
		const collator = new Intl.Collator('en', { numeric: true });
		return [...this.agents.values()]
			.sort((a, b) => collator.compare(a.agentId, b.agentId))
			.map((totals) => {
				const byState = new Map<string, number>();
				const byReason = new Map<string, number>();
				const { changes, withoutDuration } = resolveTimeline(totals.rows, (row, fromMs, toMs) => {
					const from = Math.max(fromMs, this.periodStartMs);
					const to = Math.min(toMs, this.periodEndMs);
					const span = to > from ? (to - from) / 1000 : 0;
					add(byState, row.state, span);
					if (row.reason !== null) add(byReason, row.reason, span);
				});
				const seconds = (state: string) => Math.round(byState.get(state) ?? 0);
				let loggedIn = 0;
				for (const [state, value] of byState) if (state !== 'LOGGED_OUT') loggedIn += value;
				const ready = seconds('READY');
				const onContact = seconds('ON_CONTACT');
				return {
					agentId: totals.agentId,
					teamId: totals.teamId,
					periodStart,
					periodEnd,
					stateChanges: totals.unplaced + changes,
					loggedInSeconds: Math.round(loggedIn),
					readySeconds: ready,
					notReadySeconds: seconds('NOT_READY'),
					onContactSeconds: onContact,
					occupancy: ready + onContact > 0 ? Math.round((onContact / (ready + onContact)) * 10_000) / 10_000 : null,
					secondsByState: wholeSeconds(byState),
					notReadySecondsByReason: wholeSeconds(byReason),
					statesWithoutDuration: totals.unplaced + withoutDuration,
				};
			});
	}
}

/**
 * NICE documents no longest span for state-history; its reporting endpoints are used in windows of at most a
 * day over the last 31 days (singer-io/tap-nice-incontact tap_nice_incontact/streams.py, generate_date_range and
 * check_start_date). So a range is asked for one day at a time, and ranges over 31 days are refused.
 */
const HISTORY_WINDOW_MS = 86_400_000;
export const MAX_HISTORY_DAYS = 31;

export function historyWindows(startMs: number, endMs: number): Array<[number, number]> {
	const windows: Array<[number, number]> = [];
	for (let from = startMs; from < endMs && windows.length <= MAX_HISTORY_DAYS; from += HISTORY_WINDOW_MS) {
		windows.push([from, Math.min(from + HISTORY_WINDOW_MS, endMs)]);
	}
	return windows;
}
