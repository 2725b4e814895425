/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * Secrets are masked in every form, before anything is cut short. Each failure path below has a server on
 * 127.0.0.1 echo a secret back (as is, cut short, base64 in a Basic header, URL- or form-encoded, or a token
 * issued during this very sign-in), and no 8-character piece of any of them may reach the error's message or
 * description, a Continue On Fail item, the console, or the execution data n8n would save.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { realTenantCredentials, tutorialCredentials } from '../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../support/harness/workflow';

const CLIENT_ID = 'client-id-masking';
// Long, with characters that URL-, form- and JSON-encoding each change.
const CLIENT_SECRET = 'Cs+/=&~!%"x secret 0123456789abcdefghijkl';
const ACCESS_KEY_SECRET = 'Ak+/=&~! "key" secret 9876543210zyxwvuts';
const OLD_TOKEN = 'stored-token-0123456789abcdefghijklmnopqrst';
const NEW_TOKEN = 'issued-token-ZYXWVUTSRQPONMLKJIHGFEDCBA98765';
const BASIC = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');

const SECRETS = [CLIENT_SECRET, ACCESS_KEY_SECRET, OLD_TOKEN, NEW_TOKEN, BASIC];

/** The first 8-character piece of a secret found in `text`, or null. */
function leakedPiece(text: string): string | null {
	for (const secret of SECRETS) {
		for (let i = 0; i + 8 <= secret.length; i++) {
			const piece = secret.slice(i, i + 8);
			if (text.includes(piece)) return piece;
		}
	}
	return null;
}

function idToken(claims: Record<string, unknown>): string {
	const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return `${part({ alg: 'none' })}.${part(claims)}.`;
}

interface Echo {
	request: IncomingMessage;
	body: string;
	url: string;
}

type Answer = (echo: Echo, response: ServerResponse) => boolean;

const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
	response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(typeof body === 'string' ? body : JSON.stringify(body));
	return true;
};

/** Padding that puts a secret across the point where the old code cut CXone's message (300 characters). */
const pad = 'x'.repeat(290);

interface Scenario {
	name: string;
	mode: 'clientCredentials' | 'accessKey';
	/** The credential already holds OLD_TOKEN (so the API call is reached at once). */
	signedIn?: boolean;
	answer: Answer;
	/** The error the scenario must end in, so it cannot pass by failing elsewhere. */
	message: RegExp;
}

const scenarios: Scenario[] = [
	{
		name: 'token endpoint 400 echoing the client secret across the 300-character cut',
		mode: 'clientCredentials',
		message: /^CXone sign-in failed at the token request \(HTTP 400\)$/,
		answer: ({ url }, response) => url.startsWith('/oauth2/token') && json(response, 400, { error: 'invalid_request', error_description: `${pad} bad secret ${CLIENT_SECRET}` }),
	},
	{
		name: 'token endpoint 400 echoing the first 20 characters of the client secret',
		mode: 'clientCredentials',
		message: /^CXone sign-in failed at the token request \(HTTP 400\)$/,
		answer: ({ url }, response) => url.startsWith('/oauth2/token') && json(response, 400, { message: `secret begins ${CLIENT_SECRET.slice(0, 20)}` }),
	},
	{
		name: 'token endpoint 500 echoing the Authorization header (base64 Basic value)',
		mode: 'clientCredentials',
		message: /^CXone sign-in failed at the token request \(HTTP 500\)$/,
		answer: ({ url, request }, response) => url.startsWith('/oauth2/token') && json(response, 500, { message: `got Authorization: ${request.headers.authorization}` }, { 'Retry-After': '0' }),
	},
	{
		name: 'token endpoint 418 echoing the whole request as text',
		mode: 'clientCredentials',
		message: /^CXone sign-in failed at the token request \(HTTP 418\)$/,
		answer: ({ url, request, body }, response) => {
			if (!url.startsWith('/oauth2/token')) return false;
			response.writeHead(418, { 'Content-Type': 'text/plain' }).end(`Authorization: ${request.headers.authorization}; body: ${body}`);
			return true;
		},
	},
	{
		name: 'password grant 400 echoing the form body (URL-encoded access key secret)',
		mode: 'accessKey',
		message: /^CXone sign-in failed at the token request \(HTTP 400\)$/,
		answer: ({ url, body }, response) => url.startsWith('/auth/token') && json(response, 400, { error: 'invalid_request', error_description: `${pad}form was ${body}` }),
	},
	{
		name: 'password grant 401 echoing the access key secret JSON-escaped',
		mode: 'accessKey',
		message: /^CXone refused the access key/,
		answer: ({ url }, response) => url.startsWith('/auth/token') && json(response, 401, `{"error":"invalid_grant","error_description":${JSON.stringify(`no user for ${ACCESS_KEY_SECRET}`)}}`),
	},
	{
		name: 'cxone-configuration 500 echoing the token issued during this sign-in',
		mode: 'accessKey',
		message: /^CXone sign-in failed at tenant discovery .* \(HTTP 500\)$/,
		answer: ({ url }, response) => url.startsWith('/.well-known/cxone-configuration') && json(response, 500, { message: `${pad} token ${NEW_TOKEN} not known` }),
	},
	{
		name: 'agent states 400 echoing the Bearer token as text, across the 300-character cut',
		mode: 'clientCredentials',
		signedIn: true,
		message: /^CXone answered HTTP 400$/,
		answer: ({ url, request }, response) => {
			if (!url.startsWith('/api/v2/agents/states')) return false;
			response.writeHead(400, { 'Content-Type': 'text/plain' }).end(`${'x'.repeat(280)}${request.headers.authorization}`);
			return true;
		},
	},
	{
		name: 'agent states 200 that is not JSON and echoes the token in its first 120 characters',
		mode: 'clientCredentials',
		signedIn: true,
		message: /is not JSON$/,
		answer: ({ url }, response) => {
			if (!url.startsWith('/api/v2/agents/states')) return false;
			response.writeHead(200, { 'Content-Type': 'text/plain' }).end(`${'y'.repeat(100)}${OLD_TOKEN} and more`);
			return true;
		},
	},
	{
		name: 'agent states 403 with the token in icStatusDescription',
		mode: 'clientCredentials',
		signedIn: true,
		message: /HTTP 403/,
		answer: ({ url }, response) => url.startsWith('/api/v2/agents/states') && json(response, 403, '', { icStatusDescription: `forbidden for ${OLD_TOKEN}` }),
	},
	{
		name: 'agent states 401, renewal, then a 400 echoing the renewed token URL-encoded',
		mode: 'clientCredentials',
		signedIn: true,
		message: /^CXone answered HTTP 400$/,
		answer: ({ url, request }, response) => {
			if (!url.startsWith('/api/v2/agents/states')) return false;
			if (request.headers.authorization === `Bearer ${OLD_TOKEN}`) return json(response, 401, {});
			return json(response, 400, { message: `token=${encodeURIComponent(NEW_TOKEN)}` });
		},
	},
];

