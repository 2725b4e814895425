/* eslint-disable @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * Many executions, one sign-in: executions of one n8n process that need a token at the same moment share one
 * sign-in, and sign-in itself rides out 429 and 503 like the API calls do.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { tutorialCredentials } from '../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../support/harness/workflow';

const agents = [{ agentId: 'a1', state: { type: 'READY' }, siteId: 's1', timestamp: '2026-11-23T10:00:00Z' }];

const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
	response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));

/**
 * The tutorial API on 127.0.0.1. `token` decides each token answer (by its 1-based count); the default allows
 * 5 sign-ins a second and answers 429 with Retry-After: 1 beyond that, as a rate-limited token endpoint would.
 */
async function startApi(token?: (count: number, response: ServerResponse) => void) {
	let signIns = 0;
	let windowStart = Date.now();
	let inWindow = 0;
	const rateLimited = (_count: number, response: ServerResponse) => {
		if (Date.now() - windowStart >= 1000) {
			windowStart = Date.now();
			inWindow = 0;
		}
		if (++inWindow > 5) json(response, 429, { error: 'rate_limited' }, { 'Retry-After': '1' });
		else json(response, 200, { access_token: `token-${signIns}`, expires_in: 3600 });
	};
	const server = createServer((request, response) => {
		request.resume();
		request.on('end', () => {
			if (request.url?.startsWith('/oauth2/token')) return (token ?? rateLimited)(++signIns, response);
			if (!request.headers.authorization?.startsWith('Bearer token-')) return json(response, 401, {});
			json(response, 200, agents);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		signIns: () => signIns,
		close: async () =>
			await new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

let api: Awaited<ReturnType<typeof startApi>> | undefined;
afterEach(async () => {
	await api?.close();
	api = undefined;
});

describe('many executions, one sign-in', () => {
	it('50 executions started at once with a cold credential sign in once, and all succeed', async () => {
		api = await startApi();
		const store = new TestCredentialsHelper(tutorialCredentials({ baseUrl: api.url }));
		const runs = await Promise.all(Array.from({ length: 50 }, async () => await executeWorkflow(store, {})));
		expect(runs.map((run) => run.error?.message)).toEqual(Array(50).fill(undefined));
		expect(runs.every((run) => run.items.length === 1)).toBe(true);
		expect(api.signIns()).toBe(1);
	}, 20_000);

	it('two credentials signing in at once do not share a sign-in', async () => {
		api = await startApi();
		const one = new TestCredentialsHelper(tutorialCredentials({ baseUrl: api.url, clientId: 'client-one' }));
		const two = new TestCredentialsHelper(tutorialCredentials({ baseUrl: api.url, clientId: 'client-two' }));
		const runs = await Promise.all([executeWorkflow(one, {}), executeWorkflow(two, {})]);
		expect(runs.map((run) => run.items.length)).toEqual([1, 1]);
		expect(api.signIns()).toBe(2);
	});

	it('nothing is kept once a sign-in is over: a later cold execution signs in again', async () => {
		api = await startApi();
		await executeWorkflow(new TestCredentialsHelper(tutorialCredentials({ baseUrl: api.url })), {});
		await executeWorkflow(new TestCredentialsHelper(tutorialCredentials({ baseUrl: api.url })), {});
		expect(api.signIns()).toBe(2);
	});
});

describe('sign-in retries 429 and 503 within the API calls\' bounds', () => {
	it.each([429, 503])('a %s with Retry-After: 1 is waited out, then signed in', async (status) => {
		api = await startApi((count, response) =>
			count === 1 ? json(response, status, { error: 'busy' }, { 'Retry-After': '1' }) : json(response, 200, { access_token: 'token-ok', expires_in: 3600 }),
		);
		const started = Date.now();
		const { items, error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials({ baseUrl: api.url })), {});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(api.signIns()).toBe(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
	});

	it('a 429 that persists ends after 4 attempts with the status', async () => {
		api = await startApi((_count, response) => json(response, 429, { error: 'busy' }, { 'Retry-After': '0' }));
		const { error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials({ baseUrl: api.url })), {});
		expect(error?.message).toBe('CXone sign-in failed at the token request (HTTP 429)');
		expect(api.signIns()).toBe(4);
	});

	it('other refusals are not retried', async () => {
		api = await startApi((_count, response) => json(response, 401, { error: 'invalid_client' }));
		const { error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials({ baseUrl: api.url })), {});
		expect(error?.message).toBe('The token endpoint refused the Client ID or Client Secret');
		expect(api.signIns()).toBe(1);
	});
});
