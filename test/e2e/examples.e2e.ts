/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * Every workflow in examples/, imported into a real n8n, activated, and run by n8n itself (`n8n start`) on its
 * own schedule, delivering into real receivers on 127.0.0.1. Changed only where a user would: credentials,
 * receiver addresses, the Schedule Triggers' interval (seconds instead of minutes) and the alert's minutes.
 * Run with `npm run test:e2e:examples`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSimulator, type SimAgent, type Simulator } from '../support/simulator';
import { ensureN8n, N8nSandbox, packPackage, REPO, type ExecutionOutcome } from './n8n';
import { startHttpReceiver, startSmtpReceiver, waitFor, type HttpReceiver, type SmtpReceiver } from './receivers';
import { realTenantCredential, NODE_TYPE, tutorialCredential } from './workflows';

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

/** Yesterday in the workflow's timezone, as the daily report asks for it. */
const YESTERDAY = { startDate: '={{ $today.minus({ days: 1 }).toISO() }}', endDate: '={{ $today.toISO() }}' };

/**
 * Manual Trigger → Get History and Skill → Get Activity, each in both outputs, run once with `n8n execute`
 * against the tenants the two report examples read (access key).
 */
function reportsWorkflow(agentId: string) {
	const cxone = (name: string, credentialId: string, y: number, parameters: Record<string, unknown>) => ({
		id: name.replace(/ /g, '-'),
		name,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [220, y],
		parameters: { ...parameters, options: {} },
		credentials: { cxoneApi: { id: credentialId, name: `CXone ${credentialId}` } },
	});
	const nodes = [
		cxone('History Summary', 'credExReport0001', -300, { resource: 'agentState', operation: 'getHistory', ...YESTERDAY, output: 'summary', returnAll: true }),
		cxone('History Changes', 'credExReport0001', -100, { resource: 'agentState', operation: 'getHistory', ...YESTERDAY, agentId, output: 'changes', returnAll: true }),
		cxone('Activity per Skill', 'credExQueue00001', 100, { resource: 'skill', operation: 'getActivity', output: 'skills' }),
		cxone('Activity Summary', 'credExQueue00001', 300, { resource: 'skill', operation: 'getActivity', output: 'summary' }),
	];
	return {
		id: 'wfExReports00001',
		name: 'e2e Get History and Get Activity',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }, ...nodes],
		connections: { Start: { main: [nodes.map((cxoneNode) => ({ node: cxoneNode.name, type: 'main', index: 0 }))] } },
	};
}

/**
 * The queue tenant's skills: `alert` has 4 waiting and every agent Not Ready (the example posts), `staffed` has 5
 * waiting and one agent Ready, `short` has 2 waiting (below the example's 3) and nobody Ready; the rest are empty.
 */
function fillQueues(simulator: Simulator) {
	const bySkill = new Map<number, SimAgent[]>();
	for (const agent of simulator.tenant.agents) bySkill.set(agent.skillId, [...(bySkill.get(agent.skillId) ?? []), agent]);
	const [alert, staffed, short] = [...bySkill.values()].sort((a, b) => a[0].skillId - b[0].skillId);
	if (!short) throw new Error('the seeded queue tenant has fewer than 3 skills with agents');
	for (const agent of [...alert, ...short]) simulator.setAgentState(agent.agentId, 'NOT_READY', { reason: 'Meeting' });
	simulator.setAgentState(staffed[0].agentId, 'READY');
	simulator.reports.fillQueue(alert[0].skillId, 4, Date.now() - 5 * 60_000);
	simulator.reports.fillQueue(staffed[0].skillId, 5, Date.now() - 5 * 60_000);
	simulator.reports.fillQueue(short[0].skillId, 2, Date.now() - 5 * 60_000);
	const skill = (agents: SimAgent[]) => ({ skillId: agents[0].skillId, skillName: agents[0].skillName, agents: agents.length });
	return { alert: skill(alert), staffed: skill(staffed), short: skill(short) };
}

const states = (simulator: Simulator) => simulator.requests.filter((request) => request.path.startsWith('/api/v2/agents/states'));

let sandbox: N8nSandbox;
let smtp: SmtpReceiver;
let http: HttpReceiver;
/** The daily report's own SMTP server, so each example's emails are counted apart. */
let reportSmtp: SmtpReceiver;
const simulators: Record<'email' | 'slack' | 'crm' | 'alert' | 'supervisor' | 'report' | 'queue' | 'message', Simulator> = {} as never;
let queues: ReturnType<typeof fillQueues>;
/** The `n8n execute` run of reportsWorkflow, before n8n starts. */
let reportsRun: ExecutionOutcome;
/** Requests the report tenants had before n8n started running the examples. */
const before = { history: 0, activity: 0 };
const historyRequests = () => simulators.report.requests.filter((request) => /\/agents\/state-history/.test(request.path)).length;
const activityRequests = () => simulators.queue.requests.filter((request) => request.path.includes('/skills/activity')).length;

