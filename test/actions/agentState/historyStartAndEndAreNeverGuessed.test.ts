/**
 * Get History's Start and End, through n8n-core's WorkflowExecute against the simulator's real-tenant mode: ISO 8601
 * and n8n's DateTime values are read (a time without a zone in the workflow's timezone, America/New_York here),
 * anything else stops the run with an error naming the field, before CXone is asked.
 */
import type { IDataObject } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../../support/simulator';
import { simulatorRealTenantCredentials } from '../../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';

const NOW = Date.parse('2026-11-23T10:00:00.000Z');

let simulator: Simulator;
beforeEach(async () => {
	simulator = await startSimulator({ agents: 6, seed: 3, quiet: true, now: () => NOW, epochMs: NOW });
});
afterEach(async () => await simulator?.stop());

const realTenant = () => new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url));
const history = (parameters: IDataObject) => ({ operation: 'getHistory', parameters: { returnAll: true, ...parameters }, options: {} }) as const;
const askedStarts = () => simulator.requests.filter((request) => /state-history/.test(request.path)).map((request) => request.query.startDate);

describe('Get History: Start and End', () => {
	it('refuses a Start without a year ("March 7") instead of asking CXone for 2001', async () => {
		const { error } = await executeWorkflow(realTenant(), history({ startDate: 'March 7', endDate: 'March 8' }));
		expect(askedStarts()).toEqual([]);
		expect(error?.message).toBe('Start is not a date: "March 7"');
		expect(error?.description).toMatch(/ISO 8601 date such as 2026-11-22/);
	});

	it('refuses "2026/11/22 00:00" instead of reading it in the n8n server\'s timezone', async () => {
		const { error } = await executeWorkflow(realTenant(), history({ startDate: '2026-11-22 00:00', endDate: '2026/11/22 12:00' }));
		expect(askedStarts()).toEqual([]);
		expect(error?.message).toBe('End is not a date: "2026/11/22 12:00"');
		expect(error?.description).toMatch(/^End takes an ISO 8601 date such as 2026-11-22, 2026-11-22T08:00 \(in the workflow's timezone\)/);
	});

	it('reads "2026-11-22 00:00" (no zone) in the workflow\'s timezone', async () => {
		const { error } = await executeWorkflow(realTenant(), history({ startDate: '2026-11-22 00:00', endDate: '2026-11-22 12:00' }));
		expect(error).toBeUndefined();
		expect(askedStarts()).toEqual(['2026-11-22T05:00:00.000Z']);
	});

	it('reads n8n DateTime expressions such as {{ $today.minus({ days: 1 }) }}', async () => {
		const { error } = await executeWorkflow(realTenant(), history({
			startDate: '={{ $today.minus({ days: 1 }) }}',
			endDate: '={{ $today }}',
			output: 'summary',
		}));
		expect(error).toBeUndefined();
		const asked = askedStarts();
		expect(asked).toHaveLength(1);
		// $today is midnight in the workflow's timezone, on the day the run happens.
		expect(asked[0]).toMatch(/T0[45]:00:00\.000Z$/);
	});
});
