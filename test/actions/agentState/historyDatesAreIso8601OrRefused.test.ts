/** Get History's Start and End: ISO 8601 and n8n's DateTime values are read, everything else is refused (NaN), never guessed. */
import { parseDateParameter } from '../../../nodes/Cxone/helpers/dates';

const NEW_YORK = 'America/New_York';

describe('parseDateParameter reads ISO 8601 and DateTime values', () => {
	it.each([
		['2026-11-22T08:00:00Z', '2026-11-22T08:00:00.000Z'],
		['2026-11-22T08:00:00.250z', '2026-11-22T08:00:00.250Z'],
		['2026-11-22T08:00:00+05:30', '2026-11-22T02:30:00.000Z'],
		['2026-11-22T08:00-0500', '2026-11-22T13:00:00.000Z'],
		['2026-11-22T08:00:00-05', '2026-11-22T13:00:00.000Z'],
		// No zone: the workflow's timezone (EST in November, EDT in July).
		['2026-11-22', '2026-11-22T05:00:00.000Z'],
		['2026-11-22 00:00', '2026-11-22T05:00:00.000Z'],
		['2026-07-01T09:30:15', '2026-07-01T13:30:15.000Z'],
		['  2026-11-22T00:00:00.000  ', '2026-11-22T05:00:00.000Z'],
	])('%p is %p', (text, iso) => expect(new Date(parseDateParameter(text, NEW_YORK)).toISOString()).toBe(iso));

	it('reads Dates as the instant they are (Luxon DateTimes from $today: test/actions/agentState/historyStartAndEndAreNeverGuessed.test.ts)', () => {
		expect(parseDateParameter(new Date('2026-11-22T05:00:00Z'), NEW_YORK)).toBe(Date.parse('2026-11-22T05:00:00Z'));
	});
});

describe('parseDateParameter refuses what Date.parse would guess', () => {
	it.each([
		['March 7'],
		['2026/11/22 00:00'],
		['11/22/2026'],
		['22.11.2026'],
		['yesterday'],
		['2026-02-30'],
		['2026-13-01'],
		['2026-11-22T24:00:00Z'],
		['2026-11-22T08:60'],
		['2026-11-22T08:00:00+05:30 extra'],
		['2026-11-22Z'],
		[''],
		[null],
		[{}],
	])('%p is not a date', (value) => expect(parseDateParameter(value, NEW_YORK)).toBeNaN());
});
