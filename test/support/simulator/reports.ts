/**
 * The simulator's reporting endpoints, consistent with its agents: GET …/agents[/{id}]/state-history (a seeded
 * past, then every state change the simulator made), GET …/agents[/{id}]/performance (seeded figures for the period,
 * counts as strings and times as ISO 8601 durations, as CXone sends them) and GET …/skills/activity (its agents
 * counted per skill, plus queues a test fills).
 */
import type { Answer, RecordedRequest } from './faults';
import { NOT_READY_REASONS, seededRandom, STATE_IDS, type SimAgent, type SimulatedTenant } from './tenant';

export type ReportKind = 'history' | 'performance' | 'logins' | 'skills' | 'contacts';

export function reportKind(pathname: string): { kind: ReportKind; agentId?: string } | undefined {
	const lower = pathname.toLowerCase();
	const history = /^\/incontactapi\/services\/[^/]+\/agents(?:\/([^/]+))?\/state-history$/.exec(lower);
	if (history) return { kind: 'history', agentId: history[1] === undefined ? undefined : decodeURIComponent(history[1]) };
	const performance = /^\/incontactapi\/services\/[^/]+\/agents(?:\/([^/]+))?\/performance$/.exec(lower);
	const logins = /^\/incontactapi\/services\/[^/]+\/agents\/([^/]+)\/login-history$/.exec(lower);
	if (logins) return { kind: 'logins', agentId: decodeURIComponent(logins[1]) };
	if (performance) return { kind: 'performance', agentId: performance[1] === undefined ? undefined : decodeURIComponent(performance[1]) };
	if (/^\/incontactapi\/services\/[^/]+\/skills\/activity$/.test(lower)) return { kind: 'skills' };
	if (/^\/incontactapi\/services\/[^/]+\/contacts\/active$/.test(lower)) return { kind: 'contacts' };
	return undefined;
}

interface Segment {
	agent: SimAgent;
	stateName: string;
	outStateDescription: string;
	contactId: number | null;
	startMs: number;
	/** null: the agent is still in it. */
	endMs: number | null;
}

interface Queue {
	count: number;
	sinceMs: number;
}

const json = (status: number, value: unknown, headers: Record<string, string> = {}): Answer => ({
	status,
	body: JSON.stringify(value),
	headers: { 'Content-Type': 'application/json', ...headers },
});

const refuse = (status: number, description: string) => json(status, { error: description }, { icStatusDescription: description });

/** ISO-8601 duration with days and milliseconds, as CXone's performance report sends times: P1DT19H18M29.651S, PT0S. */
export function isoDurationWithDays(ms: number): string {
	const total = Math.max(0, Math.round(ms));
	const days = Math.floor(total / 86_400_000);
	const hours = Math.floor((total % 86_400_000) / 3_600_000);
	const minutes = Math.floor((total % 3_600_000) / 60_000);
	const seconds = (total % 60_000) / 1000;
	const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds || (!hours && !minutes) ? `${seconds}S` : ''}`;
	return `P${days ? `${days}D` : ''}${time || !days ? `T${time}` : ''}`;
}

/** ISO-8601 duration, as CXone sends `duration`: PT1H2M3S. */
export function isoDuration(ms: number): string {
	const total = Math.max(0, Math.round(ms / 1000));
	const hours = Math.floor(total / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	const seconds = total % 60;
	return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds || total === 0 ? `${seconds}S` : ''}`;
}

const PAST_STATES = ['Available', 'Available', 'Available', 'Available', 'Unavailable', 'Unavailable', 'InboundContact', 'InboundContact', 'OutboundContact', 'LoggedOut'];

export class SimReports {
	/** Where each agent's seeded past ends: the state it had when the tenant was generated began then. */
	private readonly origin = new Map<number, number>();
	private readonly changes = new Map<number, Segment[]>();
	private readonly queues = new Map<number, Queue>();
	private readonly extraSkills: Array<{ skillId: number; skillName: string }> = [];
	private readonly cache = new Map<string, unknown[]>();

	constructor(
		private readonly tenant: SimulatedTenant,
		private readonly now: () => number,
		/** The seeded past changes state every this many ms. */
		readonly slotMs = 15 * 60_000,
	) {
		for (const agent of tenant.agents) this.origin.set(agent.agentId, Date.parse(agent.stateSince));
	}

