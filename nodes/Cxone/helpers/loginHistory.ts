/**
 * An agent's logins: one item per login, with the station it used. Pure.
 *
 * Shape per NICE's Reporting API definition (calljacob/nice-cxone-api src/services/reporting/ReportingReportingService.ts,
 * agentLoginHistory): `{ totalRecords, _links, agentLogins: [{ stationId, stationName, stationPhoneNumber,
 * stationCallerId, loginDate }] }`. Older versions wrap the list in `resultSet` and say `phoneNumber` and `callerId`
 * (NICE's samples, see ../shared/reference/cxone-api-new-operations.md §3): both are read. A row has no logout time.
 */
import { extractListPage } from './pages';
import { asString, isRecord, lowerCaseKeys, timestampMs } from './values';

export interface AgentLogin {
	agentId: string;
	/** ISO 8601 UTC; null when CXone sent none or an unreadable one. */
	loginDate: string | null;
	stationId: string | null;
	stationName: string | null;
	stationPhoneNumber: string | null;
	stationCallerId: string | null;
}

/** The page's rows: `agentLogins`, `resultSet.agentLogins` (any key case) or a bare array; null for anything else. */
export const extractLoginPage = (body: unknown) => extractListPage(body, ['agentlogins']);

/** One login row, its keys already lowercased. */
function normalizeLogin(source: Record<string, unknown>, agentId: string): AgentLogin {
	const ms = timestampMs(source.logindate);
	return {
		agentId,
		loginDate: Number.isNaN(ms) ? null : new Date(ms).toISOString(),
		stationId: asString(source.stationid),
		stationName: asString(source.stationname),
		stationPhoneNumber: asString(source.stationphonenumber ?? source.phonenumber),
		stationCallerId: asString(source.stationcallerid ?? source.callerid),
	};
}

/**
 * Keeps each login once: skip-based pages can list a row again while CXone writes. Rows are the same when CXone's own
 * date and station are, so two logins whose dates the node cannot read stay two.
 */
export class DistinctLogins {
	readonly logins: AgentLogin[] = [];
	private readonly seen = new Set<string>();

	constructor(private readonly agentId: string) {}

	add(record: unknown): void {
		if (!isRecord(record)) return;
		const source = lowerCaseKeys(record);
		const login = normalizeLogin(source, this.agentId);
		const key = JSON.stringify([source.logindate ?? null, login.stationId, login.stationName]);
		if (this.seen.has(key)) return;
		this.seen.add(key);
		this.logins.push(login);
	}
}
