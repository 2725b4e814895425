/** Real tenants' reporting reads: agent state history and skill activity, every page, through CxoneSession.get. */
import type { IDataObject } from 'n8n-workflow';

import { extractHistoryPage, historyWindows } from '../helpers/history';
import { lowerCaseKeys } from '../helpers/values';
import { explain } from './agents';
import type { CxoneSession, RequestCall } from './index';

/** Reporting API (calljacob/nice-cxone-api ReportingReportingService.getAgentsStateHistory / getAgentsAgentIdStateHistory). */
const stateHistoryPath = (session: CxoneSession, agentId?: string, itemIndex?: number) =>
	agentId === undefined ? session.paths.stateHistory : session.paths.agent(session.pathSegment(agentId, 'Agent ID', itemIndex), 'state-history');

/**
 * NICE documents no page cap for these; its Reporting API answers at most 10,000 records per response
 * (singer-io/tap-nice-incontact tap_nice_incontact/streams.py, contacts/completed), so pages of that size.
 */
const REPORT_PAGE_SIZE = 10_000;
/** 100 pages of 10,000 per day window: far beyond a real contact center's state changes in a day. */
const MAX_PAGES = 100;

export interface HistoryQuery extends RequestCall {
	startMs: number;
	endMs: number;
	agentId?: string;
}

function shapeError(session: CxoneSession, what: string, itemIndex?: number): never {
	throw session.apiError(
		`CXone's ${what} response has an unexpected shape`,
		'Check the Base URL and the API Version in the credential.',
		itemIndex,
	);
}

/**
 * Reads one window's pages by top/skip. A window that ends up empty answers 204 on Reporting endpoints
 * (tap-nice-incontact streams.py treats 204 as no data); the session returns that as a null body.
 * `onPage` returns false when it has enough; then no further page is read and this resolves to false.
 */
async function readPages(
	session: CxoneSession,
	path: string,
	qs: IDataObject,
	call: RequestCall,
	what: string,
	extract: (body: unknown) => { records: unknown[]; totalRecords: number | null } | null,
	onPage: (records: unknown[]) => boolean | void,
): Promise<boolean> {
	let skip = 0;
	let first: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const response = await session.request(path, { ...qs, top: REPORT_PAGE_SIZE, skip }, call);
		if (response.body === null) return true;
		const extracted = extract(response.body);
		if (!extracted) shapeError(session, what, call.itemIndex);
		const { records, totalRecords } = extracted;
		if (records.length === 0) return true;
		// A server that ignores skip sends its first page again: stop rather than count every state twice.
		const head = JSON.stringify(records[0]);
		if (page > 0 && head === first) return true;
		first ??= head;
		if (onPage(records) === false) return false;
		skip += records.length;
		const more = totalRecords !== null ? skip < totalRecords : records.length >= REPORT_PAGE_SIZE;
		if (!more) return true;
	}
	throw session.apiError(
		`CXone's ${what} did not end after ${MAX_PAGES} pages of ${REPORT_PAGE_SIZE}`,
		'Ask for a shorter range or one agent at a time.',
		call.itemIndex,
	);
}

/**
 * Every history row of the range, one day window at a time (see historyWindows for why), handed over page by page,
 * until `onPage` returns false (a Limit reached): then no further page or window is asked for.
 */
export async function fetchStateHistory(session: CxoneSession, query: HistoryQuery, onPage: (records: unknown[]) => boolean | void): Promise<void> {
	const path = stateHistoryPath(session, query.agentId, query.itemIndex);
	for (const [from, to] of historyWindows(query.startMs, query.endMs)) {
		const qs = { startDate: new Date(from).toISOString(), endDate: new Date(to).toISOString() };
		try {
			if (!(await readPages(session, path, qs, query, 'state-history', extractHistoryPage, onPage))) return;
		} catch (error) {
			throw query.agentId !== undefined ? explain(session, error, query.agentId, 'read', query.itemIndex) : error;
		}
	}
}

function extractSkillPage(body: unknown): { records: unknown[]; totalRecords: number | null } | null {
	if (Array.isArray(body)) return { records: body, totalRecords: null };
	if (typeof body !== 'object' || body === null) return null;
	const top = lowerCaseKeys(body as Record<string, unknown>);
	if (!Array.isArray(top.skillactivity)) return null;
	const total = Number(top.totalrecords);
	return { records: top.skillactivity, totalRecords: Number.isInteger(total) && total >= 0 ? total : null };
}

/**
 * Every skill's activity, every field (no `fields`: a name a tenant's API version lacks is a 400 InvalidProperty,
 * per NICE's API test data in walterplaza/protractor). No `updatedSince`: with it CXone sends only the skills that changed (NICE's SDK
 * polls that way, cxone-skill-activity-provider.js), and a one-shot read needs all of them.
 */
export async function fetchSkillActivity(session: CxoneSession, call: RequestCall = {}): Promise<unknown[]> {
	const records: unknown[] = [];
	await readPages(session, session.paths.skillActivity, {}, call, 'skills/activity', extractSkillPage, (page) => {
		for (const record of page) records.push(record);
	});
	return records;
}
