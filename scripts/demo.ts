/* eslint-disable @n8n/community-nodes/no-restricted-globals -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * `npm run demo`: the built-in CXone simulator, and real n8n-core workflow executions (Manual Trigger →
 * CXone Agent States) for each operation, in each sign-in mode. No tenant, no network beyond 127.0.0.1.
 */
import type { IDataObject } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../test/support/simulator';
import { simulatorAccessKeyOnlyCredentials, simulatorRealTenantCredentials, simulatorTutorialCredentials } from '../test/support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper as CredentialStore, type AgentNodeSpec } from '../test/support/harness/workflow';

const line = (text = '') => process.stdout.write(`${text}\n`);

function table(rows: Array<Record<string, unknown>>, allColumns: string[]) {
	const cell = (value: unknown) => (value === null || value === undefined ? '' : String(value));
	// The tutorial's records carry no names or teams: leave out columns nobody has.
	const columns = allColumns.filter((column) => rows.some((row) => cell(row[column]) !== ''));
	const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => cell(row[column]).length)));
	const format = (values: string[]) => values.map((value, index) => value.padEnd(widths[index])).join('  ').trimEnd();
	line(`  ${format(columns)}`);
	line(`  ${format(widths.map((width) => '-'.repeat(width)))}`);
	for (const row of rows) line(`  ${format(columns.map((column) => cell(row[column])))}`);
}

const counts = (record: IDataObject) =>
	Object.entries(record)
		.map(([key, count]) => `${key} ${String(count)}`)
		.join(', ');

async function run(store: CredentialStore, spec: AgentNodeSpec) {
	const result = await executeWorkflow(store, spec);
	if (result.error) throw new Error(`${result.error.message} ${result.error.description ?? ''}`);
	return result.items.map((item) => item.json);
}

function readyTable(agents: IDataObject[]) {
	table(
		agents.map((agent) => ({
			agent: agent.agentId,
			name: [agent.firstName, agent.lastName].filter(Boolean).join(' '),
			site: agent.siteName ?? agent.siteId,
			team: agent.teamName ?? agent.teamId,
			'ready for': agent.stateDurationSeconds === null ? '' : `${Math.round(Number(agent.stateDurationSeconds) / 60)} min`,
		})),
		['agent', 'name', 'site', 'team', 'ready for'],
	);
}

async function tutorialMode(simulator: Simulator) {
	line('━━ Mode 1: OAuth2 client credentials (the tutorial API: /oauth2/token, /api/v2/agents/states)');
	const store = new CredentialStore(simulatorTutorialCredentials(simulator.url));
	const [summary] = await run(store, { operation: 'getAll', options: { output: 'summary' } });
	line(`\nGet Many (summary output): ${String(summary.total)} agents logged in, ${String(summary.ready)} ready`);
	line(`  by state: ${counts(summary.byState as IDataObject)}`);
	line(`  by site:  ${counts(summary.bySite as IDataObject)}`);

	const ready = await run(store, { operation: 'getReady' });
	line(`\nGet Ready: ${ready.length} agents ready to take contacts`);
	readyTable(ready);

	const site = await run(store, { operation: 'filterBySite', siteIds: 'site-1, site-2', options: { output: 'summary' } });
	line(`\nFilter by Site (site-1, site-2): ${String(site[0].total)} agents, ${String(site[0].ready)} ready`);
	line(`\nToken requests for 3 executions: ${simulator.tokenRequests()} (the token is kept with the credential)`);
}

