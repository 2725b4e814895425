/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * The n8n editor in Debian's headless Chromium (`apt-get install chromium`), driven by playwright-core: for the
 * editor e2e test and `npm run screenshot`. The owner account is created and signed in through n8n's REST API.
 */
import { existsSync } from 'node:fs';

import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const OWNER = { email: 'owner@example.com', firstName: 'Editor', lastName: 'Test', password: 'Editor-Test-Pass-1' };

export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium)`);
	return await chromium.launch({
		executablePath: CHROMIUM,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
}

/** Creates the owner (n8n answers /healthz before its REST routes exist, so the setup is retried a while). */
export async function setUpOwner(url: string): Promise<void> {
	let setup: Response | undefined;
	for (let attempt = 0; attempt < 120 && (!setup || setup.status === 404); attempt++) {
		if (setup) await new Promise((resolve) => setTimeout(resolve, 500));
		setup = await fetch(`${url}/rest/owner/setup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(OWNER) });
	}
	if (!setup?.ok) throw new Error(`n8n refused the owner setup: HTTP ${setup?.status} ${await setup?.text()}`);
}

/** A page signed in as the owner: the session cookie lands in the page's context. */
export async function signedInPage(browser: Browser, url: string): Promise<Page> {
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	const login = await page.request.post(`${url}/rest/login`, { data: { emailOrLdapLoginId: OWNER.email, password: OWNER.password } });
	if (!login.ok()) throw new Error(`n8n refused the login: HTTP ${login.status()} ${await login.text()}`);
	return page;
}
