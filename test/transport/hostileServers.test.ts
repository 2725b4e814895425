/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * Promises against servers that misbehave on purpose, each a real HTTP server on 127.0.0.1: no credential
 * follows a redirect, a request takes at most its Timeout as a whole, a body is read only up to its limit, and
 * odd throttling or paging answers read like the others.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

import { Container } from '@n8n/di';
import { OutboundHttp } from '@n8n/backend-network';
import type { IHttpRequestOptions } from 'n8n-workflow';

import { CxoneApi } from '../../credentials/CxoneApi.credentials';
import { signInWithAccessKey } from '../../credentials/cxone/accessKey';
import { signInWithClientCredentials } from '../../credentials/cxone/clientCredentials';
import type { HttpRequester } from '../../credentials/cxone/credentialData';
import { signIn } from '../../credentials/cxone/signIn';
import { realTenantCredentials, tutorialCredentials } from '../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../support/harness/workflow';

interface Seen {
	method: string;
	url: string;
	headers: IncomingMessage['headers'];
	body: string;
}

interface Hostile {
	url: string;
	host: string;
	requests: Seen[];
	/** Bytes the server managed to write before the client hung up. */
	written: () => number;
	close: () => Promise<void>;
}

const servers: Hostile[] = [];

async function serve(handle: (request: IncomingMessage, response: ServerResponse, body: string, server: Hostile) => void): Promise<Hostile> {
	let written = 0;
	const requests: Seen[] = [];
	const hostile = {} as Hostile;
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
			const write = response.write.bind(response);
			response.write = ((chunk: Buffer | string, ...rest: unknown[]) => {
				written += Buffer.byteLength(chunk);
				return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
			}) as typeof response.write;
			handle(request, response, body, hostile);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	Object.assign(hostile, {
		url: `http://127.0.0.1:${port}`,
		host: `127.0.0.1:${port}`,
		requests,
		written: () => written,
		close: async () =>
			await new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	});
	servers.push(hostile);
	return hostile;
}

afterEach(async () => {
	await Promise.all(servers.splice(0).map(async (server) => await server.close()));
});

const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
	response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));

const agents = [{ agentId: 'a1', state: { type: 'READY' }, siteId: 's1', timestamp: '2026-11-23T10:00:00Z' }];
const TOKEN = 'token-abcdefghijklmnopqrstuvwxyz-0123456789';
const future = () => new Date(Date.now() + 3600_000).toISOString();

/** A server on another origin (another port, named `localhost`) that records whatever reaches it. */
async function otherOrigin() {
	const other = await serve((_request, response) => json(response, 200, { access_token: 'stolen', api_endpoint: 'http://127.0.0.1:1' }));
	const port = new URL(other.url).port;
	return { other, target: `http://localhost:${port}/collect?code=query-secret-value`, host: `localhost:${port}` };
}

/** A request carried a credential if it had an Authorization header or a secret in its body. */
const withCredential = (seen: Seen[]) =>
	seen.filter((request) => request.headers.authorization !== undefined || /secret|password|token/i.test(request.body));

const signedInTutorial = (url: string, overrides = {}) =>
	new TestCredentialsHelper(tutorialCredentials({ baseUrl: url, apiBaseUrl: url, accessToken: TOKEN, tokenExpiresAt: future(), ...overrides }));

function idToken(claims: Record<string, unknown>): string {
	const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return `${part({ alg: 'none' })}.${part(claims)}.`;
}

/** A real tenant's sign-in on 127.0.0.1, where `misbehave` may take over any path. */
async function accessKeyTenant(misbehave: (path: string, response: ServerResponse) => boolean, page?: (path: string, response: ServerResponse, self: Hostile) => void) {
	return await serve((request, response, _body, self) => {
		const path = (request.url ?? '').split('?')[0];
		if (misbehave(path, response)) return;
		if (path === '/.well-known/openid-configuration') return json(response, 200, { issuer: self.url, token_endpoint: `${self.url}/auth/token` });
		if (path === '/auth/token') return json(response, 200, { access_token: TOKEN, expires_in: 3600, id_token: idToken({ tenantId: 't-1' }) });
		if (path === '/.well-known/cxone-configuration') return json(response, 200, { api_endpoint: self.url });
		if (page) return page(request.url ?? '', response, self);
		return json(response, 200, { agentStates: [{ agentId: 'a1', agentStateName: 'Available', lastUpdateTime: '2026-11-23T10:00:00Z' }] });
	});
}

