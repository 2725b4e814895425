/* eslint-disable @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * Promises about what CXone (or the network) throws at an unattended workflow: bounded retries, capped waits,
 * and an error that says what happened, never a hang or a crash.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import nock from 'nock';

import { tutorialCredentials } from '../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../support/harness/workflow';
import { TUTORIAL_API as API, TUTORIAL_STATES as STATES, signedInTutorial as signedIn } from '../support/harness/fixtures';

const flat = [{ agentId: 'a1', state: { type: 'READY' }, siteId: 's1', timestamp: '2026-11-23T10:00:00Z' }];

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterAll(() => nock.enableNetConnect());

describe('throttling (429) and server errors (5xx)', () => {
	it('a 429 burst without Retry-After backs off and recovers', async () => {
		const api = nock(API).get(STATES).twice().reply(429, {}).get(STATES).reply(200, flat);
		const started = Date.now();
		const { items, error } = await executeWorkflow(signedIn(), { options: { maxRetryWaitSeconds: 10 } });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(api.isDone()).toBe(true);
		// Exponential backoff from 1 s: 1 s + 2 s, each with at most 25 % jitter.
		expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
	}, 15_000);

	it('the total wait is capped by Max Retry Wait, then a clear error', async () => {
		const api = nock(API).get(STATES).times(2).reply(429, {});
		const { error } = await executeWorkflow(signedIn(), { options: { maxRetryWaitSeconds: 2 } });
		// 1 s (+ jitter) fits into 2 s; the next 2 s would not.
		expect(error?.message).toBe('CXone is throttling requests (HTTP 429); gave up after 2 attempts, 1 s of waiting');
		expect(error?.description).toMatch(/Try again in a minute, or run the workflow less often/);
		expect(api.isDone()).toBe(true);
	}, 10_000);

	it.each([500, 502, 503, 504])('%s is retried, then recovers', async (status) => {
		const api = nock(API).get(STATES).reply(status, { message: 'temporary' }, { 'Retry-After': '0' }).get(STATES).reply(200, flat);
		const { items } = await executeWorkflow(signedIn(), {});
		expect(items).toHaveLength(1);
		expect(api.isDone()).toBe(true);
	});

	it('a 5xx that persists ends after 4 attempts with the status', async () => {
		const api = nock(API).get(STATES).times(4).reply(502, '<html><body>Bad Gateway</body></html>', { 'Retry-After': '0', 'Content-Type': 'text/html' });
		const { error } = await executeWorkflow(signedIn(), {});
		expect(error?.message).toBe('CXone answered HTTP 502 after 4 attempts, 0 s of waiting');
		expect(error?.description).toBe('CXone (or a proxy in front of it) sent an HTML error page. Check the Base URL, or try again later.');
		expect(api.isDone()).toBe(true);
	});

	it('4xx other than 401/429 are not retried', async () => {
		const api = nock(API).get(STATES).once().reply(400, { message: 'Bad filter' });
		const { error } = await executeWorkflow(signedIn(), {});
		expect(error?.message).toBe('CXone answered HTTP 400');
		expect(error?.description).toBe('CXone said: Bad filter.');
		expect(api.isDone()).toBe(true);
	});
});

describe('the network', () => {
	it('an answer slower than the timeout is given up on, with the timeout named', async () => {
		nock(API).get(STATES).delay(1500).reply(200, flat);
		const { error } = await executeWorkflow(signedIn(), { options: { timeoutSeconds: 1, maxRetryWaitSeconds: 0 } });
		expect(error?.message).toBe('CXone did not answer within 1 s (1 attempt, 0 s of waiting)');
	});

	it('a timed-out request is retried and can recover', async () => {
		const api = nock(API).get(STATES).delay(1500).reply(200, flat).get(STATES).reply(200, flat);
		const { items } = await executeWorkflow(signedIn(), { options: { timeoutSeconds: 1, maxRetryWaitSeconds: 5 } });
		expect(items).toHaveLength(1);
		expect(api.isDone()).toBe(true);
	}, 10_000);

	/** A real server on 127.0.0.1 that drops the first `resets` connections without answering. */
	async function resettingServer(resets: number) {
		let seen = 0;
		const server = createServer((request, response) => {
			seen++;
			if (seen <= resets) {
				request.socket.destroy();
				return;
			}
			response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(flat));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		const url = `http://127.0.0.1:${port}`;
		const credentials = new TestCredentialsHelper(
			tutorialCredentials({ accessToken: 'tok-secret-reset', baseUrl: url, apiBaseUrl: url, tokenExpiresAt: new Date(Date.now() + 3600_000).toISOString() }),
		);
		const close = () => new Promise<void>((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		});
		return { credentials, close, requests: () => seen };
	}

	it('a connection reset is retried and can recover', async () => {
		nock.enableNetConnect('127.0.0.1');
		const server = await resettingServer(1);
		try {
			const { items, error } = await executeWorkflow(server.credentials, { options: { maxRetryWaitSeconds: 5 } });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			expect(server.requests()).toBe(2);
		} finally {
			await server.close();
		}
	}, 10_000);

	it('a connection that keeps resetting ends with a clear error', async () => {
		nock.enableNetConnect('127.0.0.1');
		const server = await resettingServer(100);
		try {
			const { error } = await executeWorkflow(server.credentials, { options: { maxRetryWaitSeconds: 0 } });
			expect(error?.message).toBe('Could not reach CXone (1 attempt, 0 s of waiting)');
			expect(error?.description).toMatch(/Network error ECONNRESET/);
			// The failed request's config (with its Authorization header) must not surface anywhere.
			const visible = [error?.message, error?.description, JSON.stringify((error as { context?: unknown }).context), JSON.stringify((error as { errorResponse?: unknown }).errorResponse)].join(' ');
			expect(visible).not.toContain('tok-secret-reset');
		} finally {
			await server.close();
		}
	});
});