async function startTenant(answer: Answer) {
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const echo = { request, body: Buffer.concat(chunks).toString('utf8'), url: request.url ?? '' };
			if (answer(echo, response)) return;
			const self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
			const path = echo.url.split('?')[0];
			if (path === '/oauth2/token') return json(response, 200, { access_token: NEW_TOKEN, expires_in: 3600 });
			if (path === '/.well-known/openid-configuration') return json(response, 200, { token_endpoint: `${self}/auth/token` });
			if (path === '/auth/token') return json(response, 200, { access_token: NEW_TOKEN, expires_in: 3600, id_token: idToken({ tenantId: 't-1' }) });
			if (path === '/.well-known/cxone-configuration') return json(response, 200, { api_endpoint: self });
			return json(response, 200, []);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const close = async () =>
		await new Promise<void>((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		});
	return { url, close };
}

function credentialsFor(scenario: Scenario, url: string) {
	const token = scenario.signedIn ? { accessToken: OLD_TOKEN, apiBaseUrl: url, tokenExpiresAt: new Date(Date.now() + 3600_000).toISOString() } : {};
	return new TestCredentialsHelper(
		scenario.mode === 'accessKey'
			? realTenantCredentials({ environment: 'custom', issuerUrl: url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, accessKeySecret: ACCESS_KEY_SECRET, ...token })
			: tutorialCredentials({ baseUrl: url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ...token }),
	);
}

describe.each(scenarios)('$name', (scenario) => {
	let tenant: Awaited<ReturnType<typeof startTenant>>;
	let console: string[];
	const spies: jest.SpyInstance[] = [];

	beforeEach(async () => {
		tenant = await startTenant(scenario.answer);
		console = [];
		for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			spies.push(jest.spyOn(global.console, method).mockImplementation((...args: unknown[]) => void console.push(args.map(String).join(' '))));
		}
	});

	afterEach(async () => {
		spies.splice(0).forEach((spy) => spy.mockRestore());
		await tenant.close();
	});

	it('fails, and no piece of a secret is in the error, the console or the execution data', async () => {
		const { error, run } = await executeWorkflow(credentialsFor(scenario, tenant.url), { options: { maxRetryWaitSeconds: 0 } });
		expect(error?.message).toMatch(scenario.message);
		expect(leakedPiece(`${error?.message}\n${error?.description}`)).toBeNull();
		expect(leakedPiece(console.join('\n'))).toBeNull();
		expect(leakedPiece(JSON.stringify(run))).toBeNull();
	});

	it('with Continue On Fail, the error item holds no piece of a secret either', async () => {
		const { error, items, run } = await executeWorkflow(credentialsFor(scenario, tenant.url), { options: { maxRetryWaitSeconds: 0 }, continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items[0]?.json.error).toEqual(expect.any(String));
		expect(leakedPiece(JSON.stringify(items))).toBeNull();
		expect(leakedPiece(console.join('\n'))).toBeNull();
		expect(leakedPiece(JSON.stringify(run))).toBeNull();
	});
});
