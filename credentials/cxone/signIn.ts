/** Picks the sign-in for the credential's API flavour, and lets executions that need a token at once share one. */
import { createHash } from 'node:crypto';

import { signInWithAccessKey } from './accessKey';
import { signInWithAccessKeyOnly } from './accessKeyOnly';
import { signInWithClientCredentials } from './clientCredentials';
import { apiFlavourOf } from './constants';
import type { CxoneCredentialData, HttpRequester, SignInResult } from './credentialData';
import { DEFAULT_SIGN_IN_LIMITS, type SignInLimits } from './tokenRequest';

export async function signIn(
	http: HttpRequester,
	credentials: CxoneCredentialData,
	nowMs: number,
	limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
): Promise<SignInResult> {
	// Date.now(), not nowMs (a caller's clock for the token's lifetime): the deadline is real time.
	const bounded = limits.totalMs === undefined ? limits : { ...limits, deadlineAtMs: Date.now() + limits.totalMs };
	if (credentials.authMode === 'accessKeyOnly') return await signInWithAccessKeyOnly(http, credentials, nowMs, bounded);
	return apiFlavourOf(credentials) === 'realTenant'
		? await signInWithAccessKey(http, credentials, nowMs, bounded)
		: await signInWithClientCredentials(http, credentials, nowMs, bounded);
}

/** Sign-ins under way in this process, by credential: the only thing this package keeps in module memory. */
const signInsInFlight = new Map<string, Promise<SignInResult>>();

/** Everything that decides which token a sign-in gets, hashed so no secret is kept as a key. */
function signInKey(credentials: CxoneCredentialData): string {
	const { authMode, tenant, clientId, clientSecret, scope, baseUrl, tokenUrl, environment, issuerUrl, region, userHubUrl, accessKeyId, accessKeySecret } = credentials;
	const inputs = [authMode, tenant, clientId, clientSecret, scope, baseUrl, tokenUrl, environment, issuerUrl, region, userHubUrl, accessKeyId, accessKeySecret];
	return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}

/**
 * Executions of this n8n process that need a token at the same moment share one sign-in: the first starts it,
 * the others wait for its answer. Nothing outlives the sign-in itself; n8n stores the token with the credential.
 */
export async function sharedSignIn(
	http: HttpRequester,
	credentials: CxoneCredentialData,
	nowMs: number,
	limits?: SignInLimits,
): Promise<SignInResult> {
	const key = signInKey(credentials);
	let pending = signInsInFlight.get(key);
	if (!pending) {
		pending = signIn(http, credentials, nowMs, limits).finally(() => signInsInFlight.delete(key));
		signInsInFlight.set(key, pending);
	}
	return { ...(await pending) };
}
