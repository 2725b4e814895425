/** A seeded, realistic CXone tenant: the same options always give the same agents, states and times. */

import { stateByName, type CanonicalState } from '../../../nodes/Cxone/helpers/states';

/** The canonical state (the node's state table, helpers/states.ts); CXone's finer names live in SimAgent.stateName. */
export type SimState = CanonicalState;

/** CXone's agentStateName values with their numeric agentStateId (the ids of helpers/states.ts's table). */
export const STATE_IDS = {
	LoggedOut: 0,
	Available: 1,
	Unavailable: 2,
	InboundContact: 3,
	OutboundContact: 4,
	InboundConsult: 5,
	OutboundConsult: 6,
	Dialer: 7,
	LoggedIn: 8,
} as const;

export type CxoneStateName = keyof typeof STATE_IDS;

export interface SimAgent {
	agentId: number;
	firstName: string;
	lastName: string;
	userName: string;
	teamId: number;
	teamName: string;
	siteId: string;
	siteName: string;
	locationId: number;
	locationName: string;
	skillId: number;
	skillName: string;
	state: SimState;
	/** CXone's agentStateName: Available, Unavailable, InboundContact, OutboundContact, LoggedOut, ... */
	stateName: string;
	agentStateId: number;
	/** The Not Ready reason (CXone's outStateDescription), '' otherwise. */
	outStateDescription: string;
	contactId: number | null;
	isAcw: boolean;
	stateSince: string;
	lastUpdateTime: string;
}

export interface SimulatedTenant {
	tenantId: string;
	businessUnitId: number;
	agents: SimAgent[];
}

export interface TenantOptions {
	agents: number;
	seed: number;
	sites: number;
	teams: number;
	/** The tenant's "now" when generated: every timestamp is placed up to 3 hours before it. */
	epochMs: number;
}

export const DEFAULT_TENANT_OPTIONS: TenantOptions = {
	agents: 36,
	seed: 42,
	sites: 3,
	teams: 4,
	epochMs: Date.parse('2026-11-23T10:00:00Z'),
};

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const FIRST_NAMES = ['Ann', 'Bo', 'Chen', 'Dara', 'Eli', 'Fatima', 'Goran', 'Hana', 'Ivan', 'Jo', 'Kemal', 'Lena', 'Mateo', 'Nia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Vera', 'Wen', 'Yusuf'];
const LAST_NAMES = ['Lee', 'Okafor', 'Silva', 'Novak', 'Haddad', 'Kim', 'Garcia', 'Ito', 'Muller', 'Patel', 'Rossi', 'Smith', 'Tanaka', 'Walsh'];
const SITE_NAMES = ['Manila', 'Austin', 'Krakow', 'Cape Town', 'Lisbon', 'Bogota', 'Pune', 'Glasgow'];
const TEAM_NAMES = ['Support', 'Sales', 'Billing', 'Retention', 'Onboarding', 'Escalations', 'Chat', 'Collections'];
const SKILLS = ['Billing Inbound', 'Tech Support Voice', 'Sales Outbound', 'Chat General', 'Retention Voice'];
const LOWER_FIRST_NAMES = FIRST_NAMES.map((name) => name.toLowerCase());
const LOWER_LAST_NAMES = LAST_NAMES.map((name) => name.toLowerCase());
export const NOT_READY_REASONS = ['Lunch', 'Break', 'Meeting', 'Training', 'Coaching'];

const randomContactId = (pick: () => number) => 100_000_000 + Math.floor(pick() * 900_000_000);

/** The state-dependent fields of an agent, in CXone's terms. `reason` fills Unavailable's outStateDescription. */
export function cxoneStateFields(state: SimState, pick: () => number, reason?: string) {
	switch (state) {
		case 'READY':
			return { stateName: 'Available', outStateDescription: '', contactId: null };
		case 'NOT_READY':
			return { stateName: 'Unavailable', outStateDescription: reason ?? NOT_READY_REASONS[Math.floor(pick() * NOT_READY_REASONS.length)], contactId: null };
		case 'ON_CONTACT':
		case 'DIALER': {
			// One draw decides the kind, and a contact ID is always drawn, so adding Dialer moved no other agent.
			const kind = pick();
			const contactId = randomContactId(pick);
			if (state === 'DIALER' || kind >= 0.85) return { stateName: 'Dialer', outStateDescription: '', contactId: null };
			return { stateName: kind < 0.6 ? 'InboundContact' : 'OutboundContact', outStateDescription: '', contactId };
		}
		default:
			return { stateName: 'LoggedOut', outStateDescription: '', contactId: null };
	}
}