beforeAll(async () => {
	const n8n = await ensureN8n();
	const tarball = await packPackage();
	smtp = await startSmtpReceiver();
	http = await startHttpReceiver();
	reportSmtp = await startSmtpReceiver();
	for (const name of ['email', 'slack', 'crm', 'alert', 'supervisor', 'report', 'queue', 'message'] as const) simulators[name] = await startSimulator({ agents: 12, seed: 3, quiet: true });
	// The supervisor's bad day: 3 of 12 agents ready, so the "fewer than 5" branch sends the email.
	simulators.email.tenant.agents.forEach((agent, index) => simulators.email.setAgentState(agent.agentId, index < 3 ? 'READY' : 'NOT_READY', { reason: 'Meeting' }));
	// Every Not Ready stay in the alert tenant is past the rule's 15 minutes before activation: only the stay
	// the test starts can fire.
	for (const sim of [simulators.alert, simulators.supervisor]) {
		for (const agent of sim.tenant.agents.filter((candidate) => candidate.state === 'NOT_READY')) {
			sim.setAgentState(agent.agentId, 'NOT_READY', { reason: agent.outStateDescription, at: Date.now() - 3_600_000 });
		}
	}

	queues = fillQueues(simulators.queue);
	// The same queues in a tenant of its own, so each example's requests are counted apart (same seed: same skills).
	fillQueues(simulators.message);

	sandbox = await N8nSandbox.create(n8n, tarball);
	await sandbox.importCredentials([
		tutorialCredential('credExEmail00001', simulators.email.url),
		tutorialCredential('credExSlack00001', simulators.slack.url),
		tutorialCredential('credExCrm0000001', simulators.crm.url),
		tutorialCredential('credExAlert00001', simulators.alert.url),
		realTenantCredential('credExSuperv0001', simulators.supervisor.url),
		realTenantCredential('credExReport0001', simulators.report.url),
		realTenantCredential('credExQueue00001', simulators.queue.url),
		realTenantCredential('credExMessage001', simulators.message.url),
		{ id: 'smtpReceiver0001', name: 'SMTP receiver', type: 'smtp', data: { user: '', password: '', host: '127.0.0.1', port: smtp.port, secure: false, disableStartTls: true } },
		{ id: 'smtpReceiver0002', name: 'SMTP receiver 2', type: 'smtp', data: { user: '', password: '', host: '127.0.0.1', port: reportSmtp.port, secure: false, disableStartTls: true } },
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
		example('daily-state-report.json', 'exDailyReport001', 'credExReport0001', (workflow) => {
			// The example names no SMTP credential (n8n asks for one on import); the test gives it its own receiver.
			node(workflow, 'Email the Report').credentials = { smtp: { id: 'smtpReceiver0002', name: 'SMTP receiver 2' } };
		}),
		example('queue-alert.json', 'exQueueAlert0001', 'credExQueue00001', (workflow) => {
			node(workflow, 'Post to Slack').parameters.url = `${http.url}/queue`;
		}),
		example('queue-long-message-agents.json', 'exQueueMessage01', 'credExMessage001', () => undefined),
	];
	await sandbox.importWorkflows([...workflows, reportsWorkflow(String(simulators.report.tenant.agents[0].agentId))]);
	const executeStarted = Date.now();
	reportsRun = await sandbox.execute('wfExReports00001');
	process.stdout.write(`[e2e] n8n execute (Get History and Get Activity, both outputs): ${((Date.now() - executeStarted) / 1000).toFixed(1)} s\n`);
	for (const workflow of workflows) await sandbox.n8nCommand(['publish:workflow', `--id=${String(workflow.id)}`]);
	before.history = historyRequests();
	before.activity = activityRequests();
	await sandbox.startServer();
}, 40 * 60_000);

afterAll(async () => {
	if (process.env.E2E_SHOW_LOGS) process.stdout.write(sandbox?.logTail() ?? '');
	await sandbox?.cleanup();
	await smtp?.stop();
	await reportSmtp?.stop();
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

it('Get History and Skill → Get Activity, both outputs, in a real n8n (n8n execute, access key)', () => {
	expect(reportsRun.status).toBe('success');
	const summaries = reportsRun.items('History Summary');
	const report = simulators.report.tenant.agents;
	// Every agent of the tenant was logged in at some point yesterday (the simulator's seeded past).
	expect(summaries.map((item) => item.agentId).sort()).toEqual(report.map((agent) => String(agent.agentId)).sort());
	const periodSeconds = (Date.parse(String(summaries[0].periodEnd)) - Date.parse(String(summaries[0].periodStart))) / 1000;
	expect([23, 24, 25].map((hours) => hours * 3600)).toContain(periodSeconds);
	for (const item of summaries) {
		const byState = item.secondsByState as Record<string, number>;
		// The whole period is accounted for, and logged-in time is ready + not ready + on contact.
		expect(Object.values(byState).reduce((sum, seconds) => sum + seconds, 0)).toBe(periodSeconds);
		expect(item.loggedInSeconds).toBe(Number(item.readySeconds) + Number(item.notReadySeconds) + Number(item.onContactSeconds));
		const reasons = Object.values(item.notReadySecondsByReason as Record<string, number>);
		expect(reasons.reduce((sum, seconds) => sum + seconds, 0)).toBe(item.notReadySeconds);
	}

	const changes = reportsRun.items('History Changes');
	const first = summaries.find((item) => item.agentId === String(report[0].agentId))!;
	expect(changes).toHaveLength(Number(first.stateChanges));
	for (const change of changes) {
		expect(change).toEqual(expect.objectContaining({ agentId: String(report[0].agentId), state: expect.stringMatching(/^(READY|NOT_READY|ON_CONTACT|LOGGED_OUT)$/) }));
		expect(Date.parse(String(change.stateUntil)) - Date.parse(String(change.stateSince))).toBe(Number(change.durationSeconds) * 1000);
	}
	// The summary counts only the part of each state inside the period (the last one may run past its end).
	const [periodStart, periodEnd] = [Date.parse(String(first.periodStart)), Date.parse(String(first.periodEnd))];
	const inPeriod = (change: Record<string, unknown>) => Math.max(0, Math.min(Date.parse(String(change.stateUntil)), periodEnd) - Math.max(Date.parse(String(change.stateSince)), periodStart)) / 1000;
	const seconds = (state: string) => changes.filter((change) => change.state === state).reduce((sum, change) => sum + inPeriod(change), 0);
	expect(seconds('READY')).toBe(first.readySeconds);
	expect(seconds('ON_CONTACT')).toBe(first.onContactSeconds);

	const skills = reportsRun.items('Activity per Skill');
	expect(skills.map((skill) => skill.skillId)).toEqual(simulators.queue.reports.skills().map((skill) => String(skill.skillId)));
	const alert = skills.find((skill) => skill.skillId === String(queues.alert.skillId))!;
	expect(alert).toMatchObject({ skillName: queues.alert.skillName, queueCount: 4, agentsAvailable: 0, agentsUnavailable: queues.alert.agents, agentsWorking: 0 });
	expect(alert.longestWaitSeconds).toBeGreaterThanOrEqual(300);
	expect(skills.find((skill) => skill.skillId === String(queues.staffed.skillId))).toMatchObject({ queueCount: 5, agentsAvailable: 1 });

	const [summary] = reportsRun.items('Activity Summary');
	expect(summary).toMatchObject({ skills: skills.length, queueCount: 11, queuedWithNoAgentAvailableCount: 2 });
	expect((summary.queuedWithNoAgentAvailable as Array<{ skillId: string }>).map((skill) => skill.skillId).sort()).toEqual(
		[String(queues.alert.skillId), String(queues.short.skillId)].sort(),
	);
	process.stdout.write(
		`[e2e] Get History, One Summary Item per Agent (${summaries.length} items), the first:\n${JSON.stringify(first)}\n` +
			`[e2e] Get History, One Item per State Change (agent ${String(first.agentId)}, ${changes.length} items), the first and the first Not Ready:\n${[changes[0], changes.find((change) => change.state === 'NOT_READY')].map((change) => JSON.stringify(change)).join('\n')}\n` +
			`[e2e] Skill → Get Activity, One Item per Skill (${skills.length} items), the alerting skill:\n${JSON.stringify(alert)}\n` +
			`[e2e] Skill → Get Activity, One Summary Item:\n${JSON.stringify(summary)}\n`,
	);
});

it('daily-state-report: one email per run with a row per agent: ready, not ready by reason, on contact, logged in, occupancy', async () => {
	await waitFor('two report emails', () => reportSmtp.messages.length >= 2, 60_000);
	const runs = historyRequests() - before.history;
	expect(reportSmtp.messages.length).toBeGreaterThanOrEqual(runs - 1);
	expect(reportSmtp.messages.length).toBeLessThanOrEqual(runs);
	const mail = reportSmtp.messages[0];
	expect(mail.subject).toMatch(/^CXone: agent states on \d{4}-\d\d-\d\d$/);
	const html = String(mail.html);
	const summaries = reportsRun.items('History Summary');
	expect(html).toContain(`Time per state for each agent, ${String(summaries[0].periodStart)} to ${String(summaries[0].periodEnd)}.`);
	expect(html).toContain('<tr><th>Agent</th><th>Ready (min)</th><th>Not ready by reason (min)</th><th>On contact (min)</th><th>Logged in (min)</th><th>Occupancy</th></tr>');
	expect(html.match(/<tr><td>/g)).toHaveLength(summaries.length);
	// Each row holds what Get History's summary (the n8n execute run above, same tenant and period) said, in minutes.
	const minutes = (seconds: unknown) => Math.round(Number(seconds) / 60);
	for (const agent of summaries) {
		const reasons = Object.entries(agent.notReadySecondsByReason as Record<string, number>).map(([reason, seconds]) => `${reason} ${minutes(seconds)}`);
		const occupancy = agent.occupancy === null ? '' : `${Math.round(Number(agent.occupancy) * 100)}%`;
		expect(html).toContain(
			`<tr><td>${String(agent.agentId)}</td><td>${minutes(agent.readySeconds)}</td><td>${reasons.join(', ')}</td><td>${minutes(agent.onContactSeconds)}</td><td>${minutes(agent.loggedInSeconds)}</td><td>${occupancy}</td></tr>`,
		);
	}
	process.stdout.write(`[e2e] daily report example delivered: "${mail.subject}"\n${html}\n`);
}, 90_000);

it('queue-long-message-agents: each run messages every Not Ready agent of each skill with 3+ waiting, and nobody else', async () => {
	const simulator = simulators.message;
	const alerting = new Set([queues.alert.skillId, queues.staffed.skillId]);
	const expected = simulator.tenant.agents.filter((agent) => alerting.has(agent.skillId) && agent.state === 'NOT_READY').map((agent) => agent.agentId).sort((a, b) => a - b);
	expect(expected.length).toBeGreaterThan(0);
	await waitFor('two runs of messages', () => simulator.messages.length >= 2 * expected.length, 60_000);
	const targets = [...new Set(simulator.messages.map((message) => message.targetId as number))].sort((a, b) => a - b);
	expect(targets).toEqual(expected);
	for (const message of simulator.messages) {
		const skill = simulator.tenant.agents.find((agent) => agent.agentId === message.targetId)!;
		expect(message).toMatchObject({ subject: 'Queue is long', targetType: 'Agent', expireMinutes: 5 });
		expect(message.message).toBe(`${skill.skillId === queues.alert.skillId ? 4 : 5} contacts are waiting in ${skill.skillName}: please go Available if you can.`);
	}
	process.stdout.write(`[e2e] queue-long-message-agents: ${simulator.messages.length} messages to ${targets.length} agents, the first: ${JSON.stringify(simulator.messages[0])}\n`);
}, 2 * 60_000);

it('queue-alert: a Slack message per run while a skill has 3+ waiting and no agent available, nothing otherwise', async () => {
	const { alert } = queues;
	await waitFor('two queue alerts', () => http.received('/queue').length >= 2, 60_000);
	const runs = activityRequests() - before.activity;
	expect(http.received('/queue').length).toBeGreaterThanOrEqual(runs - 1);
	expect(http.received('/queue').length).toBeLessThanOrEqual(runs);
	// Only the alerting skill: not the one with an agent ready (5 waiting), not the one with 2 waiting.
	const escaped = alert.skillName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const expected = new RegExp(`^:rotating_light: 4 contacts waiting in ${escaped} \\(longest \\d+ min\\) and no agent is available \\(0 on contacts, ${alert.agents} not ready\\)\\.$`);
	for (const post of http.received('/queue')) expect(String(post.text)).toMatch(expected);

	simulators.queue.reports.fillQueue(alert.skillId, 0);
	const postsAtEmpty = http.received('/queue').length;
	const emptied = activityRequests();
	// A run that read the queue just before it emptied may still post; the runs after it post nothing.
	await waitFor('two runs after the queue emptied', () => activityRequests() >= emptied + 2, 30_000);
	const settled = http.received('/queue').length;
	expect(settled - postsAtEmpty).toBeLessThanOrEqual(1);
	await waitFor('two more runs', () => activityRequests() >= emptied + 4, 30_000);
	expect(http.received('/queue')).toHaveLength(settled);
	process.stdout.write(`[e2e] queue alert example delivered: ${JSON.stringify(http.received('/queue')[0].text)}; after the queue emptied, ${activityRequests() - emptied} runs posted ${settled - postsAtEmpty}\n`);
}, 2 * 60_000);

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