	/** Called before an agent's state changes at `atIso`: the state it leaves becomes history. */
	recordChange(agent: SimAgent, atIso: string): void {
		const list = this.changes.get(agent.agentId) ?? [];
		list.push({ agent, stateName: agent.stateName, outStateDescription: agent.outStateDescription, contactId: agent.contactId, startMs: Date.parse(agent.stateSince), endMs: Date.parse(atIso) });
		this.changes.set(agent.agentId, list);
		this.cache.clear();
	}

	/** A simulator control: `count` contacts waiting in a skill (ID or name) since `sinceMs` (default now); 0 empties it. */
	fillQueue(skill: number | string, count: number, sinceMs = this.now()): void {
		const skillId = this.skills().find((entry) => entry.skillId === Number(skill) || entry.skillName.toLowerCase() === String(skill).toLowerCase())?.skillId;
		if (skillId === undefined) throw new Error(`No simulated skill ${skill}`);
		if (count > 0) this.queues.set(skillId, { count, sinceMs });
		else this.queues.delete(skillId);
	}

	/** Adds skills no agent has (for scale tests): 3000, 3001, ... */
	addSkills(count: number): void {
		for (let index = 0; index < count; index++) {
			const skillId = 3000 + this.extraSkills.length;
			this.extraSkills.push({ skillId, skillName: `Skill ${skillId}` });
		}
	}

	skills(): Array<{ skillId: number; skillName: string }> {
		const byId = new Map<number, string>();
		for (const agent of this.tenant.agents) byId.set(agent.skillId, agent.skillName);
		return [...[...byId].sort((a, b) => a[0] - b[0]).map(([skillId, skillName]) => ({ skillId, skillName })), ...this.extraSkills];
	}

	answer(kind: ReportKind, agentId: string | undefined, record: RecordedRequest, url: string): Answer {
		if (kind === 'performance') return this.performance(agentId, record);
		if (kind === 'logins') return this.logins(agentId ?? '', record, url);
		if (kind === 'contacts') return this.activeContacts(record, url);
		return kind === 'history' ? this.history(agentId, record, url) : this.skillActivity(record, url);
	}

	// ---- state history

	private history(agentId: string | undefined, record: RecordedRequest, url: string): Answer {
		const startMs = Date.parse(record.query.startDate ?? '');
		const endMs = Date.parse(record.query.endDate ?? '');
		if (!Number.isFinite(startMs)) return refuse(400, 'Invalid start date');
		if (!Number.isFinite(endMs) || endMs <= startMs) return refuse(400, 'Invalid end date');
		let agents = this.tenant.agents;
		if (agentId !== undefined) {
			const agent = this.tenant.agents.find((candidate) => String(candidate.agentId) === agentId);
			if (!agent) return refuse(404, 'Invalid Agent Id');
			agents = [agent];
		}
		const key = `${agentId ?? '*'}|${startMs}|${endMs}`;
		let rows = this.cache.get(key);
		if (!rows) {
			rows = [];
			for (const agent of agents) this.agentRows(agent, startMs, endMs, rows);
			if (this.cache.size > 16) this.cache.clear();
			this.cache.set(key, rows);
		}
		if (rows.length === 0) return { status: 204, body: '', headers: {} };
		const { page, links } = this.page(rows, record, url);
		return json(200, { totalRecords: rows.length, _links: links, businessUnitId: this.tenant.businessUnitId, agentStateHistory: page });
	}

	/** The agent's states that began in [startMs, endMs): seeded slots, then recorded changes, then the current state. */
	private agentRows(agent: SimAgent, startMs: number, endMs: number, rows: unknown[]) {
		const origin = this.origin.get(agent.agentId) ?? startMs;
		const first = Math.ceil(startMs / this.slotMs) * this.slotMs;
		for (let slot = first; slot < Math.min(endMs, origin); slot += this.slotMs) {
			const pick = seededRandom(agent.agentId * 100_003 + slot / this.slotMs);
			const stateName = PAST_STATES[Math.floor(pick() * PAST_STATES.length)];
			const reason = stateName === 'Unavailable' ? NOT_READY_REASONS[Math.floor(pick() * NOT_READY_REASONS.length)] : '';
			const contactId = stateName.endsWith('Contact') ? 100_000_000 + Math.floor(pick() * 900_000_000) : null;
			rows.push(this.row(agent, stateName, reason, contactId, slot, Math.min(slot + this.slotMs, origin)));
		}
		for (const change of this.changes.get(agent.agentId) ?? []) {
			if (change.startMs >= startMs && change.startMs < endMs) {
				rows.push(this.row(agent, change.stateName, change.outStateDescription, change.contactId, change.startMs, change.endMs ?? this.now()));
			}
		}
		const since = Date.parse(agent.stateSince);
		if (since >= startMs && since < endMs) rows.push(this.row(agent, agent.stateName, agent.outStateDescription, agent.contactId, since, Math.max(since, this.now())));
	}

