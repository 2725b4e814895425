/** Signing in to a real CXone tenant with an API user's access key, discovering the tenant's API host. */
// OpenID discovery → password grant with the access key → tenant from the `id_token` → `cxone-configuration` for
// the tenant's API host (skipped when Base URL is set).
import { CXONE_ISSUERS } from './constants';
import type { CxoneCredentialData, HttpRequester, SignInResult } from './credentialData';
import { CxoneSignInError, explainTokenFailure, requireField } from './signInErrors';
import { discoverApiBase } from './tenantDiscovery';
import { DEFAULT_SIGN_IN_LIMITS, readJsonObject, requestToken, signInRequest, type SignInLimits } from './tokenRequest';
import { assertSafeUrl, discoveryIssuer, validateEndpointUrl, withoutTrailingSlash } from './urlRules';

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

export { decodeJwtPayload } from './tenantDiscovery';

const OPENID_STEP = 'OpenID discovery (/.well-known/openid-configuration)';

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

	return await discoverApiBase(
		{ body: tokenBody, ...signedIn },
		{ http, credentials, limits, signInUrl: issuer, discoveryBaseFor: (iss) => discoveryIssuer(iss, issuer) ?? issuerBase },
	);
}
