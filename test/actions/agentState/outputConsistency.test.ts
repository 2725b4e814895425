/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * The same simulated tenant read in both sign-in methods: the summary counts the same logged-in agents, although
 * only real CXone lists the logged-out ones; and the examples ask for what their output shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSimulator, type Simulator } from '../../support/simulator';
import { simulatorRealTenantCredentials, simulatorTutorialCredentials } from '../../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';

let simulator: Simulator;
beforeAll(async () => {
	simulator = await startSimulator({ agents: 40, seed: 7, quiet: true });
});
afterAll(async () => await simulator?.stop());

it('summary total, bySite and byTeam count logged-in agents in both sign-in methods', async () => {
	const loggedIn = simulator.tenant.agents.filter((agent) => agent.state !== 'LOGGED_OUT');
	const loggedOut = simulator.tenant.agents.length - loggedIn.length;
	expect(loggedOut).toBeGreaterThan(0);
	const summary = async (credentials: TestCredentialsHelper) => {
		const { items, error } = await executeWorkflow(credentials, { operation: 'getAll', options: { output: 'summary', includeSite: true } });
		expect(error).toBeUndefined();
		return items[0].json as { total: number; byState: Record<string, number>; bySite: Record<string, number>; byTeam: Record<string, number> };
	};
	const tutorial = await summary(new TestCredentialsHelper(simulatorTutorialCredentials(simulator.url)));
	const accessKey = await summary(new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url)));
	const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
	for (const result of [tutorial, accessKey]) {
		expect(result.total).toBe(loggedIn.length);
		expect(sum(result.byTeam)).toBeLessThanOrEqual(loggedIn.length);
		expect(sum(result.bySite)).toBe(loggedIn.length);
	}
	// Only real CXone lists logged-out agents: they show in byState, never in total.
	expect(accessKey.byState.LOGGED_OUT).toBe(loggedOut);
	expect(tutorial.byState.LOGGED_OUT).toBeUndefined();
});

it('ready-agents-email.json asks for each agent\'s site, so its Site column is filled on real tenants too', () => {
	const workflow = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', 'ready-agents-email.json'), 'utf8')) as {
		nodes: Array<{ type: string; parameters: { options?: { includeSite?: boolean } } }>;
	};
	const email = JSON.stringify(workflow.nodes);
	expect(email).toMatch(/a\.siteName \?\? a\.siteId/);
	const cxone = workflow.nodes.find((node) => node.type === 'n8n-nodes-cxone.cxoneAgentStates');
	expect(cxone?.parameters.options?.includeSite).toBe(true);
});
