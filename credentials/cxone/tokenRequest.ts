/** One bounded, retried sign-in request, and the Basic-auth form POST to a token endpoint that both sign-ins make. */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { boundedOptions, MB, sendBounded, type ResponseBounds } from './http/boundedResponse';
import type { CxoneCredentialData, HttpRequester } from './credentialData';
import { describeHttpFailure, type HttpFailure } from './http/httpFailure';
import { redactSecrets, secretsOf } from './http/secretMasking';
import { DEFAULT_RETRY_POLICY, isThrottled, retryDelay } from './http/retry';
import { CxoneSignInError, explainRequestFailure, type ExplainFailure } from './signInErrors';

/** Sign-in has no node options: each request is bounded as a whole by 30 s, a token answer by 1 MB. */
const SIGN_IN_BOUNDS: ResponseBounds = { timeoutMs: 30_000, maxBodyBytes: 1 * MB };

export interface SignInLimits extends ResponseBounds {
	/** Total of waits for 429/503 before giving up; the API calls' default Max Retry Wait. */
	maxTotalWaitMs: number;
	/** The whole sign-in (every step, every wait) ends after this; `signIn` turns it into `deadlineAtMs`. */
	totalMs?: number;
	/** When the whole sign-in must have ended (epoch ms). */
	deadlineAtMs?: number;
}

export const DEFAULT_SIGN_IN_LIMITS = {
	...SIGN_IN_BOUNDS,
	maxTotalWaitMs: DEFAULT_RETRY_POLICY.maxTotalWaitMs,
	// OpenID discovery, the token and tenant discovery, each within its 30 s, or one of them and its waits.
	totalMs: 60_000,
} satisfies SignInLimits;

/** What one sign-in request needs besides its options: where it is, what to mask, how to explain a failure. */
export interface SignInStep {
	http: HttpRequester;
	credentials: CxoneCredentialData;
	limits: SignInLimits;
	/** The step's name in messages, e.g. "the token request". */
	step: string;
	explain?: ExplainFailure;
	/** A token issued during this sign-in, masked like the credential's secrets. */
	issuedToken?: string;
}

/** Sends one request; 429 and 503 are retried like the API calls (honouring Retry-After, within the same bounds). */
export async function signInRequest(options: IHttpRequestOptions, { http, credentials, limits, step, explain, issuedToken }: SignInStep): Promise<unknown> {
	const secrets = secretsOf(credentials, [issuedToken]);
	const leftMs = () => (limits.deadlineAtMs === undefined ? Infinity : limits.deadlineAtMs - Date.now());
	let failure: HttpFailure;
	let bounds: ResponseBounds = limits;
	let waitedMs = 0;
	for (let attempt = 0; ; attempt++) {
		// The sign-in's deadline, not this request's, is the one named when it is the nearer.
		const deadlineFirst = leftMs() < limits.timeoutMs;
		bounds = { maxBodyBytes: limits.maxBodyBytes, timeoutMs: deadlineFirst ? (limits.totalMs ?? limits.timeoutMs) : limits.timeoutMs };
		const attemptMs = Math.max(1, Math.min(limits.timeoutMs, leftMs()));
		const sent = await sendBounded<{ body?: unknown }>(
			// preAuthentication only gets helpers.httpRequest, which keeps this abortSignal: the deadline also
			// closes the connection.
			async (signal) => await http({ ...boundedOptions(options, attemptMs), abortSignal: signal }),
			{ ...limits, timeoutMs: attemptMs },
		);
		if (sent.ok) return sent.response.body;
		failure = describeHttpFailure(sent.error, secrets);
		const delayMs = isThrottled(failure) ? retryDelay(failure, attempt, waitedMs, { ...DEFAULT_RETRY_POLICY, maxTotalWaitMs: limits.maxTotalWaitMs }) : null;
		if (delayMs === null || delayMs >= leftMs()) break;
		waitedMs += delayMs;
		await sleep(delayMs);
	}
	const { message, description } = explainRequestFailure(failure, step, options.url, bounds, explain ?? (() => undefined));
	throw new CxoneSignInError(
		redactSecrets(message, secrets),
		redactSecrets(description, secrets),
		failure.status ? String(failure.status) : undefined,
	);
}

