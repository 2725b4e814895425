import { canonicalState, normalizeAgentRecord, normalizeAgentStates } from '../../nodes/Cxone/helpers/normalize';
import { extractAgentStatesPage, UnexpectedResponseShapeError } from '../../nodes/Cxone/helpers/pages';
import { filterAgents, parseList } from '../../nodes/Cxone/helpers/filters';
import { summarizeAgents } from '../../nodes/Cxone/helpers/summary';

const NOW = Date.parse('2026-11-23T10:05:00Z');

const tutorialRecord = {
	agentId: 'a1',
	state: { type: 'READY', subState: null },
	siteId: 's1',
	timestamp: '2026-11-23T10:00:00Z',
};

const cxoneRecord = {
	agentId: 6896120,
	agentStateId: 2,
	agentStateName: 'Unavailable',
	outStateDescription: 'Lunch',
	firstName: 'Ann',
	lastName: 'Lee',
	teamId: 12,
	teamName: 'Support',
	userName: 'ann.lee@acme.example',
	skillId: 77,
	skillName: 'Billing',
	contactId: null,
	isACW: false,
	businessUnitId: 4607084,
	startDate: '2026-11-23T09:50:00.000Z',
	lastUpdateTime: '2026-11-23T10:00:00.000Z',
};

describe('extractAgentStatesPage', () => {
	it('accepts the tutorial flat array', () => {
		expect(extractAgentStatesPage([tutorialRecord])).toEqual({ records: [tutorialRecord], lastPollTime: null, nextLink: null, totalRecords: null });
	});

	it('accepts real CXone wrapper with lastPollTime and a next link', () => {
		const page = extractAgentStatesPage({
			agentStates: [cxoneRecord],
			lastPollTime: '2026-11-23T10:05:00.000Z',
			_links: { next: 'https://api-na1.niceincontact.com/x?skip=100' },
		});
		expect(page.records).toEqual([cxoneRecord]);
		expect(page.lastPollTime).toBe('2026-11-23T10:05:00.000Z');
		expect(page.nextLink).toBe('https://api-na1.niceincontact.com/x?skip=100');
	});

	it('reads the wrapper key in any case, and the SDK resultSet wrapper', () => {
		expect(extractAgentStatesPage({ AgentStates: [cxoneRecord] }).records).toHaveLength(1);
		expect(extractAgentStatesPage({ resultSet: { agentStates: [cxoneRecord], lastPollTime: 'T' } })).toMatchObject({
			records: [cxoneRecord],
			lastPollTime: 'T',
		});
	});

	it.each([[null], ['text'], [42], [{ data: { items: 'nope' } }], [{}]])('refuses %p with a shape error', (body) => {
		expect(() => extractAgentStatesPage(body)).toThrow(UnexpectedResponseShapeError);
	});
});

describe('normalizeAgentRecord', () => {
	it('normalizes a tutorial record', () => {
		expect(normalizeAgentRecord(tutorialRecord, NOW)).toEqual({
			agentId: 'a1',
			state: 'READY',
			subState: null,
			isReady: true,
			siteId: 's1',
			siteName: null,
			teamId: null,
			teamName: null,
			firstName: null,
			lastName: null,
			userName: null,
			skillId: null,
			skillName: null,
			contactId: null,
			isAcw: null,
			businessUnitId: null,
			stateSince: '2026-11-23T10:00:00.000Z',
			stateDurationSeconds: 300,
		});
	});

	it('normalizes a real CXone record: reason becomes subState, startDate is the state start', () => {
		expect(normalizeAgentRecord(cxoneRecord, NOW)).toEqual({
			agentId: '6896120',
			state: 'NOT_READY',
			subState: 'Lunch',
			isReady: false,
			siteId: null,
			siteName: null,
			teamId: '12',
			teamName: 'Support',
			firstName: 'Ann',
			lastName: 'Lee',
			userName: 'ann.lee@acme.example',
			skillId: '77',
			skillName: 'Billing',
			contactId: null,
			isAcw: false,
			businessUnitId: '4607084',
			stateSince: '2026-11-23T09:50:00.000Z',
			stateDurationSeconds: 900,
		});
	});

	it('reads the PascalCase records of old API versions the same way', () => {
		const pascal = {
			AgentId: 293558,
			AgentStateId: 1,
			AgentStateName: 'Available',
			IsACW: true,
			FirstName: 'John',
			LastName: 'Smith',
			LastUpdateTime: '2015-05-21T21:07:40.723Z',
			StartDate: '2015-05-21T21:07:40.72Z',
			TeamId: 205970,
			TeamName: 'Global Help Desk',
		};
		expect(normalizeAgentRecord(pascal, NOW)).toMatchObject({
			agentId: '293558',
			state: 'READY',
			isReady: true,
			isAcw: true,
			firstName: 'John',
			teamId: '205970',
			teamName: 'Global Help Desk',
			stateSince: '2015-05-21T21:07:40.720Z',
		});
	});

	it('accepts isAcw as well as isACW', () => {
		expect(normalizeAgentRecord({ agentId: 1, agentStateId: 1, isAcw: true }, NOW)?.isAcw).toBe(true);
	});

	it.each([
		[0, 'LOGGED_OUT', null],
		[1, 'READY', null],
		[2, 'NOT_READY', null],
		[3, 'ON_CONTACT', 'InboundContact'],
		[4, 'ON_CONTACT', 'OutboundContact'],
		[5, 'ON_CONTACT', 'InboundConsult'],
		[6, 'ON_CONTACT', 'OutboundConsult'],
		[7, 'DIALER', null],
		[8, 'LOGGED_IN', null],
	])('maps agentStateId %p to %s when the name is absent', (id, state, subState) => {
		expect(normalizeAgentRecord({ agentId: 9, agentStateId: id }, NOW)).toMatchObject({ state, subState });
	});

	it('uses lastUpdateTime when startDate is absent', () => {
		const record: Record<string, unknown> = { ...cxoneRecord };
		delete record.startDate;
		expect(normalizeAgentRecord(record, NOW)?.stateSince).toBe('2026-11-23T10:00:00.000Z');
	});

	it.each(['', 'not a date', null])('uses lastUpdateTime when startDate is %j', (startDate) => {
		const agent = normalizeAgentRecord({ ...cxoneRecord, startDate }, NOW);
		expect(agent?.stateSince).toBe('2026-11-23T10:00:00.000Z');
		expect(agent?.stateDurationSeconds).toBe((NOW - Date.parse('2026-11-23T10:00:00.000Z')) / 1000);
	});

	it('keeps a record with missing or wrongly typed fields, with nulls', () => {
		expect(
			normalizeAgentRecord({ agentId: 'x', state: 5, teamId: { id: 1 }, firstName: 7, timestamp: 'not a date' }, NOW),
		).toMatchObject({ agentId: 'x', state: 'UNKNOWN', teamId: null, firstName: '7', stateSince: null, stateDurationSeconds: null });
	});

	it('returns null for records that name no agent', () => {
		expect(normalizeAgentRecord({ state: { type: 'READY' } }, NOW)).toBeNull();
		expect(normalizeAgentRecord({ agentId: '' }, NOW)).toBeNull();
		expect(normalizeAgentRecord('a1', NOW)).toBeNull();
		expect(normalizeAgentRecord(null, NOW)).toBeNull();
	});

	it('never reports a negative duration when the clock is behind CXone', () => {
		expect(normalizeAgentRecord({ ...tutorialRecord, timestamp: '2026-11-23T11:00:00Z' }, NOW)?.stateDurationSeconds).toBe(0);
	});

	it('adds the untouched record under raw only when asked', () => {
		expect(normalizeAgentRecord(tutorialRecord, NOW)).not.toHaveProperty('raw');
		expect(normalizeAgentRecord(tutorialRecord, NOW, true)?.raw).toBe(tutorialRecord);
	});

	it('does not mutate its input', () => {
		const input = JSON.parse(JSON.stringify([tutorialRecord, cxoneRecord]));
		normalizeAgentStates(input, NOW, true);
		expect(input).toEqual([tutorialRecord, cxoneRecord]);
	});
});

