/** Real tenants' reporting and real-time reads: state history, performance, login history, skill activity, active contacts. */
import type { IDataObject } from 'n8n-workflow';

import { extractContactsPage } from '../helpers/activeContacts';
import { extractHistoryPage, historyWindows } from '../helpers/history';
import { extractLoginPage } from '../helpers/loginHistory';
import { extractPerformance } from '../helpers/performance';
import { lowerCaseKeys } from '../helpers/values';
import { explain } from './agents';
import type { CxoneSession, RequestCall } from './index';
import { readTopSkip } from './pager';

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

export interface PeriodQuery extends RequestCall {
	startMs: number;
	endMs: number;
	agentId?: string;
}

/** Reads one window's pages; resolves to false when `onPage` had enough. A window past the page cap is an error. */
async function readPages(
	session: CxoneSession,
	path: string,
	qs: IDataObject,
	call: RequestCall,
	what: string,
	extract: (body: unknown) => { records: unknown[]; totalRecords: number | null } | null,
	onPage: (records: unknown[]) => boolean | void,
): Promise<boolean> {
	const outcome = await readTopSkip(session, { ...call, path, qs, pageSize: REPORT_PAGE_SIZE, maxPages: MAX_PAGES, what, extract, onPage });
	if (outcome.cut) {
		throw session.apiError(
			`CXone's ${what} did not end after ${MAX_PAGES} pages of ${REPORT_PAGE_SIZE}`,
			'Ask for a shorter range or one agent at a time.',
			call.itemIndex,
		);
	}
	return !outcome.stopped;
}

/**
 * Every history row of the range, one day window at a time (see historyWindows for why), handed over page by page,
 * until `onPage` returns false (a Limit reached): then no further page or window is asked for.
 */
export async function fetchStateHistory(session: CxoneSession, query: PeriodQuery, onPage: (records: unknown[]) => boolean | void): Promise<void> {
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

/**
 * Every agent's (or one agent's) performance over the period, in one answer: NICE's definition has no paging for
 * it (calljacob/nice-cxone-api ReportingReportingService.performanceSummary / agentPerformanceSummary). Dates go
 * as ISO 8601 UTC with a literal Z, which every source's client sends or accepts. A 204 is no agents.
 */
export async function fetchAgentPerformance(session: CxoneSession, query: PeriodQuery): Promise<unknown[]> {
	const path =
		query.agentId === undefined ? session.paths.performance : session.paths.agent(session.pathSegment(query.agentId, 'Agent ID', query.itemIndex), 'performance');
	const qs = { startDate: new Date(query.startMs).toISOString(), endDate: new Date(query.endMs).toISOString() };
	let body: unknown;
	try {
		({ body } = await session.request(path, qs, query));
	} catch (error) {
		throw query.agentId !== undefined ? explain(session, error, query.agentId, 'read', query.itemIndex) : error;
	}
	if (body === null) return [];
	const records = extractPerformance(body);
	if (!records) {
		throw session.apiError("CXone's agents/performance response has an unexpected shape", 'Check the Base URL and the API Version in the credential.', query.itemIndex);
	}
	return records;
}

/** NICE's API test suite pages login history by 100 (walterplaza/protractor, returns-agent-login-history-v7.0.json). */
const LOGIN_PAGE_SIZE = 100;
/** 10,000 logins of one agent in at most 31 days: far beyond any real agent's. */
const MAX_LOGIN_PAGES = 100;

/**
 * One agent's logins over the period, page by page, until `onPage` returns false (a Limit reached). Per agent only:
 * NICE's definitions have no all-agents login history (calljacob/nice-cxone-api ReportingReportingService.agentLoginHistory).
 */
export async function fetchLoginHistory(session: CxoneSession, query: PeriodQuery & { agentId: string }, onPage: (records: unknown[]) => boolean | void): Promise<void> {
	const path = session.paths.agent(session.pathSegment(query.agentId, 'Agent ID', query.itemIndex), 'login-history');
	const qs = { startDate: new Date(query.startMs).toISOString(), endDate: new Date(query.endMs).toISOString() };
	let outcome;
	try {
		outcome = await readTopSkip(session, { ...query, path, qs, pageSize: LOGIN_PAGE_SIZE, maxPages: MAX_LOGIN_PAGES, what: 'login-history', extract: extractLoginPage, onPage });
	} catch (error) {
		throw explain(session, error, query.agentId, 'read', query.itemIndex);
	}
	if (outcome.cut) {
		throw session.apiError(`CXone's login-history did not end after ${MAX_LOGIN_PAGES} pages of ${LOGIN_PAGE_SIZE}`, 'Ask for a shorter period.', query.itemIndex);
	}
}

/** No source names the largest `top` of contacts/active: 100, what every Admin list serves. */
const CONTACTS_PAGE_SIZE = 100;
/** 50,000 contacts in progress at once: beyond any single business unit. */
const MAX_CONTACT_PAGES = 500;

export interface ContactFilters {
	agentId?: string;
	teamId?: string;
	skillId?: string;
	mediaTypeId?: string;
}

/**
 * The contacts in progress right now, page by page until `onPage` returns false (a Limit reached), no `updatedSince`
 * (a one-shot read needs all of them). A 204 ("No Contacts for the specified period", walterplaza/protractor
 * RTV60018, RTV70028, RTV120003) is none.
 */
export async function fetchActiveContacts(session: CxoneSession, filters: ContactFilters, call: RequestCall, onPage: (records: unknown[]) => boolean | void): Promise<void> {
	const qs: IDataObject = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
	const outcome = await readTopSkip(session, {
		...call,
		path: session.paths.activeContacts,
		qs,
		pageSize: CONTACTS_PAGE_SIZE,
		maxPages: MAX_CONTACT_PAGES,
		what: 'contacts/active',
		extract: extractContactsPage,
		onPage,
	});
	if (outcome.cut) {
		throw session.apiError(`CXone's contacts/active did not end after ${MAX_CONTACT_PAGES} pages of ${CONTACTS_PAGE_SIZE}`, 'Narrow it with the Agent, Team, Skill or Media Type option.', call.itemIndex);
	}
}
