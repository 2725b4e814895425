/** Real-tenant sign-in: sovereign clouds, tenant discovery from the id_token's iss, NICE's camelCase errorDescription. */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { CxoneApi } from '../../credentials/CxoneApi.credentials';
import { signInWithAccessKey } from '../../credentials/cxone/accessKey';
import { signInWithClientCredentials } from '../../credentials/cxone/clientCredentials';
import type { CxoneCredentialData } from '../../credentials/cxone/credentialData';
import { discoveryIssuer } from '../../credentials/cxone/urlRules';

const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

const credentials = (overrides: Partial<CxoneCredentialData> = {}): CxoneCredentialData => ({
	authMode: 'accessKey',
	environment: 'global',
	clientId: 'client-id',
	clientSecret: 'client-secret-value',
	accessKeyId: 'AKID',
	accessKeySecret: 'access-key-secret-value',
	...overrides,
});

/** What n8n's httpRequest gives for the package's requests (full response, body as text). */
const answer = (body: object) => ({ statusCode: 200, headers: {}, body: JSON.stringify(body) });

/** A fake CXone: answers by URL, records every URL asked. */
function fakeCxone(issuer: string, iss: string) {
	const urls: string[] = [];
	const http = async (options: IHttpRequestOptions) => {
		const url = new URL(options.url as string);
		urls.push(`${url.origin}${url.pathname}`);
		if (url.pathname === '/.well-known/openid-configuration') return answer({ issuer, token_endpoint: `${issuer}/auth/token` });
		if (url.pathname === '/auth/token') {
			return answer({ access_token: 'tok', token_type: 'bearer', refresh_token: 'r', expires_in: 3600, id_token: jwt({ iss, tenantId: 't-1' }) });
		}
		if (url.pathname === '/.well-known/cxone-configuration') return answer({ api_endpoint: `https://api-${url.hostname}` });
		throw new Error(`unexpected ${url.href}`);
	};
	return { http, urls };
}

describe('environments', () => {
	it('offers Global, FedRAMP, AU and EU sovereign clouds, and Custom', () => {
		const environment = new CxoneApi().properties.find((property) => property.name === 'environment');
		expect(environment?.options?.map((option) => (option as { value: string }).value)).toEqual(['global', 'fedramp', 'au', 'eu', 'custom']);
	});

	it.each([
		['au', 'https://nicecxone-sov1.au'],
		['eu', 'https://nicecxone-sov1.eu'],
	] as const)('%s signs in at %s', async (environment, issuer) => {
		const { http, urls } = fakeCxone(issuer, issuer);
		const result = await signInWithAccessKey(http, credentials({ environment }), 0);
		expect(urls[0]).toBe(`${issuer}/.well-known/openid-configuration`);
		expect(urls[1]).toBe(`${issuer}/auth/token`);
		expect(result.apiBaseUrl).toBe(`https://api-${new URL(issuer).hostname}`);
	});
});

describe('tenant discovery from the id_token\'s iss', () => {
	it('asks the iss when it is on the configured issuer\'s domain', async () => {
		const { http, urls } = fakeCxone('https://cxone.niceincontact.com', 'https://na1.cxone.niceincontact.com');
		const result = await signInWithAccessKey(http, credentials(), 0);
		expect(urls[2]).toBe('https://na1.cxone.niceincontact.com/.well-known/cxone-configuration');
		expect(result.apiBaseUrl).toBe('https://api-na1.cxone.niceincontact.com');
	});

	it('ignores an iss on another domain and asks the configured issuer', async () => {
		const { http, urls } = fakeCxone('https://cxone.niceincontact.com', 'https://evil.example');
		await signInWithAccessKey(http, credentials(), 0);
		expect(urls[2]).toBe('https://cxone.niceincontact.com/.well-known/cxone-configuration');
		expect(urls.some((url) => url.includes('evil.example'))).toBe(false);
	});

	it.each([
		['https://cxone.niceincontact.com', 'https://cxone.niceincontact.com'],
		['https://auth.niceincontact.com/', 'https://auth.niceincontact.com'],
		['http://cxone.niceincontact.com', null],
		['https://niceincontact.com.evil.example', null],
		['https://user:pw@cxone.niceincontact.com', null],
		['not a url', null],
		[42, null],
	])('iss %s → %s', (iss, expected) => {
		expect(discoveryIssuer(iss, new URL('https://cxone.niceincontact.com'))).toBe(expected);
	});
});

describe('sign-in errors', () => {
	const failing = (status: number, data: object) => async () => {
		throw Object.assign(new Error('Request failed'), { response: { status, data, headers: {} } });
	};

	it('reads NICE\'s camelCase errorDescription', async () => {
		const http = async (options: IHttpRequestOptions) => {
			if (String(options.url).endsWith('/openid-configuration')) return answer({ issuer: 'https://cxone.niceincontact.com', token_endpoint: 'https://cxone.niceincontact.com/auth/token' });
			return await failing(400, { error: 'invalid_request', errorDescription: 'Grant type not allowed for this application' })();
		};
		await expect(signInWithAccessKey(http, credentials(), 0)).rejects.toMatchObject({ description: 'CXone said: Grant type not allowed for this application' });
	});

	it('the tutorial mode says what it is and points real tenants to the access key', async () => {
		const error = (await signInWithClientCredentials(failing(401, { error: 'invalid_client' }), { authMode: 'clientCredentials', tenant: 'acme', clientId: 'c', clientSecret: 'secret' }, 0).catch(
			(caught: unknown) => caught,
		)) as { description: string };
		expect(error.description).toMatch(/tutorial's API or an OAuth gateway/);
		expect(error.description).toMatch(/CXone Access Key sign-in/);
		expect(error.description).not.toMatch(/Security > OAuth Clients/);
	});
});
