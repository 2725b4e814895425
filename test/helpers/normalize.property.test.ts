/**
 * Promise: whatever JSON CXone (or a proxy) sends, normalization yields valid items or a shape error the node
 * turns into a NodeApiError; it never throws anything else and never changes what it was given.
 */
import fc from 'fast-check';

import { normalizeAgentStates, type NormalizedAgentState } from '../../nodes/Cxone/helpers/normalize';
import { extractAgentStatesPage, UnexpectedResponseShapeError } from '../../nodes/Cxone/helpers/pages';
import { canonicalIsoMs } from '../../nodes/Cxone/helpers/values';

const NOW = Date.parse('2026-11-23T10:00:00Z');

// A fixed seed keeps CI deterministic; change it locally to explore other inputs.
fc.configureGlobal({ seed: 20261124 });

const nullableString = (value: unknown) => value === null || typeof value === 'string';

function assertValid(agent: NormalizedAgentState) {
	expect(typeof agent.agentId).toBe('string');
	expect(agent.agentId.length).toBeGreaterThan(0);
	expect(typeof agent.state).toBe('string');
	expect(agent.state).toBe(agent.state.toUpperCase());
	expect(agent.isReady).toBe(agent.state === 'READY');
	for (const key of ['subState', 'siteId', 'siteName', 'teamId', 'teamName', 'firstName', 'lastName', 'userName', 'skillId', 'skillName', 'contactId', 'businessUnitId', 'stateSince'] as const) {
		expect(nullableString(agent[key])).toBe(true);
	}
	expect(agent.isAcw === null || typeof agent.isAcw === 'boolean').toBe(true);
	expect(agent.stateDurationSeconds === null || (Number.isInteger(agent.stateDurationSeconds) && agent.stateDurationSeconds >= 0)).toBe(true);
	if (agent.stateSince !== null) expect(new Date(agent.stateSince).toISOString()).toBe(agent.stateSince);
	expect(Object.values(agent)).not.toContain(undefined);
}

function normalizeBody(body: unknown) {
	const page = extractAgentStatesPage(body);
	return normalizeAgentStates(page.records, NOW, true);
}

/** Records shaped like CXone's, with any field missing, renamed in case, or of the wrong type. */
const fieldValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.jsonValue());
const keyCase = (key: string) => fc.constantFrom(key, key[0].toUpperCase() + key.slice(1), key.toLowerCase());
const cxoneLikeRecord = fc
	.array(
		fc.tuple(
			fc.constantFrom('agentId', 'agentStateId', 'agentStateName', 'outStateDescription', 'teamId', 'teamName', 'firstName', 'lastName', 'startDate', 'lastUpdateTime', 'isACW', 'isAcw', 'state', 'timestamp', 'siteId').chain(keyCase),
			fieldValue,
		),
		{ maxLength: 12 },
	)
	.map((entries) => Object.fromEntries(entries));

describe('normalizer properties', () => {
	it('any JSON value: valid items or a shape error, never another exception', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (body) => {
				try {
					normalizeBody(body).agents.forEach(assertValid);
				} catch (error) {
					expect(error).toBeInstanceOf(UnexpectedResponseShapeError);
				}
			}),
			{ numRuns: 500 },
		);
	});

	it('any array or wrapper of CXone-like records: every item valid, records without an ID counted as skipped', () => {
		fc.assert(
			fc.property(fc.array(fc.oneof(cxoneLikeRecord, fc.jsonValue()), { maxLength: 20 }), fc.boolean(), (records, wrap) => {
				const body = wrap ? { agentStates: records } : records;
				const { agents, skipped } = normalizeBody(body);
				agents.forEach(assertValid);
				expect(agents.length + skipped).toBe(records.length);
			}),
			{ numRuns: 500 },
		);
	});

	it('never mutates its input', () => {
		fc.assert(
			fc.property(fc.array(fc.oneof(cxoneLikeRecord, fc.jsonValue()), { maxLength: 10 }), (records) => {
				const body = { agentStates: records };
				const before = JSON.stringify(body);
				normalizeBody(body);
				expect(JSON.stringify(body)).toBe(before);
			}),
			{ numRuns: 300 },
		);
	});

	it('the fast timestamp reader agrees with Date.parse on every string it accepts, and accepts every toISOString', () => {
		const isoDate = fc.date({ min: new Date('1000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true });
		// Canonical strings with one character replaced: day 31 in April, hour 24, a letter for a digit, ...
		const nearIso = fc
			.tuple(isoDate, fc.nat(23), fc.constantFrom(...'0123456789:-.TZ +a'))
			.map(([date, index, char]) => {
				const iso = date.toISOString();
				return iso.slice(0, index) + char + iso.slice(index + 1);
			});
		fc.assert(
			fc.property(isoDate, (date) => {
				expect(canonicalIsoMs(date.toISOString())).toBe(date.getTime());
			}),
			{ numRuns: 500 },
		);
		fc.assert(
			fc.property(fc.oneof(nearIso, fc.string({ minLength: 24, maxLength: 24 })), (value) => {
				const ms = canonicalIsoMs(value);
				if (!Number.isNaN(ms)) {
					expect(ms).toBe(Date.parse(value));
					expect(new Date(ms).toISOString()).toBe(value);
				}
			}),
			{ numRuns: 2000 },
		);
		for (const value of ['2026-02-29T10:00:00.000Z', '2026-04-31T10:00:00.000Z', '2026-11-24T24:00:00.000Z', '0099-11-24T10:00:00.000Z']) {
			expect(canonicalIsoMs(value)).toBeNaN();
		}
		expect(canonicalIsoMs('2028-02-29T10:00:00.000Z')).toBe(Date.parse('2028-02-29T10:00:00.000Z'));
	});
});