describe('no credential follows a redirect', () => {
	const statuses = [301, 302, 303, 307, 308];

	it.each(statuses)('an agent-states answer of HTTP %s stops with the status and the host, and the other origin gets nothing', async (status) => {
		const { other, target, host } = await otherOrigin();
		const api = await serve((_request, response) => response.writeHead(status, { Location: target }).end());
		const { error } = await executeWorkflow(signedInTutorial(api.url), { options: { maxRetryWaitSeconds: 0 } });
		expect(error?.message).toBe(`CXone answered HTTP ${status}, redirecting to ${host}; the node does not follow redirects with your token`);
		expect(error?.description).toMatch(/Check Base URL/);
		expect(`${error?.message} ${error?.description}`).not.toContain('query-secret-value');
		expect(api.requests).toHaveLength(1);
		expect(other.requests).toEqual([]);
	});

	it.each(statuses)('a token endpoint answering HTTP %s gets the client secret once, and the other origin never', async (status) => {
		const { other, target, host } = await otherOrigin();
		const auth = await serve((_request, response) => response.writeHead(status, { Location: target }).end());
		const { error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials({ baseUrl: auth.url })), {});
		expect(error?.message).toBe(
			`CXone sign-in failed at the token request: HTTP ${status}, redirecting to ${host}; the node does not follow redirects with your credentials`,
		);
		expect(auth.requests).toHaveLength(1);
		expect(withCredential(other.requests)).toEqual([]);
		expect(other.requests).toEqual([]);
	});

	it.each([
		['OpenID discovery', '/.well-known/openid-configuration'],
		['the password grant (access key secret in the form body)', '/auth/token'],
		['cxone-configuration (the just-issued token is not sent, but the answer is not followed either)', '/.well-known/cxone-configuration'],
		['the agent states', '/incontactapi/services/v31.0/agents/states'],
	])('access key: a 307 from %s is not followed', async (_what, redirected) => {
		const { other, target, host } = await otherOrigin();
		const tenant = await accessKeyTenant((path, response) => {
			if (path !== redirected) return false;
			response.writeHead(307, { Location: target }).end();
			return true;
		});
		const { error } = await executeWorkflow(
			new TestCredentialsHelper(realTenantCredentials({ environment: 'custom', issuerUrl: tenant.url })),
			{ options: { maxRetryWaitSeconds: 0 } },
		);
		expect(error?.message).toMatch(new RegExp(`HTTP 307, redirecting to ${host}; the node does not follow redirects`));
		expect(other.requests).toEqual([]);
	});

	it('access key: a redirect on the agents list (Include Site) and on a next page is not followed', async () => {
		for (const redirected of ['/incontactapi/services/v31.0/agents?', 'page=2']) {
			const { other, host } = await otherOrigin();
			const tenant = await accessKeyTenant(
				() => false,
				(url, response, self) => {
					if (url.includes(redirected)) return response.writeHead(302, { Location: `http://${host}/x` }).end();
					if (url.includes('/agents/states') && !url.includes('page=2')) {
						return json(response, 200, {
							agentStates: [{ agentId: 'a1', agentStateName: 'Available' }],
							_links: { next: `${self.url}/incontactapi/services/v31.0/agents/states?page=2` },
						});
					}
					if (url.includes('/agents/states')) return json(response, 200, { agentStates: [{ agentId: 'a2', agentStateName: 'Available' }] });
					return json(response, 200, { agents: [], totalRecords: 0 });
				},
			);
			const { error } = await executeWorkflow(
				new TestCredentialsHelper(realTenantCredentials({ environment: 'custom', issuerUrl: tenant.url })),
				{ options: { includeSite: true, maxRetryWaitSeconds: 0 } },
			);
			expect(error?.message).toBe(`CXone answered HTTP 302, redirecting to ${host}; the node does not follow redirects with your token`);
			expect(other.requests).toEqual([]);
		}
	});
});

