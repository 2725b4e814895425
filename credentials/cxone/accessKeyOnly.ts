/** Signing in with an API user's access key alone (no registered application): NICE User Hub's access-key token. */
// POST {User Hub}/authentication/v1/token/access-key with a JSON body and no client → tenant from the `id_token` →
// `cxone-configuration` for the tenant's API host (skipped when Base URL is set). Sources: developer.niceincontact.com
// API/DataExtractionAPI and Documentation/UserHubGettingStarted; outboundani/cxone-mcp src/cxone.js (live-tested);
// WodongaTAFE/PSInContact InContact/public/Connect-IC.ps1; singer-io/tap-nice-incontact tap_nice_incontact/client.py.
import { USER_HUB_SIGN_IN_PATH, CXONE_ISSUERS, USER_HUB_REGIONS } from './constants';
import type { CxoneCredentialData, HttpRequester, SignInResult } from './credentialData';
import type { HttpFailure } from './http/httpFailure';
import { CxoneSignInError, explainTokenFailure, requireField, type Explanation } from './signInErrors';
import { discoverApiBase } from './tenantDiscovery';
import { DEFAULT_SIGN_IN_LIMITS, readTokenAnswer, signInRequest, TOKEN_STEP, type SignInLimits } from './tokenRequest';
import { discoveryIssuer, validateEndpointUrl, withoutTrailingSlash } from './urlRules';

/** The User Hub the region names, or the User Hub URL a custom region gives (its origin: the token path is fixed). */
export function userHubOf(credentials: CxoneCredentialData): URL {
	const region = credentials.region ?? 'na1';
	if (region === 'custom') return new URL(validateEndpointUrl(credentials.userHubUrl, 'User Hub URL').origin);
	const userHub = (USER_HUB_REGIONS as Record<string, string>)[region];
	if (!userHub) {
		throw new CxoneSignInError(`Unknown User Hub region "${String(region)}"`, 'Pick na1, au1, eu1 or Custom as the Region in the credential.');
	}
	return new URL(userHub);
}

/**
 * No client takes part in this sign-in, so a refused "client" (401, invalid_client) can only be the access key.
 * A 404 means the User Hub address is wrong; the rest reads as the other real-tenant sign-in's refusals.
 */
function explainAccessKeyRefusal(failure: HttpFailure): Explanation | undefined {
	if (failure.status === 404) {
		return {
			message: 'The User Hub has no access-key token endpoint here (HTTP 404)',
			description: `Check Region (na1, au1, eu1) or the User Hub URL: the package posts to {User Hub}${USER_HUB_SIGN_IN_PATH}.`,
		};
	}
	const refusedClient = failure.oauthError === 'invalid_client' || (failure.status === 401 && !failure.oauthError);
	return explainTokenFailure(refusedClient ? { ...failure, oauthError: 'invalid_grant' } : failure, 'realTenant');
}

const KNOWN_ISSUERS = new Set<string>(Object.values(CXONE_ISSUERS));

/**
 * Where to ask for cxone-configuration: the id_token's `iss` when it is on the User Hub's own domain or is one of
 * CXone's issuers, otherwise the global issuer, which outboundani/cxone-mcp asks for every tenant (live-tested).
 */
function discoveryBaseFor(userHub: URL) {
	return (iss: unknown): string => {
		const onUserHubDomain = discoveryIssuer(iss, userHub);
		if (onUserHubDomain) return onUserHubDomain;
		const issuer = typeof iss === 'string' ? iss.trim().replace(/\/+$/, '') : '';
		return KNOWN_ISSUERS.has(issuer) ? issuer : CXONE_ISSUERS.global;
	};
}

export async function signInWithAccessKeyOnly(
	http: HttpRequester,
	credentials: CxoneCredentialData,
	nowMs: number,
	limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
): Promise<SignInResult> {
	const userHub = userHubOf(credentials);
	const accessKeyId = requireField(credentials.accessKeyId, 'Access Key ID');
	const accessKeySecret = requireField(credentials.accessKeySecret, 'Access Key Secret');
	const baseOverride = credentials.baseUrl?.trim() ? withoutTrailingSlash(validateEndpointUrl(credentials.baseUrl, 'Base URL')) : '';

	const answer = await signInRequest(
		{
			method: 'POST',
			url: `${withoutTrailingSlash(userHub)}${USER_HUB_SIGN_IN_PATH}`,
			// JSON, and no Authorization header: the endpoint takes the key alone (DataExtractionAPI: "Content-Type: application/json").
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			body: JSON.stringify({ accessKeyId, accessKeySecret }),
		},
		{ http, credentials, limits, step: TOKEN_STEP, explain: explainAccessKeyRefusal },
	);
	// The answer also carries a refresh_token; the package signs in again instead (as outboundani/cxone-mcp does),
	// since NICE's refresh endpoint answers in other keys (tap-nice-incontact client.py) no live client confirms.
	const token = readTokenAnswer(answer, nowMs);
	if (baseOverride) return { accessToken: token.accessToken, tokenExpiresAt: token.tokenExpiresAt, apiBaseUrl: baseOverride };
	return await discoverApiBase(token, { http, credentials, limits, signInUrl: userHub, discoveryBaseFor: discoveryBaseFor(userHub) });
}
