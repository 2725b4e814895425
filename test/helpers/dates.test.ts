/** Get History's dates (helpers/dates.ts): instants from what n8n hands over, periods in calendar days of the workflow's zone. */
import { isWithinCalendarDays, parseDateParameter } from '../../nodes/Cxone/helpers/dates';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const at = (text: string, zone: string) => parseDateParameter(text, zone);
const iso = (ms: number) => new Date(ms).toISOString();

describe('the 31-day rule counts calendar days in the workflow\'s time zone', () => {
	it('allows October 2026 in Europe/Berlin, 31 days and one hour long because summer time ends on the 25th', () => {
		const start = at('2026-10-01', BERLIN);
		const end = at('2026-11-01', BERLIN);
		expect(end - start).toBe(31 * 86_400_000 + 3_600_000);
		expect(isWithinCalendarDays(start, end, 31, BERLIN)).toBe(true);
	});

	it('refuses one minute past the 31st day, in Berlin and in New York', () => {
		expect(isWithinCalendarDays(at('2026-10-01', BERLIN), at('2026-11-01T00:01', BERLIN), 31, BERLIN)).toBe(false);
		expect(isWithinCalendarDays(at('2026-10-15', NEW_YORK), at('2026-11-15T00:01', NEW_YORK), 31, NEW_YORK)).toBe(false);
	});

	it('allows March 2026 in Europe/Berlin, 31 days less an hour, and not one day more', () => {
		expect(isWithinCalendarDays(at('2026-03-01', BERLIN), at('2026-04-01', BERLIN), 31, BERLIN)).toBe(true);
		expect(isWithinCalendarDays(at('2026-03-01', BERLIN), at('2026-04-02', BERLIN), 31, BERLIN)).toBe(false);
	});

	it('counts in UTC when the zone is not one Luxon knows', () => {
		expect(isWithinCalendarDays(Date.UTC(2026, 9, 1), Date.UTC(2026, 10, 1), 31, 'Not/AZone')).toBe(true);
		expect(isWithinCalendarDays(Date.UTC(2026, 9, 1), Date.UTC(2026, 10, 1, 0, 1), 31, 'Not/AZone')).toBe(false);
	});
});

describe('numbers are epoch milliseconds, or seconds where they can only be seconds', () => {
	it('reads {{ 1764201600 }} as seconds (2025-11-27), not as milliseconds in January 1970', () => {
		expect(iso(parseDateParameter(1764201600, NEW_YORK))).toBe('2025-11-27T00:00:00.000Z');
	});

	it('reads {{ $now.toSeconds() }} with its fraction of a second', () => {
		expect(iso(parseDateParameter(1764201600.25, NEW_YORK))).toBe('2025-11-27T00:00:00.250Z');
	});

	it('reads {{ $now.toMillis() }} as milliseconds', () => {
		expect(iso(parseDateParameter(1764201600000, NEW_YORK))).toBe('2025-11-27T00:00:00.000Z');
	});

	it.each([[0], [-1764201600], [Number.NaN], [Number.POSITIVE_INFINITY]])('refuses %p', (value) => {
		expect(parseDateParameter(value, NEW_YORK)).toBeNaN();
	});
});

describe('ISO 8601 text and n8n\'s DateTimes', () => {
	it('reads a zoneless time in the workflow\'s zone on both sides of a DST change', () => {
		expect(iso(at('2026-10-24T12:00', BERLIN))).toBe('2026-10-24T10:00:00.000Z');
		expect(iso(at('2026-10-26T12:00', BERLIN))).toBe('2026-10-26T11:00:00.000Z');
	});

	it('reads a zoneless time as UTC when the workflow\'s zone is not one Luxon knows', () => {
		expect(iso(at('2026-11-22T08:00', 'Not/AZone'))).toBe('2026-11-22T08:00:00.000Z');
	});

	it('keeps a zone written in the text, whatever the workflow\'s zone', () => {
		expect(iso(at('2026-11-22T08:00:00+01:00', NEW_YORK))).toBe('2026-11-22T07:00:00.000Z');
	});

	it('reads a DateTime by its instant (n8n\'s own Luxon copy, so by shape)', () => {
		expect(parseDateParameter({ toMillis: () => 1764201600000 }, NEW_YORK)).toBe(1764201600000);
		expect(parseDateParameter({ toMillis: () => 'soon' }, NEW_YORK)).toBeNaN();
	});

	it.each([['2026-W48-1'], ['2026-331'], ['20261122'], ['08:00'], ['2026-11'], ['2026-11-22T24:00']])('refuses %p, which Luxon alone would read', (text) => {
		expect(at(text, NEW_YORK)).toBeNaN();
	});

	it('refuses epoch seconds as text ("1764201600"): only a number is a Unix time', () => {
		expect(at('1764201600', NEW_YORK)).toBeNaN();
	});
});
