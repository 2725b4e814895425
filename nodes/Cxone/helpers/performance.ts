/**
 * Agent performance over a period: one item per agent, counts as numbers and times in seconds. Pure.
 *
 * Fields per NICE's Reporting API definition (calljacob/nice-cxone-api src/services/reporting/ReportingReportingService.ts,
 * performanceSummary / agentPerformanceSummary: `agentPerformance[]`). The definition types counts as numbers, but
 * CXone sends them as strings ("54", "20.37") and times as ISO 8601 durations ("PT5H48M1.139S", "P1DT19H18M29.651S"):
 * singer-io/tap-nice-incontact tests/test_transform_iso8601_durations.py, and an inContact ETL that casts every
 * field from a string (see ../shared/reference/cxone-api-new-operations.md §2). Both forms are read.
 */
import { asNumber, asString, durationSeconds, lowerCaseKeys } from './values';

/** CXone's counts and percentages, kept under CXone's names. */
const COUNT_FIELDS = ['agentOffered', 'inboundHandled', 'outboundHandled', 'totalHandled', 'refused', 'percentRefused', 'workingRate', 'occupancy'] as const;

/** CXone's times: `inboundTime` becomes `inboundSeconds`, `totalAvgHandleTime` becomes `totalAvgHandleSeconds`, and so on. */
const TIME_FIELDS = [
	'inboundTime',
	'inboundTalkTime',
	'inboundAvgTalkTime',
	'outboundTime',
	'outboundTalkTime',
	'outboundAvgTalkTime',
	'totalTalkTime',
	'totalAvgTalkTime',
	'totalAvgHandleTime',
	'consultTime',
	'availableTime',
	'unavailableTime',
	'acwTime',
	'loginTime',
] as const;

type CountField = (typeof COUNT_FIELDS)[number];
type SecondsField<T extends string> = T extends `${infer Head}Time` ? `${Head}Seconds` : never;
type TimeField = SecondsField<(typeof TIME_FIELDS)[number]>;

export type AgentPerformance = {
	agentId: string;
	firstName: string | null;
	lastName: string | null;
	teamId: string | null;
	teamName: string | null;
	periodStart: string;
	periodEnd: string;
} & Record<CountField, number | null> &
	Record<TimeField, number | null>;

export const secondsFieldOf = (field: string) => field.replace(/Time$/, 'Seconds');

/** A time CXone sent, in seconds to the millisecond; null when absent or unreadable (never a guess). */
function seconds(value: unknown): number | null {
	const parsed = durationSeconds(value);
	return Number.isFinite(parsed) ? Math.round(parsed * 1000) / 1000 : null;
}

/** Returns null when the record names no agent. */
export function normalizePerformance(record: unknown, period: { startMs: number; endMs: number }): AgentPerformance | null {
	if (typeof record !== 'object' || record === null || Array.isArray(record)) return null;
	const source = lowerCaseKeys(record as Record<string, unknown>);
	const agentId = asString(source.agentid);
	if (agentId === null) return null;
	const item: Record<string, unknown> = {
		agentId,
		firstName: asString(source.firstname),
		lastName: asString(source.lastname),
		teamId: asString(source.teamid),
		teamName: asString(source.teamname),
		periodStart: new Date(period.startMs).toISOString(),
		periodEnd: new Date(period.endMs).toISOString(),
	};
	for (const field of COUNT_FIELDS) item[field] = asNumber(source[field.toLowerCase()]);
	for (const field of TIME_FIELDS) item[secondsFieldOf(field)] = seconds(source[field.toLowerCase()]);
	return item as AgentPerformance;
}

/**
 * One item per agent ID in the order first listed (a second record for an agent replaces the first, so an agent is
 * never reported twice); records naming no agent are counted as skipped.
 */
export function normalizePerformances(records: unknown[], period: { startMs: number; endMs: number }): { agents: AgentPerformance[]; skipped: number } {
	const byId = new Map<string, AgentPerformance>();
	let skipped = 0;
	for (const record of records) {
		const agent = normalizePerformance(record, period);
		if (agent) byId.set(agent.agentId, agent);
		else skipped++;
	}
	return { agents: [...byId.values()], skipped };
}

/** The answer's rows: `{ agentPerformance: [...] }` in any key case, or a bare array; null for anything else. */
export function extractPerformance(body: unknown): unknown[] | null {
	if (Array.isArray(body)) return body;
	if (typeof body !== 'object' || body === null) return null;
	const rows = lowerCaseKeys(body as Record<string, unknown>).agentperformance;
	return Array.isArray(rows) ? rows : null;
}
