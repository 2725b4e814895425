/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * Servers on 127.0.0.1 that echo a secret back in another form than the one sent: percent escapes in lower case,
 * the base64 of the Bearer header or of "id:secret". The credential's own sign-in error (what the Test button
 * shows: no second masking by the node) and the node's errors carry no piece of any. And a refused token keeps
 * CXone's own words, masked, after the package's explanation.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Container } from '@n8n/di';
import { OutboundHttp } from '@n8n/backend-network';
import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { CxoneApi } from '../../credentials/CxoneApi.credentials';
import { realTenantCredentials, tutorialCredentials } from '../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../support/harness/workflow';

const ACCESS_KEY_ID = 'AKID-masking';
// Characters that percent-encoding changes, so the echoed form differs from the secret itself.
const ACCESS_KEY_SECRET = 'Ak/+=?&key:secret/with=plenty/of+escapes';
const CLIENT_SECRET = 'Cs/+=client/secret+value=0123456789';
const ISSUED_TOKEN = 'issued-token-ZYXWVUTSRQPONMLKJIHGFEDCBA98765';
const STORED_TOKEN = 'stored-token-0123456789abcdefghijklmnopqrst';

const lowerEscapes = (text: string) => text.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
const base64 = (text: string) => Buffer.from(text).toString('base64');

/** Every 8-character piece of `form` that appears in `text`, escapes compared without regard to case. */
function leakedPieces(text: string, form: string): string[] {
	const haystack = text.toLowerCase();
	const pieces: string[] = [];
	for (let i = 0; i + 8 <= form.length; i++) if (haystack.includes(form.slice(i, i + 8).toLowerCase())) pieces.push(form.slice(i, i + 8));
	return pieces;
}

type Answer = (url: string, request: IncomingMessage, body: string, response: ServerResponse) => boolean;
const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
	response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
	return true;
};
const idToken = (claims: object) => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

let close: (() => Promise<void>) | undefined;
afterEach(async () => await close?.());

