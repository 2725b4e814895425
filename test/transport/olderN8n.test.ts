/* eslint-disable @n8n/community-nodes/require-node-api-error -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * A refused token on every n8n the package supports. n8n 2.40+ honours preAuthenticationRetryStatusCode and
 * leaves a 401 to the node; older n8n (1.123.x here) signs in again itself on any 401, renews the token in the
 * credential object the node passed, and retries once. Both behaviours are reproduced below, as n8n-core
 * writes them (request-helper-functions.js, httpRequestWithAuthentication), against the simulator over HTTP,
 * and the sign-ins are counted. The real n8n versions run the same cases in test/e2e/execute.e2e.ts.
 */
import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { CxoneApi } from '../../credentials/CxoneApi.credentials';
import { CxoneSession } from '../../nodes/Cxone/transport';
import { simulatorTutorialCredentials } from '../support/harness/credentials';
import { startSimulator, type Simulator } from '../support/simulator';

const credentialType = new CxoneApi();

/** n8n's httpRequest, reduced to what the credential and transport send: an error carries `response.status`. */
async function httpRequest(options: IHttpRequestOptions): Promise<unknown> {
	const url = new URL(options.url, options.baseURL);
	for (const [key, value] of Object.entries(options.qs ?? {})) url.searchParams.set(key, String(value));
	const response = await fetch(url, { method: options.method ?? 'GET', headers: options.headers as Record<string, string>, body: options.body as string | undefined });
	const text = await response.text();
	const headers = Object.fromEntries(response.headers.entries());
	if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { response: { status: response.status, headers, data: text } });
	if (options.returnFullResponse) return { statusCode: response.status, headers, body: text };
	return text ? (JSON.parse(text) as unknown) : undefined;
}

/**
 * An execution's context in an n8n that does (2.40+) or does not (before 2.40) honour
 * preAuthenticationRetryStatusCode. The stored credential is what every execution reads back.
 */
function n8nContext(stored: { data: ICredentialDataDecryptedObject }, honoursRetryStatusCode: boolean): IExecuteFunctions {
	// n8n's CredentialsHelper.preAuthentication: sign in when the token is empty or was refused, store the result.
	const preAuthentication = async (credentials: ICredentialDataDecryptedObject, expired: boolean) => {
		if (credentials.accessToken !== '' && !expired) return;
		const output = await credentialType.preAuthentication.call({ helpers: { httpRequest } } as never, credentials);
		Object.assign(credentials, output);
		stored.data = { ...credentials };
	};
	const send = async (credentials: ICredentialDataDecryptedObject, options: IHttpRequestOptions) =>
		await httpRequest(await (credentialType.authenticate as (c: ICredentialDataDecryptedObject, o: IHttpRequestOptions) => Promise<IHttpRequestOptions>)(credentials, options));
	return {
		getNode: () => ({ name: 'CXone Agent States', credentials: { cxoneApi: { id: 'cred-1', name: 'CXone' } } }),
		getCredentials: async () => ({ ...stored.data }),
		helpers: {
			async httpRequestWithAuthentication(_type: string, options: IHttpRequestOptions, additional: { credentialsDecrypted: { data: ICredentialDataDecryptedObject }; preAuthenticationRetryStatusCode?: number[] }) {
				const credentials = additional.credentialsDecrypted.data;
				try {
					await preAuthentication(credentials, false);
					return await send(credentials, options);
				} catch (error) {
					const status = (error as { response?: { status?: number } }).response?.status;
					const renewOn = honoursRetryStatusCode ? (additional.preAuthenticationRetryStatusCode ?? [401]) : [401];
					if (status === undefined || !renewOn.includes(status)) throw error;
					await preAuthentication(credentials, true);
					return await send(credentials, options);
				}
			},
		},
	} as unknown as IExecuteFunctions;
}

let simulator: Simulator;
beforeAll(async () => {
	simulator = await startSimulator({ agents: 5, seed: 7, quiet: true });
});
afterEach(() => simulator.schedule(undefined));
afterAll(async () => await simulator.stop());

describe.each([
	['n8n 1.123.x (renews any 401 in core)', false],
	['n8n 2.40+ (leaves the 401 to the node)', true],
])('%s', (_name, honoursRetryStatusCode) => {
	const signedIn = async () => {
		const stored = { data: { ...simulatorTutorialCredentials(simulator.url), accessToken: '' } };
		const session = await CxoneSession.open(n8nContext(stored, honoursRetryStatusCode), { baseDelayMs: 1, maxTotalWaitMs: 100 });
		await session.request(session.statesPath);
		return stored;
	};

	it('a token revoked between executions: one sign-in, and the execution succeeds', async () => {
		const stored = await signedIn();
		simulator.revokeTokens();
		const before = simulator.tokenRequests();
		const session = await CxoneSession.open(n8nContext(stored, honoursRetryStatusCode));
		const response = await session.request(session.statesPath);
		expect(response.status).toBe(200);
		expect(simulator.tokenRequests() - before).toBe(1);
	}, 20_000);

	it('every token refused: one sign-in, then the error says so', async () => {
		const stored = await signedIn();
		simulator.schedule((request) => (request.path.endsWith('/agents/states') ? { status: 401 } : undefined));
		const before = simulator.tokenRequests();
		const session = await CxoneSession.open(n8nContext(stored, honoursRetryStatusCode));
		await expect(session.request(session.statesPath)).rejects.toThrow('CXone rejected the access token (HTTP 401), even after signing in again');
		expect(simulator.tokenRequests() - before).toBe(1);
	}, 20_000);
});
