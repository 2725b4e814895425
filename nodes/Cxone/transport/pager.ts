/**
 * The one top/skip pager: every list the package reads page by page goes through it. It keeps one promise:
 * it ends (a page cap), never hands over the same page twice (a server that ignores `skip` sends its first page
 * again), and says when it was cut (more announced when the cap was reached).
 */
import type { IDataObject } from 'n8n-workflow';

import type { CxoneSession, RequestCall } from './index';

/**
 * CXone's Admin lists (agents, teams, unavailable codes) serve at most 100 per page, 50 by default: the
 * live-tested outboundani/cxone-mcp (src/cxone.js, listAll) pages them by 100.
 */
export const ADMIN_PAGE_SIZE = 100;

export interface TopSkipPage<T> {
	records: T[];
	/** How many records the page listed, those the extractor dropped included: what the next `skip` adds. */
	listed?: number;
	/** The list's `totalRecords`, null when CXone did not say (then a short page is the last). */
	totalRecords: number | null;
}

export interface TopSkipList<T> extends RequestCall {
	path: string;
	qs?: IDataObject;
	pageSize: number;
	maxPages: number;
	/** What the list is, for errors: e.g. "agents list (GET /agents)". */
	what: string;
	/** One page's records; null when the answer has no recognisable shape (an error naming `what`). */
	extract: (body: unknown) => TopSkipPage<T> | null;
	/** Called for each page in order; false when it has enough (no further page is asked for). */
	onPage: (records: T[]) => boolean | void;
}

export interface TopSkipOutcome {
	/** The cap was reached with more announced: the list is incomplete. */
	cut: boolean;
	/** onPage said it had enough. */
	stopped: boolean;
}

const pageHead = (records: unknown[]) => JSON.stringify(records[0]);

export async function readTopSkip<T>(session: CxoneSession, list: TopSkipList<T>): Promise<TopSkipOutcome> {
	const { path, qs = {}, pageSize, maxPages, what, extract, onPage, ...call } = list;
	const heads = new Set<string>();
	let skip = 0;
	for (let page = 0; page < maxPages; page++) {
		const { body } = await session.request(path, { ...qs, top: pageSize, skip }, call);
		// 204: nothing (more) there. Reporting endpoints answer so for an empty window (tap-nice-incontact streams.py).
		if (body === null) return { cut: false, stopped: false };
		const extracted = extract(body);
		if (!extracted) {
			throw session.apiError(`CXone's ${what} response has an unexpected shape`, 'Check the Base URL and the API Version in the credential.', call.itemIndex);
		}
		const { records, totalRecords } = extracted;
		const listed = extracted.listed ?? records.length;
		if (listed === 0) return { cut: false, stopped: false };
		if (records.length > 0) {
			const head = pageHead(records);
			if (heads.has(head)) return { cut: false, stopped: false };
			heads.add(head);
		}
		if (onPage(records) === false) return { cut: false, stopped: true };
		skip += listed;
		const more = totalRecords !== null ? skip < totalRecords : listed >= pageSize;
		if (!more) return { cut: false, stopped: false };
	}
	return { cut: true, stopped: false };
}
