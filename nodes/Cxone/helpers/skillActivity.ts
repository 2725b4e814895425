/** Skill activity: one item per skill with its queue and agents, or one summary. Pure. */
/**
 * Fields per NICE's Real-Time Data API definition (calljacob/nice-cxone-api
 * src/services/realtime/RealtimedataRealtimeService.ts, skillActivity): `skillActivity[]` with counts as
 * numbers and `earliestQueueTime` as a timestamp string (also nice-devone/nice-cxone-agent-sdk
 * dist/agent-sdk/src/lib/acd/model/skill-activity-event.d.ts). Numeric strings are accepted too.
 */
import { asBoolean, asNumber, asString, LatestById, lowerCaseKeys } from './values';

export interface SkillActivity {
	skillId: string;
	skillName: string | null;
	mediaTypeName: string | null;
	isActive: boolean | null;
	isOutbound: boolean | null;
	queueCount: number | null;
	/** NICE's split of the queue (see docs/OPERATIONS.md): passed through as CXone sends them, never added up. */
	skillQueueCount: number | null;
	personalQueueCount: number | null;
	parkedCount: number | null;
	agentsAvailable: number | null;
	agentsUnavailable: number | null;
	agentsACW: number | null;
	agentsWorking: number | null;
	agentsLoggedIn: number | null;
	agentsIdle: number | null;
	contactsActive: number | null;
	earliestQueueTime: string | null;
	/** Seconds since the oldest contact in the queue arrived; 0 when the queue is empty. */
	longestWaitSeconds: number;
	serviceLevel: number | null;
	serviceLevelGoal: number | null;
	inSLA: number | null;
	outSLA: number | null;
}

/**
 * No agent totals: CXone counts agents per skill, so an agent on two skills is in both and a sum over skills is
 * not a head count (Get Many's summary counts agents). A contact waits or is handled in one skill, so those add up.
 */
export interface SkillActivitySummary {
	skills: number;
	queueCount: number;
	contactsActive: number;
	longestWaitSeconds: number;
	/** Skills with contacts waiting while no agent is available: what a queue alert fires on. */
	queuedWithNoAgentAvailable: Array<Pick<SkillActivity, 'skillId' | 'skillName' | 'queueCount' | 'longestWaitSeconds'>>;
	queuedWithNoAgentAvailableCount: number;
	fetchedAt: string;
}

/** Before 1971 (CXone's empty 0001-01-01) or unparsable: no contact is waiting. */
const EARLIEST_PLAUSIBLE_MS = Date.UTC(1971, 0, 1);

function waitSeconds(earliest: string | null, queueCount: number | null, nowMs: number): number {
	if (earliest === null || !queueCount) return 0;
	// CXone's timestamps are UTC; one without a zone is read as UTC too, not as the server's local time.
	const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(earliest) ? earliest : `${earliest}Z`);
	if (!Number.isFinite(ms) || ms < EARLIEST_PLAUSIBLE_MS || ms > nowMs) return 0;
	return Math.floor((nowMs - ms) / 1000);
}

/** Returns null when the record names no skill. */
export function normalizeSkillActivity(record: unknown, nowMs: number): SkillActivity | null {
	if (typeof record !== 'object' || record === null || Array.isArray(record)) return null;
	const source = lowerCaseKeys(record as Record<string, unknown>);
	const skillId = asString(source.skillid);
	if (skillId === null) return null;
	const queueCount = asNumber(source.queuecount);
	const earliestQueueTime = asString(source.earliestqueuetime);
	return {
		skillId,
		skillName: asString(source.skillname),
		mediaTypeName: asString(source.mediatypename),
		isActive: asBoolean(source.isactive),
		isOutbound: asBoolean(source.isoutbound),
		queueCount,
		skillQueueCount: asNumber(source.skillqueuecount),
		personalQueueCount: asNumber(source.personalqueuecount),
		parkedCount: asNumber(source.parkedcount),
		agentsAvailable: asNumber(source.agentsavailable),
		agentsUnavailable: asNumber(source.agentsunavailable),
		agentsACW: asNumber(source.agentsacw),
		agentsWorking: asNumber(source.agentsworking),
		agentsLoggedIn: asNumber(source.agentsloggedin),
		agentsIdle: asNumber(source.agentsidle),
		contactsActive: asNumber(source.contactsactive),
		earliestQueueTime,
		longestWaitSeconds: waitSeconds(earliestQueueTime, queueCount, nowMs),
		serviceLevel: asNumber(source.servicelevel),
		serviceLevelGoal: asNumber(source.servicelevelgoal),
		inSLA: asNumber(source.insla),
		outSLA: asNumber(source.outsla),
	};
}

/**
 * One item per skill ID in the order first listed: skip-based pages can list a skill again while CXone updates, and
 * the later listing (read later, so as new or newer) gives the values. Records naming no skill are counted as skipped.
 */
export function normalizeSkillActivities(records: unknown[], nowMs: number): { skills: SkillActivity[]; skipped: number } {
	const skills = new LatestById<SkillActivity>((skill) => skill.skillId);
	for (const record of records) skills.add(normalizeSkillActivity(record, nowMs));
	return { skills: skills.items, skipped: skills.skipped };
}

/** Keeps skills whose ID or name (any case) is listed; everything when the list is empty. */
export function skillMatcher(wanted: string[]): ((skill: SkillActivity) => boolean) | null {
	if (wanted.length === 0) return null;
	const set = new Set(wanted.map((value) => value.toLowerCase()));
	return (skill) => set.has(skill.skillId.toLowerCase()) || (skill.skillName !== null && set.has(skill.skillName.toLowerCase()));
}

export function summarizeSkills(skills: SkillActivity[], fetchedAt: Date): SkillActivitySummary {
	const summary: SkillActivitySummary = {
		skills: skills.length,
		queueCount: 0,
		contactsActive: 0,
		longestWaitSeconds: 0,
		queuedWithNoAgentAvailable: [],
		queuedWithNoAgentAvailableCount: 0,
		fetchedAt: fetchedAt.toISOString(),
	};
	for (const skill of skills) {
		summary.queueCount += skill.queueCount ?? 0;
		summary.contactsActive += skill.contactsActive ?? 0;
		summary.longestWaitSeconds = Math.max(summary.longestWaitSeconds, skill.longestWaitSeconds);
		if ((skill.queueCount ?? 0) > 0 && (skill.agentsAvailable ?? 0) === 0) {
			const { skillId, skillName, queueCount, longestWaitSeconds } = skill;
			summary.queuedWithNoAgentAvailable.push({ skillId, skillName, queueCount, longestWaitSeconds });
		}
	}
	summary.queuedWithNoAgentAvailableCount = summary.queuedWithNoAgentAvailable.length;
	return summary;
}
