/** Reading CXone's loosely typed JSON values: strings, counts, booleans, timestamps, keys in any case. Pure. */

export type JsonRecord = Record<string, unknown>;

export const isRecord = (value: unknown): value is JsonRecord =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Old API versions answer in PascalCase (`AgentId`), current ones in camelCase: read keys without case. */
export function lowerCaseKeys(record: JsonRecord): JsonRecord {
	// No prototype: a key such as "__proto__" in CXone's JSON stays a plain key.
	const lowered: JsonRecord = Object.create(null);
	for (const key in record) lowered[key.toLowerCase()] = record[key];
	return lowered;
}

export function asString(value: unknown): string | null {
	if (typeof value === 'string') return value.length ? value : null;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

export function asCount(value: unknown): number | null {
	const count = typeof value === 'string' && value.trim() ? Number(value) : value;
	return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : null;
}

/** A number, or a numeric string (CXone's reporting sends counts and percentages as "54", "20.37"); null otherwise. */
export function asNumber(value: unknown): number | null {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

const DURATION = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const CLOCK = /^(\d+):([0-5]?\d):([0-5]?\d(?:\.\d+)?)$/;

/** Seconds in `PT1H2M3.5S` / `P1DT2H` (what CXone sends), `01:02:03`, or a number of seconds; NaN otherwise. */
export function durationSeconds(value: unknown): number {
	if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : Number.NaN;
	if (typeof value !== 'string') return Number.NaN;
	const text = value.trim();
	const iso = DURATION.exec(text);
	if (iso && text !== 'P' && !/T$/i.test(text)) {
		const [, days, hours, minutes, seconds] = iso;
		return Number(days ?? 0) * 86_400 + Number(hours ?? 0) * 3_600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0);
	}
	const clock = CLOCK.exec(text);
	if (clock) return Number(clock[1]) * 3_600 + Number(clock[2]) * 60 + Number(clock[3]);
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
	return Number.NaN;
}

/**
 * The one boolean reader. Booleans arrive as JSON booleans or as 'True'/'False' strings in any case: NICE's SDK
 * parses `isActive` and `isOutbound` with parseBooleanString (nice-devone/nice-cxone-agent-sdk
 * dist/common-sdk/src/util/utility.js, dist/common-sdk/src/lib/model/agent-state-response.js). 1 and 0, and text
 * with spaces around it, can only mean one thing and are read as it. Anything else is unknown (null), not false.
 */
export function asBoolean(value: unknown): boolean | null {
	if (typeof value === 'boolean') return value;
	if (value === 1) return true;
	if (value === 0) return false;
	if (typeof value === 'string') {
		const text = value.trim().toLowerCase();
		if (text === 'true') return true;
		if (text === 'false') return false;
	}
	return null;
}

/** What a value is, in words for an error message: "an array", "an object", "a boolean (true)", "NaN". */
export function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'boolean') return `a boolean (${value})`;
	if (typeof value === 'number') return String(value);
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** An Agent field's value that names no agent; the message says what was given. */
export class AgentIdError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AgentIdError';
	}
}

/** Half of a UTF-16 surrogate pair: encodeURIComponent throws "URI malformed" on it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * An agent ID from an Agent field or an expression: text (trimmed) or a whole number, '' when empty. Anything else
 * throws an AgentIdError: as text it would name no agent ("[object Object]") or the wrong one ("NaN", "true").
 */
export function agentIdFromValue(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') {
		const agentId = value.trim();
		const broken = LONE_SURROGATE.exec(agentId);
		if (broken) throw new AgentIdError(`Agent contains a broken character at position ${broken.index + 1} (half of a UTF-16 surrogate pair)`);
		return agentId;
	}
	if (typeof value === 'number') {
		if (Number.isSafeInteger(value) && value >= 0) return String(value);
		throw new AgentIdError(Number.isFinite(value) ? `Agent must be a whole number, got ${value}` : `Agent must be text or a number, got ${value}`);
	}
	throw new AgentIdError(`Agent must be text or a number, got ${describeValue(value)}`);
}

const MAX_DATE_MS = 8.64e15;

/** A date and time with no zone after it: CXone's timestamps are UTC, so one without a zone is read as UTC. */
const ZONELESS_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?$/;

/**
 * Epoch milliseconds of an ISO string or a number, NaN when it is neither or out of Date's range. A time without
 * a zone is UTC (Date.parse would read it in the n8n server's zone).
 */
export function timestampMs(value: unknown): number {
	const ms =
		typeof value === 'number'
			? value
			: typeof value === 'string'
				? Date.parse(ZONELESS_DATE_TIME.test(value) ? `${value}Z` : value)
				: Number.NaN;
	return Math.abs(ms) <= MAX_DATE_MS ? ms : Number.NaN;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The digit at `index`, NaN for any other character (NaN then carries through the sums below). */
function digitAt(value: string, index: number): number {
	const digit = value.charCodeAt(index) - 48;
	return digit >= 0 && digit <= 9 ? digit : Number.NaN;
}

/**
 * Epoch milliseconds of `YYYY-MM-DDTHH:mm:ss.sssZ` naming a real instant (what CXone sends, and exactly what
 * toISOString prints), NaN for any other string. A third of Date.parse's cost: it runs once per agent per poll.
 */
export function canonicalIsoMs(value: string): number {
	if (
		value.length !== 24 ||
		value.charCodeAt(4) !== 45 || // -
		value.charCodeAt(7) !== 45 ||
		value.charCodeAt(10) !== 84 || // T
		value.charCodeAt(13) !== 58 || // :
		value.charCodeAt(16) !== 58 ||
		value.charCodeAt(19) !== 46 || // .
		value.charCodeAt(23) !== 90 // Z
	) {
		return Number.NaN;
	}
	const year = digitAt(value, 0) * 1000 + digitAt(value, 1) * 100 + digitAt(value, 2) * 10 + digitAt(value, 3);
	const month = digitAt(value, 5) * 10 + digitAt(value, 6);
	const day = digitAt(value, 8) * 10 + digitAt(value, 9);
	const hour = digitAt(value, 11) * 10 + digitAt(value, 12);
	const minute = digitAt(value, 14) * 10 + digitAt(value, 15);
	const second = digitAt(value, 17) * 10 + digitAt(value, 18);
	const millisecond = digitAt(value, 20) * 100 + digitAt(value, 21) * 10 + digitAt(value, 22);
	// Date.UTC reads years below 100 as 19xx; such years, like hour 24 and NaN from a non-digit, fail here.
	const valid =
		year >= 1000 &&
		month >= 1 &&
		month <= 12 &&
		day >= 1 &&
		day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]) &&
		hour <= 23 &&
		minute <= 59 &&
		second <= 59 &&
		millisecond >= 0;
	return valid ? Date.UTC(year, month - 1, day, hour, minute, second, millisecond) : Number.NaN;
}

/**
 * Records keyed by ID in the order first listed, the later listing of an ID replacing the earlier one (skip-based pages
 * can list a record again while CXone updates it); what names no ID (`null`) is counted as skipped.
 */
export class LatestById<T> {
	private readonly byId = new Map<string, T>();
	skipped = 0;

	constructor(private readonly idOf: (item: T) => string) {}

	add(item: T | null): void {
		if (item === null) this.skipped++;
		else this.byId.set(this.idOf(item), item);
	}

	get size(): number {
		return this.byId.size;
	}

	get items(): T[] {
		return [...this.byId.values()];
	}
}
