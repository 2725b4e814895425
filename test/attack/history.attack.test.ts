/**
 * Attack: Agent State → Get History against the simulator's real-tenant mode, through n8n-core's WorkflowExecute.
 * Each test shows a user-visible failure of today's code.
 */
import type { IDataObject } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { simulatorAccessKeyCredentials } from '../helpers/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../helpers/workflow';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-23T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

let simulator: Simulator;
beforeEach(async () => {
	simulator = await startSimulator({ agents: 6, seed: 3, quiet: true, now: () => NOW, epochMs: NOW });
});
afterEach(async () => await simulator?.stop());

const realTenant = () => new TestCredentialsHelper(simulatorAccessKeyCredentials(simulator.url));
const history = (parameters: IDataObject, options: IDataObject = {}) =>
	({ operation: 'getHistory', parameters: { returnAll: true, ...parameters }, options }) as const;
const historyCalls = () => simulator.requests.filter((request) => /state-history/.test(request.path));
const yesterday = { startDate: iso(NOW - 28 * HOUR), endDate: iso(NOW - 4 * HOUR) };

describe('Get History: the Agent ID', () => {
	it('Agent ID "." does not read every agent\'s history as if it were one agent\'s', async () => {
		const { items } = await executeWorkflow(realTenant(), history({ ...yesterday, agentId: '.', output: 'changes' }));
		expect(historyCalls().map((request) => request.path.split('?')[0])).not.toContain('/incontactapi/services/v31.0/agents/state-history');
		// Six agents' history came back for an "only this agent" filter.
		expect(new Set(items.map((item) => item.json.agentId)).size).toBeLessThanOrEqual(1);
	});
});
