/**
 * Promise: no name CXone or a user sends (Object.prototype's own names included) crashes or corrupts the
 * normalizer, the filters or the summary; wrong-but-plausible parameters are accepted or named in an error.
 */
import fc from 'fast-check';
import nock from 'nock';

import { filterAgents, parseList } from '../../nodes/Cxone/helpers/filters';
import { normalizeAgentStates, type NormalizedAgentState } from '../../nodes/Cxone/helpers/normalize';
import { summarizeAgents } from '../../nodes/Cxone/helpers/summary';
import { tutorialCredentials } from '../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../support/harness/workflow';
import { TUTORIAL_API as API, TUTORIAL_STATES as STATES, useNock } from '../support/harness/fixtures';

const NOW = Date.parse('2026-11-23T10:00:00Z');

fc.configureGlobal({ seed: 20261125 });

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const capitalised = (name: string) => name.replace(/^_*./, (head) => head.toUpperCase());
/** Every Object.prototype name, as is, capitalised and upper case: toString, Constructor, __PROTO__, ... */
const HOSTILE_NAMES = [...new Set(PROTOTYPE_NAMES.flatMap((name) => [name, capitalised(name), name.toUpperCase()]))];
const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_NAMES), fc.string());

const isPlainValue = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);

function assertPlain(agent: NormalizedAgentState) {
	for (const [key, value] of Object.entries(agent)) {
		if (key !== 'raw') expect({ key, type: typeof value, plain: isPlainValue(value) }).toEqual({ key, type: typeof value, plain: true });
	}
	expect(typeof agent.state).toBe('string');
}

const hostileRecord = fc.record(
	{
		agentId: hostileString,
		state: fc.oneof(hostileString, fc.record({ type: hostileString, subState: hostileString })),
		agentStateId: hostileString,
		agentStateName: hostileString,
		siteId: hostileString,
		siteName: hostileString,
		teamId: hostileString,
		teamName: hostileString,
	},
	{ requiredKeys: ['agentId'] },
);

describe('Object.prototype names as data', () => {
	it.each(HOSTILE_NAMES)('state %p is read as a state name, a string', (name) => {
		const { agents } = normalizeAgentStates(
			[{ agentId: 'a1', state: name }, { agentId: 'a2', agentStateName: name }, { agentId: 'a3', agentStateId: name }, { agentId: name, state: { type: name } }],
			NOW,
		);
		expect(agents).toHaveLength(4);
		agents.forEach(assertPlain);
		expect(agents[0].state).not.toBe('UNKNOWN');
	});

	it('the summary counts sites, teams and states named constructor, toString or __proto__ like any other', () => {
		const { agents } = normalizeAgentStates(
			[
				{ agentId: 'a1', state: 'constructor', siteName: 'constructor', teamName: 'toString' },
				{ agentId: 'a2', state: 'READY', siteName: '__proto__', teamName: 'hasOwnProperty' },
				{ agentId: 'a3', state: 'READY', siteName: '__proto__', teamName: 'valueOf' },
			],
			NOW,
		);
		const summary = summarizeAgents(agents, new Date(NOW));
		expect(JSON.parse(JSON.stringify(summary))).toMatchObject({
			total: 3,
			ready: 2,
			byState: { CONSTRUCTOR: 1, READY: 2 },
			bySite: { constructor: 1, ['__proto__']: 2 },
			byTeam: { toString: 1, hasOwnProperty: 1, valueOf: 1 },
		});
		expect(Object.keys(summary.bySite)).toEqual(['constructor', '__proto__']);
	});

	it('property: any records with prototype names in every field give plain items and a summary of plain counts', () => {
		fc.assert(
			fc.property(fc.array(hostileRecord, { maxLength: 15 }), fc.array(hostileString, { maxLength: 3 }), (records, wanted) => {
				const { agents } = normalizeAgentStates(records, NOW);
				agents.forEach(assertPlain);
				const summary = summarizeAgents(agents, new Date(NOW));
				const distinct = new Set(agents.map((agent) => agent.agentId)).size;
				expect(summary.total).toBe(distinct);
				for (const counts of [summary.byState, summary.bySite, summary.byTeam]) {
					for (const key of Object.keys(counts)) expect(Number.isInteger(counts[key])).toBe(true);
					expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBeLessThanOrEqual(distinct);
				}
				expect(Object.values(summary.byState).reduce((sum, count) => sum + count, 0)).toBe(distinct);
				const kept = filterAgents(agents, { sites: wanted, teams: wanted });
				expect(kept.length).toBeLessThanOrEqual(agents.length);
			}),
			{ numRuns: 300 },
		);
	});

	it('an agent listed twice is counted once in the summary, as its last record', () => {
		const { agents } = normalizeAgentStates([{ agentId: 'a1', state: 'READY', siteName: 'X' }, { agentId: 'a1', state: 'NOT_READY', siteName: 'Y' }], NOW);
		expect(summarizeAgents(agents, new Date(NOW))).toMatchObject({ total: 1, ready: 0, byState: { NOT_READY: 1 }, bySite: { Y: 1 }, readyAgentIds: [] });
	});

	it('a list given as objects is an error naming the field, not a list of "[object Object]"', () => {
		expect(() => parseList([{ id: 's1' }], 'Site IDs')).toThrow('Site IDs must be text or a list of text, but it holds an object at position 1');
		expect(() => parseList({ id: 's1' }, 'Teams')).toThrow('Teams must be text or a list of text');
	});
});

describe('wrong-but-plausible parameters through a workflow run', () => {
	const records = [
		{ agentId: 'a1', state: { type: 'READY' }, siteId: 's1', timestamp: '2026-11-23T10:00:00Z' },
		{ agentId: 'a2', state: { type: 'NOT_READY' }, siteId: 's1', timestamp: '2026-11-23T10:00:00Z' },
	];
	useNock();

	const run = (spec: Parameters<typeof executeWorkflow>[1]) => {
		nock(API).post('/oauth2/token').reply(200, { access_token: 'tok', expires_in: 3600 });
		nock(API).get(STATES).query(true).times(2).reply(200, records);
		return executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), spec);
	};

	it('States ["ready"] (lower case) finds the READY agents', async () => {
		const { items, error } = await run({ operation: 'getAll', options: { states: ['ready'] } });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.agentId)).toEqual(['a1']);
	});

	it('Site IDs given as objects fail with an error that names Site IDs and how to fix it', async () => {
		const { error, items } = await run({ operation: 'filterBySite', siteIds: [{ id: 's1' }] as unknown as string[] });
		expect(items).toEqual([]);
		expect(error?.message).toBe('Site IDs must be text or a list of text, but it holds an object at position 1');
		expect(error?.description).toMatch(/comma-separated text/);
	});

	it('the summary of a list naming a site "constructor" counts it once, as a number', async () => {
		nock(API).post('/oauth2/token').reply(200, { access_token: 'tok', expires_in: 3600 });
		nock(API).get(STATES).reply(200, [{ agentId: 'a1', state: { type: 'Constructor' }, siteId: 'constructor', timestamp: '2026-11-23T10:00:00Z' }]);
		const { items, error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getAll', options: { output: 'summary' } });
		expect(error).toBeUndefined();
		expect(JSON.parse(JSON.stringify(items[0].json))).toMatchObject({ total: 1, byState: { CONSTRUCTOR: 1 }, bySite: { constructor: 1 } });
	});
});