/** A sign-in answer as a JSON object, or an error saying the URL leads somewhere else. */
export function readJsonObject(body: unknown, step: string): IDataObject {
	let parsed = body;
	if (typeof body === 'string') {
		try {
			parsed = JSON.parse(body);
		} catch {
			parsed = undefined;
		}
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new CxoneSignInError(
			`CXone sign-in failed at ${step}: the answer was not a JSON object`,
			'Check that the URL points at CXone (or your OAuth gateway) and not at a web page or proxy.',
		);
	}
	return parsed as IDataObject;
}

export interface TokenAnswer {
	body: IDataObject;
	accessToken: string;
	/** ISO time the package renews the token (see renewalTime), '' when the answer has no usable expires_in. */
	tokenExpiresAt: string;
}

/** A day: CXone's tokens last an hour; a longer lifetime (even 1e300) is read as a day and never breaks a date. */
const MAX_TOKEN_LIFETIME_MS = 24 * 3600_000;
/** Renew this long before the token stops working, so it does not run out between our check and CXone's. */
const RENEWAL_MARGIN_MS = 60_000;

/**
 * When the package stops using a token that lasts `expiresIn` seconds: a minute before it runs out, or, for a
 * lifetime under two minutes, halfway through it (never at once, which would sign in for every request).
 * '' when CXone gave no positive, finite lifetime: the token is then used until CXone answers 401.
 */
export function renewalTime(expiresIn: unknown, nowMs: number): string {
	const seconds = typeof expiresIn === 'number' || typeof expiresIn === 'string' ? Number(expiresIn) : NaN;
	if (!(seconds > 0)) return '';
	const lifetimeMs = Math.min(seconds * 1000, MAX_TOKEN_LIFETIME_MS);
	const usableMs = lifetimeMs >= 2 * RENEWAL_MARGIN_MS ? lifetimeMs - RENEWAL_MARGIN_MS : lifetimeMs / 2;
	return new Date(nowMs + usableMs).toISOString();
}

export const TOKEN_STEP = 'the token request';

/**
 * POST a grant to a token endpoint, the client's ID and secret as Basic auth and the grant as a form, as both
 * the tutorial's client-credentials grant and CXone's password grant (access key) expect.
 */
export async function requestToken(
	tokenUrl: string,
	client: { clientId: string; clientSecret: string },
	grant: Record<string, string>,
	step: Omit<SignInStep, 'step'>,
	nowMs: number,
): Promise<TokenAnswer> {
	const answer = await signInRequest(
		{
			method: 'POST',
			url: tokenUrl,
			headers: {
				Authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
				'Content-Type': 'application/x-www-form-urlencoded',
				Accept: 'application/json',
			},
			body: new URLSearchParams(grant).toString(),
		},
		{ ...step, step: TOKEN_STEP },
	);
	return readTokenAnswer(answer, nowMs);
}

/** A token endpoint's answer: its access_token and when it stops working. */
export function readTokenAnswer(answer: unknown, nowMs: number): TokenAnswer {
	const body = readJsonObject(answer, TOKEN_STEP);
	if (typeof body.access_token !== 'string' || !body.access_token) {
		throw new CxoneSignInError(
			`CXone sign-in failed at ${TOKEN_STEP}: the answer has no access_token`,
			'The token endpoint answered without a token. Check the Token URL and that the OAuth client is enabled.',
		);
	}
	const tokenExpiresAt = renewalTime(body.expires_in, nowMs);
	return { body, accessToken: body.access_token, tokenExpiresAt };
}
