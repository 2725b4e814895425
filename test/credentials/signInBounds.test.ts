/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * A token's lifetime and a slow sign-in, against servers on 127.0.0.1: an odd `expires_in` never makes every
 * request sign in again nor reads as a network fault, and a token answer that trickles ends the sign-in at its
 * own bound, once, with an error that names the sign-in.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Container } from '@n8n/di';
import { OutboundHttp } from '@n8n/backend-network';

import type { HttpRequester } from '../../credentials/cxone/credentialData';
import { signIn } from '../../credentials/cxone/signIn';
import { DEFAULT_SIGN_IN_LIMITS } from '../../credentials/cxone/tokenRequest';
import { tutorialCredentials } from '../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../support/harness/workflow';

interface Tenant {
	url: string;
	tokenRequests: () => number;
	stateRequests: () => number;
	close: () => Promise<void>;
}

const tenants: Tenant[] = [];
afterEach(async () => await Promise.all(tenants.splice(0).map(async (tenant) => await tenant.close())));

const agents = [{ agentId: 'a1', state: { type: 'READY' }, siteId: 's1', timestamp: '2026-11-23T10:00:00Z' }];
const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
	response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));

/** The tutorial API: `token` answers /oauth2/token, agent states are one READY agent. */
async function startTenant(token: (response: ServerResponse, request: IncomingMessage) => void): Promise<Tenant> {
	let tokens = 0;
	let states = 0;
	const server = createServer((request, response) => {
		request.resume();
		request.on('end', () => {
			if (request.url?.startsWith('/oauth2/token')) {
				tokens++;
				return token(response, request);
			}
			states++;
			json(response, 200, agents);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const tenant = {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		tokenRequests: () => tokens,
		stateRequests: () => states,
		close: async () =>
			await new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
	tenants.push(tenant);
	return tenant;
}

const credentialFor = (tenant: Tenant) => new TestCredentialsHelper(tutorialCredentials({ baseUrl: tenant.url }));

describe('an odd expires_in', () => {
	it('30 s (under the one-minute early renewal): one sign-in for two runs of three items, renewed halfway', async () => {
		const tenant = await startTenant((response) => json(response, 200, { access_token: 'tok-short', expires_in: 30 }));
		const helper = credentialFor(tenant);
		const before = Date.now();
		for (let run = 0; run < 2; run++) {
			const { error, items } = await executeWorkflow(helper, { operation: 'getAll' }, 3);
			expect(error).toBeUndefined();
			expect(items.length).toBeGreaterThan(0);
		}
		expect(tenant.stateRequests()).toBeGreaterThanOrEqual(2);
		expect(tenant.tokenRequests()).toBe(1);
		const renewIn = Date.parse(String(helper.stored.tokenExpiresAt)) - before;
		expect(renewIn).toBeGreaterThan(14_000);
		expect(renewIn).toBeLessThanOrEqual(15_000 + (Date.now() - before));
	});

	it('1e300: read as a day, not as a network error', async () => {
		const tenant = await startTenant((response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"access_token":"tok-long","expires_in":1e300}'));
		const helper = credentialFor(tenant);
		const before = Date.now();
		const { error, items } = await executeWorkflow(helper, { operation: 'getAll' });
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		const renewIn = Date.parse(String(helper.stored.tokenExpiresAt)) - before;
		// A day, less the minute of early renewal.
		expect(renewIn).toBeGreaterThanOrEqual(24 * 3600_000 - 60_000);
		expect(renewIn).toBeLessThanOrEqual(24 * 3600_000);
	});

	it.each([
		['missing', {}],
		['negative', { expires_in: -5 }],
		['zero', { expires_in: 0 }],
		['not a number', { expires_in: 'soon' }],
		['null', { expires_in: null }],
	])('%s: the token is used until CXone refuses it, one sign-in for two runs', async (_name, lifetime) => {
		const tenant = await startTenant((response) => json(response, 200, { access_token: 'tok-odd', ...lifetime }));
		const helper = credentialFor(tenant);
		for (let run = 0; run < 2; run++) expect((await executeWorkflow(helper, { operation: 'getAll' })).error).toBeUndefined();
		expect(tenant.tokenRequests()).toBe(1);
		expect(helper.stored.tokenExpiresAt).toBe('');
	});
});

/** A token answer that sends its headers, then one byte every `everyMs` until the client hangs up. */
function trickle(everyMs: number) {
	return (response: ServerResponse) => {
		response.writeHead(200, { 'Content-Type': 'application/json' });
		response.write('{');
		const tick = async () => {
			for (let i = 0; i < 200 && !response.destroyed && !response.writableEnded; i++) {
				await new Promise((resolve) => setTimeout(resolve, everyMs));
				if (!response.destroyed) response.write(' ');
			}
		};
		void tick();
	};
}

describe('a slow token answer', () => {
	// The sign-in has no node options: its bounds are shortened here (1 s a request, 3 s in all) so that it
	// meets the node's own Timeout of 1 s as the default 30 s meets the default 30 s.
	const saved = { ...DEFAULT_SIGN_IN_LIMITS };
	beforeEach(() => Object.assign(DEFAULT_SIGN_IN_LIMITS, { timeoutMs: 1000, totalMs: 3000 }));
	afterEach(() => Object.assign(DEFAULT_SIGN_IN_LIMITS, saved));

	it('ends at the sign-in\'s own bound, signs in once, and the error names the sign-in', async () => {
		const tenant = await startTenant(trickle(200));
		const started = Date.now();
		const { error } = await executeWorkflow(credentialFor(tenant), { operation: 'getAll', options: { timeoutSeconds: 1, maxRetryWaitSeconds: 9 } });
		const elapsed = Date.now() - started;
		expect(error?.message).toBe('Signing in to CXone did not finish within 1 s: no complete answer to the token request');
		expect(error?.description).toMatch(/did not try to sign in again/);
		expect(tenant.tokenRequests()).toBe(1);
		expect(tenant.stateRequests()).toBe(0);
		expect(elapsed).toBeLessThan(2500);
	});

	it('a 429 asking to wait past the whole sign-in\'s bound fails at once', async () => {
		const tenant = await startTenant((response) => json(response, 429, { error: 'busy' }, { 'Retry-After': '5' }));
		const http: HttpRequester = async (options) => await Container.get(OutboundHttp).requests().request(options);
		const started = Date.now();
		await expect(
			signIn(http, tutorialCredentials({ baseUrl: tenant.url }) as never, Date.now(), { ...DEFAULT_SIGN_IN_LIMITS, maxTotalWaitMs: 30_000 }),
		).rejects.toThrow('CXone sign-in failed at the token request (HTTP 429)');
		expect(tenant.tokenRequests()).toBe(1);
		expect(Date.now() - started).toBeLessThan(1500);
	});
});
