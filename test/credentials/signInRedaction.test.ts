/**
 * The credential's own sign-in error reaches users directly (the credential Test button, and any caller of
 * `preAuthentication`), not only through the node, whose transport masks a second time. So its message and
 * description must carry no secret on their own.
 */
import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';
import nock from 'nock';

import { CxoneApi } from '../../credentials/CxoneApi.credentials';
import { realTenantCredentials, tutorialCredentials } from '../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../support/harness/workflow';
import { TUTORIAL_API as TUTORIAL, ISSUER } from '../support/harness/fixtures';

const CLIENT_SECRET = 'client-secret-value';
const ACCESS_KEY_SECRET = 'access-key-secret-value';
// The token n8n still holds when it signs in again after a 401.
const STORED_TOKEN = 'stored-token-value';
const SECRETS = [CLIENT_SECRET, ACCESS_KEY_SECRET, STORED_TOKEN];
const ECHO = `client_secret=${CLIENT_SECRET} password=${ACCESS_KEY_SECRET} token=${STORED_TOKEN}`;

/** Catches the real n8n-core helpers n8n hands to `preAuthentication`, so requests go through n8n's own HTTP code. */
class CapturingCredentialsHelper extends TestCredentialsHelper {
	helpers: IHttpRequestHelper | undefined;

	async preAuthentication(helpers: IHttpRequestHelper): Promise<undefined> {
		this.helpers = helpers;
		throw new Error('helpers captured');
	}
}

let helpers: IHttpRequestHelper;

beforeAll(async () => {
	nock.disableNetConnect();
	const capturing = new CapturingCredentialsHelper(tutorialCredentials());
	await executeWorkflow(capturing, {});
	if (!capturing.helpers) throw new Error('n8n did not call preAuthentication');
	helpers = capturing.helpers;
});
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

async function signInError(credentials: ICredentialDataDecryptedObject): Promise<{ message: string; description: string }> {
	const credential = new CxoneApi();
	try {
		await credential.preAuthentication.call(helpers, credentials);
	} catch (error) {
		return error as { message: string; description: string };
	}
	throw new Error('sign-in did not fail');
}

function expectNoSecret(error: { message: string; description: string }) {
	expect(error.message).toEqual(expect.any(String));
	for (const secret of SECRETS) {
		expect(error.message).not.toContain(secret);
		expect(error.description).not.toContain(secret);
	}
}

describe("the credential's sign-in error carries no secret", () => {
	it('client credentials: a token endpoint that echoes the client secret, the access key secret and the token', async () => {
		const token = nock(TUTORIAL).post('/oauth2/token').reply(400, { error: 'server_error', error_description: ECHO });
		const error = await signInError(tutorialCredentials({ accessKeySecret: ACCESS_KEY_SECRET, accessToken: STORED_TOKEN }));
		expect(token.isDone()).toBe(true);
		expect(error.message).toBe('CXone sign-in failed at the token request (HTTP 400)');
		// CXone's words are kept, with every secret masked.
		expect(error.description).toBe('CXone said: client_secret=*** password=*** token=***');
		expectNoSecret(error);
	});

	it('client credentials: an echo in a plain-text 500 answer', async () => {
		nock(TUTORIAL).post('/oauth2/token').reply(500, ECHO, { 'Content-Type': 'text/plain' });
		const error = await signInError(tutorialCredentials({ accessKeySecret: ACCESS_KEY_SECRET, accessToken: STORED_TOKEN }));
		expect(error.message).toBe('CXone sign-in failed at the token request (HTTP 500)');
		expect(error.description).toContain('***');
		expectNoSecret(error);
	});

	it('access key: a token endpoint that echoes the client secret, the access key secret and the token', async () => {
		nock(ISSUER).get('/.well-known/openid-configuration').reply(200, { issuer: ISSUER, token_endpoint: `${ISSUER}/auth/token` });
		const token = nock(ISSUER).post('/auth/token').reply(400, { error: 'server_error', error_description: ECHO });
		const error = await signInError(realTenantCredentials({ accessToken: STORED_TOKEN }));
		expect(token.isDone()).toBe(true);
		expect(error.message).toBe('CXone sign-in failed at the token request (HTTP 400)');
		expect(error.description).toBe('CXone said: client_secret=*** password=*** token=***');
		expectNoSecret(error);
	});

	it('access key: an OpenID discovery answer that echoes them', async () => {
		// 500, not 503: sign-in retries 503 (and 429), which this test is not about.
		const openId = nock(ISSUER).get('/.well-known/openid-configuration').reply(500, { message: ECHO });
		const error = await signInError(realTenantCredentials({ accessToken: STORED_TOKEN }));
		expect(openId.isDone()).toBe(true);
		expect(error.message).toBe('CXone sign-in failed at OpenID discovery (/.well-known/openid-configuration) (HTTP 500)');
		expect(error.description).toContain('***');
		expectNoSecret(error);
	});
});