	private row(agent: SimAgent, stateName: string, reason: string, contactId: number | null, startMs: number, endMs: number) {
		const reasonIndex = NOT_READY_REASONS.indexOf(reason);
		return {
			agentId: agent.agentId,
			agentStateId: STATE_IDS[stateName as keyof typeof STATE_IDS] ?? null,
			agentStateName: stateName,
			startDate: new Date(startMs).toISOString(),
			duration: isoDuration(endMs - startMs),
			outStateId: reason ? (reasonIndex >= 0 ? reasonIndex + 1 : 99) : null,
			outStateDescription: reason,
			contactId,
			skillId: agent.skillId,
			skillName: agent.skillName,
			teamId: agent.teamId,
			isOutbound: stateName.startsWith('Outbound'),
		};
	}

	// ---- active contacts

	/**
	 * GET /contacts/active: a contact for each agent on one (started when the agent's state did), and the contacts a
	 * test queued with fillQueue (no agent yet), with CJ's field names (RealtimedataRealtimeService.ts activeContacts).
	 * None is a 204 (walterplaza/protractor RTV60018, RTV120003); a filter that is not an integer is a 400 in NICE's words.
	 */
	private activeContacts(record: RecordedRequest, url: string): Answer {
		for (const name of ['agentId', 'teamId', 'skillId', 'mediaTypeId']) {
			const value = record.query[name];
			if (value !== undefined && !/^\d+$/.test(value)) return refuse(400, `Invalid filter parameter ${name} - '${value}', must be an integer`);
		}
		const contacts: Array<Record<string, unknown>> = [];
		for (const agent of this.tenant.agents) {
			if (agent.contactId === null || agent.state !== 'ON_CONTACT') continue;
			contacts.push(this.contact(agent.contactId, agent.skillId, agent.skillName, agent.stateName.startsWith('Outbound'), agent.stateSince, agent));
		}
		for (const { skillId, skillName } of this.skills()) {
			const queue = this.queues.get(skillId);
			for (let index = 0; queue && index < queue.count; index++) {
				contacts.push(this.contact(700_000_000 + skillId * 1000 + index, skillId, skillName, false, new Date(queue.sinceMs + index * 1000).toISOString(), null));
			}
		}
		const wanted = (field: string, value: unknown) => record.query[field] === undefined || String(value) === record.query[field];
		const rows = contacts.filter((contact) => wanted('agentId', contact.agentId) && wanted('teamId', contact.teamId) && wanted('skillId', contact.skillId) && wanted('mediaTypeId', contact.mediaTypeId));
		if (rows.length === 0) return { status: 204, body: '', headers: { icStatusDescription: 'No Contacts for the specified period' } };
		const { page, links } = this.page(rows, record, url);
		return json(200, { totalRecords: rows.length, _links: links, businessUnitId: this.tenant.businessUnitId, lastPollTime: new Date(this.now()).toISOString(), activeContacts: page });
	}

	private contact(contactId: number, skillId: number, skillName: string, isOutbound: boolean, startIso: string, agent: SimAgent | null) {
		return {
			contactId,
			masterContactId: contactId,
			agentId: agent?.agentId ?? 0,
			firstName: agent?.firstName ?? '',
			lastName: agent?.lastName ?? '',
			teamId: agent?.teamId ?? 0,
			teamName: agent?.teamName ?? '',
			skillId,
			skillName,
			mediaTypeId: 4,
			mediaTypeName: 'Call',
			stateId: agent ? 4 : 3,
			stateName: agent ? 'Active' : 'InQueue',
			contactStateCategory: agent ? 'With Agent' : 'In Queue',
			isOutbound,
			contactStartDate: startIso,
			lastUpdateTime: startIso,
			fromAddress: '+15551230000',
			toAddress: '+15559870000',
		};
	}

	// ---- login history

