/** A real tenant's API host, found from the token answer: the id_token's tenant → `cxone-configuration` → `api_endpoint`. */
import type { IDataObject } from 'n8n-workflow';

import type { SignInResult } from './credentialData';
import { CxoneSignInError } from './signInErrors';
import { readJsonObject, signInRequest, type SignInStep } from './tokenRequest';
import { assertSafeUrl, refuseInternalAddress, withoutTrailingSlash } from './urlRules';

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

const DISCOVERY_STEP = 'tenant discovery (/.well-known/cxone-configuration)';

export interface TenantDiscovery extends Omit<SignInStep, 'step' | 'explain' | 'issuedToken'> {
	/** Where the sign-in went: the https/loopback rules for what CXone announces are judged against it. */
	signInUrl: URL;
	/** The host to ask for cxone-configuration, given the id_token's `iss`. */
	discoveryBaseFor: (iss: unknown) => string;
}

/** The signed-in token's API base: from the id_token's tenantId, through cxone-configuration's api_endpoint. */
export async function discoverApiBase(
	token: { body: IDataObject; accessToken: string; tokenExpiresAt: string },
	{ http, credentials, limits, signInUrl, discoveryBaseFor }: TenantDiscovery,
): Promise<SignInResult> {
	const claims = decodeJwtPayload(token.body.id_token);
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
	const discovery = readJsonObject(
		await signInRequest(
			{ method: 'GET', url: `${discoveryBaseFor(claims.iss)}/.well-known/cxone-configuration`, qs: { tenantId }, headers: { Accept: 'application/json' } },
			{ http, credentials, limits, step: DISCOVERY_STEP, issuedToken: token.accessToken },
		),
		DISCOVERY_STEP,
	);
	const apiEndpoint = assertSafeUrl(discovery.api_endpoint, { what: 'api_endpoint', step: DISCOVERY_STEP, issuer: signInUrl });
	refuseInternalAddress(apiEndpoint, signInUrl.hostname, 'api_endpoint', DISCOVERY_STEP);
	return { accessToken: token.accessToken, tokenExpiresAt: token.tokenExpiresAt, apiBaseUrl: withoutTrailingSlash(apiEndpoint) };
}
