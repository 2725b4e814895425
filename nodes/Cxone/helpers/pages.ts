/** Reading CXone's list answers into records: agent-state pages (any wrapper), other wrapped lists, the agents list's locations. Pure. */
import { asCount, asString, isRecord, lowerCaseKeys } from './values';

export interface AgentStatesPage {
	records: unknown[];
	/** Real CXone's cursor for the next `updatedSince`. */
	lastPollTime: string | null;
	/** Real CXone's `_links.next` when the tenant pages. */
	nextLink: string | null;
	/** Real CXone's `totalRecords`: how many agents the whole answer has, across pages. */
	totalRecords: number | null;
}

export class UnexpectedResponseShapeError extends Error {
	constructor(readonly foundShape: string) {
		super(
			`CXone's agent-states response has an unexpected shape (${foundShape}): expected a JSON array of agents or an object with an "agentStates" array`,
		);
		this.name = 'UnexpectedResponseShapeError';
	}
}

function describeShape(body: unknown): string {
	if (body === null) return 'null';
	if (Array.isArray(body)) return 'array';
	if (isRecord(body)) {
		const keys = Object.keys(body).slice(0, 5);
		return keys.length ? `an object with keys ${keys.join(', ')}` : 'an empty object';
	}
	return typeof body;
}

/**
 * Accepts the tutorial's flat array, real CXone's `{ agentStates: [...] }` wrapper (any key case), and the
 * `{ resultSet: { agentStates, lastPollTime } }` wrapper NICE's own SDK reads from its cache endpoint.
 */
export function extractAgentStatesPage(body: unknown): AgentStatesPage {
	if (Array.isArray(body)) return { records: body, lastPollTime: null, nextLink: null, totalRecords: null };
	if (isRecord(body)) {
		const top = lowerCaseKeys(body);
		const container = isRecord(top.resultset) ? lowerCaseKeys(top.resultset) : top;
		const records = container.agentstates;
		if (Array.isArray(records)) {
			const links = isRecord(top._links) ? top._links : {};
			return {
				records,
				lastPollTime: asString(container.lastpolltime ?? top.lastpolltime),
				nextLink: asString(links.next),
				totalRecords: asCount(container.totalrecords ?? top.totalrecords),
			};
		}
	}
	throw new UnexpectedResponseShapeError(describeShape(body));
}

export interface AgentLocationsPage {
	/** Each listed agent with an ID, and its Location name (null when it has none). */
	entries: Array<{ agentId: string; location: string | null }>;
	/** How many agents the page listed, those without an ID included: what the next `skip` adds. */
	listed: number;
	/** The list's `totalRecords`, NaN when CXone did not say. */
	total: number;
}

/**
 * One page of GET /agents?fields=agentId,location: an array, or `{ agents, totalRecords }` in any key case.
 * Null when the answer has neither shape.
 */
export function extractAgentLocationsPage(body: unknown): AgentLocationsPage | null {
	const wrapper = body !== null && typeof body === 'object' && !Array.isArray(body) ? lowerCaseKeys(body as Record<string, unknown>) : null;
	const agents = Array.isArray(body) ? body : body ? wrapper?.agents : [];
	if (!Array.isArray(agents)) return null;
	const entries: AgentLocationsPage['entries'] = [];
	for (const entry of agents) {
		if (typeof entry !== 'object' || entry === null) continue;
		const agent = lowerCaseKeys(entry as Record<string, unknown>);
		const agentId = asString(agent.agentid);
		if (agentId === null) continue;
		entries.push({ agentId, location: asString(agent.location)?.trim() || null });
	}
	return { entries, listed: agents.length, total: Number(wrapper ? wrapper.totalrecords : NaN) };
}

/**
 * A page of a list CXone sends as a bare array, under one of `keys` (in order, any key case), or under the first key
 * inside the `resultSet` wrapper older API versions use; `totalRecords` from either level. Null for any other shape.
 */
export function extractListPage(body: unknown, keys: string[]): { records: unknown[]; totalRecords: number | null } | null {
	if (Array.isArray(body)) return { records: body, totalRecords: null };
	if (!isRecord(body)) return null;
	const top = lowerCaseKeys(body);
	const wrapped = isRecord(top.resultset) ? lowerCaseKeys(top.resultset) : {};
	const [first, ...others] = keys;
	const records = [top[first], wrapped[first], ...others.map((key) => top[key])].find(Array.isArray) as unknown[] | undefined;
	return records ? { records, totalRecords: asCount(top.totalrecords ?? wrapped.totalrecords) } : null;
}
