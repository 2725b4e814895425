/**
 * Get History with Return All off, through n8n-core's WorkflowExecute against the simulator's real-tenant mode:
 * One Item per State Change stops asking CXone once Limit items are in; a summary still reads the whole period.
 */
import type { IDataObject } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../../support/simulator';
import { simulatorRealTenantCredentials } from '../../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-23T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const month = { startDate: iso(NOW - 31 * DAY), endDate: iso(NOW) };

let simulator: Simulator;
beforeEach(async () => {
	simulator = await startSimulator({ agents: 6, seed: 3, quiet: true, now: () => NOW, epochMs: NOW });
});
afterEach(async () => await simulator?.stop());

const realTenant = () => new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url));
const history = (parameters: IDataObject, options: IDataObject = {}) => ({ operation: 'getHistory', parameters: { ...month, ...parameters }, options }) as const;
const historyCalls = () => simulator.requests.filter((request) => /state-history/.test(request.path));

describe('Get History: Limit', () => {
	it('Limit 1 over 31 days asks for one day window and returns the same first state change as Return All', async () => {
		const all = await executeWorkflow(realTenant(), history({ returnAll: true, output: 'changes' }));
		expect(historyCalls()).toHaveLength(31);
		simulator.requests.length = 0;

		const { items, error } = await executeWorkflow(realTenant(), history({ returnAll: false, limit: 1, output: 'changes' }));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([all.items[0]?.json]);
		expect(historyCalls()).toHaveLength(1);
	});

	it('with a States option, stops only once Limit matching state changes are in', async () => {
		const all = await executeWorkflow(realTenant(), history({ returnAll: true, output: 'changes' }, { states: ['NOT_READY'] }));
		// About half the period's Not Ready changes: more than one day window holds them, fewer than all 31.
		const limit = Math.ceil(all.items.length / 2);
		expect(limit).toBeGreaterThan(1);
		const wanted = all.items.slice(0, limit).map((item) => item.json);
		simulator.requests.length = 0;

		const { items } = await executeWorkflow(realTenant(), history({ returnAll: false, limit, output: 'changes' }, { states: ['NOT_READY'] }));
		expect(items.map((item) => item.json)).toEqual(wanted);
		expect(historyCalls().length).toBeGreaterThan(1);
		expect(historyCalls().length).toBeLessThan(31);
	});

	it('a summary with Limit 1 still reads every day of the period and gives every agent (Limit is for state changes)', async () => {
		const all = await executeWorkflow(realTenant(), history({ returnAll: true, output: 'summary' }));
		simulator.requests.length = 0;
		const { items } = await executeWorkflow(realTenant(), history({ returnAll: false, limit: 1, output: 'summary' }));
		expect(historyCalls()).toHaveLength(31);
		expect(items.map((item) => item.json)).toEqual(all.items.map((item) => item.json));
	});
});
