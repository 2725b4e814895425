/** Reading whole collections from CXone: every page of agent states, and the agents list for locations. */
import type { IDataObject } from 'n8n-workflow';

import { isTrustedNextLink } from '../helpers/nextLinks';
import type { NormalizedAgentState } from '../helpers/normalize';
import { extractAgentLocationsPage, extractAgentStatesPage, UnexpectedResponseShapeError } from '../helpers/pages';
import { asString, lowerCaseKeys } from '../helpers/values';
import type { CxoneSession, RequestCall } from './index';
import { ADMIN_PAGE_SIZE, readTopSkip } from './pager';

/** A tenant of 100,000 agents at CXone's usual page sizes stays far below this. */
const MAX_PAGES = 1_000;
/** The agents directory, for Locations: 200,000 agents at 100 a page. */
const MAX_DIRECTORY_PAGES = 2_000;

export interface AgentStatesFetch {
	records: unknown[];
	lastPollTime: string | null;
	/** 204/304: CXone says nothing is there (or nothing changed since `updatedSince`). */
	noContent: boolean;
	/** Paging stopped at MAX_PAGES with more announced: the list is cut short. */
	cut?: boolean;
}

/** What a user reads when paging stopped at the page cap: the node adds it as a hint, the trigger logs it. */
export const PAGE_CAP_WARNING =
	`CXone announced more agent states than the node reads (it stops after ${MAX_PAGES.toLocaleString('en-US')} pages), ` +
	'so this list is cut short. Narrow it: for the tutorial API pass one site (Filter by Site); on a real tenant ' +
	'check that the API Version pages with large pages, or ask your CXone administrator why the listing is so long.';

/** One key per page URL, so the same page asked twice is recognised whatever the order of its query. */
function pageKey(path: string, query: IDataObject, base: string): string {
	try {
		const url = new URL(path, base || undefined);
		for (const [key, value] of Object.entries(query)) url.searchParams.append(key, String(value));
		url.searchParams.sort();
		url.hash = '';
		return url.href;
	} catch {
		return `${path}?${JSON.stringify(query)}`;
	}
}

export interface FetchAgentStatesOptions extends RequestCall {
	/** Tutorial API: narrows the answer to one site server-side (the node filters client-side as well). */
	siteId?: string;
	/** Real CXone: only agents whose state changed since this cursor. */
	updatedSince?: string;
}

function shapeError(session: CxoneSession, error: unknown, itemIndex?: number): never {
	if (error instanceof UnexpectedResponseShapeError) {
		throw session.apiError(
			error.message,
			'Check the Base URL and, for a real tenant, the API Version in the credential.',
			itemIndex,
		);
	}
	throw error;
}

export async function fetchAgentStates(
	session: CxoneSession,
	options: FetchAgentStatesOptions = {},
): Promise<AgentStatesFetch> {
	const qs: IDataObject = {};
	if (session.flavour === 'tutorial' && options.siteId) qs.siteId = options.siteId;
	if (session.flavour === 'realTenant' && options.updatedSince) qs.updatedSince = options.updatedSince;

	const records: unknown[] = [];
	let lastPollTime: string | null = null;
	let path = session.statesPath;
	let query = qs;
	let pageSize = 0;
	const fetchedPages = new Set<string>();
	let page = 0;
	for (; page < MAX_PAGES; page++) {
		fetchedPages.add(pageKey(path, query, session.apiBase));
		const response = await session.request(path, query, options);
		if (response.body === null) return { records, lastPollTime, noContent: records.length === 0 };
		let extracted;
		try {
			extracted = extractAgentStatesPage(response.body);
		} catch (error) {
			shapeError(session, error, options.itemIndex);
		}
		// A server that ignores skip sends its first page again: stop rather than list every agent twice.
		if (query.skip !== undefined && sameRecord(extracted.records[0], records[0])) break;
		const received = records.length + extracted.records.length;
		// A page that says more agents exist but gives no next link: ask for the rest by top/skip.
		const moreBySkip =
			!extracted.nextLink && extracted.records.length > 0 && extracted.totalRecords !== null && received < extracted.totalRecords;
		// One page is usual: avoid copying it into a second array.
		if (page === 0 && !extracted.nextLink && !moreBySkip) {
			return { records: extracted.records, lastPollTime: extracted.lastPollTime, noContent: false };
		}
		for (const record of extracted.records) records.push(record);
		lastPollTime = extracted.lastPollTime ?? lastPollTime;
		if (moreBySkip) {
			pageSize ||= extracted.records.length;
			query = { ...qs, top: pageSize, skip: received };
			continue;
		}
		if (!extracted.nextLink || extracted.records.length === 0) break;
		const next = nextPageUrl(extracted.nextLink, session.apiBase);
		if (next === null) {
			throw session.apiError(
				'CXone sent a next-page link that is not a valid URL; the node stopped paging',
				'The agents so far are not returned, since the list would be incomplete. Try again; if it persists, report it to your CXone administrator.',
				options.itemIndex,
			);
		}
		if (!isTrustedNextLink(next, session.apiBase)) {
			throw session.apiError(
				'CXone sent a next-page link to a host outside NICE\'s domains; the node will not send your token there',
				`The link pointed at ${safeOrigin(extracted.nextLink)}. Report this to your CXone administrator.`,
				options.itemIndex,
			);
		}
		path = next;
		query = {};
		// A link back to a page already read (A→B→A, or a page naming itself) would repeat agents until the cap.
		if (fetchedPages.has(pageKey(path, query, session.apiBase))) {
			throw session.apiError(
				"CXone's next-page links go round in a circle: one leads back to a page already read",
				'The node stopped instead of listing the same agents again. Try again later; if it persists, report it to your CXone administrator.',
				options.itemIndex,
			);
		}
	}
	return { records, lastPollTime, noContent: false, cut: page >= MAX_PAGES };
}

