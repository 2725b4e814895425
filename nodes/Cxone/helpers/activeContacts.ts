/**
 * Contacts in progress: one item per contact, every field present (null when CXone did not send it). Pure.
 *
 * Fields per NICE's Real-Time Data API definition (calljacob/nice-cxone-api src/services/realtime/RealtimedataRealtimeService.ts,
 * activeContacts: `activeContacts[]`); older versions wrap the list as `resultSet.activeContacts` and say
 * `contactStart`, `fromAddr`/`toAddr`, `mediaType` and `state`, and the reporting schema names the list `contacts`
 * (see ../shared/reference/cxone-api-new-operations.md §4a): every variant is read. `contactStartDate` is typed a number
 * but compared as a string by a live client: both are read.
 */
import { epochNumberMs } from './dates';
import { extractListPage } from './pages';
import { asBoolean, asString, LatestById, lowerCaseKeys, timestampMs } from './values';

export interface ActiveContact {
	contactId: string;
	masterContactId: string | null;
	/** null while no agent has the contact (waiting in queue); CXone sends 0 then. */
	agentId: string | null;
	firstName: string | null;
	lastName: string | null;
	teamId: string | null;
	teamName: string | null;
	skillId: string | null;
	skillName: string | null;
	mediaTypeId: string | null;
	mediaTypeName: string | null;
	state: string | null;
	stateId: string | null;
	contactStateCategory: string | null;
	isOutbound: boolean | null;
	fromAddress: string | null;
	toAddress: string | null;
	/** ISO 8601 UTC. */
	startedAt: string | null;
	/** Seconds since startedAt; null without a start. */
	ageSeconds: number | null;
}

/** The page's contacts, in any of the shapes above; null for anything else. */
export const extractContactsPage = (body: unknown) => extractListPage(body, ['activecontacts', 'contacts']);

/** An ID where CXone's 0 means none. */
const idOrNull = (value: unknown) => {
	const id = asString(value);
	return id === null || id === '0' ? null : id;
};

/** Returns null when the record names no contact. */
export function normalizeContact(record: unknown, nowMs: number): ActiveContact | null {
	if (typeof record !== 'object' || record === null || Array.isArray(record)) return null;
	const source = lowerCaseKeys(record as Record<string, unknown>);
	const contactId = asString(source.contactid);
	if (contactId === null) return null;
	const start = source.contactstartdate ?? source.contactstart;
	// No source gives the unit of a numeric start: one that can only be seconds is read as seconds.
	const startMs = typeof start === 'number' ? epochNumberMs(start) : timestampMs(start);
	const started = Number.isNaN(startMs) ? null : startMs;
	// Older answers say `mediaType` for what is now `mediaTypeId` (a number); a name there is kept as the name.
	const olderMediaIsId = /^\d+$/.test(String(source.mediatype ?? ''));
	return {
		contactId,
		masterContactId: idOrNull(source.mastercontactid),
		agentId: idOrNull(source.agentid),
		firstName: asString(source.firstname),
		lastName: asString(source.lastname),
		teamId: idOrNull(source.teamid),
		teamName: asString(source.teamname),
		skillId: idOrNull(source.skillid),
		skillName: asString(source.skillname),
		mediaTypeId: asString(source.mediatypeid ?? (olderMediaIsId ? source.mediatype : undefined)),
		mediaTypeName: asString(source.mediatypename ?? (olderMediaIsId ? undefined : source.mediatype)),
		state: asString(source.statename ?? source.state),
		stateId: asString(source.stateid),
		contactStateCategory: asString(source.contactstatecategory),
		isOutbound: asBoolean(source.isoutbound),
		fromAddress: asString(source.fromaddress ?? source.fromaddr),
		toAddress: asString(source.toaddress ?? source.toaddr),
		startedAt: started === null ? null : new Date(started).toISOString(),
		ageSeconds: started === null ? null : Math.max(0, Math.floor((nowMs - started) / 1000)),
	};
}

/**
 * One item per contact ID, in the order first listed, fed page by page: skip-based pages can list a contact again
 * while CXone updates (the later listing wins). Records naming no contact are counted as skipped.
 */
export class DistinctContacts {
	private readonly kept = new LatestById<ActiveContact>((contact) => contact.contactId);
	skipped = 0;
	/** Contacts listed, before `keep` chose. */
	seen = 0;

	constructor(
		private readonly nowMs: number,
		private readonly keep: (contact: ActiveContact) => boolean = () => true,
	) {}

	add(record: unknown): void {
		const contact = normalizeContact(record, this.nowMs);
		if (!contact) {
			this.skipped++;
			return;
		}
		this.seen++;
		if (this.keep(contact)) this.kept.add(contact);
	}

	get size(): number {
		return this.kept.size;
	}

	get contacts(): ActiveContact[] {
		return this.kept.items;
	}
}
