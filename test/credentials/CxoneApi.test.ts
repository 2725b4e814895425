/* eslint-disable @n8n/community-nodes/no-restricted-globals -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
import nock from 'nock';

import { CxoneApi } from '../../credentials/CxoneApi.credentials';
import { decodeJwtPayload } from '../../credentials/cxone/accessKey';
import { validateEndpointUrl, validateTenant } from '../../credentials/cxone/urlRules';
import { realTenantCredentials, tutorialCredentials } from '../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../support/harness/workflow';
import { ISSUER, REAL_TENANT_API as API, REAL_TENANT_STATES as STATES, useNock } from '../support/harness/fixtures';

const SECRETS = ['client-secret-value', 'access-key-secret-value', 'tok-secret-1'];

function unsignedJwt(payload: object): string {
	const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
}

function openIdScope(tokenEndpoint = `${ISSUER}/auth/token`) {
	return nock(ISSUER).get('/.well-known/openid-configuration').reply(200, { issuer: ISSUER, token_endpoint: tokenEndpoint });
}

function tokenScope(body: object = { access_token: 'tok-secret-1', token_type: 'bearer', expires_in: 3600, refresh_token: 'r', id_token: unsignedJwt({ iss: ISSUER, tenantId: 'tenant-123' }) }) {
	return nock(ISSUER)
		.post('/auth/token', 'grant_type=password&username=AKID&password=access-key-secret-value')
		.matchHeader('authorization', `Basic ${Buffer.from('client-id:client-secret-value').toString('base64')}`)
		.matchHeader('content-type', 'application/x-www-form-urlencoded')
		.reply(200, body);
}

function discoveryScope(body: object = { api_endpoint: API, area: 'na1' }) {
	return nock(ISSUER).get('/.well-known/cxone-configuration').query({ tenantId: 'tenant-123' }).reply(200, body);
}

const states = { agentStates: [{ agentId: 1, agentStateId: 1, agentStateName: 'Available' }], lastPollTime: '2026-11-23T10:00:00Z' };

useNock();

describe('validation', () => {
	it.each(['acme', 'acme-01', 'A1'])('accepts the tenant %p', (tenant) => {
		expect(validateTenant(tenant)).toBe(tenant);
	});

	it.each(['evil.com/', 'a.b', 'a@b', 'a#b', 'https://acme', '', '-acme', 'acme.api.cxone.com', 'acme/../x'])('refuses the tenant %p', (tenant) => {
		expect(() => validateTenant(tenant)).toThrow('The Tenant must be a plain tenant name such as "acme" (letters, digits and hyphens)');
	});

	it.each(['https://api.example.com', 'https://api.example.com/base/', 'http://127.0.0.1:8080', 'http://localhost:1', 'http://[::1]:9'])('accepts the URL %p', (url) => {
		expect(validateEndpointUrl(url, 'Base URL')).toBeInstanceOf(URL);
	});

	it.each([
		['http://example.com', 'Base URL must start with https://'],
		['http://10.0.0.1', 'Base URL must start with https://'],
		['file:///etc/passwd', 'Base URL must start with https://'],
		['ftp://example.com', 'Base URL must start with https://'],
		['https://user:pw@example.com', 'Base URL must not contain a user name, password or #fragment'],
		['https://example.com/#x', 'Base URL must not contain a user name, password or #fragment'],
		['example.com', 'Base URL is not a valid URL'],
		['evil.com/', 'Base URL is not a valid URL'],
	])('refuses the URL %p', (url, message) => {
		expect(() => validateEndpointUrl(url, 'Base URL')).toThrow(message);
	});

	it('refuses a bad tenant before any request is made', async () => {
		const { error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials({ tenant: 'evil.com/' })), {});
		expect(error?.message).toBe('The Tenant must be a plain tenant name such as "acme" (letters, digits and hyphens)');
		expect(error?.description).toMatch(/not a host name or URL/);
	});

	it('refuses a plain-http Token URL to a remote host', async () => {
		const { error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials({ tokenUrl: 'http://evil.example/token' })), {});
		expect(error?.message).toBe('Token URL must start with https://');
	});
});

describe('credential type', () => {
	const type = new CxoneApi();

	it('keeps the property names saved credentials depend on', () => {
		expect(type.name).toBe('cxoneApi');
		expect(type.properties.map((p) => p.name)).toEqual(
			expect.arrayContaining(['authMode', 'tenant', 'clientId', 'clientSecret', 'scope', 'baseUrl', 'tokenUrl', 'environment', 'issuerUrl', 'accessKeyId', 'accessKeySecret', 'apiVersion', 'accessToken']),
		);
		const token = type.properties.find((p) => p.name === 'accessToken');
		expect(token).toMatchObject({ type: 'hidden', typeOptions: { expirable: true } });
		expect(type.properties.find((p) => p.name === 'scope')?.default).toBe('urn:nice:cxone:agent:state:read');
	});

	it('authenticate adds the bearer token and the API base, keeping other headers', async () => {
		const authenticate = type.authenticate as unknown as (c: object, r: object) => Promise<Record<string, unknown>>;
		const result = await authenticate({ accessToken: 'tok', apiBaseUrl: 'https://api.example.com' }, { url: '/x', headers: { Accept: 'application/json' } });
		expect(result).toMatchObject({ baseURL: 'https://api.example.com', headers: { Accept: 'application/json', Authorization: 'Bearer tok' } });
	});

	it('the credential test reads agent states (top=1 on real tenants)', () => {
		expect(type.test.request.url).toContain('/incontactapi/services/');
		expect(type.test.request.url).toContain('agents/states?top=1');
		expect(type.test.request.url).toContain('/api/v2/agents/states');
	});
});

describe('access-key sign-in with tenant discovery', () => {
	it('signs in, discovers the API host and reads versioned agent states', async () => {
		const openId = openIdScope();
		const token = tokenScope();
		const discovery = discoveryScope();
		const api = nock(API).get(STATES).matchHeader('authorization', 'Bearer tok-secret-1').matchHeader('accept', 'application/json').reply(200, states);
		const helper = new TestCredentialsHelper(realTenantCredentials());
		const { items, error } = await executeWorkflow(helper, { operation: 'getAll' });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.state)).toEqual(['READY']);
		expect(openId.isDone() && token.isDone() && discovery.isDone() && api.isDone()).toBe(true);
		expect(helper.stored).toMatchObject({ accessToken: 'tok-secret-1', apiBaseUrl: API });
	});

	it('repeats neither sign-in nor discovery on the next executions', async () => {
		openIdScope();
		tokenScope();
		discoveryScope();
		nock(API).get(STATES).times(3).reply(200, states);
		const helper = new TestCredentialsHelper(realTenantCredentials());
		for (let run = 0; run < 3; run++) expect((await executeWorkflow(helper, {})).items).toHaveLength(1);
		expect(helper.saves).toBe(1);
	});

	it('skips discovery when Base URL is set', async () => {
		openIdScope();
		tokenScope();
		const api = nock('https://api-b32.nice-incontact.com').get(STATES).reply(200, states);
		const { items } = await executeWorkflow(new TestCredentialsHelper(realTenantCredentials({ baseUrl: 'https://api-b32.nice-incontact.com/' })), {});
		expect(items).toHaveLength(1);
		expect(api.isDone()).toBe(true);
	});

	it('uses the FedRAMP issuer when chosen', async () => {
		const gov = 'https://cxone-gov.niceincontact.com';
		nock(gov).get('/.well-known/openid-configuration').reply(200, { token_endpoint: `${gov}/auth/token` });
		nock(gov).post('/auth/token').reply(200, { access_token: 't', expires_in: 3600, id_token: unsignedJwt({ tenantId: 'g1' }) });
		nock(gov).get('/.well-known/cxone-configuration').query({ tenantId: 'g1' }).reply(200, { api_endpoint: 'https://api-na2.nicecxone-gov.com' });
		const api = nock('https://api-na2.nicecxone-gov.com').get(STATES).reply(200, states);
		await executeWorkflow(new TestCredentialsHelper(realTenantCredentials({ environment: 'fedramp' })), {});
		expect(api.isDone()).toBe(true);
	});

	it('never sends the access key to a token endpoint on another host', async () => {
		openIdScope('https://evil.example/auth/token');
		const evil = nock('https://evil.example').post('/auth/token').reply(200, {});
		const { error } = await executeWorkflow(new TestCredentialsHelper(realTenantCredentials()), {});
		expect(error?.message).toMatch(/the token endpoint is on evil\.example, not on the issuer cxone\.niceincontact\.com/);
		expect(evil.isDone()).toBe(false);
	});

	it('refuses a discovered API endpoint that is not https', async () => {
		openIdScope();
		tokenScope();
		discoveryScope({ api_endpoint: 'http://api-na1.niceincontact.com' });
		const { error } = await executeWorkflow(new TestCredentialsHelper(realTenantCredentials()), {});
		expect(error?.message).toBe(
			'CXone sign-in stopped at tenant discovery (/.well-known/cxone-configuration): api_endpoint (http://api-na1.niceincontact.com) is not https://',
		);
	});

	it.each([
		[{ access_token: 'tok-secret-1', expires_in: 3600 }, 'CXone sign-in failed reading the id_token: the token answer has no readable id_token'],
		[{ access_token: 'tok-secret-1', expires_in: 3600, id_token: 'garbage' }, 'CXone sign-in failed reading the id_token: the token answer has no readable id_token'],
		[{ access_token: 'tok-secret-1', expires_in: 3600, id_token: unsignedJwt({ iss: ISSUER }) }, 'CXone sign-in failed reading the id_token: it carries no tenantId'],
	])('a token answer %p without a usable id_token says which step failed', async (body, message) => {
		openIdScope();
		tokenScope(body);
		const { error } = await executeWorkflow(new TestCredentialsHelper(realTenantCredentials()), {});
		expect(error?.message).toBe(message);
		expect(error?.description).toMatch(/Base URL/);
	});

	it('a discovery answer without api_endpoint says which step failed', async () => {
		openIdScope();
		tokenScope();
		discoveryScope({ area: 'na1' });
		const { error } = await executeWorkflow(new TestCredentialsHelper(realTenantCredentials()), {});
		expect(error?.message).toBe('CXone sign-in failed at tenant discovery (/.well-known/cxone-configuration): the answer has no api_endpoint');
	});

	it('invalid_grant says the access key is wrong and where to create one', async () => {
		openIdScope();
		nock(ISSUER).post('/auth/token').reply(400, { error: 'invalid_grant', error_description: 'bad password access-key-secret-value' });
		const { error } = await executeWorkflow(new TestCredentialsHelper(realTenantCredentials()), {});
		expect(error?.message).toBe('CXone refused the access key: the Access Key ID or Access Key Secret is wrong or deactivated. CXone said: bad password ***');
		expect(error?.description).toMatch(/Access Keys tab/);
	});

	it('invalid_client says the registered application\'s client ID or secret is wrong', async () => {
		openIdScope();
		nock(ISSUER).post('/auth/token').reply(401, { error: 'invalid_client' });
		const { error } = await executeWorkflow(new TestCredentialsHelper(realTenantCredentials()), {});
		expect(error?.message).toBe('CXone refused the client: the Client ID or Client Secret of your registered back-end application is wrong');
	});
});

describe('secrets never appear in errors', () => {
	// Before a token exists only the two configured secrets can leak; after it, the token too.
	const echo = 'client-secret-value access-key-secret-value';
	const echoWithToken = `${echo} tok-secret-1`;
	const TUTORIAL = 'https://acme.api.cxone.com';
	const TUTORIAL_STATES = '/api/v2/agents/states';
	const tutorialToken = () => nock(TUTORIAL).post('/oauth2/token').reply(200, { access_token: 'tok-secret-1', expires_in: 3600 });
	const tutorialApi = (reply: (scope: nock.Interceptor) => nock.Scope) => {
		tutorialToken();
		reply(nock(TUTORIAL).get(TUTORIAL_STATES));
	};
	const signedInAccessKey = () => {
		openIdScope();
		tokenScope();
		discoveryScope();
	};
	type Mode = 'tutorial' | 'accessKey';
	const failures: Array<[string, () => void, Mode]> = [
		['client credentials: 400 echoing secrets', () => nock(TUTORIAL).post('/oauth2/token').reply(400, { error: 'weird', error_description: echo }), 'tutorial'],
		['client credentials: 401', () => nock(TUTORIAL).post('/oauth2/token').reply(401, { error: 'invalid_client', error_description: echo }), 'tutorial'],
		['client credentials: 403', () => nock(TUTORIAL).post('/oauth2/token').reply(403, echo), 'tutorial'],
		['client credentials: non-JSON token answer', () => nock(TUTORIAL).post('/oauth2/token').reply(200, echo), 'tutorial'],
		['API 500 echoing the token', () => tutorialApi((api) => api.reply(500, { message: echoWithToken })), 'tutorial'],
		['API non-JSON echoing the token', () => tutorialApi((api) => api.reply(200, `oops ${echoWithToken}`)), 'tutorial'],
		['API HTML page echoing the token', () => tutorialApi((api) => api.reply(200, `<html>${echoWithToken}</html>`, { 'Content-Type': 'text/html' })), 'tutorial'],
		['API 429 with retries turned off', () => tutorialApi((api) => api.reply(429, { message: echoWithToken }, { 'Retry-After': '1' })), 'tutorial'],
		['API 404 echoing the token', () => tutorialApi((api) => api.reply(404, { message: echoWithToken })), 'tutorial'],
		['API 401 twice (the token refreshed once, then refused)', () => {
			nock(TUTORIAL).post('/oauth2/token').twice().reply(200, { access_token: 'tok-secret-1', expires_in: 3600 });
			nock(TUTORIAL).get(TUTORIAL_STATES).twice().reply(401, { message: echoWithToken });
		}, 'tutorial'],
		['API unexpected shape echoing the token', () => tutorialApi((api) => api.reply(200, { [echoWithToken]: 1, message: echoWithToken })), 'tutorial'],
		['access key: invalid_grant echoing every secret', () => {
			openIdScope();
			nock(ISSUER).post('/auth/token').reply(400, { error: 'invalid_grant', error_description: echo });
		}, 'accessKey'],
		['access key: token endpoint 500 echoing every secret', () => {
			openIdScope();
			nock(ISSUER).post('/auth/token').reply(500, { error: 'server_error', error_description: echo });
		}, 'accessKey'],
		['access key: discovery answer that is not JSON', () => {
			openIdScope();
			tokenScope();
			nock(ISSUER).get('/.well-known/cxone-configuration').query(true).reply(200, `oops ${echoWithToken}`);
		}, 'accessKey'],
		['access key: API 500 echoing the token', () => {
			signedInAccessKey();
			nock(API).get(STATES).reply(500, { message: echoWithToken });
		}, 'accessKey'],
	];

	const credentialsFor = (mode: Mode) =>
		mode === 'tutorial' ? tutorialCredentials({ clientSecret: 'client-secret-value', accessKeySecret: 'access-key-secret-value' }) : realTenantCredentials();

	/** Everything n8n and the node write to the console or to stdout/stderr while the block runs. */
	async function consoleOutput(block: () => Promise<unknown>): Promise<string> {
		const written: string[] = [];
		const capture = (...args: unknown[]) => {
			written.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg) ?? String(arg))).join(' '));
		};
		const captureChunk = (chunk: string | Uint8Array) => {
			written.push(String(chunk));
			return true;
		};
		const streams = new Set<NodeJS.WritableStream>([process.stdout, process.stderr]);
		// Winston (n8n's logger) writes to the console's own streams when it has them.
		for (const key of ['_stdout', '_stderr'] as const) {
			const stream = (console as unknown as Record<string, NodeJS.WritableStream | undefined>)[key];
			if (stream) streams.add(stream);
		}
		const spies = [
			...(['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => jest.spyOn(console, method).mockImplementation(capture)),
			...[...streams].map((stream) => jest.spyOn(stream, 'write').mockImplementation(captureChunk as never)),
		];
		try {
			await block();
		} finally {
			spies.forEach((spy) => spy.mockRestore());
		}
		return written.join('\n');
	}

	it.each(failures)('%s: not in the error, the items or the console', async (_name, arrange, mode) => {
		arrange();
		const credentials = credentialsFor(mode);
		let result: Awaited<ReturnType<typeof executeWorkflow>> | undefined;
		const logged = await consoleOutput(async () => {
			result = await executeWorkflow(new TestCredentialsHelper(credentials), { options: { maxRetryWaitSeconds: 0 }, continueOnFail: false });
		});
		const error = result?.error;
		expect(error).toBeDefined();
		const visible = [
			error?.message,
			error?.description,
			JSON.stringify((error as { errorResponse?: unknown }).errorResponse),
			JSON.stringify((error as { context?: unknown }).context),
			JSON.stringify(result?.items),
			logged,
		].join(' ');
		expect(logged.length).toBeGreaterThan(0); // n8n logs the failure: the check below has something to read
		for (const secret of SECRETS) expect(visible).not.toContain(secret);
	});

	it.each(failures)('%s: not in a Continue On Fail error item', async (_name, arrange, mode) => {
		arrange();
		const credentials = credentialsFor(mode);
		const { items } = await executeWorkflow(new TestCredentialsHelper(credentials), { options: { maxRetryWaitSeconds: 0 }, continueOnFail: true });
		expect(items[0].json.error).toEqual(expect.any(String));
		for (const secret of SECRETS) expect(JSON.stringify(items)).not.toContain(secret);
	});
});

describe('decodeJwtPayload', () => {
	it('reads an unsigned token and refuses garbage', () => {
		expect(decodeJwtPayload(unsignedJwt({ tenantId: 't' }))).toEqual({ tenantId: 't' });
		expect(decodeJwtPayload('a.b.c')).toBeNull();
		expect(decodeJwtPayload(undefined)).toBeNull();
	});
});
