/** Pure shaping of state history and skill activity: what a daily report and a queue alert read. */
import { HistorySummarizer, historyWindows, normalizeHistory, type HistoryRow } from '../../nodes/Cxone/helpers/history';
import { durationSeconds } from '../../nodes/Cxone/helpers/values';
import { normalizeSkillActivity, summarizeSkills, type SkillActivity } from '../../nodes/Cxone/helpers/skillActivity';

const rowsOf = (records: unknown[]) => {
	const rows: HistoryRow[] = [];
	const skipped = normalizeHistory(records, (row) => rows.push(row));
	return { rows, skipped };
};

describe('durationSeconds', () => {
	it.each([
		['PT1H2M3S', 3723],
		['PT0.5S', 0.5],
		['P1DT2H', 93_600],
		['PT15M', 900],
		['01:02:03', 3723],
		['90', 90],
		[42, 42],
	])('reads %p as %p seconds', (value, seconds) => expect(durationSeconds(value)).toBe(seconds));

	it.each([['P'], ['PT'], ['1H'], ['-PT1S'], [''], [null], [-5], ['soon']])('gives NaN for %p', (value) => expect(durationSeconds(value)).toBeNaN());
});

describe('normalizeHistory', () => {
	it('gives each state change its canonical state, reason, end and duration', () => {
		const { rows } = rowsOf([
			{ agentId: 7, agentStateId: 2, agentStateName: 'Unavailable', outStateDescription: 'Lunch', startDate: '2026-11-22T12:00:00.000Z', duration: 'PT30M', teamId: 12, skillId: 2001 },
			{ agentId: 7, agentStateName: 'InboundContact', startDate: '2026-11-22T12:30:00.000Z', duration: 'PT4M10S', contactId: 555 },
		]);
		expect(rows).toEqual([
			{ agentId: '7', state: 'NOT_READY', subState: 'Lunch', stateSince: '2026-11-22T12:00:00.000Z', stateUntil: '2026-11-22T12:30:00.000Z', durationSeconds: 1800, contactId: null, skillId: '2001', teamId: '12' },
			{ agentId: '7', state: 'ON_CONTACT', subState: 'InboundContact', stateSince: '2026-11-22T12:30:00.000Z', stateUntil: '2026-11-22T12:34:10.000Z', durationSeconds: 250, contactId: '555', skillId: null, teamId: null },
		]);
	});

	it('reads PascalCase records, agentStateId without a name, and the SDK\'s teamNo', () => {
		const { rows } = rowsOf([{ AgentId: 8, AgentStateId: 1, StartDate: '2026-11-22T08:00:00Z', Duration: 'PT1H', TeamNo: 14 }]);
		expect(rows[0]).toMatchObject({ agentId: '8', state: 'READY', durationSeconds: 3600, teamId: '14', stateUntil: '2026-11-22T09:00:00.000Z' });
	});

	it('counts records without an agent as skipped and keeps a row without a duration', () => {
		const { rows, skipped } = rowsOf([{ agentStateName: 'Available' }, 'x', { agentId: 1, agentStateName: 'Available', startDate: '2026-11-22T08:00:00Z' }]);
		expect(skipped).toBe(2);
		expect(rows[0]).toMatchObject({ agentId: '1', durationSeconds: null, stateUntil: null });
	});
});