/** A real tenant (and tutorial API) on loopback; `answer` takes the requests it wants, the rest succeed. */
async function startTenant(answer: Answer): Promise<string> {
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const url = request.url ?? '';
			const body = Buffer.concat(chunks).toString('utf8');
			if (answer(url, request, body, response)) return;
			const self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
			if (url.startsWith('/.well-known/openid-configuration')) return json(response, 200, { token_endpoint: `${self}/auth/token` });
			if (url.startsWith('/auth/token')) return json(response, 200, { access_token: ISSUED_TOKEN, expires_in: 3600, id_token: idToken({ tenantId: 't-1' }) });
			if (url.startsWith('/oauth2/token')) return json(response, 200, { access_token: ISSUED_TOKEN, expires_in: 3600 });
			if (url.startsWith('/.well-known/cxone-configuration')) return json(response, 200, { api_endpoint: self });
			return json(response, 200, []);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	close = async () =>
		await new Promise<void>((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		});
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const realTenant = (url: string, overrides = {}) =>
	realTenantCredentials({ environment: 'custom', issuerUrl: url, accessKeyId: ACCESS_KEY_ID, accessKeySecret: ACCESS_KEY_SECRET, clientSecret: CLIENT_SECRET, ...overrides });

/** What the credential Test button gets: preAuthentication called with n8n's own HTTP helper, nothing masked after it. */
async function credentialError(credentials: ICredentialDataDecryptedObject): Promise<{ message: string; description: string }> {
	const helpers = { helpers: { httpRequest: async (options: never) => await Container.get(OutboundHttp).requests().request(options) } } as unknown as IHttpRequestHelper;
	try {
		await new CxoneApi().preAuthentication.call(helpers, credentials);
	} catch (error) {
		return error as { message: string; description: string };
	}
	throw new Error('sign-in did not fail');
}

const shown = (error: { message: string; description: string }) => `${error.message}\n${error.description}`;

describe("the credential's own sign-in error masks every encoded form", () => {
	it('a password grant 400 echoing the form body with lower-case %xx escapes shows no piece of the access key secret', async () => {
		const url = await startTenant((path, _request, body, response) => path.startsWith('/auth/token') && json(response, 400, { error: 'invalid_request', error_description: `form was ${lowerEscapes(body)}` }));
		const error = await credentialError(realTenant(url));
		expect(error.message).toBe('CXone sign-in failed at the token request (HTTP 400)');
		expect(error.description).toMatch(/^CXone said: form was .*\*\*\*/);
		expect(leakedPieces(shown(error), encodeURIComponent(ACCESS_KEY_SECRET))).toEqual([]);
		expect(leakedPieces(shown(error), new URLSearchParams({ s: ACCESS_KEY_SECRET }).toString().slice(2))).toEqual([]);
	});

	it('a token endpoint echoing the base64 of "id:secret" and of the secret alone shows none of them', async () => {
		const prefixes = [`${ACCESS_KEY_ID}:`, 'k=', ''];
		const echoes = prefixes.map((prefix) => base64(`${prefix}${ACCESS_KEY_SECRET}`));
		const url = await startTenant((path, _request, _body, response) => path.startsWith('/auth/token') && json(response, 500, { message: echoes.join(' ') }));
		const error = await credentialError(realTenant(url));
		expect(error.message).toBe('CXone sign-in failed at the token request (HTTP 500)');
		// The characters that carry the secret's bytes (the ID before it is no secret; one character may mix both).
		echoes.forEach((echo, i) => expect(leakedPieces(shown(error), echo.slice(Math.ceil((prefixes[i].length * 8) / 6) + 1, -4))).toEqual([]));
	});

	it('a token issued during a sign-in that then fails (tenant discovery echoes it) is masked, as is, lower-case escaped and base64', async () => {
		const token = `${ISSUED_TOKEN}/+=`;
		const echo = `raw ${token} url ${lowerEscapes(encodeURIComponent(token))} b64 ${base64(`Bearer ${token}`)}`;
		const url = await startTenant((path, _request, _body, response) => {
			if (path.startsWith('/auth/token')) return json(response, 200, { access_token: token, expires_in: 3600, id_token: idToken({ tenantId: 't-1' }) });
			return path.startsWith('/.well-known/cxone-configuration') && json(response, 500, { message: echo });
		});
		const error = await credentialError(realTenant(url, { accessToken: STORED_TOKEN }));
		expect(error.message).toBe('CXone sign-in failed at tenant discovery (/.well-known/cxone-configuration) (HTTP 500)');
		expect(error.description).toMatch(/^CXone said: raw \*\*\* url \*\*\* b64 /);
		expect(leakedPieces(shown(error), token)).toEqual([]);
		expect(leakedPieces(shown(error), encodeURIComponent(token))).toEqual([]);
		expect(leakedPieces(shown(error), base64(`Bearer ${token}`).slice(12))).toEqual([]);
	});
});

describe("the node's errors mask the Bearer token's base64", () => {
	it('an API 400 echoing the Authorization header in base64', async () => {
		const url = await startTenant((path, request, _body, response) => path.startsWith('/api/v2/agents/states') && json(response, 400, { message: `header ${base64(`Authorization: ${String(request.headers.authorization)}`)}` }));
		const helper = new TestCredentialsHelper(tutorialCredentials({ baseUrl: url, apiBaseUrl: url, accessToken: STORED_TOKEN, tokenExpiresAt: new Date(Date.now() + 3600_000).toISOString() }));
		const { error } = await executeWorkflow(helper, { operation: 'getAll' });
		expect(error?.message).toBe('CXone answered HTTP 400');
		const text = `${error?.message}\n${error?.description}`;
		expect(text).toMatch(/CXone said: header \S*\*\*\*/);
		expect(leakedPieces(text, base64(`Authorization: Bearer ${STORED_TOKEN}`).slice(32, -4))).toEqual([]);
	});
});

describe("a refused token keeps CXone's own words after the explanation", () => {
	it.each([
		['errorDescription (NICE)', { error: 'invalid_grant', errorDescription: 'Access key is disabled by the tenant administrator' }, {}],
		['error_description (OAuth)', { error: 'invalid_grant', error_description: 'Access key is disabled by the tenant administrator.' }, {}],
		['the icStatusDescription header', { error: 'invalid_grant' }, { icStatusDescription: 'Access key is disabled by the tenant administrator' }],
	])('%s', async (_name, body, headers) => {
		const url = await startTenant((path, _request, _text, response) => path.startsWith('/auth/token') && json(response, 400, body, headers));
		const error = await credentialError(realTenant(url));
		expect(error.message).toBe(
			'CXone refused the access key: the Access Key ID or Access Key Secret is wrong or deactivated. CXone said: Access key is disabled by the tenant administrator',
		);
		expect(error.description).toMatch(/Access Keys tab/);
	});

	it('masked: a description echoing the secret', async () => {
		const url = await startTenant((path, _request, _text, response) => path.startsWith('/auth/token') && json(response, 400, { error: 'invalid_grant', errorDescription: `no key ${ACCESS_KEY_SECRET}` }));
		const error = await credentialError(realTenant(url));
		expect(error.message).toBe('CXone refused the access key: the Access Key ID or Access Key Secret is wrong or deactivated. CXone said: no key ***');
	});

	it('the OAuth code alone adds nothing', async () => {
		const url = await startTenant((path, _request, _text, response) => path.startsWith('/auth/token') && json(response, 400, { error: 'invalid_grant' }));
		expect((await credentialError(realTenant(url))).message).toBe('CXone refused the access key: the Access Key ID or Access Key Secret is wrong or deactivated');
	});
});