it('the credential itself (also for n8n\'s credential test) asks n8n not to follow redirects with the token', async () => {
	const credential = new CxoneApi();
	const authenticate = credential.authenticate as (data: object, options: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
	const options = await authenticate({ authMode: 'clientCredentials', tenant: 'acme', accessToken: TOKEN }, { url: '/x' });
	expect(options).toMatchObject({ disableFollowRedirect: true, sendCredentialsOnCrossOriginRedirect: false });
	expect(credential.test.request).toMatchObject({ disableFollowRedirect: true, sendCredentialsOnCrossOriginRedirect: false });
});

describe('an API base announced on an internal address', () => {
	/** Answers as a remote CXone would, without any network: the announced base is all that matters here. */
	const answering =
		(answers: Record<string, unknown>): HttpRequester =>
		async (options: IHttpRequestOptions) => {
			const path = new URL(options.url).pathname;
			return { statusCode: 200, headers: {}, body: JSON.stringify(answers[path] ?? {}) };
		};

	it.each(['https://10.1.2.3', 'https://169.254.169.254', 'https://[::1]', 'https://192.168.0.10:8443', 'https://[fe80::1]', 'https://127.0.0.1'])(
		'api_endpoint %s is refused when the issuer is not on loopback',
		async (endpoint) => {
			const http = answering({
				'/.well-known/openid-configuration': { token_endpoint: 'https://cxone.niceincontact.com/auth/token' },
				'/auth/token': { access_token: TOKEN, id_token: idToken({ tenantId: 't-1' }) },
				'/.well-known/cxone-configuration': { api_endpoint: endpoint },
			});
			await expect(signInWithAccessKey(http, realTenantCredentials() as never, Date.now())).rejects.toThrow(/api_endpoint points at an internal address/);
		},
	);

	it('a public api_endpoint is accepted', async () => {
		const http = answering({
			'/.well-known/openid-configuration': { token_endpoint: 'https://cxone.niceincontact.com/auth/token' },
			'/auth/token': { access_token: TOKEN, id_token: idToken({ tenantId: 't-1' }) },
			'/.well-known/cxone-configuration': { api_endpoint: 'https://api-na1.niceincontact.com' },
		});
		await expect(signInWithAccessKey(http, realTenantCredentials() as never, Date.now())).resolves.toMatchObject({ apiBaseUrl: 'https://api-na1.niceincontact.com' });
	});

	it('the tutorial resource_server_base_uri on a private address is refused', async () => {
		const http = answering({ '/oauth2/token': { access_token: TOKEN, resource_server_base_uri: 'https://172.16.0.9/' } });
		await expect(signInWithClientCredentials(http, tutorialCredentials() as never, Date.now())).rejects.toThrow(
			/resource_server_base_uri points at an internal address \(172\.16\.0\.9\)/,
		);
	});

	it('an issuer on loopback may announce a loopback API (local testing)', async () => {
		const tenant = await accessKeyTenant(() => false);
		const { items, error } = await executeWorkflow(new TestCredentialsHelper(realTenantCredentials({ environment: 'custom', issuerUrl: tenant.url })), {});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
	});
});

/** A body that never ends: one byte every `everyMs`, until the client hangs up. */
function trickle(response: ServerResponse, everyMs: number, status = 200) {
	response.writeHead(status, { 'Content-Type': 'application/json' });
	response.write('[');
	const tick = async () => {
		while (!response.destroyed && !response.writableEnded) {
			await new Promise((resolve) => setTimeout(resolve, everyMs));
			if (response.destroyed) return;
			response.write(' ');
		}
	};
	void tick();
}

describe('time is bounded: Timeout counts the whole request', () => {
	it('a body trickled a byte every 100 ms is given up on after Timeout', async () => {
		const api = await serve((_request, response) => trickle(response, 100));
		const started = Date.now();
		const { error } = await executeWorkflow(signedInTutorial(api.url), { options: { timeoutSeconds: 1, maxRetryWaitSeconds: 0 } });
		const elapsed = Date.now() - started;
		expect(error?.message).toBe('CXone did not answer within 1 s (1 attempt, 0 s of waiting)');
		expect(elapsed).toBeLessThan(2500);
	});

	it('sign-in is bounded the same way: a trickled token answer is given up on at the deadline', async () => {
		const auth = await serve((_request, response) => trickle(response, 100));
		// n8n's own httpRequest helper, as preAuthentication gets it; a 1 s deadline instead of the default 30 s.
		const http: HttpRequester = async (options) => await Container.get(OutboundHttp).requests().request(options);
		const started = Date.now();
		await expect(
			signIn(http, tutorialCredentials({ baseUrl: auth.url }) as never, Date.now(), { timeoutMs: 1000, maxBodyBytes: 1024 * 1024, maxTotalWaitMs: 0 }),
		).rejects.toThrow('Signing in to CXone did not finish within 1 s: no complete answer to the token request');
		expect(Date.now() - started).toBeLessThan(2500);
	});

	it('README: a request gives up after at most 4 attempts × Timeout + Max Retry Wait (Timeout 1 s, Max Retry Wait 9 s)', async () => {
		const api = await serve((_request, response) => trickle(response, 100));
		const started = Date.now();
		const { error } = await executeWorkflow(signedInTutorial(api.url), { options: { timeoutSeconds: 1, maxRetryWaitSeconds: 9 } });
		const elapsed = Date.now() - started;
		// Backoff 1 s, 2 s, 4 s (+ up to 25 % jitter) fits in 9 s: every attempt is made.
		expect(error?.message).toMatch(/^CXone did not answer within 1 s \(4 attempts, [789] s of waiting\)$/);
		expect(api.requests).toHaveLength(4);
		expect(elapsed).toBeLessThanOrEqual(4 * 1000 + 9000 + 500);
	}, 20_000);
});

describe('memory is bounded: a body is read only up to Max Response Size', () => {
	it('an endless body stops at the limit, with the size named', async () => {
		const chunk = Buffer.alloc(64 * 1024, ' ');
		const api = await serve((_request, response) => {
			response.writeHead(200, { 'Content-Type': 'application/json' });
			const pump = () => {
				while (!response.destroyed && response.write(chunk));
				if (!response.destroyed) response.once('drain', pump);
			};
			pump();
		});
		const { error } = await executeWorkflow(signedInTutorial(api.url), { options: { maxResponseSizeMb: 1, timeoutSeconds: 5 } });
		expect(error?.message).toBe("CXone's answer to /api/v2/agents/states is larger than 1 MB; the node stopped reading it");
		expect(error?.description).toMatch(/Max Response Size \(MB\)/);
		// Not retried, and the connection was dropped soon after the limit.
		expect(api.requests).toHaveLength(1);
		expect(api.written()).toBeLessThan(16 * 1024 * 1024);
	});

	it('a gzip bomb is measured after decompression (58 KB on the wire, 16 MB of agents)', async () => {
		const record = JSON.stringify(agents[0]);
		const inflated = Buffer.from(`[${Array.from({ length: Math.ceil((16 * 1024 * 1024) / record.length) }, () => record).join(',')}]`);
		const bomb = gzipSync(inflated, { level: 9 });
		expect(bomb.length).toBeLessThan(1024 * 1024);
		const api = await serve((_request, response) => response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).end(bomb));
		const { error, items } = await executeWorkflow(signedInTutorial(api.url), { options: { maxResponseSizeMb: 4 } });
		expect(items).toHaveLength(0);
		expect(error?.message).toBe("CXone's answer to /api/v2/agents/states is larger than 4 MB; the node stopped reading it");
	});

	it.each([
		[63, 'read whole'],
		[65, 'refused, naming the 64 MB default'],
	])('with the default limit, a gzip answer inflating to %i MB is %s', async (megabytes) => {
		const padding = ' '.repeat(megabytes * 1024 * 1024 - JSON.stringify(agents).length);
		const body = gzipSync(Buffer.from(`${JSON.stringify(agents)}${padding}`));
		const api = await serve((_request, response) => response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).end(body));
		const { error, items } = await executeWorkflow(signedInTutorial(api.url), {});
		if (megabytes < 64) {
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
		} else {
			expect(items).toHaveLength(0);
			expect(error?.message).toBe("CXone's answer to /api/v2/agents/states is larger than 64 MB; the node stopped reading it");
		}
	});

	it('an answer below the limit is read whole', async () => {
		const api = await serve((_request, response) => json(response, 200, agents));
		const { items, error } = await executeWorkflow(signedInTutorial(api.url), { options: { maxResponseSizeMb: 1 } });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
	});
});

