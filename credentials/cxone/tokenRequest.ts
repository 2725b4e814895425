/** One bounded, retried sign-in request, and the Basic-auth form POST to a token endpoint that both sign-ins make. */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { boundedOptions, MB, sendBounded, type ResponseBounds } from './http/boundedResponse';
import type { CxoneCredentialData, HttpRequester } from './credentialData';
import { describeHttpFailure, redactSecrets, secretsOf, type HttpFailure } from './http/httpFailure';
import { DEFAULT_RETRY_POLICY, isThrottled, retryDelay } from './http/retry';
import { CxoneSignInError, explainRequestFailure, type ExplainFailure } from './signInErrors';

/** Sign-in has no node options: each request is bounded as a whole by 30 s, a token answer by 1 MB. */
const SIGN_IN_BOUNDS: ResponseBounds = { timeoutMs: 30_000, maxBodyBytes: 1 * MB };

export interface SignInLimits extends ResponseBounds {
	/** Total of waits for 429/503 before giving up; the API calls' default Max Retry Wait. */
	maxTotalWaitMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { ...SIGN_IN_BOUNDS, maxTotalWaitMs: DEFAULT_RETRY_POLICY.maxTotalWaitMs };

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
	let failure: HttpFailure;
	let waitedMs = 0;
	for (let attempt = 0; ; attempt++) {
		const sent = await sendBounded<{ body?: unknown }>(
			// preAuthentication only gets helpers.httpRequest, which keeps this abortSignal: the deadline also
			// closes the connection.
			async (signal) => await http({ ...boundedOptions(options, limits.timeoutMs), abortSignal: signal }),
			limits,
		);
		if (sent.ok) return sent.response.body;
		failure = describeHttpFailure(sent.error, secrets);
		const delayMs = isThrottled(failure) ? retryDelay(failure, attempt, waitedMs, { ...DEFAULT_RETRY_POLICY, maxTotalWaitMs: limits.maxTotalWaitMs }) : null;
		if (delayMs === null) break;
		waitedMs += delayMs;
		await sleep(delayMs);
	}
	const { message, description } = explainRequestFailure(failure, step, options.url, limits, explain ?? (() => undefined));
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
	/** ISO time the token stops working, '' when the answer has no expires_in. */
	tokenExpiresAt: string;
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
	const seconds = Number(body.expires_in);
	const tokenExpiresAt = Number.isFinite(seconds) && seconds > 0 ? new Date(nowMs + seconds * 1000).toISOString() : '';
	return { body, accessToken: body.access_token, tokenExpiresAt };
}
