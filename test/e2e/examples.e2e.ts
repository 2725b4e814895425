/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * Every workflow in examples/, imported into a real n8n, activated, and run by n8n itself (`n8n start`) on its
 * own schedule, delivering into real receivers on 127.0.0.1. Changed only where a user would: credentials,
 * receiver addresses, the Schedule Triggers' interval (seconds instead of minutes) and the alert's minutes.
 * Run with `npm run test:e2e:examples`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSimulator, type Simulator } from '../simulator';
import { ensureN8n, N8nSandbox, packPackage, REPO } from './n8n';
import { startHttpReceiver, startSmtpReceiver, waitFor, type HttpReceiver, type SmtpReceiver } from './receivers';
import { realTenantCredential, tutorialCredential } from './workflows';

type Workflow = { id?: string; name: string; active?: boolean; nodes: Array<{ name: string; type: string; parameters: Record<string, unknown>; credentials?: Record<string, { id: string; name: string }> }> };

const SECONDS = 5;
/** n8n refuses polling intervals under a minute, so the triggers keep the examples' own "every minute". */
const POLL_MS = 60_000;

function example(file: string, id: string, credentialId: string, edit: (workflow: Workflow) => void): Workflow {
	const workflow = JSON.parse(readFileSync(join(REPO, 'examples', file), 'utf8')) as Workflow;
	workflow.id = id;
	for (const node of workflow.nodes) {
		if (node.credentials?.cxoneApi) node.credentials.cxoneApi = { id: credentialId, name: `CXone ${credentialId}` };
		if (node.credentials?.smtp) node.credentials.smtp = { id: 'smtpReceiver0001', name: 'SMTP receiver' };
		if (node.type === 'n8n-nodes-base.scheduleTrigger') node.parameters.rule = { interval: [{ field: 'seconds', secondsInterval: SECONDS }] };
	}
	edit(workflow);
	return workflow;
}

const node = (workflow: Workflow, name: string) => {
	const found = workflow.nodes.find((candidate) => candidate.name === name);
	if (!found) throw new Error(`example has no node "${name}"`);
	return found;
};

const states = (simulator: Simulator) => simulator.requests.filter((request) => request.path.startsWith('/api/v2/agents/states'));

let sandbox: N8nSandbox;
let smtp: SmtpReceiver;
let http: HttpReceiver;
const simulators: Record<'email' | 'slack' | 'crm' | 'alert' | 'supervisor', Simulator> = {} as never;

beforeAll(async () => {
	const n8n = await ensureN8n();
	const tarball = await packPackage();
	smtp = await startSmtpReceiver();
	http = await startHttpReceiver();
	for (const name of ['email', 'slack', 'crm', 'alert', 'supervisor'] as const) simulators[name] = await startSimulator({ agents: 12, seed: 3, quiet: true });
	// The supervisor's bad day: 3 of 12 agents ready, so the "fewer than 5" branch sends the email.
	simulators.email.tenant.agents.forEach((agent, index) => simulators.email.setAgentState(agent.agentId, index < 3 ? 'READY' : 'NOT_READY', { reason: 'Meeting' }));
	// Every Not Ready stay in the alert tenant is past the rule's 15 minutes before activation: only the stay
	// the test starts can fire.
	for (const sim of [simulators.alert, simulators.supervisor]) {
		for (const agent of sim.tenant.agents.filter((candidate) => candidate.state === 'NOT_READY')) {
			sim.setAgentState(agent.agentId, 'NOT_READY', { reason: agent.outStateDescription, at: Date.now() - 3_600_000 });
		}
	}

	sandbox = await N8nSandbox.create(n8n, tarball);
	await sandbox.importCredentials([
		tutorialCredential('credExEmail00001', simulators.email.url),
		tutorialCredential('credExSlack00001', simulators.slack.url),
		tutorialCredential('credExCrm0000001', simulators.crm.url),
		tutorialCredential('credExAlert00001', simulators.alert.url),
		realTenantCredential('credExSuperv0001', simulators.supervisor.url),
		{ id: 'smtpReceiver0001', name: 'SMTP receiver', type: 'smtp', data: { user: '', password: '', host: '127.0.0.1', port: smtp.port, secure: false, disableStartTls: true } },
	]);
	const workflows = [
		example('ready-agents-email.json', 'exReadyEmail0001', 'credExEmail00001', () => undefined),
		example('site-summary-slack.json', 'exSiteSlack00001', 'credExSlack00001', (workflow) => {
			node(workflow, 'Post to Slack').parameters.url = `${http.url}/slack`;
		}),
		example('logout-to-crm.json', 'exLogoutCrm00001', 'credExCrm0000001', (workflow) => {
			node(workflow, 'Update CRM Record').parameters.url = `${http.url}/crm`;
		}),
		example('not-ready-alert.json', 'exNotReady000001', 'credExAlert00001', (workflow) => {
			node(workflow, 'Post to Slack').parameters.url = `${http.url}/alert`;
		}),
		example('not-ready-set-available.json', 'exSetAvailable01', 'credExSuperv0001', (workflow) => {
			node(workflow, 'Notify Supervisor in Slack').parameters.url = `${http.url}/supervisor`;
		}),
	];
	await sandbox.importWorkflows(workflows);
	for (const workflow of workflows) await sandbox.n8nCommand(['publish:workflow', `--id=${String(workflow.id)}`]);
	await sandbox.startServer();
}, 40 * 60_000);

