/** The trigger's snapshot in static data: one string, one line per agent, written and read here. Pure. */

/** [state, state start as ISO 8601 (or null), 1 once the "in state for" rule fired for this stay]. */
export type SnapshotEntry = [state: string, since: string | null, stayFired?: 1];
/** Agent ID → the rest of its snapshot line, `state<TAB>since[<TAB>1]`, read into a SnapshotEntry only when needed. */
export type AgentSnapshot = Map<string, string>;

export const FIELD = '\t';
export const ENTRY = '\n';
export const FIRED_SUFFIX = `${FIELD}1`;

/**
 * Agent IDs are numbers or short strings; the rare one holding a separator or `%` has those three characters
 * escaped. Not encodeURIComponent: it throws on a lone surrogate, and decodeURIComponent on a stray `%`.
 */
export const encodeId = (id: string) =>
	id.indexOf(FIELD) < 0 && id.indexOf(ENTRY) < 0 && id.indexOf('%') < 0
		? id
		: id.replace(/[%\t\n]/g, (char) => (char === '%' ? '%25' : char === FIELD ? '%09' : '%0A'));
export const decodeId = (id: string) =>
	id.indexOf('%') < 0 ? id : id.replace(/%(25|09|0A)/g, (_match, code: string) => (code === '25' ? '%' : code === '09' ? FIELD : ENTRY));

/**
 * The snapshot as one string, one line per agent: `id<TAB>state<TAB>since[<TAB>1]`. n8n hands static data
 * to nodes through a change-tracking proxy: one string crosses it once, where 100,000 entries would each
 * be wrapped; and it stays small in the database.
 */
export function encodeSnapshot(snapshot: AgentSnapshot): string {
	const lines: string[] = [];
	for (const [id, rest] of snapshot) lines.push(`${encodeId(id)}${FIELD}${rest}`);
	return lines.join(ENTRY);
}

/** The snapshot as a Map, or null when it is not one this version wrote (corrupted, or another format). */
export function decodeSnapshot(encoded: unknown): AgentSnapshot | null {
	if (typeof encoded !== 'string') return null;
	const snapshot: AgentSnapshot = new Map();
	// indexOf and slice rather than split: no array per line, and each slice shares the stored string's memory.
	for (let start = 0; start < encoded.length; ) {
		let end = encoded.indexOf(ENTRY, start);
		if (end < 0) end = encoded.length;
		const tab = encoded.indexOf(FIELD, start);
		if (tab <= start || tab >= end) return null;
		const id = decodeId(encoded.slice(start, tab));
		const rest = encoded.slice(tab + 1, end);
		if (snapshot.has(id) || readEntry(rest) === undefined) return null;
		snapshot.set(id, rest);
		start = end + 1;
	}
	return snapshot;
}

/** Whether any agent in the snapshot was logged in (its state is not LOGGED_OUT). */
export function snapshotHasActiveAgents(encoded: unknown): boolean {
	const snapshot = decodeSnapshot(encoded);
	if (!snapshot) return false;
	for (const rest of snapshot.values()) if (!rest.startsWith(`LOGGED_OUT${FIELD}`)) return true;
	return false;
}

/** A snapshot line's rest, undefined when it is not one encodeSnapshot could have written. */
export function readEntry(rest: string | undefined): SnapshotEntry | undefined {
	if (rest === undefined) return undefined;
	const [state, since, fired, extra] = rest.split(FIELD, 4);
	if (!state || since === undefined || extra !== undefined || (fired !== undefined && fired !== '1')) return undefined;
	if (since && Number.isNaN(Date.parse(since))) return undefined;
	const entry: SnapshotEntry = [state, since || null];
	if (fired === '1') entry[2] = 1;
	return entry;
}

export const writeEntry = ([state, since, fired]: SnapshotEntry) => `${state}${FIELD}${since ?? ''}${fired ? FIRED_SUFFIX : ''}`;
