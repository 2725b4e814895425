/**
 * What the credential shows in the n8n editor: the Test button's message, the sign-in choice, required markers
 * and per-method placeholders. The browser test (test/e2e/editor.e2e.ts) checks the same in a real n8n.
 */
import { NodeApiError, type ICredentialDataDecryptedObject, type IHttpRequestHelper, type INode, type INodeProperties } from 'n8n-workflow';

import { CxoneApi } from '../../credentials/CxoneApi.credentials';
import { realTenantCredentials, tutorialCredentials } from '../support/harness/credentials';

const ISSUER = 'https://cxone.niceincontact.com';
const node: INode = { id: 'temp', name: 'Temp-Node', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0], parameters: {} };

/** An HTTP helper answering like axios does: the OpenID document, then `status`/`body` for the token request. */
function helperAnswering(status: number, body: object): IHttpRequestHelper {
	return {
		helpers: {
			httpRequest: async (options: { url: string }) => {
				// The package's requests take n8n's full response with the body as text.
				if (options.url.endsWith('/.well-known/openid-configuration')) {
					return { statusCode: 200, headers: {}, body: JSON.stringify({ issuer: ISSUER, token_endpoint: `${ISSUER}/auth/token` }) };
				}
				throw Object.assign(new Error(`Request failed with status code ${status}`), {
					isAxiosError: true,
					response: { status, data: body, headers: {} },
				});
			},
		},
	} as unknown as IHttpRequestHelper;
}

/** n8n's credential test: preAuthentication, its error wrapped as `new NodeApiError(node, error)`, the message shown. */
async function testButtonMessage(credentials: ICredentialDataDecryptedObject, status: number, body: object): Promise<string> {
	try {
		await new CxoneApi().preAuthentication.call(helperAnswering(status, body), credentials);
	} catch (error) {
		return new NodeApiError(node, error as never).message;
	}
	throw new Error('sign-in did not fail');
}

describe('credential Test button', () => {
	it.each([
		['tutorial: wrong client secret (401)', tutorialCredentials(), 401, { error: 'invalid_client' }, 'The token endpoint refused the Client ID or Client Secret'],
		['access key: wrong access key secret (400)', realTenantCredentials(), 400, { error: 'invalid_grant' }, 'CXone refused the access key: the Access Key ID or Access Key Secret is wrong or deactivated'],
		[
			'access key: wrong client secret (401)',
			realTenantCredentials(),
			401,
			{ error: 'invalid_client' },
			"CXone refused the client: the Client ID or Client Secret of your registered back-end application is wrong",
		],
		['tutorial: token endpoint 500', tutorialCredentials(), 500, {}, 'CXone sign-in failed at the token request (HTTP 500)'],
	])('%s shows the package message, not n8n\'s generic status text', async (_case, credentials, status, body, message) => {
		const shown = await testButtonMessage(credentials, status, body);
		expect(shown).toBe(message);
		expect(shown).not.toMatch(/please check your/);
	});
});

describe('credential screen', () => {
	const properties = new CxoneApi().properties;
	const visible = (mode: string, extra: Record<string, string> = {}) =>
		properties.filter((property) => {
			const show = property.displayOptions?.show as Record<string, string[]> | undefined;
			if (!show) return true;
			const values: Record<string, string> = { authMode: mode, environment: 'custom', ...extra };
			return Object.entries(show).every(([name, allowed]) => allowed.includes(values[name]));
		}).filter((property) => property.type !== 'hidden');
	const field = (mode: string, name: string): INodeProperties => {
		const found = visible(mode).filter((property) => property.name === name);
		expect(found).toHaveLength(1);
		return found[0];
	};

	it('opens with a notice, then the sign-in choice, access key first and the default', () => {
		expect(properties[0].type).toBe('notice');
		expect(properties[0].displayName).toMatch(/Real CXone tenant: choose <b>CXone Access Key<\/b>/);
		const authMode = properties[1];
		expect(authMode.name).toBe('authMode');
		expect(authMode.default).toBe('accessKey');
		expect(authMode.options?.map((option) => (option as { name: string }).name)).toEqual([
			'CXone Access Key (Real Tenant)',
			'CXone Access Key Only (No App Registration)',
			'Tutorial API or Gateway (OAuth2 Client Credentials)',
		]);
	});

	it('marks required exactly what sign-in needs', () => {
		for (const name of ['clientId', 'clientSecret', 'accessKeyId', 'accessKeySecret', 'issuerUrl']) expect(field('accessKey', name).required).toBe(true);
		for (const name of ['clientId', 'clientSecret']) expect(field('clientCredentials', name).required).toBe(true);
		// The Tenant is not needed when Base URL is set, so it cannot be marked required.
		expect(field('clientCredentials', 'tenant').required).toBeFalsy();
		expect(field('clientCredentials', 'tenant').hint).toMatch(/Not needed when Base URL is set/);
	});

	it('gives each sign-in method its own placeholders and hints', () => {
		expect(field('accessKey', 'baseUrl').placeholder).toBe('e.g. https://api-na1.niceincontact.com');
		expect(field('clientCredentials', 'baseUrl').placeholder).not.toMatch(/niceincontact|cxone\.com/);
		expect(field('accessKey', 'clientId').hint).toMatch(/back-end application/);
		expect(field('clientCredentials', 'clientId').hint).not.toMatch(/back-end|access key/i);
		for (const mode of ['accessKey', 'clientCredentials']) {
			for (const property of visible(mode)) if (property.placeholder) expect(property.placeholder).toMatch(/^e\.g\. /);
		}
	});

	it('never sends a tutorial user to CXone screens or scopes that do not exist', () => {
		const text = JSON.stringify(visible('clientCredentials'));
		expect(text).not.toMatch(/OAuth Clients|Admin > Security/);
		expect(text).toMatch(/tutorial/);
	});
});

it('a credential saved without a Sign-In Method (read as an access key) says which method to choose', async () => {
	// n8n fills in the default and drops fields the access-key method hides, such as Tenant.
	const { NodeHelpers } = await import('n8n-workflow');
	const saved = { tenant: 'acme', clientId: 'id', clientSecret: 'secret', baseUrl: 'https://gw.example.com' };
	const asN8nReadsIt = NodeHelpers.getNodeParameters(new CxoneApi().properties, saved, true, false, null, null) as ICredentialDataDecryptedObject;
	expect(asN8nReadsIt.authMode).toBe('accessKey');
	const requests: unknown[] = [];
	const helper = { helpers: { httpRequest: async (options: unknown) => requests.push(options) } } as unknown as IHttpRequestHelper;
	await expect(new CxoneApi().preAuthentication.call(helper, asN8nReadsIt)).rejects.toMatchObject({
		message: 'Access Key ID and Access Key Secret are empty',
		description: expect.stringMatching(/choose Tutorial API or Gateway as the Sign-In Method/),
	});
	expect(requests).toEqual([]);
});