	/**
	 * One login a working day (about 08:xx UTC, one day in seven off), within the period and not after now, paged
	 * with top/skip and totalRecords (calljacob/nice-cxone-api ReportingReportingService.agentLoginHistory).
	 */
	private logins(agentId: string, record: RecordedRequest, url: string): Answer {
		const startMs = Date.parse(record.query.startDate ?? '');
		const endMs = Date.parse(record.query.endDate ?? '');
		if (!Number.isFinite(startMs)) return refuse(400, 'InvalidStartDate');
		if (!Number.isFinite(endMs) || endMs <= startMs) return refuse(400, 'InvalidDateRange');
		if (!/^\d+$/.test(agentId)) return refuse(400, 'InvalidParameter');
		const agent = this.tenant.agents.find((candidate) => String(candidate.agentId) === agentId);
		if (!agent) return refuse(404, 'InvalidAgentId');
		const rows: unknown[] = [];
		const day = 86_400_000;
		for (let midnight = Math.floor(startMs / day) * day; midnight < endMs; midnight += day) {
			const pick = seededRandom(agent.agentId * 31 + midnight / day);
			if (pick() < 1 / 7) continue;
			const at = midnight + 8 * 3_600_000 + Math.floor(pick() * 3_600_000);
			if (at < startMs || at >= endMs || at > this.now()) continue;
			const station = 5000 + (agent.agentId % 50);
			rows.push({ stationId: station, stationName: `Desk ${station}`, stationPhoneNumber: `+1555${String(station).padStart(7, '0')}`, stationCallerId: '+15550000000', loginDate: new Date(at).toISOString() });
		}
		if (rows.length === 0) return { status: 204, body: '', headers: {} };
		const { page, links } = this.page(rows, record, url);
		return json(200, { totalRecords: rows.length, _links: links, businessUnitId: this.tenant.businessUnitId, lastPollTime: new Date(this.now()).toISOString(), agentLogins: page });
	}

	// ---- agent performance

	/**
	 * Seeded per agent and period, consistent with itself (talk within handle time within login time, which stays
	 * within the period). NICE's test data names the 400s: InvalidStartDate, InvalidEndDate, InvalidDateRange.
	 */
	private performance(agentId: string | undefined, record: RecordedRequest): Answer {
		const startMs = Date.parse(record.query.startDate ?? '');
		const endMs = Date.parse(record.query.endDate ?? '');
		if (!Number.isFinite(startMs)) return refuse(400, 'InvalidStartDate');
		if (!Number.isFinite(endMs)) return refuse(400, 'InvalidEndDate');
		if (endMs <= startMs) return refuse(400, 'InvalidDateRange');
		let agents = this.tenant.agents;
		if (agentId !== undefined) {
			const agent = this.tenant.agents.find((candidate) => String(candidate.agentId) === agentId);
			if (!agent) return refuse(404, 'Invalid Agent Id');
			agents = [agent];
		}
		if (startMs >= this.now()) return { status: 204, body: '', headers: {} };
		const rows = agents.map((agent) => this.performanceRow(agent, startMs, Math.min(endMs, this.now())));
		const body = agentId === undefined ? { agentPerformance: rows } : { businessUnitId: this.tenant.businessUnitId, lastPollTime: new Date(this.now()).toISOString(), agentPerformance: rows };
		return json(200, body);
	}

