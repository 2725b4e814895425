/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * `npm run screenshot`: the README's picture of the node in the n8n editor, taken from a real n8n (the e2e
 * install) with Debian's headless Chromium (`apt-get install chromium`). A development tool; CI does not run it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { startSimulator } from '../test/simulator';
import { ensureN8n, N8nSandbox, packPackage, REPO } from '../test/e2e/n8n';
import { agentStatesWorkflow, tutorialCredential } from '../test/e2e/workflows';

const OWNER = { email: 'owner@example.com', firstName: 'Screen', lastName: 'Shot', password: 'Screenshot-Pass-1' };

async function main() {
	const simulator = await startSimulator({ quiet: true });
	const sandbox = await N8nSandbox.create(await ensureN8n(), await packPackage());
	try {
		await sandbox.importCredentials([tutorialCredential('credShot00000001', simulator.url)]);
		const workflow = agentStatesWorkflow({
			id: 'wfScreenshot0001',
			credentialId: 'credShot00000001',
			operation: 'filterBySite',
			siteIds: 'site-1, site-2',
			options: { output: 'summary', teams: 'Support', maxRetryWaitSeconds: 30 },
		});
		await sandbox.importWorkflows([workflow]);
		const { url } = await sandbox.startServer();

		// n8n answers /healthz before its REST routes exist: retry the owner setup for a while.
		let setup: Response | undefined;
		for (let attempt = 0; attempt < 120 && (!setup || setup.status === 404); attempt++) {
			if (setup) await new Promise((resolve) => setTimeout(resolve, 500));
			setup = await fetch(`${url}/rest/owner/setup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(OWNER) });
		}
		if (!setup?.ok) throw new Error(`n8n refused the owner setup: HTTP ${setup?.status} ${await setup?.text()}`);
		const browser = await chromium.launch({
			executablePath: '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		});
		try {
			const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
			// Sign in through the REST API: the session cookie lands in the page's context.
			const login = await page.request.post(`${url}/rest/login`, { data: { emailOrLdapLoginId: OWNER.email, password: OWNER.password } });
			if (!login.ok()) throw new Error(`n8n refused the login: HTTP ${login.status()} ${await login.text()}`);
			// /workflow/{id}/{nodeId} opens the workflow with that node's parameters panel open.
			await page.goto(`${url}/workflow/${workflow.id}/cxone`);
			await page.waitForSelector('text=Site IDs', { timeout: 60_000 });
			await page.waitForTimeout(1500);
			mkdirSync(join(REPO, 'docs'), { recursive: true });
			const file = join(REPO, 'docs', 'node-in-editor.png');
			await page.screenshot({ path: file });
			process.stdout.write(`saved ${file}\n`);
		} finally {
			await browser.close();
		}
	} finally {
		await sandbox.cleanup();
		await simulator.stop();
	}
}

main().catch((error: Error) => {
	process.stderr.write(`screenshot failed: ${error.stack ?? error.message}\n`);
	process.exitCode = 1;
});
