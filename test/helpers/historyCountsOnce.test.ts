/**
 * Get History's summary counts each agent's time once: a row CXone lists twice counts once whatever the period, and
 * overlapping rows are split as a state feed would (the later start ends the earlier state), so no agent has more
 * seconds than the period holds.
 */
import fc from 'fast-check';

import { DistinctHistoryRows, HistorySummarizer, type HistoryRow } from '../../nodes/Cxone/helpers/history';

fc.configureGlobal({ seed: 20261203 });

const HOUR = 3_600_000;
const DAY_START = Date.parse('2026-11-22T00:00:00Z');
const at = (hours: number) => new Date(DAY_START + hours * HOUR).toISOString();
const row = (state: string, since: string, seconds: number | null, extra: Partial<HistoryRow> = {}): HistoryRow => ({
	agentId: '1', state, subState: null, stateSince: since, stateUntil: null, durationSeconds: seconds, contactId: null, skillId: null, teamId: '12', ...extra,
});
const summarize = (periodStartMs: number, periodEndMs: number, rows: HistoryRow[]) => {
	const summarizer = new HistorySummarizer(periodStartMs, periodEndMs);
	for (const each of rows) summarizer.add(each);
	return summarizer.result();
};

describe('a row listed twice counts once', () => {
	it('in a one-hour period: READY 08:00 for 1 h listed twice gives readySeconds 3600 and one state change', () => {
		const ready = row('READY', at(8), 3600);
		const [agent] = summarize(DAY_START + 8 * HOUR, DAY_START + 9 * HOUR, [ready, { ...ready }]);
		expect(agent).toMatchObject({ readySeconds: 3600, loggedInSeconds: 3600, stateChanges: 1 });
	});

	it('keeps the longer listing when CXone lists a state again after it grew', () => {
		const [agent] = summarize(DAY_START, DAY_START + 24 * HOUR, [row('READY', at(8), 600), row('READY', at(8), 1800), row('READY', at(8), 1200)]);
		expect(agent).toMatchObject({ readySeconds: 1800, stateChanges: 1 });
	});

	it('in the state-change list too: one item, the longer listing, in the first one\'s place', () => {
		const list = new DistinctHistoryRows();
		list.add(row('READY', at(8), 600));
		list.add(row('NOT_READY', at(9), 60));
		list.add(row('READY', at(8), 1800));
		expect(list.rows.map((each) => [each.state, each.durationSeconds])).toEqual([['READY', 1800], ['NOT_READY', 60]]);
	});
});

describe('overlapping rows: a later start ends the earlier state', () => {
	it('READY 08:00 for 2 h and NOT_READY 09:00 for 1 h give 2 h logged in: 1 h each', () => {
		const [agent] = summarize(DAY_START, DAY_START + 24 * HOUR, [row('READY', at(8), 7200), row('NOT_READY', at(9), 3600, { subState: 'Lunch' })]);
		expect(agent).toMatchObject({ loggedInSeconds: 7200, readySeconds: 3600, notReadySeconds: 3600, notReadySecondsByReason: { Lunch: 3600 }, stateChanges: 2 });
	});

	it('rows starting at the same instant in different states: the longest holds the time', () => {
		const [agent] = summarize(DAY_START, DAY_START + 24 * HOUR, [row('NOT_READY', at(8), 60), row('READY', at(8), 3600)]);
		expect(agent).toMatchObject({ loggedInSeconds: 3600, readySeconds: 3600, notReadySeconds: 0, stateChanges: 2 });
	});

	it('a state change without a duration still ends the state before it', () => {
		const [agent] = summarize(DAY_START, DAY_START + 24 * HOUR, [row('READY', at(8), 7200), row('NOT_READY', at(9), null)]);
		expect(agent).toMatchObject({ readySeconds: 3600, notReadySeconds: 0, statesWithoutDuration: 1, stateChanges: 2 });
	});
});

describe('property: per-agent totals never exceed the period', () => {
	const PERIOD_HOURS = 6;
	const periodStartMs = DAY_START + 6 * HOUR;
	const periodEndMs = periodStartMs + PERIOD_HOURS * HOUR;
	const periodSeconds = PERIOD_HOURS * 3600;
	// Whole seconds, starting up to 2 h either side of the period, lasting up to the whole period or unknown.
	const arbitraryRow = fc.record({
		agentId: fc.constantFrom('1', '2', '3'),
		state: fc.constantFrom('READY', 'NOT_READY', 'ON_CONTACT', 'LOGGED_OUT', 'ACW'),
		subState: fc.constantFrom(null, 'Lunch', 'Break'),
		startSecond: fc.integer({ min: -7200, max: periodSeconds + 7200 }),
		durationSeconds: fc.option(fc.integer({ min: 0, max: periodSeconds }), { nil: null }),
	});
	const toRow = (raw: { agentId: string; state: string; subState: string | null; startSecond: number; durationSeconds: number | null }) =>
		row(raw.state, new Date(periodStartMs + raw.startSecond * 1000).toISOString(), raw.durationSeconds, { agentId: raw.agentId, subState: raw.subState });
	// Each row listed once, twice or three times: what skip-based pages do while CXone writes.
	const arbitraryRows = fc.array(fc.tuple(arbitraryRow, fc.integer({ min: 1, max: 3 })), { maxLength: 40 }).map((entries) => entries.flatMap(([raw, times]) => Array(times).fill(toRow(raw))));

	it('no agent has more seconds in all states, or logged in, than the period', () => {
		fc.assert(
			fc.property(arbitraryRows, (rows) => {
				for (const agent of summarize(periodStartMs, periodEndMs, rows)) {
					const total = Object.values(agent.secondsByState).reduce((sum, seconds) => sum + seconds, 0);
					expect(total).toBeLessThanOrEqual(periodSeconds);
					expect(agent.loggedInSeconds).toBeLessThanOrEqual(periodSeconds);
					expect(agent.readySeconds + agent.notReadySeconds + agent.onContactSeconds).toBeLessThanOrEqual(agent.loggedInSeconds);
				}
			}),
			{ numRuns: 300 },
		);
	});

	it('the same rows in any order, each listed any number of times, give the same summary', () => {
		fc.assert(
			fc.property(arbitraryRows, fc.integer(), (rows, seed) => {
				const once = [...new Map(rows.map((each) => [JSON.stringify(each), each])).values()];
				// A seeded shuffle (Fisher–Yates) of every listing.
				const shuffled = [...rows];
				let state = seed >>> 0;
				for (let index = shuffled.length - 1; index > 0; index--) {
					state = (state * 1_103_515_245 + 12_345) >>> 0;
					const other = state % (index + 1);
					[shuffled[index], shuffled[other]] = [shuffled[other], shuffled[index]];
				}
				expect(summarize(periodStartMs, periodEndMs, shuffled)).toEqual(summarize(periodStartMs, periodEndMs, once));
			}),
			{ numRuns: 300 },
		);
	});
});