/**
 * The agent states for a list of sites (none: all). The tutorial API filters one site server-side; several sites
 * are filtered by the node only. It matches siteId exactly, where the node matches IDs and names in any case:
 * nothing back for "SITE-1" can still mean agents at "site-1", so it is asked once more without the filter.
 */
export async function fetchAgentStatesOfSites(session: CxoneSession, sites: string[], call: RequestCall): Promise<AgentStatesFetch> {
	const serverSite = session.flavour === 'tutorial' && sites.length === 1 ? sites[0] : undefined;
	const fetched = await fetchAgentStates(session, { ...call, siteId: serverSite });
	if (serverSite !== undefined && fetched.records.length === 0) return await fetchAgentStates(session, call);
	return fetched;
}

function nextPageUrl(link: string, apiBase: string): string | null {
	try {
		return new URL(link, apiBase).href;
	} catch {
		return null;
	}
}

const sameRecord = (a: unknown, b: unknown) => a !== undefined && JSON.stringify(a) === JSON.stringify(b);

function safeOrigin(link: string): string {
	try {
		return new URL(link).origin;
	} catch {
		return 'an invalid URL';
	}
}

/** Each agent's Location by agent ID, and location IDs by location name (locationKey). */
export interface AgentSites {
	locations: Map<string, AgentLocation>;
	ids: Map<string, string>;
}

export interface AgentLocation {
	siteId: string | null;
	siteName: string | null;
}

/** Only what the join needs (the Admin API's `fields` query): a full agent record has over a hundred fields. */
const AGENT_FIELDS = 'agentId,location';

/** Location names compare trimmed and without case: "manila " on one record is "Manila" on another. */
const locationKey = (name: string) => name.trim().toLowerCase();

/**
 * CXone has no site in the state feed: the closest thing is each agent's Location. GET /agents returns
 * `location` as a NAME and no locationId (calljacob/nice-cxone-api src/services/admin/AdminAgentsService.ts
 * `getAgents`; locationId exists only in POST/PUT bodies), so the agents list is read once per execution, paged
 * with top/skip, and joined by agent ID.
 */
export async function fetchAgentLocations(session: CxoneSession, call: RequestCall = {}): Promise<Map<string, AgentLocation>> {
	const locations = new Map<string, AgentLocation>();
	const { cut } = await readTopSkip(session, {
		...call,
		path: session.paths.agents,
		qs: { fields: AGENT_FIELDS },
		pageSize: ADMIN_PAGE_SIZE,
		maxPages: MAX_DIRECTORY_PAGES,
		what: 'agents list (GET /agents)',
		extract: (body) => {
			const page = extractAgentLocationsPage(body);
			return page && { records: page.entries, listed: page.listed, totalRecords: Number.isInteger(page.total) && page.total >= 0 ? page.total : null };
		},
		onPage: (entries) => {
			for (const { agentId, location } of entries) locations.set(agentId, { siteId: null, siteName: location });
		},
	});
	// Matching sites on part of the directory would leave agents out without a word: refuse instead.
	if (cut) {
		throw session.apiError(
			`CXone's agents list did not end after ${MAX_DIRECTORY_PAGES.toLocaleString('en-US')} pages of ${ADMIN_PAGE_SIZE}; the node stopped rather than match sites on part of it`,
			'Turn off Include Site and Filter by Site for this tenant, or report the size of the agents list to your CXone administrator.',
			call.itemIndex,
		);
	}
	return locations;
}

/**
 * Location IDs by name from GET /locations, `{ locations: [{ locationId, locationName }] }`
 * (calljacob/nice-cxone-api src/services/admin/AdminGeneralService.ts `returnsLocations`). Only fills siteId:
 * a 403 or 404 here (role without that permission, or a version without the endpoint) leaves siteId null
 * rather than failing a run that matched sites by name.
 */
async function fetchLocationIds(session: CxoneSession, call: RequestCall): Promise<Map<string, string>> {
	const ids = new Map<string, string>();
	// A 403 or 404 resolves to null; anything else (already a NodeApiError from session.get) fails the run.
	const body = await session.request(session.paths.locations, {}, call).then(
		(response) => response.body,
		(error: { httpCode?: string }) => {
			if (error.httpCode === '403' || error.httpCode === '404') return null;
			return Promise.reject(error);
		},
	);
	const list = body && typeof body === 'object' && !Array.isArray(body) ? lowerCaseKeys(body as Record<string, unknown>).locations : undefined;
	if (!Array.isArray(list)) return ids;
	for (const entry of list) {
		if (typeof entry !== 'object' || entry === null) continue;
		const location = lowerCaseKeys(entry as Record<string, unknown>);
		const id = asString(location.locationid);
		const name = asString(location.locationname);
		if (id !== null && name !== null) ids.set(locationKey(name), id);
	}
	return ids;
}

/** Fills siteName (the Location) and, when GET /locations names it, siteId, once per execution (real tenants only). */
export async function attachAgentLocations(session: CxoneSession, agents: NormalizedAgentState[], call: RequestCall = {}) {
	const { locations, ids } = await session.agentSites(async () => ({
		locations: await fetchAgentLocations(session, call),
		ids: await fetchLocationIds(session, call),
	}));
	for (const agent of agents) {
		const location = locations.get(agent.agentId);
		if (location) {
			agent.siteName = location.siteName;
			agent.siteId = location.siteName === null ? null : (ids.get(locationKey(location.siteName)) ?? null);
		}
	}
}
