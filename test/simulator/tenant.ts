/** A seeded, realistic CXone tenant: the same options always give the same agents, states and times. */

export type SimState = 'READY' | 'NOT_READY' | 'ON_CONTACT' | 'LOGGED_OUT';

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
	/** CXone's agentStateName: Available, Unavailable, InboundContact, OutboundContact, LoggedOut. */
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
	/** The tenant's "now" when generated: timestamps are placed before it. */
	epochMs: number;
}

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
export const NOT_READY_REASONS = ['Lunch', 'Break', 'Meeting', 'Training', 'Coaching'];

export const STATE_IDS: Record<string, number> = {
	LoggedOut: 0,
	Available: 1,
	Unavailable: 2,
	InboundContact: 3,
	OutboundContact: 4,
};

/** Picks CXone's names for a canonical state; `reason` fills Unavailable's outStateDescription. */
export function cxoneStateFields(state: SimState, pick: () => number, reason?: string) {
	switch (state) {
		case 'READY':
			return { stateName: 'Available', outStateDescription: '', contactId: null };
		case 'NOT_READY':
			return { stateName: 'Unavailable', outStateDescription: reason ?? NOT_READY_REASONS[Math.floor(pick() * NOT_READY_REASONS.length)], contactId: null };
		case 'ON_CONTACT':
			return { stateName: pick() < 0.7 ? 'InboundContact' : 'OutboundContact', outStateDescription: '', contactId: 100_000_000 + Math.floor(pick() * 900_000_000) };
		default:
			return { stateName: 'LoggedOut', outStateDescription: '', contactId: null };
	}
}

function pickState(value: number): SimState {
	if (value < 0.4) return 'READY';
	if (value < 0.65) return 'NOT_READY';
	if (value < 0.9) return 'ON_CONTACT';
	return 'LOGGED_OUT';
}

export function generateTenant(options: TenantOptions): SimulatedTenant {
	const random = seededRandom(options.seed);
	const sites = Math.max(1, Math.min(options.sites, SITE_NAMES.length));
	const teams = Math.max(1, Math.min(options.teams, TEAM_NAMES.length));
	const agents: SimAgent[] = new Array(options.agents);
	for (let index = 0; index < options.agents; index++) {
		const agentId = 1001 + index;
		const firstName = FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)];
		const lastName = LAST_NAMES[Math.floor(random() * LAST_NAMES.length)];
		const site = index % sites;
		const team = Math.floor(random() * teams);
		const skill = Math.floor(random() * SKILLS.length);
		const state = pickState(random());
		const since = new Date(options.epochMs - Math.floor(random() * 3 * 3600_000)).toISOString();
		const fields = cxoneStateFields(state, random);
		agents[index] = {
			agentId,
			firstName,
			lastName,
			userName: `${firstName}.${lastName}.${agentId}@tenant.example`.toLowerCase(),
			teamId: 10 + team,
			teamName: TEAM_NAMES[team],
			siteId: `site-${site + 1}`,
			siteName: SITE_NAMES[site],
			locationId: 500 + site,
			locationName: SITE_NAMES[site],
			skillId: 2000 + skill,
			skillName: SKILLS[skill],
			state,
			...fields,
			agentStateId: STATE_IDS[fields.stateName],
			isAcw: state === 'NOT_READY' && random() < 0.1,
			stateSince: since,
			lastUpdateTime: since,
		};
	}
	const tenantId = `11ee${Math.floor(random() * 0xffffffff).toString(16).padStart(8, '0')}-sim-${options.seed}`;
	return { tenantId, businessUnitId: 4_600_000 + (options.seed % 10_000), agents };
}
