/** The access-key-only sign-in on its own: the token request NICE's User Hub documents, discovery, refusals, masking. */
import { NodeApiError, type IHttpRequestOptions, type INode } from 'n8n-workflow';

import { CxoneApi } from '../../credentials/CxoneApi.credentials';
import { signInWithAccessKeyOnly } from '../../credentials/cxone/accessKeyOnly';
import type { CxoneCredentialData } from '../../credentials/cxone/credentialData';
import { accessKeyOnlyCredentials } from '../support/harness/credentials';

const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
const TOKEN_ANSWER = {
	access_token: 'tok-1',
	token_type: 'bearer',
	expires_in: 3600,
	refresh_token: 'refresh-1',
	id_token: jwt({ iss: 'https://cxone.niceincontact.com', tenantId: 't-1', icClusterId: 'C32' }),
};

/** A fake NICE: the token endpoint answers `token`, cxone-configuration names api-na1; every request is kept. */
function fakeNice(token: object | (() => never) = TOKEN_ANSWER) {
	const requests: IHttpRequestOptions[] = [];
	const http = async (options: IHttpRequestOptions) => {
		requests.push(options);
		const url = new URL(options.url);
		if (url.pathname === '/authentication/v1/token/access-key') {
			if (typeof token === 'function') token();
			return { statusCode: 200, headers: {}, body: JSON.stringify(token) };
		}
		if (url.pathname === '/.well-known/cxone-configuration') return { statusCode: 200, headers: {}, body: JSON.stringify({ api_endpoint: 'https://api-na1.niceincontact.com/' }) };
		throw new Error(`unexpected ${url.href}`);
	};
	return { http, requests };
}

const refusing = (status: number, data: unknown) => () => {
	throw Object.assign(new Error(`Request failed with status code ${status}`), { isAxiosError: true, response: { status, data, headers: {} } });
};

const credentials = (overrides: Partial<CxoneCredentialData> = {}) => accessKeyOnlyCredentials(overrides) as CxoneCredentialData;

describe('the token request', () => {
	it.each([
		['na1', {}, 'https://na1.nice-incontact.com'],
		['au1', {}, 'https://au1.nice-incontact.com'],
		['eu1', {}, 'https://eu1.nice-incontact.com'],
		['custom', { userHubUrl: 'https://userhub.example.com/' }, 'https://userhub.example.com'],
	] as const)('region %s: POST {User Hub}/authentication/v1/token/access-key, JSON, no Authorization header', async (region, extra, userHub) => {
		const { http, requests } = fakeNice();
		await signInWithAccessKeyOnly(http, credentials({ region, ...extra }), 0);
		const sent = requests[0];
		expect(sent.method).toBe('POST');
		expect(sent.url).toBe(`${userHub}/authentication/v1/token/access-key`);
		expect(sent.headers).toMatchObject({ 'Content-Type': 'application/json' });
		expect(Object.keys(sent.headers ?? {}).map((name) => name.toLowerCase())).not.toContain('authorization');
		expect(JSON.parse(String(sent.body))).toEqual({ accessKeyId: 'AKID', accessKeySecret: 'Xq7-secret-9Lm2' });
	});

	it('a saved credential without a region signs in at na1', async () => {
		const { http, requests } = fakeNice();
		await signInWithAccessKeyOnly(http, { ...credentials(), region: undefined }, 0);
		expect(requests[0].url).toBe('https://na1.nice-incontact.com/authentication/v1/token/access-key');
	});

	it('a custom User Hub URL on plain http is refused before anything is sent, unless it is loopback', async () => {
		const { http, requests } = fakeNice();
		await expect(signInWithAccessKeyOnly(http, credentials({ region: 'custom', userHubUrl: 'http://userhub.example.com' }), 0)).rejects.toMatchObject({
			message: 'User Hub URL must start with https://',
		});
		expect(requests).toEqual([]);
		await signInWithAccessKeyOnly(http, credentials({ region: 'custom', userHubUrl: 'http://127.0.0.1:9' }), 0);
		expect(requests[0].url).toBe('http://127.0.0.1:9/authentication/v1/token/access-key');
	});

	it('needs no Client ID or Client Secret, and says which access-key field is empty', async () => {
		const { http, requests } = fakeNice();
		await expect(signInWithAccessKeyOnly(http, credentials({ accessKeySecret: ' ' }), 0)).rejects.toMatchObject({ message: 'Access Key Secret is empty' });
		expect(requests).toEqual([]);
	});
});

