/**
 * Get Many, Get Ready and Filter by Site from version 2: Return All off with Limit 50 and Simplify on by default,
 * as n8n's own list operations; version 1 (workflows saved before) keeps every agent with every field.
 */
import { simulatorTutorialCredentials } from '../../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';
import { startSimulator, type Simulator } from '../../support/simulator';

let simulator: Simulator;
beforeAll(async () => (simulator = await startSimulator({ quiet: true, agents: 120, seed: 11 })));
afterAll(async () => await simulator.stop());

const signedIn = () => new TestCredentialsHelper(simulatorTutorialCredentials(simulator.url));
const loggedIn = () => simulator.tenant.agents.filter((agent) => agent.state !== 'LOGGED_OUT');
const SIMPLE_FIELDS = ['agentId', 'firstName', 'lastName', 'state', 'subState', 'isReady', 'teamName', 'siteName', 'stateSince', 'stateDurationSeconds'];

describe('version 2 (new nodes)', () => {
	it('Get Many returns 50 simplified agents by default', async () => {
		const { items, error } = await executeWorkflow(signedIn(), { operation: 'getAll', typeVersion: 2 });
		expect(error).toBeUndefined();
		expect(loggedIn().length).toBeGreaterThan(50);
		expect(items).toHaveLength(50);
		for (const item of items) expect(Object.keys(item.json).sort()).toEqual([...SIMPLE_FIELDS].sort());
		expect(items[0].json.siteName).toMatch(/^site-/);
	});

	it('Return All gives every agent; Simplify off gives every field', async () => {
		const { items } = await executeWorkflow(signedIn(), { operation: 'getAll', typeVersion: 2, parameters: { returnAll: true, simplify: false } });
		expect(items).toHaveLength(loggedIn().length);
		expect(items[0].json).toHaveProperty('businessUnitId');
		expect(items[0].json).toHaveProperty('teamId');
	});

	it.each([
		['getReady', {}],
		['filterBySite', { siteIds: 'site-1' }],
	] as const)('%s honours Limit', async (operation, extra) => {
		const { items } = await executeWorkflow(signedIn(), { operation, typeVersion: 2, ...extra, parameters: { limit: 3 } });
		expect(items).toHaveLength(3);
	});

	it('a summary counts every agent whatever the Limit', async () => {
		const { items } = await executeWorkflow(signedIn(), { operation: 'getAll', typeVersion: 2, parameters: { limit: 2 }, options: { output: 'summary' } });
		expect(items).toHaveLength(1);
		expect(items[0].json.total).toBe(loggedIn().length);
	});

	it('Limit 0 from an expression is refused, saying what to set', async () => {
		const { error } = await executeWorkflow(signedIn(), { operation: 'getAll', typeVersion: 2, parameters: { limit: 0 } });
		expect(error?.message).toBe('Limit must be a whole number of at least 1, not 0');
	});

	it('Include Raw Record still adds raw to a simplified agent', async () => {
		const { items } = await executeWorkflow(signedIn(), { operation: 'getAll', typeVersion: 2, parameters: { limit: 1 }, options: { includeRaw: true } });
		expect(items[0].json).toHaveProperty('raw');
	});
});

describe('version 1 (saved workflows) keeps today\'s behaviour', () => {
	it('Get Many returns every agent with every field, whatever returnAll/limit/simplify the JSON carries', async () => {
		const { items } = await executeWorkflow(signedIn(), { operation: 'getAll', typeVersion: 1, parameters: { returnAll: false, limit: 1, simplify: true } });
		expect(items).toHaveLength(loggedIn().length);
		expect(items[0].json).toHaveProperty('businessUnitId');
	});
});