async function accessKeyMode(simulator: Simulator) {
	line('\n━━ Mode 2: CXone access key (real tenants: OpenID discovery, password grant, cxone-configuration)');
	const store = new CredentialStore(simulatorRealTenantCredentials(simulator.url));
	const tokensBefore = simulator.tokenRequests();
	const discoveryBefore = simulator.discoveryRequests();
	const [summary] = await run(store, { operation: 'getAll', options: { output: 'summary', includeSite: true } });
	line(`\nGet Many (summary, Include Site): ${String(summary.total)} agents, ${String(summary.ready)} ready`);
	line(`  by state:    ${counts(summary.byState as IDataObject)}`);
	line(`  by location: ${counts(summary.bySite as IDataObject)}`);

	const firstLocation = Object.keys(summary.bySite as IDataObject)[0];
	const ready = await run(store, { operation: 'filterBySite', siteIds: firstLocation, options: { states: ['READY'] } });
	line(`\nFilter by Site "${firstLocation}" (matched on each agent's Location), ready only: ${ready.length}`);
	readyTable(ready);

	const dialer = await run(store, { operation: 'getAll', options: { states: ['DIALER'] } });
	line(`\nGet Many, States: Dialer (CXone's Dialer, agentStateId 7): ${dialer.length}`);
	table(
		dialer.map((agent) => ({ agent: agent.agentId, name: [agent.firstName, agent.lastName].filter(Boolean).join(' '), state: agent.state, site: agent.siteName ?? '' })),
		['agent', 'name', 'state', 'site'],
	);
	const day = 86_400_000;
	const [firstAgent] = await run(store, {
		operation: 'getHistory',
		parameters: { startDate: new Date(Date.now() - 28 * 3_600_000).toISOString(), endDate: new Date(Date.now() - 4 * 3_600_000).toISOString(), output: 'summary', returnAll: false, limit: 1 },
	});
	line(`\nGet History (summary, ${day / 3_600_000} h): agent ${String(firstAgent.agentId)} ready ${Math.round(Number(firstAgent.readySeconds) / 60)} min, on contacts ${Math.round(Number(firstAgent.onContactSeconds) / 60)} min, occupancy ${String(firstAgent.occupancy)}`);
	line(`  not ready by reason (s): ${counts(firstAgent.notReadySecondsByReason as IDataObject)}`);
	simulator.reports.fillQueue(simulator.reports.skills()[0].skillId, 3, Date.now() - 120_000);
	const waiting = await run(store, { resource: 'contact', operation: 'getActive', parameters: { returnAll: true }, options: { onlyWaiting: true } });
	const contacts = await run(store, { resource: 'contact', operation: 'getActive', parameters: { returnAll: true } });
	line(`\nContact Get Active: ${contacts.length} contacts in progress; waiting in queue: ${waiting.length}, the longest for ${Math.max(0, ...waiting.map((contact) => Number(contact.ageSeconds)))} s`);
	const [skills] = await run(store, { resource: 'skill', operation: 'getActivity', parameters: { output: 'summary' } });
	line(`\nSkill Get Activity (summary): ${String(skills.skills)} skills, ${String(skills.queueCount)} contacts waiting, ${String(skills.queuedWithNoAgentAvailableCount)} skill(s) with contacts waiting and nobody available`);
	const performance = await run(store, {
		resource: 'agent',
		operation: 'getPerformance',
		parameters: { startDate: new Date(Date.now() - 28 * 3_600_000).toISOString(), endDate: new Date(Date.now() - 4 * 3_600_000).toISOString() },
	});
	const busiest = [...performance].sort((a, b) => Number(b.totalHandled) - Number(a.totalHandled)).slice(0, 3);
	line(`\nAgent Get Performance (24 h, counts and times CXone sends as text, here numbers and seconds): ${performance.length} agents; the busiest:`);
	table(
		busiest.map((agent) => ({
			agent: agent.agentId,
			handled: agent.totalHandled,
			'AHT s': agent.totalAvgHandleSeconds,
			'ACW s': agent.acwSeconds,
			'login h': Math.round(Number(agent.loginSeconds) / 360) / 10,
			'occupancy %': agent.occupancy,
		})),
		['agent', 'handled', 'AHT s', 'ACW s', 'login h', 'occupancy %'],
	);
	line(
		`\nSign-ins for 8 executions: ${simulator.tokenRequests() - tokensBefore}; discovery requests: ${simulator.discoveryRequests() - discoveryBefore} (OpenID + cxone-configuration, once)`,
	);
	await supervisorActions(store, ready);
}

/** Only an API user's access key, no registered application: NICE User Hub's access-key token, then discovery. */
async function accessKeyOnlyMode(simulator: Simulator) {
	line('\n━━ Mode 3: CXone access key only (no app registration: User Hub access-key token, cxone-configuration)');
	const store = new CredentialStore(simulatorAccessKeyOnlyCredentials(simulator.url));
	const from = simulator.requests.length;
	const ready = await run(store, { operation: 'getReady' });
	const signIn = simulator.requests.slice(from).find((request) => request.path === '/authentication/v1/token/access-key');
	if (signIn) {
		const fields = Object.keys(JSON.parse(signIn.body) as object).join(', ');
		line(`\nSign-in: ${signIn.method} ${signIn.path}, ${String(signIn.headers['content-type'])} {${fields}}, Authorization header: ${signIn.headers.authorization ? 'sent' : 'none'}`);
	}
	line(`Get Ready: ${ready.length} agents ready (API host from cxone-configuration: ${String(store.stored.apiBaseUrl)})`);
	const site = await run(store, { operation: 'filterBySite', siteIds: 'Manila', options: { output: 'summary' } });
	line(`Filter by Site "Manila" (summary): ${String(site[0].total)} agents, ${String(site[0].ready)} ready`);
	const signIns = simulator.requests.slice(from).filter((request) => request.path === '/authentication/v1/token/access-key').length;
	line(`\nSign-ins for 2 executions: ${signIns} (the token is kept with the credential; renewed by signing in again)`);
}

