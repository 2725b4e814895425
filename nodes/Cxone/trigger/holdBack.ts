/** When a drop in the tutorial API's list is believed: the one-poll hold-back against partial and empty answers. Pure. */

/** A drop is held back when more than this share of the logged-in watched agents goes missing at once... */
export const HOLD_BACK_SHARE = 0.25;
/** ...and at least this many (a team of 4 ending its shift together is reported at once). */
export const HOLD_BACK_MIN_AGENTS = 5;

/**
 * The tutorial API lists only agents with a session, so a missing agent has logged out; but a proxy or a
 * degraded CXone answering with part of the list (or none) would make that dozens of false logouts. A sudden
 * large drop (or an empty list) is therefore held back one poll: those agents keep their lines, and they are
 * reported logged out only if the next poll does not list them either. Agents missing in a poll after a
 * hold-back that were listed in the held-back one are a drop of their own, judged the same way.
 *
 * `heldBefore`: the agents held back by the previous poll. `listEmpty`: CXone listed nobody at all.
 */
export function holdBackDrop(heldBefore: ReadonlySet<string>, listEmpty: boolean) {
	return (missing: string[], loggedIn: number): Set<string> => {
		const fresh = missing.filter((agentId) => !heldBefore.has(agentId));
		// The share is of the agents still believed logged in: those confirmed gone in this poll are not.
		const believedIn = loggedIn - (missing.length - fresh.length);
		const large = listEmpty ? fresh.length > 0 : fresh.length >= HOLD_BACK_MIN_AGENTS && fresh.length > believedIn * HOLD_BACK_SHARE;
		return large ? new Set(fresh) : new Set();
	};
}
