/* eslint-disable @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * What a new user sees in a real n8n editor (headless Chromium): the credential Test button's message, the
 * node's options, and the trigger's Fetch Test Event. Run with `npm run test:e2e:editor`.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { simulatorRealTenantCredentials } from '../support/harness/credentials';
import { startSimulator, type Simulator } from '../support/simulator';
import { launchChromium, setUpOwner, signedInPage } from './browser';
import { ensureN8n, N8nSandbox, packPackage } from './n8n';
import { realTenantCredential, agentStatesWorkflow } from './workflows';

let simulator: Simulator;
let sandbox: N8nSandbox;
let browser: Browser;
let page: Page;
let url: string;
const SHOTS = join(tmpdir(), 'n8n-nodes-cxone-editor-e2e');

const TRIGGER_TYPE = 'n8n-nodes-cxone.cxoneAgentStatesTrigger';
function triggerWorkflow(id: string, parameters: object) {
	return {
		id,
		name: `e2e ${id}`,
		active: false,
		settings: {},
		nodes: [
			{
				id: 'trigger',
				name: 'CXone Agent States Trigger',
				type: TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters,
				credentials: { cxoneApi: { id: 'credEditorKey001', name: 'CXone credEditorKey001' } },
			},
		],
		connections: {},
	};
}

beforeAll(async () => {
	const n8n = await ensureN8n();
	const tarball = await packPackage();
	simulator = await startSimulator({ agents: 36, seed: 42, quiet: true });
	sandbox = await N8nSandbox.create(n8n, tarball);
	await sandbox.importCredentials([
		realTenantCredential('credEditorKey001', simulator.url),
		{
			id: 'credWrongSecret1',
			name: 'CXone wrong access key secret',
			type: 'cxoneApi',
			data: { ...simulatorRealTenantCredentials(simulator.url), accessKeySecret: 'not-the-secret' },
		},
	]);
	await sandbox.importWorkflows([
		agentStatesWorkflow({ id: 'wfEditorNode0001', credentialId: 'credEditorKey001', operation: 'getAll' }),
		triggerWorkflow('wfEditorEntered1', { event: 'entered', states: ['NOT_READY'] }),
		triggerWorkflow('wfEditorNoMatch1', { event: 'inStateFor', states: ['NOT_READY'], minutes: 525600 }),
	]);
	({ url } = await sandbox.startServer());
	await setUpOwner(url);
	browser = await launchChromium();
	mkdirSync(SHOTS, { recursive: true });
}, 15 * 60_000);

beforeEach(async () => {
	page = await signedInPage(browser, url);
});

afterEach(async () => {
	// A picture of the last screen, for a failing step.
	await page?.screenshot({ path: join(SHOTS, `${expect.getState().currentTestName?.replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
	await page?.close();
});

afterAll(async () => {
	await browser?.close();
	await sandbox?.cleanup();
	await simulator?.stop();
});

it('the credential Test shows the package\'s sign-in message for a wrong access key secret', async () => {
	await page.goto(`${url}/home/credentials/credWrongSecret1`);
	const dialog = page.getByRole('dialog');
	await dialog.getByText('Real CXone tenant: choose').waitFor({ timeout: 60_000 });
	// n8n tests a saved credential when it opens; the message sits behind "More details".
	await dialog.getByText('Couldn’t connect with these settings').waitFor({ timeout: 60_000 });
	await dialog.getByText('More details').click();
	await expect(
		dialog.getByText('CXone refused the access key: the Access Key ID or Access Key Secret is wrong or deactivated').waitFor({ timeout: 60_000 }),
	).resolves.toBeUndefined();
	await expect(dialog.getByText(/please check your (credentials|parameters)/).count()).resolves.toBe(0);
});

it('the node lists its operations and options in alphabetical order', async () => {
	await page.goto(`${url}/workflow/wfEditorNode0001/cxone`);
	await page.getByText('Operation', { exact: true }).first().waitFor({ timeout: 60_000 });
	await page.locator('[data-test-id="parameter-input-operation"]').click();
	const options = page.locator('.el-select-dropdown__item:visible');
	await options.first().waitFor();
	await expect(options.allInnerTexts()).resolves.toEqual([
		expect.stringMatching(/^Filter by Site/),
		expect.stringMatching(/^Get\n/),
		expect.stringMatching(/^Get History/),
		expect.stringMatching(/^Get Many/),
		expect.stringMatching(/^Get Ready/),
		expect.stringMatching(/^Log Out/),
		expect.stringMatching(/^Set State/),
		// No "Custom API Call": n8n adds it only to node types with one version (load-nodes-and-credentials.js
		// injectCustomApiCallOptions compares defaultVersion with version, an array here since version 2).
	]);
	await page.locator('[data-test-id="parameter-input-operation"]').click();
	await page.getByText('Get the agents of one or more sites').waitFor({ state: 'hidden' });
	await page.getByPlaceholder('Add Option').click();
	await page.getByText('Include Raw Record', { exact: true }).waitFor();
	await expect(page.locator('.el-select-dropdown__item:visible').allInnerTexts()).resolves.toEqual([
		'Include Raw Record',
		'Include Site (Real Tenants)',
		'Max Response Size (MB)',
		'Max Retry Wait (Seconds)',
		'Output',
		'States',
		'Teams',
		'Teams From List Names or IDs',
		'Timeout (Seconds)',
	]);
});

it('Fetch Test Event samples only agents that fit Trigger On, and says so when none does', async () => {
	const notReady = simulator.tenant.agents.filter((agent) => agent.state === 'NOT_READY').length;
	expect(notReady).toBeGreaterThan(0);
	await page.goto(`${url}/workflow/wfEditorEntered1/trigger`);
	await page.getByRole('button', { name: /Fetch Test Event/i }).first().click({ timeout: 60_000 });
	await page.getByText(`${Math.min(notReady, 10)} item${notReady === 1 ? '' : 's'}`, { exact: true }).first().waitFor({ timeout: 60_000 });

	await page.goto(`${url}/workflow/wfEditorNoMatch1/trigger`);
	await page.getByRole('button', { name: /Fetch Test Event/i }).first().click({ timeout: 60_000 });
	await page
		.getByText('No sample: CXone returned 36 agents and none has been in NOT_READY for 525600 minutes or more right now')
		.first()
		.waitFor({ timeout: 60_000 });
});