describe('the API host', () => {
	it('comes from the id_token\'s tenant through cxone-configuration on its issuer, and the token is kept with its expiry', async () => {
		const { http, requests } = fakeNice();
		const result = await signInWithAccessKeyOnly(http, credentials(), Date.parse('2026-12-03T06:00:00Z'));
		expect(requests[1]).toMatchObject({ method: 'GET', url: 'https://cxone.niceincontact.com/.well-known/cxone-configuration', qs: { tenantId: 't-1' } });
		expect(result).toEqual({ accessToken: 'tok-1', apiBaseUrl: 'https://api-na1.niceincontact.com', tokenExpiresAt: '2026-12-03T06:59:00.000Z' }); // renewed a minute before expiry
	});

	it('an iss outside NICE\'s issuers is not asked: the global issuer is', async () => {
		const { http, requests } = fakeNice({ ...TOKEN_ANSWER, id_token: jwt({ iss: 'https://evil.example', tenantId: 't-1' }) });
		await signInWithAccessKeyOnly(http, credentials(), 0);
		expect(requests[1].url).toBe('https://cxone.niceincontact.com/.well-known/cxone-configuration');
	});

	it('Base URL skips discovery', async () => {
		const { http, requests } = fakeNice();
		const result = await signInWithAccessKeyOnly(http, credentials({ baseUrl: 'https://api-c32.nice-incontact.com/' }), 0);
		expect(requests).toHaveLength(1);
		expect(result.apiBaseUrl).toBe('https://api-c32.nice-incontact.com');
	});

	it('without an id_token, says to set Base URL', async () => {
		const { http } = fakeNice({ access_token: 'tok-1', expires_in: 3600 });
		await expect(signInWithAccessKeyOnly(http, credentials(), 0)).rejects.toMatchObject({ description: expect.stringMatching(/Set Base URL/) });
	});
});

describe('refusals', () => {
	const SECRET = 'Ak+/=&~! "key" secret 9876543210zyxwvuts';
	const node: INode = { id: 'temp', name: 'Temp-Node', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0], parameters: {} };

	it.each([
		['400 invalid_grant', 400, { error: 'invalid_grant' }],
		['401 without an OAuth code', 401, {}],
		['401 invalid_client', 401, { error: 'invalid_client' }],
	])('%s: the Test button says the access key is wrong, not a client', async (_case, status, body) => {
		const { http } = fakeNice(refusing(status, body));
		const helper = { helpers: { httpRequest: http } } as never;
		const error = await new CxoneApi().preAuthentication.call(helper, accessKeyOnlyCredentials()).catch((caught: unknown) => caught);
		expect(new NodeApiError(node, error as never).message).toMatch(/^CXone refused the access key: the Access Key ID or Access Key Secret is wrong or deactivated(\.|$)/);
	});

	it('404 names Region and User Hub URL', async () => {
		const { http } = fakeNice(refusing(404, {}));
		await expect(signInWithAccessKeyOnly(http, credentials(), 0)).rejects.toMatchObject({
			message: 'The User Hub has no access-key token endpoint here (HTTP 404)',
			description: expect.stringMatching(/Region .* User Hub URL/),
		});
	});

	it.each([
		['as is', SECRET],
		['JSON-escaped', JSON.stringify(SECRET).slice(1, -1)],
	])('a refusal echoing the secret (%s) shows no piece of it', async (_form, echoed) => {
		const { http } = fakeNice(refusing(500, `{"error":"server_error","error_description":"no key ${echoed}"}`));
		const error = (await signInWithAccessKeyOnly(http, credentials({ accessKeySecret: SECRET }), 0).catch((caught: unknown) => caught)) as Error & { description: string };
		const shown = `${error.message} ${error.description}`;
		expect(shown).toMatch(/HTTP 500|no key/);
		for (let i = 0; i + 8 <= SECRET.length; i++) expect(shown).not.toContain(SECRET.slice(i, i + 8));
	});
});
