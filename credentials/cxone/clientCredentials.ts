/** Signing in to the tutorial's API (and OAuth gateways that speak it): the client-credentials grant. */
import { AGENT_STATE_READ_SCOPE } from './constants';
import { TUTORIAL_TOKEN_PATH } from './http/paths';
import type { CxoneCredentialData, HttpRequester, SignInResult } from './credentialData';
import { explainTokenFailure, requireField } from './signInErrors';
import { DEFAULT_SIGN_IN_LIMITS, requestToken, TOKEN_STEP, type SignInLimits } from './tokenRequest';
import { assertSafeUrl, refuseInternalAddress, validateEndpointUrl, validateTenant, withoutTrailingSlash } from './urlRules';

/** The tutorial API's base: Base URL when set, otherwise https://{tenant}.api.cxone.com. */
export function tutorialApiBase(credentials: CxoneCredentialData): string {
	if (credentials.baseUrl?.trim()) return withoutTrailingSlash(validateEndpointUrl(credentials.baseUrl, 'Base URL'));
	return `https://${validateTenant(credentials.tenant)}.api.cxone.com`;
}

export async function signInWithClientCredentials(
	http: HttpRequester,
	credentials: CxoneCredentialData,
	nowMs: number,
	limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
): Promise<SignInResult> {
	const apiBase = tutorialApiBase(credentials);
	const tokenUrl = credentials.tokenUrl?.trim()
		? validateEndpointUrl(credentials.tokenUrl, 'Token URL').href
		: `${apiBase}${TUTORIAL_TOKEN_PATH}`;
	const clientId = requireField(credentials.clientId, 'Client ID');
	const clientSecret = requireField(credentials.clientSecret, 'Client Secret');
	const scope = credentials.scope?.trim() || AGENT_STATE_READ_SCOPE;

	const { body, accessToken, tokenExpiresAt } = await requestToken(
		tokenUrl,
		{ clientId, clientSecret },
		{ grant_type: 'client_credentials', scope },
		{ http, credentials, limits, explain: (failure) => explainTokenFailure(failure, 'tutorial', scope) },
		nowMs,
	);
	// Real CXone's legacy token answer names the API host to use; honour it, but only over a safe URL.
	const announcedBase = typeof body.resource_server_base_uri === 'string' ? body.resource_server_base_uri : '';
	let apiBaseUrl = apiBase;
	if (announcedBase) {
		const announced = assertSafeUrl(announcedBase, { field: 'The API base CXone announced (resource_server_base_uri)' });
		refuseInternalAddress(announced, new URL(tokenUrl).hostname, 'resource_server_base_uri', TOKEN_STEP);
		apiBaseUrl = withoutTrailingSlash(announced);
	}
	return { accessToken, apiBaseUrl, tokenExpiresAt };
}
