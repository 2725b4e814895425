/**
 * Agent performance over a period: one item per agent, counts as numbers and times in seconds. Pure.
 *
 * Fields per NICE's Reporting API definition (calljacob/nice-cxone-api src/services/reporting/ReportingReportingService.ts,
 * performanceSummary / agentPerformanceSummary: `agentPerformance[]`). The definition types counts as numbers, but
 * CXone sends them as strings ("54", "20.37") and times as ISO 8601 durations ("PT5H48M1.139S", "P1DT19H18M29.651S"):
 * singer-io/tap-nice-incontact tests/test_transform_iso8601_durations.py, and an inContact ETL that casts every
 * field from a string (see ../shared/reference/cxone-api-new-operations.md §2). Both forms are read.
 */
import { asNumber, asString, durationSeconds, isRecord, LatestById, lowerCaseKeys } from './values';

/**
 * One agent's figures. Counts and percentages keep CXone's names; each time `…Time` becomes `…Seconds`
 * (`inboundTime` → `inboundSeconds`, `totalAvgHandleTime` → `totalAvgHandleSeconds`).
 */
export interface AgentPerformance {
	agentId: string;
	firstName: string | null;
	lastName: string | null;
	teamId: string | null;
	teamName: string | null;
	periodStart: string;
	periodEnd: string;
	agentOffered: number | null;
	inboundHandled: number | null;
	outboundHandled: number | null;
	totalHandled: number | null;
	refused: number | null;
	percentRefused: number | null;
	workingRate: number | null;
	occupancy: number | null;
	inboundSeconds: number | null;
	inboundTalkSeconds: number | null;
	inboundAvgTalkSeconds: number | null;
	outboundSeconds: number | null;
	outboundTalkSeconds: number | null;
	outboundAvgTalkSeconds: number | null;
	totalTalkSeconds: number | null;
	totalAvgTalkSeconds: number | null;
	totalAvgHandleSeconds: number | null;
	consultSeconds: number | null;
	availableSeconds: number | null;
	unavailableSeconds: number | null;
	acwSeconds: number | null;
	loginSeconds: number | null;
}

/** The period as the items show it, worked out once per answer. */
interface Period {
	periodStart: string;
	periodEnd: string;
}

/** A time CXone sent, in seconds to the millisecond; null when absent or unreadable (never a guess). */
function seconds(value: unknown): number | null {
	const parsed = durationSeconds(value);
	return Number.isFinite(parsed) ? Math.round(parsed * 1000) / 1000 : null;
}

/** Returns null when the record names no agent. One object literal, so every item has the same fields in the same order. */
function normalizeRecord(record: unknown, { periodStart, periodEnd }: Period): AgentPerformance | null {
	if (typeof record !== 'object' || record === null || Array.isArray(record)) return null;
	const source = lowerCaseKeys(record as Record<string, unknown>);
	const agentId = asString(source.agentid);
	if (agentId === null) return null;
	return {
		agentId,
		firstName: asString(source.firstname),
		lastName: asString(source.lastname),
		teamId: asString(source.teamid),
		teamName: asString(source.teamname),
		periodStart,
		periodEnd,
		agentOffered: asNumber(source.agentoffered),
		inboundHandled: asNumber(source.inboundhandled),
		outboundHandled: asNumber(source.outboundhandled),
		totalHandled: asNumber(source.totalhandled),
		refused: asNumber(source.refused),
		percentRefused: asNumber(source.percentrefused),
		workingRate: asNumber(source.workingrate),
		occupancy: asNumber(source.occupancy),
		inboundSeconds: seconds(source.inboundtime),
		inboundTalkSeconds: seconds(source.inboundtalktime),
		inboundAvgTalkSeconds: seconds(source.inboundavgtalktime),
		outboundSeconds: seconds(source.outboundtime),
		outboundTalkSeconds: seconds(source.outboundtalktime),
		outboundAvgTalkSeconds: seconds(source.outboundavgtalktime),
		totalTalkSeconds: seconds(source.totaltalktime),
		totalAvgTalkSeconds: seconds(source.totalavgtalktime),
		totalAvgHandleSeconds: seconds(source.totalavghandletime),
		consultSeconds: seconds(source.consulttime),
		availableSeconds: seconds(source.availabletime),
		unavailableSeconds: seconds(source.unavailabletime),
		acwSeconds: seconds(source.acwtime),
		loginSeconds: seconds(source.logintime),
	};
}

const periodOf = ({ startMs, endMs }: { startMs: number; endMs: number }): Period => ({
	periodStart: new Date(startMs).toISOString(),
	periodEnd: new Date(endMs).toISOString(),
});

/** One record; null when it names no agent. */
export const normalizePerformance = (record: unknown, period: { startMs: number; endMs: number }) => normalizeRecord(record, periodOf(period));

/**
 * One item per agent ID in the order first listed (a second record for an agent replaces the first, so an agent is
 * never reported twice); records naming no agent are counted as skipped.
 */
export function normalizePerformances(records: unknown[], period: { startMs: number; endMs: number }): { agents: AgentPerformance[]; skipped: number } {
	const shown = periodOf(period);
	const agents = new LatestById<AgentPerformance>((agent) => agent.agentId);
	for (const record of records) agents.add(normalizeRecord(record, shown));
	return { agents: agents.items, skipped: agents.skipped };
}

/** The answer's rows: `{ agentPerformance: [...] }` in any key case, or a bare array; null for anything else. */
export function extractPerformance(body: unknown): unknown[] | null {
	if (Array.isArray(body)) return body;
	if (!isRecord(body)) return null;
	const rows = lowerCaseKeys(body).agentperformance;
	return Array.isArray(rows) ? rows : null;
}