afterAll(async () => {
	if (process.env.E2E_SHOW_LOGS) process.stdout.write(sandbox?.logTail() ?? '');
	await sandbox?.cleanup();
	await smtp?.stop();
	await http?.stop();
	for (const simulator of Object.values(simulators)) await simulator?.stop();
});

it('n8n lists the node, the trigger and the credential for its editor', async () => {
	// What the editor loads its node and credential lists from (served at /types/*.json once signed in).
	const types = join(sandbox.folder, '.cache', 'n8n', 'public', 'types');
	await waitFor('the editor type files', () => existsSync(join(types, 'credentials.json')), 60_000);
	const names = (file: string) => (JSON.parse(readFileSync(join(types, file), 'utf8')) as Array<{ name: string; displayName: string }>).map((type) => `${type.name} (${type.displayName})`);
	expect(names('nodes.json')).toEqual(
		expect.arrayContaining(['n8n-nodes-cxone.cxoneAgentStates (CXone Agent States)', 'n8n-nodes-cxone.cxoneAgentStatesTrigger (CXone Agent States Trigger)']),
	);
	expect(names('credentials.json')).toContain('cxoneApi (NICE CXone API)');
});

it('ready-agents-email: one email per run, naming the ready count and the agents in a table', async () => {
	await waitFor('two emails', () => smtp.messages.length >= 2, 60_000);
	const runs = states(simulators.email).length;
	expect(smtp.messages.length).toBeGreaterThanOrEqual(runs - 1); // a run may be between its request and its email
	expect(smtp.messages.length).toBeLessThanOrEqual(runs);
	const mail = smtp.messages[0];
	expect(mail.subject).toMatch(/^CXone: only 3 agents ready \(\d\d:\d\d\)$/);
	const html = String(mail.html);
	expect(html).toContain('<b>3</b> agents are ready');
	for (const agent of simulators.email.tenant.agents.slice(0, 3)) expect(html).toContain(`<td>a${agent.agentId}</td>`);
	expect(html.match(/<tr><td>/g)).toHaveLength(3);
	process.stdout.write(`[e2e] email example delivered: "${mail.subject}"\n${html}\n`);
}, 90_000);

it('the schedule really fires on its own, at its interval', async () => {
	const first = states(simulators.email)[0].at;
	await waitFor('four scheduled runs', () => states(simulators.email).length >= 4, 60_000);
	const runs = states(simulators.email);
	const spanSeconds = (runs[runs.length - 1].at - first) / 1000;
	// n runs at a 5 s interval span about 5(n-1) s.
	expect(spanSeconds / (runs.length - 1)).toBeGreaterThan(SECONDS * 0.6);
	expect(spanSeconds / (runs.length - 1)).toBeLessThan(SECONDS * 1.6);
}, 90_000);

it('site-summary-slack: one message per run with counts by site and state', async () => {
	await waitFor('a Slack message', () => http.received('/slack').length >= 1, 60_000);
	const text = String(http.received('/slack')[0].text);
	expect(text).toMatch(/^\*CXone agents\* at \S+: \d+ of \d+ ready\n• site-1: \d+ logged in\n• site-2: \d+ logged in\nBy state: /);
	expect(text).not.toContain('site-3');
	process.stdout.write(`[e2e] Slack example delivered: ${JSON.stringify(text)}\n`);
}, 90_000);