describe('odd throttling and paging answers read like the others', () => {
	it('Retry-After: 99999999999999 keeps the 429 and says how long CXone asked to wait', async () => {
		const api = await serve((_request, response) => json(response, 429, {}, { 'Retry-After': '99999999999999' }));
		const { error } = await executeWorkflow(signedInTutorial(api.url), { options: { maxRetryWaitSeconds: 5 } });
		expect(error?.message).toBe('CXone is throttling requests (HTTP 429); gave up after 1 attempt, 0 s of waiting');
		expect(error?.description).toBe('Try again later (CXone asked to wait 99999999999999 s), or run the workflow less often.');
	});

	it('a malformed next link stops paging with a paging message', async () => {
		const tenant = await accessKeyTenant(
			() => false,
			(_url, response) => json(response, 200, { agentStates: [{ agentId: 'a1', agentStateName: 'Available' }], _links: { next: 'http://[::1' } }),
		);
		const { error } = await executeWorkflow(new TestCredentialsHelper(realTenantCredentials({ environment: 'custom', issuerUrl: tenant.url })), {});
		expect(error?.message).toBe('CXone sent a next-page link that is not a valid URL; the node stopped paging');
	});
});

describe('Timeout, Max Retry Wait and Max Response Size are checked at run time', () => {
	it.each([
		['timeoutSeconds', -1, 'Timeout (Seconds) must be a number from 1 to 300, not -1'],
		['timeoutSeconds', 0, 'Timeout (Seconds) must be a number from 1 to 300, not 0'],
		['timeoutSeconds', 3_000_000, 'Timeout (Seconds) must be a number from 1 to 300, not 3000000'],
		['timeoutSeconds', 'soon', 'Timeout (Seconds) must be a number from 1 to 300, not "soon"'],
		['maxRetryWaitSeconds', -5, 'Max Retry Wait (Seconds) must be a number from 0 to 300, not -5'],
		['maxRetryWaitSeconds', 1e12, 'Max Retry Wait (Seconds) must be a number from 0 to 300, not 1000000000000'],
		['maxResponseSizeMb', 0, 'Max Response Size (MB) must be a number from 1 to 500, not 0'],
	])('%s = %p is a parameter error, and nothing is requested', async (name, value, message) => {
		const api = await serve((_request, response) => json(response, 200, agents));
		const { error } = await executeWorkflow(signedInTutorial(api.url), { options: { [name]: value } });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(message);
		expect(api.requests).toHaveLength(0);
	});

	it('a numeric string from an expression is accepted', async () => {
		const api = await serve((_request, response) => json(response, 200, agents));
		const { items, error } = await executeWorkflow(signedInTutorial(api.url), { options: { timeoutSeconds: '5' } });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
	});
});
