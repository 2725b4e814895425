/** The state table: every state name CXone sends, mapped once to the canonical state and subState. */
/**
 * Also the tutorial API's names. docs/REAL-TENANTS.md's state table is this table; the simulator reads it too.
 *
 * Sources:
 * - ids 0-8 and their names: nice-devone/nice-cxone-agent-sdk dist/agent-sdk/src/lib/agent-state/enum/agent-states-id.js;
 *   the same nine names are the `agentStateName` enum of GET /agents/{agentId}/states in calljacob/nice-cxone-api
 *   src/services/realtime/RealtimedataRealtimeService.ts (generated from NICE's OpenAPI files).
 * - DialerPending, Working, After Call Work (no id): the SDK's dist/agent-sdk/src/lib/agent-state/enum/agent-states.js;
 *   its dist/agent-sdk/src/lib/directory/provider/cxone-directory-provider.js groups dialer, dialerpending, working and
 *   the inbound/outbound contact and consult states as "working".
 * - READY, NOT_READY, ON_CONTACT, LOGGED_OUT: the tutorial API's `state.type`.
 */

/** What the node outputs in `state`, and what the States option (node and trigger) offers (sorted by name, as n8n's lint asks). */
export const AGENT_STATE_OPTIONS = [
	{ name: 'After Call Work', value: 'AFTER_CALL_WORK', description: 'CXone\'s "After Call Work" state name (an Unavailable agent in ACW keeps NOT_READY with isAcw true)' },
	{ name: 'Dialer', value: 'DIALER', description: 'Working for the outbound dialer, or waiting for it (Dialer ID 7, DialerPending)' },
	{ name: 'Logged In', value: 'LOGGED_IN', description: 'Logged in, no state chosen yet (CXone LoggedIn, ID 8)' },
	{ name: 'Logged Out', value: 'LOGGED_OUT', description: 'No active session (CXone LoggedOut, ID 0)' },
	{ name: 'Not Ready', value: 'NOT_READY', description: 'Unavailable, with the reason in subState (CXone Unavailable, ID 2)' },
	{ name: 'On Contact', value: 'ON_CONTACT', description: 'Handling an inbound or outbound contact or consult, or Working (IDs 3-6)' },
	{ name: 'Ready', value: 'READY', description: 'Available: can take a contact (CXone Available, ID 1)' },
] as const;

export type CanonicalState = (typeof AGENT_STATE_OPTIONS)[number]['value'];

export const CANONICAL_STATES: readonly CanonicalState[] = AGENT_STATE_OPTIONS.map((option) => option.value);

export interface StateMapping {
	/** CXone's agentStateName (or the tutorial's type), as CXone spells it. */
	name: string;
	/** CXone's agentStateId, null where no source gives one. */
	id: number | null;
	state: CanonicalState;
	/**
	 * `outStateDescription`: the Not Ready reason from the record; a string: this fixed subState (which kind of
	 * contact ON_CONTACT folds together); null: none.
	 */
	subState: 'outStateDescription' | string | null;
	source: string;
}

const SDK_IDS = 'nice-cxone-agent-sdk agent-states-id.js; nice-cxone-api RealtimedataRealtimeService.ts';
const SDK_NAMES = 'nice-cxone-agent-sdk agent-states.js, cxone-directory-provider.js';

export const STATE_TABLE: readonly StateMapping[] = [
	{ name: 'LoggedOut', id: 0, state: 'LOGGED_OUT', subState: null, source: SDK_IDS },
	{ name: 'Available', id: 1, state: 'READY', subState: null, source: SDK_IDS },
	{ name: 'Unavailable', id: 2, state: 'NOT_READY', subState: 'outStateDescription', source: SDK_IDS },
	{ name: 'InboundContact', id: 3, state: 'ON_CONTACT', subState: 'InboundContact', source: SDK_IDS },
	{ name: 'OutboundContact', id: 4, state: 'ON_CONTACT', subState: 'OutboundContact', source: SDK_IDS },
	{ name: 'InboundConsult', id: 5, state: 'ON_CONTACT', subState: 'InboundConsult', source: SDK_IDS },
	{ name: 'OutboundConsult', id: 6, state: 'ON_CONTACT', subState: 'OutboundConsult', source: SDK_IDS },
	{ name: 'Dialer', id: 7, state: 'DIALER', subState: null, source: SDK_IDS },
	{ name: 'LoggedIn', id: 8, state: 'LOGGED_IN', subState: null, source: SDK_IDS },
	{ name: 'DialerPending', id: null, state: 'DIALER', subState: 'DialerPending', source: SDK_NAMES },
	{ name: 'Working', id: null, state: 'ON_CONTACT', subState: 'Working', source: SDK_NAMES },
	{ name: 'After Call Work', id: null, state: 'AFTER_CALL_WORK', subState: null, source: SDK_NAMES },
	{ name: 'READY', id: null, state: 'READY', subState: null, source: 'the tutorial API' },
	{ name: 'NOT_READY', id: null, state: 'NOT_READY', subState: 'outStateDescription', source: 'the tutorial API (reason in state.subState)' },
	{ name: 'ON_CONTACT', id: null, state: 'ON_CONTACT', subState: null, source: 'the tutorial API' },
	{ name: 'LOGGED_OUT', id: null, state: 'LOGGED_OUT', subState: null, source: 'the tutorial API' },
];

/** Case, spaces, underscores and hyphens removed: `After Call Work`, `AFTER_CALL_WORK` and `afterCallWork` meet. */
const stateAliasKey = (name: string) => name.replace(/[\s_-]/g, '').toLowerCase();

const BY_ALIAS = new Map<string, StateMapping>();
for (const mapping of STATE_TABLE) BY_ALIAS.set(stateAliasKey(mapping.name), mapping);

const BY_ID = new Map<string, StateMapping>();
for (const mapping of STATE_TABLE) if (mapping.id !== null) BY_ID.set(String(mapping.id), mapping);

/** The mapping for a state name in any spelling, undefined for a name no source lists. */
export function stateByName(name: string): StateMapping | undefined {
	return BY_ALIAS.get(stateAliasKey(name));
}

/** The mapping for CXone's numeric `agentStateId` (number or numeric string). */
export function stateById(id: string): StateMapping | undefined {
	return BY_ID.get(id.trim());
}
