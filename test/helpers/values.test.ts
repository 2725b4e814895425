/** The one reader per CXone value kind (helpers/values.ts): booleans, agent IDs, timestamps without a zone. */
import { normalizeAgentRecord } from '../../nodes/Cxone/helpers/normalize';
import { normalizeSkillActivity } from '../../nodes/Cxone/helpers/skillActivity';
import { agentIdFromValue, asBoolean, timestampMs } from '../../nodes/Cxone/helpers/values';

describe('one boolean reader', () => {
	it.each([
		[true, true],
		[false, false],
		['True', true],
		['FALSE', false],
		[' true ', true],
		[1, true],
		[0, false],
		[2, null],
		['yes', null],
		['', null],
		[null, null],
	])('reads %p as %p', (value, expected) => expect(asBoolean(value)).toBe(expected));

	// Skill activity had a reader of its own that called both of these unknown (null).
	it.each([[1], [' true ']])('reads a skill\'s isActive %p as true, as the agent states do', (value) => {
		expect(normalizeSkillActivity({ skillId: 1, isActive: value, isOutbound: value }, Date.now())).toMatchObject({ isActive: true, isOutbound: true });
	});
});

describe('agent IDs: text or a whole number, anything else refused saying what it was', () => {
	it.each([
		['1001', '1001'],
		['  a1001 ', 'a1001'],
		[1001, '1001'],
		[0, '0'],
		['', ''],
		[undefined, ''],
		[null, ''],
	])('reads %p as %p', (value, expected) => expect(agentIdFromValue(value)).toBe(expected));

	it.each([
		[[1001], 'Agent must be text or a number, got an array'],
		[{ id: 1001 }, 'Agent must be text or a number, got an object'],
		[true, 'Agent must be text or a number, got a boolean (true)'],
		[Number.NaN, 'Agent must be text or a number, got NaN'],
		[Number.POSITIVE_INFINITY, 'Agent must be text or a number, got Infinity'],
		[1001.5, 'Agent must be a whole number, got 1001.5'],
		[-1, 'Agent must be a whole number, got -1'],
		['10\uD800', 'Agent contains a broken character at position 3 (half of a UTF-16 surrogate pair)'],
		['\uDC0010', 'Agent contains a broken character at position 1 (half of a UTF-16 surrogate pair)'],
	])('refuses %p: %s', (value, message) => expect(() => agentIdFromValue(value)).toThrow(message));

	it('keeps a whole surrogate pair (an emoji is a character, not a broken one)', () => {
		expect(agentIdFromValue('a\uD83D\uDE00')).toBe('a\uD83D\uDE00');
	});
});

/**
 * CXone's timestamps are UTC. These pass in any zone only if the code reads a zoneless time as UTC: jest.config.js
 * runs this file in America/New_York too, where Date.parse would read it five hours later.
 */
describe('a time without a zone is UTC, in whatever zone the n8n server runs', () => {
	it('timestampMs reads 2026-11-23T09:59:00 as 09:59 UTC', () => {
		expect(timestampMs('2026-11-23T09:59:00')).toBe(Date.UTC(2026, 10, 23, 9, 59));
		expect(timestampMs('2026-11-23T09:59:00.5')).toBe(Date.UTC(2026, 10, 23, 9, 59, 0, 500));
		expect(timestampMs('2026-11-23T09:59:00-05:00')).toBe(Date.UTC(2026, 10, 23, 14, 59));
	});

	it('an agent\'s zoneless state start is UTC', () => {
		const now = Date.UTC(2026, 10, 23, 10, 0);
		const agent = normalizeAgentRecord({ agentId: 1001, agentStateName: 'Available', startDate: '2026-11-23T09:00:00' }, now);
		expect(agent).toMatchObject({ stateSince: '2026-11-23T09:00:00.000Z', stateDurationSeconds: 3600 });
	});

	it('a skill\'s zoneless earliestQueueTime is UTC', () => {
		const now = Date.UTC(2026, 10, 23, 10, 0);
		expect(normalizeSkillActivity({ skillId: 1, queueCount: 1, earliestQueueTime: '2026-11-23T09:59:00' }, now)?.longestWaitSeconds).toBe(60);
	});
});