describe('bodies', () => {
	it('truncated JSON is an API error, not a crash', async () => {
		nock(API).get(STATES).reply(200, '[{"agentId":"a1","state":{"ty', { 'Content-Type': 'application/json' });
		const { error } = await executeWorkflow(signedIn(), {});
		expect(error?.message).toBe('CXone answered /api/v2/agents/states with something that is not JSON');
	});

	it('a wrongly typed record is kept with nulls, never undefined', async () => {
		nock(API).get(STATES).reply(200, [{ agentId: 7, state: { type: ['x'] }, siteId: { nested: true }, timestamp: 'yesterday' }]);
		const { items } = await executeWorkflow(signedIn(), {});
		expect(items[0].json).toMatchObject({ agentId: '7', state: 'UNKNOWN', siteId: null, stateSince: null, stateDurationSeconds: null });
		expect(Object.values(items[0].json)).not.toContain(undefined);
	});

	it('an empty body with 200 is treated as no agents', async () => {
		nock(API).get(STATES).reply(200, '');
		const { items, error } = await executeWorkflow(signedIn(), {});
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});
});

describe('token endpoint', () => {
	it('a wrong client secret says which field to check', async () => {
		nock(API).post('/oauth2/token').reply(401, { error: 'invalid_client' });
		const { error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), {});
		expect(error?.message).toBe('The token endpoint refused the Client ID or Client Secret');
		expect(error?.description).toMatch(/CXone Access Key sign-in/);
	});

	it('a token answer without access_token says so', async () => {
		nock(API).post('/oauth2/token').reply(200, { token_type: 'Bearer' });
		const { error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), {});
		expect(error?.message).toBe('CXone sign-in failed at the token request: the answer has no access_token');
	});

	it('a refused scope names the scope to add', async () => {
		nock(API).post('/oauth2/token').reply(400, { error: 'invalid_scope' });
		const { error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), {});
		expect(error?.message).toBe('The token endpoint refused the scope "urn:nice:cxone:agent:state:read"');
	});
});