it('logout-to-crm: one CRM call per agent who logged out, with the normalized fields', async () => {
	const crm = simulators.crm;
	await waitFor('the trigger baseline poll', () => states(crm).length >= 1, POLL_MS + 30_000);
	expect(http.received('/crm')).toHaveLength(0); // the baseline sends nothing
	const [first, second] = crm.tenant.agents.filter((agent) => agent.state !== 'LOGGED_OUT');
	crm.setAgentState(first.agentId, 'LOGGED_OUT');
	crm.setAgentState(second.agentId, 'LOGGED_OUT');
	await waitFor('two CRM calls', () => http.received('/crm').length >= 2, POLL_MS + 30_000);
	const afterChange = states(crm).length;
	await waitFor('another poll', () => states(crm).length > afterChange, POLL_MS + 30_000);
	const calls = http.received('/crm');
	expect(calls).toHaveLength(2);
	expect(calls.map((call) => call.agentId).sort()).toEqual([`a${first.agentId}`, `a${second.agentId}`].sort());
	// The tutorial API drops logged-out agents from its list, so only what the trigger kept is known about them.
	expect(calls[0]).toEqual(
		expect.objectContaining({
			event: 'agent_logged_out',
			previousState: expect.stringMatching(/^(READY|NOT_READY|ON_CONTACT)$/),
			loggedInSeconds: expect.any(Number),
			at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
		}),
	);
	process.stdout.write(`[e2e] CRM example delivered: ${JSON.stringify(calls[0])}\n`);
}, 5 * 60_000);

it('not-ready-alert: the "Not Ready for N minutes" rule fires once per stay', async () => {
	const alert = simulators.alert;
	await waitFor('the trigger baseline poll', () => states(alert).length >= 1, POLL_MS + 30_000);
	expect(http.received('/alert')).toHaveLength(0);
	const ready = alert.tenant.agents.find((agent) => agent.state === 'READY');
	if (!ready) throw new Error('the seeded tenant has no ready agent');
	// A stay that began 16 minutes ago (CXone's startDate), seen for the first time: past the example's 15.
	alert.setAgentState(ready.agentId, 'NOT_READY', { reason: 'Lunch', at: Date.now() - 16 * 60_000 });
	await waitFor('an alert', () => http.received('/alert').length >= 1, POLL_MS + 30_000);
	const polled = states(alert).length;
	await waitFor('one more poll', () => states(alert).length > polled, POLL_MS + 30_000);
	expect(http.received('/alert')).toHaveLength(1);
	const text = String(http.received('/alert')[0].text);
	// The tutorial API sends reason codes in upper case.
	expect(text).toMatch(/has been Not Ready \(LUNCH\) for 1[67] minutes/);
	process.stdout.write(`[e2e] alert example delivered: ${JSON.stringify(text)}\n`);
}, 5 * 60_000);

it('not-ready-set-available: a forgotten Break is set Available, any other long Not Ready goes to the supervisor', async () => {
	const tenant = simulators.supervisor;
	const realStates = () => tenant.requests.filter((request) => /\/agents\/states/.test(request.path));
	await waitFor('the trigger baseline poll', () => realStates().length >= 1, POLL_MS + 30_000);
	const [onBreak, inMeeting] = tenant.tenant.agents.filter((agent) => agent.state === 'READY' || agent.state === 'ON_CONTACT');
	// Stays that began 16 minutes ago, seen for the first time: past the example's 15.
	tenant.setAgentState(onBreak.agentId, 'NOT_READY', { reason: 'Break', at: Date.now() - 16 * 60_000 });
	tenant.setAgentState(inMeeting.agentId, 'NOT_READY', { reason: 'Meeting', at: Date.now() - 16 * 60_000 });
	await waitFor('the Set State call and the Slack message', () => onBreak.state === 'READY' && http.received('/supervisor').length >= 1, POLL_MS + 30_000);
	const posts = tenant.requests.filter((request) => request.method === 'POST' && request.path.includes('/agents/'));
	expect(posts.map((request) => [request.path, request.status])).toEqual([[`/incontactapi/services/v31.0/agents/${onBreak.agentId}/state?state=Available`, 200]]);
	expect(inMeeting.state).toBe('NOT_READY');
	const text = String(http.received('/supervisor')[0].text);
	expect(text).toMatch(/has been Not Ready \(Meeting\) for 1[67] minutes/);
	process.stdout.write(`[e2e] set-available example: agent ${onBreak.agentId} set Available; supervisor told: ${JSON.stringify(text)}\n`);
}, 5 * 60_000);
