/* eslint-disable @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * The two network failures at the ends of the write policy, on the transport with a short Timeout (the write
 * operations have no Timeout option, and 30 s per case is too long): a timed-out write is never sent again and
 * is read back; a refused connection (ECONNREFUSED, as n8n's helper reports it) proves nothing left, so it is.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { CxoneSession } from '../../../nodes/Cxone/transport';
import { logOutAgent, setAgentState } from '../../../nodes/Cxone/transport/agentWrites';
import { startSimulator, type Simulator } from '../../support/simulator';
import { realTenantCredentials, simulatorRealTenantCredentials } from '../../support/harness/credentials';
import { editorContext, TestCredentialsHelper } from '../../support/harness/workflow';

let simulator: Simulator;
beforeEach(async () => {
	simulator = await startSimulator({ agents: 30, seed: 21, quiet: true });
});
afterEach(async () => await simulator?.stop());

const session = async (helper = new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url))) =>
	await CxoneSession.open(editorContext(helper));
const notReady = () => simulator.tenant.agents.find((agent) => agent.state === 'NOT_READY')!;
const postsTo = (agentId: number) => simulator.requests.filter((request) => request.method === 'POST' && request.path.includes(`/agents/${agentId}/`));

describe('a write that timed out is sent once and read back', () => {
	it('not applied: one POST, then "may or may not have been applied"', async () => {
		const agent = notReady();
		simulator.fault({ path: 'writes', delayMs: 2_000 });
		const error = await setAgentState(await session(), String(agent.agentId), 'Available', null, { timeoutMs: 500 }).catch((caught: Error) => caught);
		expect(error).toMatchObject({
			message: `Set State (Available) for agent ${agent.agentId} may or may not have been applied`,
			description: expect.stringMatching(/^CXone did not answer within the timeout, and reading the agent back shows NOT_READY \(\w+\)\. The node did not send the change again/),
		});
		expect(postsTo(agent.agentId)).toHaveLength(1);
	});

	it('applied before the answer was late: one POST, confirmed by reading back', async () => {
		const agent = notReady();
		simulator.fault({ path: 'writes', delayMs: 2_000, applied: true });
		const outcome = await logOutAgent(await session(), String(agent.agentId), { timeoutMs: 500 });
		expect(outcome).toMatchObject({ confirmedBy: 'readBack', agent: { state: 'LOGGED_OUT' } });
		expect(postsTo(agent.agentId)).toHaveLength(1);
	});
});

it('a refused connection (ECONNREFUSED) is sent again: nothing reached CXone', async () => {
	const closed = createServer();
	await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
	const { port } = closed.address() as AddressInfo;
	await new Promise<void>((resolve) => closed.close(() => resolve()));
	const helper = new TestCredentialsHelper(
		realTenantCredentials({ accessToken: 'tok', apiBaseUrl: `http://127.0.0.1:${port}`, tokenExpiresAt: new Date(Date.now() + 3600_000).toISOString() }),
	);
	// 1 s (+ at most 25 % jitter) of backoff fits in 1.5 s, the next 2 s do not: two attempts.
	const error = await setAgentState(await session(helper), '1001', 'Available', null, { maxTotalWaitMs: 1_500 }).catch((caught: Error) => caught);
	expect(error).toMatchObject({
		message: 'Could not reach CXone (2 attempts, 1 s of waiting)',
		description: expect.stringMatching(/^Network error ECONNREFUSED\./),
	});
}, 10_000);
