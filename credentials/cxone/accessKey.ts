/** Signing in to a real CXone tenant with an API user's access key, discovering the tenant's API host. */
// OpenID discovery → password grant with the access key → tenant from the `id_token` → `cxone-configuration` for
// the tenant's API host (skipped when Base URL is set).
import type { IDataObject } from 'n8n-workflow';

import { CXONE_ISSUERS } from './constants';
import type { CxoneCredentialData, HttpRequester, SignInResult } from './credentialData';
import { CxoneSignInError, explainTokenFailure, requireField } from './signInErrors';
import { DEFAULT_SIGN_IN_LIMITS, readJsonObject, requestToken, signInRequest, type SignInLimits } from './tokenRequest';
import { assertSafeUrl, discoveryIssuer, refuseInternalAddress, validateEndpointUrl, withoutTrailingSlash } from './urlRules';

function issuerOf(credentials: CxoneCredentialData): URL {
	const environment = credentials.environment ?? 'global';
	if (environment === 'custom') return validateEndpointUrl(credentials.issuerUrl, 'Issuer URL');
	const issuer = (CXONE_ISSUERS as Record<string, string>)[environment];
	if (!issuer) {
		throw new CxoneSignInError(
			`Unknown CXone environment "${String(environment)}"`,
			'Pick Global, FedRAMP, AU, EU or Custom in the credential.',
		);
	}
	return new URL(issuer);
}

/**
 * Reads the `id_token` payload to learn which tenant signed in. No signature check: the token came
 * straight from the issuer over TLS, and the claim is used only to route the next discovery call.
 */
export function decodeJwtPayload(token: unknown): IDataObject | null {
	if (typeof token !== 'string') return null;
	const payload = token.split('.')[1];
	if (!payload) return null;
	try {
		const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
		return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as IDataObject) : null;
	} catch {
		return null;
	}
}

const OPENID_STEP = 'OpenID discovery (/.well-known/openid-configuration)';
const DISCOVERY_STEP = 'tenant discovery (/.well-known/cxone-configuration)';

export async function signInWithAccessKey(
	http: HttpRequester,
	credentials: CxoneCredentialData,
	nowMs: number,
	limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
): Promise<SignInResult> {
	if (!credentials.accessKeyId?.trim() && !credentials.accessKeySecret?.trim()) {
		// Also what a credential saved before CXone Access Key became the default looks like (n8n fills in the default).
		throw new CxoneSignInError(
			'Access Key ID and Access Key Secret are empty',
			'For a real CXone tenant, fill in the API user\'s access key. For the tutorial API or a gateway, choose Tutorial API or Gateway as the Sign-In Method.',
		);
	}
	const issuer = issuerOf(credentials);
	const issuerBase = withoutTrailingSlash(issuer);
	const clientId = requireField(credentials.clientId, 'Client ID');
	const clientSecret = requireField(credentials.clientSecret, 'Client Secret');
	const accessKeyId = requireField(credentials.accessKeyId, 'Access Key ID');
	const accessKeySecret = requireField(credentials.accessKeySecret, 'Access Key Secret');
	const baseOverride = credentials.baseUrl?.trim()
		? withoutTrailingSlash(validateEndpointUrl(credentials.baseUrl, 'Base URL'))
		: '';

	const openId = readJsonObject(
		await signInRequest(
			{ method: 'GET', url: `${issuerBase}/.well-known/openid-configuration`, headers: { Accept: 'application/json' } },
			{ http, credentials, limits, step: OPENID_STEP },
		),
		OPENID_STEP,
	);
	const tokenEndpoint = assertSafeUrl(openId.token_endpoint, { what: 'token_endpoint', step: OPENID_STEP, issuer });
	if (tokenEndpoint.host !== issuer.host) {
		throw new CxoneSignInError(
			`CXone sign-in stopped at ${OPENID_STEP}: the token endpoint is on ${tokenEndpoint.host}, not on the issuer ${issuer.host}`,
			'The package sends your access key only to the issuer itself. Check the environment or Issuer URL.',
		);
	}

	const { body: tokenBody, accessToken, tokenExpiresAt } = await requestToken(
		tokenEndpoint.href,
		{ clientId, clientSecret },
		{ grant_type: 'password', username: accessKeyId, password: accessKeySecret },
		{ http, credentials, limits, explain: (failure) => explainTokenFailure(failure, 'realTenant') },
		nowMs,
	);
	const signedIn = { accessToken, tokenExpiresAt };
	if (baseOverride) return { ...signedIn, apiBaseUrl: baseOverride };

	const claims = decodeJwtPayload(tokenBody.id_token);
	if (!claims) {
		throw new CxoneSignInError(
			'CXone sign-in failed reading the id_token: the token answer has no readable id_token',
			'The package reads the tenant from the id_token to find your API host. Set Base URL in the credential to skip discovery.',
		);
	}
	const tenantId = typeof claims.tenantId === 'string' ? claims.tenantId : '';
	if (!tenantId) {
		throw new CxoneSignInError(
			'CXone sign-in failed reading the id_token: it carries no tenantId',
			'Set Base URL in the credential (for example https://api-na1.niceincontact.com) to skip discovery.',
		);
	}

	const discoveryBase = discoveryIssuer(claims.iss, issuer) ?? issuerBase;
	const discovery = readJsonObject(
		await signInRequest(
			{ method: 'GET', url: `${discoveryBase}/.well-known/cxone-configuration`, qs: { tenantId }, headers: { Accept: 'application/json' } },
			{ http, credentials, limits, step: DISCOVERY_STEP, issuedToken: accessToken },
		),
		DISCOVERY_STEP,
	);
	const apiEndpoint = assertSafeUrl(discovery.api_endpoint, { what: 'api_endpoint', step: DISCOVERY_STEP, issuer });
	refuseInternalAddress(apiEndpoint, issuer.hostname, 'api_endpoint', DISCOVERY_STEP);
	return { ...signedIn, apiBaseUrl: withoutTrailingSlash(apiEndpoint) };
}