describe('HistorySummarizer', () => {
	const period = [Date.parse('2026-11-22T00:00:00Z'), Date.parse('2026-11-23T00:00:00Z')] as const;
	const row = (state: string, since: string, seconds: number | null, subState: string | null = null, agentId = '1'): HistoryRow => ({
		agentId, state, subState, stateSince: since, stateUntil: null, durationSeconds: seconds, contactId: null, skillId: null, teamId: '12',
	});

	it('adds seconds per state and per Not Ready reason, logged-in time and occupancy', () => {
		const summarizer = new HistorySummarizer(...period);
		summarizer.add(row('READY', '2026-11-22T08:00:00Z', 3600));
		summarizer.add(row('ON_CONTACT', '2026-11-22T09:00:00Z', 1200, 'InboundContact'));
		summarizer.add(row('NOT_READY', '2026-11-22T09:20:00Z', 600, 'Lunch'));
		summarizer.add(row('NOT_READY', '2026-11-22T09:30:00Z', 300, null));
		summarizer.add(row('LOGGED_OUT', '2026-11-22T09:35:00Z', 7200));
		expect(summarizer.result()).toEqual([
			{
				agentId: '1', teamId: '12', periodStart: '2026-11-22T00:00:00.000Z', periodEnd: '2026-11-23T00:00:00.000Z', stateChanges: 5,
				loggedInSeconds: 5700, readySeconds: 3600, notReadySeconds: 900, onContactSeconds: 1200, occupancy: 0.25,
				secondsByState: { READY: 3600, ON_CONTACT: 1200, NOT_READY: 900, LOGGED_OUT: 7200 },
				notReadySecondsByReason: { Lunch: 600, Unavailable: 300 },
				statesWithoutDuration: 0,
			},
		]);
	});

	it('counts only the part of a state inside the period', () => {
		const summarizer = new HistorySummarizer(...period);
		summarizer.add(row('READY', '2026-11-21T23:00:00Z', 7200));
		summarizer.add(row('READY', '2026-11-22T23:30:00Z', 3600));
		expect(summarizer.result()[0].readySeconds).toBe(3600 + 1800);
	});

	it('keeps reason names such as __proto__ as plain keys and has occupancy null without ready or contact time', () => {
		const summarizer = new HistorySummarizer(...period);
		summarizer.add(row('NOT_READY', '2026-11-22T10:00:00Z', 60, '__proto__'));
		summarizer.add(row('NOT_READY', '2026-11-22T11:00:00Z', null, 'Break'));
		const [summary] = summarizer.result();
		expect(Object.keys(summary.notReadySecondsByReason)).toEqual(['__proto__']);
		expect(summary.occupancy).toBeNull();
		expect(summary.statesWithoutDuration).toBe(1);
	});

	it('orders agents by numeric ID', () => {
		const summarizer = new HistorySummarizer(...period);
		for (const id of ['10', '9', '100']) summarizer.add(row('READY', '2026-11-22T10:00:00Z', 1, null, id));
		expect(summarizer.result().map((summary) => summary.agentId)).toEqual(['9', '10', '100']);
	});
});

it('splits a range into day windows that meet exactly', () => {
	const start = Date.parse('2026-11-20T06:00:00Z');
	const windows = historyWindows(start, start + 2.5 * 86_400_000);
	expect(windows.map(([from, to]) => [new Date(from).toISOString(), new Date(to).toISOString()])).toEqual([
		['2026-11-20T06:00:00.000Z', '2026-11-21T06:00:00.000Z'],
		['2026-11-21T06:00:00.000Z', '2026-11-22T06:00:00.000Z'],
		['2026-11-22T06:00:00.000Z', '2026-11-22T18:00:00.000Z'],
	]);
});

describe('skill activity', () => {
	const now = Date.parse('2026-11-23T10:00:00Z');

	it('makes numbers of numeric strings and the longest wait from earliestQueueTime', () => {
		const skill = normalizeSkillActivity({ SkillId: 2001, SkillName: 'Billing', QueueCount: '3', AgentsAvailable: 0, earliestQueueTime: '2026-11-23T09:58:00Z', serviceLevel: '87.5' }, now);
		expect(skill).toMatchObject({ skillId: '2001', skillName: 'Billing', queueCount: 3, agentsAvailable: 0, longestWaitSeconds: 120, serviceLevel: 87.5, agentsACW: null });
	});

	it.each([['0001-01-01T00:00:00'], [''], ['later'], ['2026-11-23T11:00:00Z']])('waits 0 s for earliestQueueTime %p', (earliest) => {
		expect(normalizeSkillActivity({ skillId: 1, queueCount: 2, earliestQueueTime: earliest }, now)?.longestWaitSeconds).toBe(0);
	});

	it('reads a zoneless earliestQueueTime as UTC', () => {
		expect(normalizeSkillActivity({ skillId: 1, queueCount: 1, earliestQueueTime: '2026-11-23T09:59:00' }, now)?.longestWaitSeconds).toBe(60);
	});

	it('summarizes totals and the skills with a queue and no available agent', () => {
		const skills = [
			{ skillId: 1, skillName: 'A', queueCount: 4, agentsAvailable: 0, agentsWorking: 2, earliestQueueTime: '2026-11-23T09:55:00Z' },
			{ skillId: 2, skillName: 'B', queueCount: 1, agentsAvailable: 3 },
			{ skillId: 3, skillName: 'C', queueCount: 0, agentsAvailable: 0 },
		].map((record) => normalizeSkillActivity(record, now) as SkillActivity);
		const summary = summarizeSkills(skills, new Date(now));
		expect(summary).toMatchObject({ skills: 3, queueCount: 5, longestWaitSeconds: 300, queuedWithNoAgentAvailableCount: 1 });
		expect(summary.queuedWithNoAgentAvailable).toEqual([{ skillId: '1', skillName: 'A', queueCount: 4, longestWaitSeconds: 300 }]);
	});
});