	private performanceRow(agent: SimAgent, startMs: number, endMs: number) {
		const pick = seededRandom(agent.agentId * 7_919 + Math.floor(startMs / 86_400_000));
		const days = Math.max(1, Math.ceil((endMs - startMs) / 86_400_000));
		const loginMs = Math.floor(Math.min(endMs - startMs, days * 8 * 3_600_000) * (0.5 + 0.5 * pick()));
		const inbound = Math.floor((loginMs / 600_000) * pick());
		const outbound = Math.floor((loginMs / 1_800_000) * pick());
		const handled = inbound + outbound;
		const talkMs = (count: number) => count * (120_000 + Math.floor(pick() * 240_000)) + Math.floor(pick() * 1000);
		const inboundTalk = talkMs(inbound);
		const outboundTalk = talkMs(outbound);
		const acwMs = handled * 30_000;
		const handleMs = inboundTalk + outboundTalk + acwMs;
		const availableMs = Math.max(0, Math.floor((loginMs - handleMs) * 0.7));
		const unavailableMs = Math.max(0, loginMs - handleMs - availableMs);
		const refused = Math.floor(pick() * 3);
		const offered = handled + refused;
		const duration = isoDurationWithDays;
		const average = (ms: number, count: number) => duration(count ? ms / count : 0);
		const percent = (part: number, whole: number) => (whole ? ((part / whole) * 100).toFixed(2) : '0');
		return {
			agentId: agent.agentId,
			teamId: agent.teamId,
			agentOffered: String(offered),
			inboundHandled: String(inbound),
			inboundTime: duration(inboundTalk + inbound * 30_000),
			inboundTalkTime: duration(inboundTalk),
			inboundAvgTalkTime: average(inboundTalk, inbound),
			outboundHandled: String(outbound),
			outboundTime: duration(outboundTalk + outbound * 30_000),
			outboundTalkTime: duration(outboundTalk),
			outboundAvgTalkTime: average(outboundTalk, outbound),
			totalHandled: String(handled),
			totalTalkTime: duration(inboundTalk + outboundTalk),
			totalAvgTalkTime: average(inboundTalk + outboundTalk, handled),
			totalAvgHandleTime: average(handleMs, handled),
			consultTime: 'PT0S',
			availableTime: duration(availableMs),
			unavailableTime: duration(unavailableMs),
			acwTime: duration(acwMs),
			refused: String(refused),
			percentRefused: percent(refused, offered),
			loginTime: duration(loginMs),
			workingRate: percent(handleMs + availableMs, loginMs),
			occupancy: percent(handleMs, handleMs + availableMs),
		};
	}

	// ---- skill activity

	private skillActivity(record: RecordedRequest, url: string): Answer {
		const counts = new Map<number, { available: number; unavailable: number; acw: number; working: number; loggedIn: number }>();
		for (const agent of this.tenant.agents) {
			let count = counts.get(agent.skillId);
			if (!count) counts.set(agent.skillId, (count = { available: 0, unavailable: 0, acw: 0, working: 0, loggedIn: 0 }));
			if (agent.state === 'LOGGED_OUT') continue;
			count.loggedIn++;
			if (agent.state === 'READY') count.available++;
			else if (agent.state === 'NOT_READY') {
				count.unavailable++;
				if (agent.isAcw) count.acw++;
			} else count.working++;
		}
		const serverTime = new Date(this.now()).toISOString();
		const records = this.skills().map(({ skillId, skillName }) => {
			const count = counts.get(skillId) ?? { available: 0, unavailable: 0, acw: 0, working: 0, loggedIn: 0 };
			const queue = this.queues.get(skillId);
			const queueCount = queue?.count ?? 0;
			return {
				serverTime,
				businessUnitId: this.tenant.businessUnitId,
				skillId,
				skillName,
				mediaTypeId: 4,
				mediaTypeName: 'Call',
				isActive: true,
				isOutbound: skillName.includes('Outbound'),
				queueCount,
				// NICE's split of the queue (calljacob/nice-cxone-api RealtimedataRealtimeService.ts): here every waiting contact is in the skill's queue.
				skillQueueCount: queueCount,
				personalQueueCount: 0,
				parkedCount: 0,
				agentsAvailable: count.available,
				agentsUnavailable: count.unavailable,
				agentsACW: count.acw,
				agentsWorking: count.working,
				agentsLoggedIn: count.loggedIn,
				agentsIdle: count.available,
				contactsActive: count.working,
				// CXone's "no contact waiting" is the minimum date.
				earliestQueueTime: queue ? new Date(queue.sinceMs).toISOString() : '0001-01-01T00:00:00.000Z',
				serviceLevel: Math.max(0, 100 - queueCount * 5),
				serviceLevelGoal: 80,
				serviceLevelThreshold: 30,
				inSLA: 20,
				outSLA: queueCount,
			};
		});
		const { page, links } = this.page(records, record, url);
		return json(200, { totalRecords: records.length, _links: links, lastPollTime: serverTime, skillActivity: page });
	}

	private page(rows: unknown[], record: RecordedRequest, url: string) {
		const top = Math.max(0, Math.floor(Number(record.query.top ?? 0)) || 0);
		const skip = Math.max(0, Math.floor(Number(record.query.skip ?? 0)) || 0);
		const page = top > 0 ? rows.slice(skip, skip + top) : rows.slice(skip);
		const base = `${url}${record.path.split('?')[0]}`;
		const links: Record<string, string> = { self: `${url}${record.path}` };
		if (top > 0 && skip + top < rows.length) links.next = `${base}?${new URLSearchParams({ ...record.query, top: String(top), skip: String(skip + top) }).toString()}`;
		return { page, links };
	}
}