const CANONICAL: Record<string, SimState> = { READY: 'READY', NOT_READY: 'NOT_READY', ON_CONTACT: 'ON_CONTACT', DIALER: 'DIALER', LOGGED_OUT: 'LOGGED_OUT' };

/**
 * The fields setAgentState writes, from either a canonical state (READY, DIALER, ...) or a CXone name (Available,
 * Dialer, ...). The canonical state of a CXone name comes from the node's own state table. Deterministic: an
 * ON_CONTACT change is always InboundContact.
 */
export function stateChange(requested: string, reason?: string) {
	const canonical = CANONICAL[requested.toUpperCase()];
	if (canonical) {
		const fields = cxoneStateFields(canonical, () => 0.5, reason);
		return { state: canonical, ...fields, agentStateId: STATE_IDS[fields.stateName as CxoneStateName] };
	}
	const name = (Object.keys(STATE_IDS) as CxoneStateName[]).find((candidate) => candidate.toLowerCase() === requested.toLowerCase());
	if (!name) throw new Error(`Unknown agent state "${requested}": use READY, NOT_READY, ON_CONTACT, DIALER, LOGGED_OUT or a CXone state name`);
	const state = CANONICAL_OF.get(name) ?? 'NOT_READY';
	return {
		state,
		stateName: name,
		agentStateId: STATE_IDS[name],
		outStateDescription: name === 'Unavailable' ? (reason ?? NOT_READY_REASONS[0]) : '',
		contactId: state === 'ON_CONTACT' ? randomContactId(() => 0.5) : null,
	};
}

/** The canonical state of each CXone name, from the node's table, looked up once per name (not per agent). */
const CANONICAL_OF = new Map<string, SimState>(
	(Object.keys(STATE_IDS) as CxoneStateName[]).map((name) => [name, (stateByName(name)?.state ?? 'NOT_READY') as SimState]),
);

/** About 40% ready, 25% not ready, 25% on a contact, 10% logged out. */
function pickState(value: number): SimState {
	if (value < 0.4) return 'READY';
	if (value < 0.65) return 'NOT_READY';
	if (value < 0.9) return 'ON_CONTACT';
	return 'LOGGED_OUT';
}

/** Pure: the same options give a deep-equal tenant. Missing options take DEFAULT_TENANT_OPTIONS. */
export function generateTenant(partial: Partial<TenantOptions> = {}): SimulatedTenant {
	const options = { ...DEFAULT_TENANT_OPTIONS, ...partial };
	const random = seededRandom(options.seed);
	const sites = Math.max(1, Math.min(options.sites, SITE_NAMES.length));
	const teams = Math.max(1, Math.min(options.teams, TEAM_NAMES.length));
	const agents: SimAgent[] = [];
	const siteIds = SITE_NAMES.map((_name, index) => `site-${index + 1}`);
	// The order of random() calls below defines every seed's tenant: changing it changes documented examples.
	for (let index = 0; index < options.agents; index++) {
		const agentId = 1001 + index;
		const first = Math.floor(random() * FIRST_NAMES.length);
		const last = Math.floor(random() * LAST_NAMES.length);
		const site = index % sites;
		const team = Math.floor(random() * teams);
		const skill = Math.floor(random() * SKILLS.length);
		const picked = pickState(random());
		const since = new Date(options.epochMs - Math.floor(random() * 3 * 3600_000)).toISOString();
		const fields = cxoneStateFields(picked, random);
		const state = CANONICAL_OF.get(fields.stateName) ?? 'NOT_READY';
		// One literal with a fixed key order keeps every agent the same object shape (fast to build and serialize).
		agents.push({
			agentId,
			firstName: FIRST_NAMES[first],
			lastName: LAST_NAMES[last],
			userName: `${LOWER_FIRST_NAMES[first]}.${LOWER_LAST_NAMES[last]}.${agentId}@tenant.example`,
			teamId: 10 + team,
			teamName: TEAM_NAMES[team],
			siteId: siteIds[site],
			siteName: SITE_NAMES[site],
			locationId: 500 + site,
			locationName: SITE_NAMES[site],
			skillId: 2000 + skill,
			skillName: SKILLS[skill],
			state,
			stateName: fields.stateName,
			outStateDescription: fields.outStateDescription,
			contactId: fields.contactId,
			agentStateId: STATE_IDS[fields.stateName as CxoneStateName],
			isAcw: state === 'NOT_READY' && random() < 0.1,
			stateSince: since,
			lastUpdateTime: since,
		});
	}
	const tenantId = `11ee${Math.floor(random() * 0xffffffff).toString(16).padStart(8, '0')}-sim-${options.seed}`;
	return { tenantId, businessUnitId: 4_600_000 + (options.seed % 10_000), agents };
}
