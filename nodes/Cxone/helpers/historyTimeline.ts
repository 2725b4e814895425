/** One agent's state history as the time each state held: repeats dropped, overlaps split. Pure. */

export interface PlacedRow {
	startMs: number;
	/** NaN when CXone sent no usable duration. */
	endMs: number;
	state: string;
	/** What the time is also filed under (the Not Ready reason), or null. */
	reason: string | null;
}

/** Start, then state, then the longer listing first; reason last so any input order gives the same result. */
function compare(a: PlacedRow, b: PlacedRow): number {
	if (a.startMs !== b.startMs) return a.startMs - b.startMs;
	if (a.state !== b.state) return a.state < b.state ? -1 : 1;
	const aEnd = Number.isNaN(a.endMs) ? -Infinity : a.endMs;
	const bEnd = Number.isNaN(b.endMs) ? -Infinity : b.endMs;
	if (aEnd !== bEnd) return bEnd - aEnd;
	return (a.reason ?? '') < (b.reason ?? '') ? -1 : (a.reason ?? '') > (b.reason ?? '') ? 1 : 0;
}

const endOf = (row: PlacedRow) => (Number.isNaN(row.endMs) ? -Infinity : row.endMs);

/**
 * An agent is in one state at a time. A row with the same start and state as another is the same state listed
 * twice (skip-based pages repeat a row while CXone writes; day windows meet at their edges): it counts once, the
 * longer listing kept. Rows that still overlap are split as a state feed would: each state lasts until its own end
 * or the next state's start, whichever comes first. Of rows starting at the same instant, the longest holds the
 * time and the others are changes of no length. `visit` gets each state's span; rows without a duration get none.
 */
export function resolveTimeline(
	rows: PlacedRow[],
	visit: (row: PlacedRow, fromMs: number, toMs: number) => void,
): { changes: number; withoutDuration: number } {
	const distinct: PlacedRow[] = [];
	for (const row of [...rows].sort(compare)) {
		const last = distinct[distinct.length - 1];
		if (last !== undefined && last.startMs === row.startMs && last.state === row.state) continue;
		distinct.push(row);
	}
	let withoutDuration = 0;
	for (let index = 0; index < distinct.length; ) {
		// Rows starting together: the longest holds the time until the next start.
		let holder = distinct[index];
		let next = index;
		for (; next < distinct.length && distinct[next].startMs === holder.startMs; next++) {
			if (Number.isNaN(distinct[next].endMs)) withoutDuration++;
			if (endOf(distinct[next]) > endOf(holder)) holder = distinct[next];
		}
		const nextStart = next < distinct.length ? distinct[next].startMs : Infinity;
		const toMs = Math.min(endOf(holder), nextStart);
		if (toMs > holder.startMs) visit(holder, holder.startMs, toMs);
		index = next;
	}
	return { changes: distinct.length, withoutDuration };
}