/** A tenant that pages: its next links spell the path another way (/inContactAPI/services/V31.0/...), as real tenants do. */
async function pagedTenant() {
	const simulator = await startSimulator({ agents: 36, seed: 42, quiet: true, pageSize: 15 });
	try {
		line('\n━━ A real tenant that pages (15 agents a page)');
		const store = new CredentialStore(simulatorRealTenantCredentials(simulator.url));
		const agents = await run(store, { operation: 'getAll' });
		const pages = simulator.requests.filter((request) => /\/agents\/states/i.test(request.path));
		line(`\nGet Many: ${agents.length} agents from ${pages.length} pages; the pages the node asked for:`);
		for (const page of pages) line(`  GET ${page.path}`);
	} finally {
		await simulator.stop();
	}
}

/** Get, Set State and Log Out on one agent: they change the simulated tenant, as they would a live one. */
async function supervisorActions(store: CredentialStore, ready: IDataObject[]) {
	const target = ready[0];
	if (!target) return;
	const agentId = { __rl: true, mode: 'id', value: String(target.agentId) };
	const name = [target.firstName, target.lastName].filter(Boolean).join(' ') || String(target.agentId);
	line(`\nSupervisor actions on ${name} (agent ${String(target.agentId)}; these change live agents on a real tenant):`);
	const [got] = await run(store, { operation: 'get', parameters: { agentId } });
	line(`  Get:                       state ${String(got.state)} since ${String(got.stateSince)}`);
	const [message] = await run(store, { resource: 'agent', operation: 'sendMessage', parameters: { target: 'agent', agentId, subject: 'Queue is long', message: 'Please go Available' } });
	line(`  Send Message:              ${JSON.stringify(message)}`);
	const logins = await run(store, {
		resource: 'agent',
		operation: 'getLoginHistory',
		parameters: { agentId, startDate: new Date(Date.now() - 7 * 86_400_000).toISOString(), endDate: new Date().toISOString(), returnAll: true },
	});
	line(`  Get Login History (7 d):   ${logins.length} logins, the last ${String(logins.at(-1)?.loginDate ?? 'none')} at ${String(logins.at(-1)?.stationName ?? '-')}`);
	const [unavailable] = await run(store, { operation: 'setState', parameters: { agentId, state: 'unavailable', reason: 'Break' } });
	const after = unavailable.state as IDataObject | null;
	line(`  Set State Unavailable:     Break accepted ${String(unavailable.accepted)}, reason outStateId ${String(unavailable.reason)}, now ${String(after?.state)} (${String(after?.subState)})`);
	const [available] = await run(store, { operation: 'setState', parameters: { agentId, state: 'available' } });
	line(`  Set State Available:       now ${String((available.state as IDataObject | null)?.state)}`);
	const [loggedOut] = await run(store, { operation: 'logOut', parameters: { agentId } });
	line(`  Log Out:                   ${JSON.stringify(loggedOut)}`);
	const [again] = await run(store, { operation: 'get', parameters: { agentId } });
	line(`  Get again:                 state ${String(again.state)}`);
}

async function main() {
	const simulator = await startSimulator({ agents: 36, seed: 42, quiet: true });
	// Dialer agents exist in larger seeded tenants; make sure this small one shows one.
	if (!simulator.tenant.agents.some((agent) => agent.state === 'DIALER')) simulator.setAgentState(1003, 'Dialer');
	line(`CXone simulator on ${simulator.url} (36 agents, 3 sites, seed 42)\n`);
	try {
		await tutorialMode(simulator);
		await accessKeyMode(simulator);
		await accessKeyOnlyMode(simulator);
	} finally {
		await simulator.stop();
	}
	await pagedTenant();
	line('\nDone: simulator stopped, nothing left running.');
}

main().catch((error: Error) => {
	process.stderr.write(`demo failed: ${error.message}\n`);
	process.exitCode = 1;
});