describe('canonicalState', () => {
	it.each([
		['READY', 'READY'],
		['Available', 'READY'],
		['NOT_READY', 'NOT_READY'],
		['Unavailable', 'NOT_READY'],
		['LoggedOut', 'LOGGED_OUT'],
		['PAID_BREAK', 'PAID_BREAK'],
		['PaidBreak', 'PAID_BREAK'],
		['After Call Work', 'AFTER_CALL_WORK'],
		['on-contact', 'ON_CONTACT'],
	])('%s becomes %s', (input, expected) => {
		expect(canonicalState(input)).toBe(expected);
	});
});

describe('normalizeAgentStates', () => {
	it('counts skipped records', () => {
		const result = normalizeAgentStates([tutorialRecord, { foo: 1 }, 'x'], NOW);
		expect(result.agents.map((a) => a.agentId)).toEqual(['a1']);
		expect(result.skipped).toBe(2);
	});
});

describe('filters and summary', () => {
	const { agents } = normalizeAgentStates(
		[
			tutorialRecord,
			{ agentId: 'a2', state: { type: 'NOT_READY', subState: 'LUNCH' }, siteId: 's2', timestamp: '2026-11-23T10:00:00Z' },
			{ agentId: 'a3', state: { type: 'READY' }, siteId: 'S3' },
			cxoneRecord,
		],
		NOW,
	);

	it('parses comma-separated lists and arrays', () => {
		expect(parseList(' s1, s2,,s3 ')).toEqual(['s1', 's2', 's3']);
		expect(parseList(['s1', ' s2 '])).toEqual(['s1', 's2']);
		expect(parseList(undefined)).toEqual([]);
	});

	it('filters by several sites, case-insensitively', () => {
		expect(filterAgents(agents, { sites: ['s1', 's3'] }).map((a) => a.agentId)).toEqual(['a1', 'a3']);
	});

	it('filters by team ID or team name', () => {
		expect(filterAgents(agents, { teams: ['support'] }).map((a) => a.agentId)).toEqual(['6896120']);
		expect(filterAgents(agents, { teams: ['12'] }).map((a) => a.agentId)).toEqual(['6896120']);
	});

	it('filters by state', () => {
		expect(filterAgents(agents, { states: ['NOT_READY'] }).map((a) => a.agentId)).toEqual(['a2', '6896120']);
	});

	it('summarizes counts by state, site and team', () => {
		expect(summarizeAgents(agents, new Date(NOW))).toEqual({
			total: 4,
			ready: 2,
			byState: { READY: 2, NOT_READY: 2 },
			bySite: { s1: 1, s2: 1, S3: 1 },
			byTeam: { Support: 1 },
			readyAgentIds: ['a1', 'a3'],
			readyAgents: [
				{ agentId: 'a1', firstName: null, lastName: null, siteId: 's1', siteName: null, teamName: null, stateSince: '2026-11-23T10:00:00.000Z', stateDurationSeconds: 300 },
				{ agentId: 'a3', firstName: null, lastName: null, siteId: 'S3', siteName: null, teamName: null, stateSince: null, stateDurationSeconds: null },
			],
			fetchedAt: '2026-11-23T10:05:00.000Z',
		});
	});
});
