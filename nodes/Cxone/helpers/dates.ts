/** Date parameters as instants, and periods counted in calendar days, in the workflow's time zone (Luxon). Pure. */
import { DateTime, IANAZone } from 'luxon';

/** ISO 8601 as n8n's date picker and Luxon write it: a date, a time (optional), a zone (optional). */
const ISO_8601 = /^(\d{4}-\d\d-\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d{1,9}))?)?(Z|[+-]\d\d(?::?\d\d)?)?)?$/i;

/**
 * Below this a number cannot be epoch milliseconds of a period anyone asks CXone about (it would be before
 * 1973-03-03), and as epoch seconds it reaches the year 5138: so it is seconds, as `{{ $now.toSeconds() }}` and
 * most webhooks give them. Read as milliseconds it would silently ask for January 1970.
 */
const SMALLEST_EPOCH_MS = 1e11;

const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

/** n8n's DateTimes ($today, $now) come from n8n's own copy of Luxon, so they are recognised by shape. */
const hasToMillis = (value: unknown): value is { toMillis: () => unknown } =>
	typeof value === 'object' && value !== null && typeof (value as { toMillis?: unknown }).toMillis === 'function';

/** Epoch ms of a number: milliseconds, or seconds where it can only be seconds; NaN for zero, negatives, NaN. */
export function epochNumberMs(value: number): number {
	if (!Number.isFinite(value) || value <= 0) return Number.NaN;
	return value < SMALLEST_EPOCH_MS ? value * 1000 : value;
}

/** ISO 8601 text, a zoneless one in `timeZone` (an unknown zone is UTC); NaN for anything else. */
function isoTextMs(text: string, timeZone: string): number {
	const match = ISO_8601.exec(text.trim());
	if (!match) return Number.NaN;
	const [, date, hour = '00', minute = '00', second = '00', fraction, zone] = match;
	// Luxon reads 24:00 as the next midnight; a time that does not exist is not a time.
	if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return Number.NaN;
	const iso = `${date}T${hour}:${minute}:${second}${fraction ? `.${fraction}` : ''}${zone ? zone.toUpperCase() : ''}`;
	const dateTime = DateTime.fromISO(iso, { zone: IANAZone.isValidZone(timeZone) ? timeZone : 'UTC' });
	// Luxon refuses 2026-02-30 rather than rolling it over to March 2.
	return dateTime.isValid ? dateTime.toMillis() : Number.NaN;
}

/**
 * A date parameter as epoch ms: ISO 8601 strings (zoneless ones in the workflow's time zone), Dates, Luxon
 * DateTimes, epoch milliseconds or seconds. Anything else is NaN: Date.parse would guess ("March 7" is
 * 2001-03-07, "2026/11/22 00:00" is in the n8n server's zone).
 */
export function parseDateParameter(value: unknown, timeZone: string): number {
	if (isDate(value)) return value.getTime();
	if (typeof value === 'number') return epochNumberMs(value);
	if (hasToMillis(value)) {
		const ms = value.toMillis();
		return typeof ms === 'number' ? ms : Number.NaN;
	}
	return typeof value === 'string' ? isoTextMs(value, timeZone) : Number.NaN;
}

/** Whether `endMs` is at most `days` calendar days after `startMs` in `timeZone`: a day with a DST change is one day. */
export function isWithinCalendarDays(startMs: number, endMs: number, days: number, timeZone: string): boolean {
	const zone = IANAZone.isValidZone(timeZone) ? timeZone : 'UTC';
	return endMs <= DateTime.fromMillis(startMs, { zone }).plus({ days }).toMillis();
}
