/* eslint-disable @n8n/community-nodes/no-restricted-globals -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * Promise: run every minute for days, the node neither leaks nor loses its head. 1,000 executions against the
 * simulator with faults mixed in: each ends in success or a clear error, no unhandled rejection, no growth in
 * open handles, and exactly one sign-in per rejected token.
 */
import { startSimulator, type FaultSpec, type Simulator } from '../support/simulator';
import { simulatorTutorialCredentials } from '../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../support/harness/workflow';

const EXECUTIONS = 1_000;

let simulator: Simulator;
afterAll(async () => await simulator?.stop());

const openHandles = () => process.getActiveResourcesInfo().filter((type) => type !== 'TTYWrap').length;

it(`${EXECUTIONS} executions with a fault schedule`, async () => {
	simulator = await startSimulator({ agents: 50, quiet: true });
	let statesRequests = 0;
	let rejectedTokens = 0;
	let forbidden = 0;
	// Counted over agent-state requests only: every 100th is a 401 (token revoked), every 10th a 503 that is
	// retried, every 250th a 403 that ends its execution with an error.
	simulator.schedule((request): FaultSpec | undefined => {
		if (!request.path.startsWith('/api/v2/agents/states')) return undefined;
		statesRequests++;
		if (statesRequests % 100 === 50) {
			rejectedTokens++;
			return { status: 401 };
		}
		if (statesRequests % 250 === 125) {
			forbidden++;
			return { status: 403 };
		}
		if (statesRequests % 10 === 3) return { status: 503, retryAfter: 0 };
		return undefined;
	});

	const unhandled: unknown[] = [];
	const onUnhandled = (reason: unknown) => unhandled.push(reason);
	process.on('unhandledRejection', onUnhandled);
	const store = new TestCredentialsHelper(simulatorTutorialCredentials(simulator.url));

	const outcomes = { success: 0, forbidden: 0, other: [] as string[] };
	let handlesAfterWarmup = 0;
	try {
		for (let run = 0; run < EXECUTIONS; run++) {
			const { items, error } = await executeWorkflow(store, { operation: 'getReady', options: { output: 'summary' } });
			if (!error && items.length === 1 && items[0].json.total !== undefined) outcomes.success++;
			else if (error?.message === 'The token was refused for /api/v2/agents/states (HTTP 403): the client may not read agent states') outcomes.forbidden++;
			else outcomes.other.push(error?.message ?? 'no summary item');
			if (run === 20) handlesAfterWarmup = openHandles();
		}
	} finally {
		process.off('unhandledRejection', onUnhandled);
	}

	expect(outcomes.other).toEqual([]);
	expect(outcomes.forbidden).toBe(forbidden);
	expect(outcomes.success).toBe(EXECUTIONS - forbidden);
	expect(unhandled).toEqual([]);
	// One sign-in at the start, then exactly one per token CXone rejected.
	expect(simulator.tokenRequests()).toBe(1 + rejectedTokens);
	expect(rejectedTokens).toBeGreaterThanOrEqual(9);
	// Keep-alive sockets come and go; a leak would grow with the number of executions.
	expect(openHandles()).toBeLessThanOrEqual(handlesAfterWarmup + 2);
}, 120_000);
