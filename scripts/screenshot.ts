/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * `npm run screenshot`: the README's picture of the editor, taken from a real n8n (the e2e install) with Debian's
 * headless Chromium (`apt-get install chromium`): Filter by Site open, and the new NICE CXone API credential a
 * user creates from it, with the real-tenant sign-in (CXone Access Key) chosen. A development tool; CI does not
 * run it. No credential is saved or tested, so nothing leaves this machine.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { launchChromium, setUpOwner, signedInPage } from '../test/e2e/browser';
import { ensureN8n, N8nSandbox, packPackage, REPO } from '../test/e2e/n8n';
import { agentStatesWorkflow } from '../test/e2e/workflows';

async function main() {
	const sandbox = await N8nSandbox.create(await ensureN8n(), await packPackage());
	try {
		const workflow = agentStatesWorkflow({
			id: 'wfScreenshot0001',
			credentialId: 'none',
			operation: 'filterBySite',
			siteIds: 'Manila, Austin',
			options: { output: 'summary', teams: 'Support' },
		});
		// A node without a credential, as a new user finds it: n8n offers to set one up.
		delete (workflow.nodes[1] as { credentials?: unknown }).credentials;
		await sandbox.importWorkflows([workflow]);
		const { url } = await sandbox.startServer();
		await setUpOwner(url);
		const browser = await launchChromium();
		try {
			const page = await signedInPage(browser, url);
			await page.setViewportSize({ width: 1440, height: 1000 });
			// /workflow/{id}/{nodeId} opens the workflow with that node's parameters panel open.
			await page.goto(`${url}/workflow/${workflow.id}/cxone`);
			await page.waitForSelector('text=Site IDs', { timeout: 60_000 });
			await page.locator('[class*="emptySelectButton"]').first().click();
			const dialog = page.getByRole('dialog').filter({ hasText: 'Sign-In Method' });
			await dialog.getByText('Real CXone tenant: choose').waitFor({ timeout: 60_000 });
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
	}
}

main().catch((error: Error) => {
	process.stderr.write(`screenshot failed: ${error.stack ?? error.message}\n`);
	process.exitCode = 1;
});
