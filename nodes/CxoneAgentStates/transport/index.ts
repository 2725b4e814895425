/**
 * The one place that talks HTTP to CXone: authentication (through the credential), retries on throttling and
 * server errors, and turning every failure into an error that says what to do.
 */
import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import type { CxoneCredentialData } from '../../../credentials/cxoneSignIn';
import {
	AGENT_STATE_READ_SCOPE,
	CREDENTIAL_TYPE,
	DEFAULT_API_VERSION,
	TUTORIAL_STATES_PATH,
	realStatesPath,
} from '../helpers/constants';
import { describeHttpFailure, redactSecrets, secretsOf, type HttpFailure } from '../helpers/httpFailure';

export type CxoneContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export interface RetryPolicy {
	/** Retries after the first attempt, for 429, 5xx and dropped connections. */
	maxRetries: number;
	/** All waits of one request together never exceed this. */
	maxTotalWaitMs: number;
	/** First backoff when CXone gives no Retry-After; doubles each time, plus up to 25% jitter. */
	baseDelayMs: number;
	timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 3,
	maxTotalWaitMs: 30_000,
	baseDelayMs: 1_000,
	timeoutMs: 30_000,
};

export interface RequestCall {
	itemIndex?: number;
	/** GET unless said otherwise: the supervisor actions (transport/agents.ts) POST with no body. */
	method?: 'GET' | 'POST';
	/** Overrides the policy's total wait, e.g. from the node's Max Retry Wait option. */
	maxTotalWaitMs?: number;
	/** Overrides the policy's per-request timeout, from the node's Timeout option. */
	timeoutMs?: number;
}

export interface CxoneResponse {
	status: number;
	headers: Record<string, string>;
	/** Parsed JSON; null for 204/304 and empty bodies. */
	body: unknown;
}

interface FullResponse {
	statusCode?: number;
	status?: number;
	headers?: Record<string, unknown>;
	body?: unknown;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNREFUSED']);
/** CXone's SDK and docs: 304 "nothing new" on polls, 204 no content. Both mean no agents, not an error. */
const NO_CONTENT_STATUS = new Set([204, 304]);

/** How long, at most, an execution whose token was refused waits before renewing it (see renewRefusedToken). */
const RENEWAL_SPREAD_MS = 2_000;

/**
 * One execution's connection to CXone. It holds the credential object n8n refreshes in place, so a token
 * renewed for page one is reused for page two instead of signing in again.
 */
export class CxoneSession {
	private readonly memos = new Map<string, Promise<unknown>>();

	private constructor(
		private readonly context: CxoneContext,
		private readonly credentials: ICredentialsDecrypted,
		readonly policy: RetryPolicy,
	) {}

	static async open(context: CxoneContext, policy: Partial<RetryPolicy> = {}): Promise<CxoneSession> {
		const data = await context.getCredentials(CREDENTIAL_TYPE);
		const reference = context.getNode().credentials?.[CREDENTIAL_TYPE];
		return new CxoneSession(
			context,
			{ id: reference?.id ?? '', name: reference?.name ?? '', type: CREDENTIAL_TYPE, data: { ...data } },
			{ ...DEFAULT_RETRY_POLICY, ...policy },
		);
	}

	private get data(): CxoneCredentialData {
		return (this.credentials.data ?? {}) as CxoneCredentialData;
	}

	get mode(): 'clientCredentials' | 'accessKey' {
		return this.data.authMode === 'accessKey' ? 'accessKey' : 'clientCredentials';
	}

	get apiVersion(): string {
		return this.data.apiVersion?.trim() || DEFAULT_API_VERSION;
	}

	get statesPath(): string {
		return this.mode === 'accessKey' ? realStatesPath(this.apiVersion) : TUTORIAL_STATES_PATH;
	}

	get node(): INode {
		return this.context.getNode();
	}

	get apiBase(): string {
		return this.data.apiBaseUrl ?? '';
	}

	/** Absolute links CXone hands out (paging) must stay on the API host the token was issued for. */
	isOnApiHost(link: string): boolean {
		const base = this.data.apiBaseUrl;
		if (!base) return false;
		try {
			return new URL(link).origin === new URL(base).origin;
		} catch {
			return false;
		}
	}

	/** Computes a value once per execution (e.g. the agents list behind sites), shared by all items. */
	async memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
		let value = this.memos.get(key) as Promise<T> | undefined;
		if (!value) {
			value = compute();
			this.memos.set(key, value);
			value.catch(() => this.memos.delete(key));
		}
		return await value;
	}

	/** n8n renews the token when the hidden field is empty; empty it when we know it has run out. */
	private dropTokenIfExpired(nowMs: number) {
		const expiresAt = Date.parse(this.data.tokenExpiresAt ?? '');
		// Renew a minute early so a token does not expire between sign-in check and CXone's own check.
		if (Number.isFinite(expiresAt) && nowMs >= expiresAt - 60_000) this.data.accessToken = '';
	}

	/**
	 * CXone refused the stored token (revoked, or expired early). Every execution using it at that moment, on
	 * every worker, gets the same 401: each waits a random moment, then reads the credential again and takes
	 * the token another one has stored since; only when none has does it empty the token field, so n8n signs
	 * in and stores the new token for everyone. One sign-in instead of one per running execution.
	 */
	private async renewRefusedToken(): Promise<void> {
		const refused = this.data.accessToken;
		await sleep(Math.random() * RENEWAL_SPREAD_MS);
		const stored = (await this.context.getCredentials(CREDENTIAL_TYPE)) as CxoneCredentialData;
		if (stored.accessToken && stored.accessToken !== refused) Object.assign(this.data, stored);
		else this.data.accessToken = '';
	}

	async get(path: string, qs: IDataObject = {}, call: RequestCall = {}): Promise<CxoneResponse> {
		const { itemIndex } = call;
		const maxTotalWaitMs = call.maxTotalWaitMs ?? this.policy.maxTotalWaitMs;
		const timeoutMs = call.timeoutMs ?? this.policy.timeoutMs;
		let waitedMs = 0;
		let renewedRefusedToken = false;
		for (let attempt = 0; ; attempt++) {
			this.dropTokenIfExpired(Date.now());
			const options: IHttpRequestOptions = {
				method: call.method ?? 'GET',
				url: path,
				qs,
				headers: { Accept: 'application/json' },
				returnFullResponse: true,
				encoding: 'text',
				json: false,
				timeout: timeoutMs,
			};
			let failure: HttpFailure;
			let ownError: NodeApiError | undefined;
			try {
				const response = (await this.context.helpers.httpRequestWithAuthentication.call(
					this.context,
					CREDENTIAL_TYPE,
					options,
					// A 401 is renewed below, not by n8n's own immediate retry: see renewRefusedToken.
					{ credentialsDecrypted: this.credentials, preAuthenticationRetryStatusCode: [] },
				)) as FullResponse;
				return this.parseResponse(response, path, itemIndex);
			} catch (error) {
				failure = describeHttpFailure(error);
				if (error instanceof NodeApiError && error.context?.cxone === true) ownError = error;
				else if (isSignInError(error)) ownError = this.signInError(error, itemIndex);
			}
			if (ownError) throw ownError;
			if (failure.status === 401 && !renewedRefusedToken) {
				renewedRefusedToken = true;
				await this.renewRefusedToken();
				continue;
			}
			if (failure.status !== null && NO_CONTENT_STATUS.has(failure.status)) {
				return { status: failure.status, headers: failure.headers, body: null };
			}
			const delayMs = this.retryDelay(failure, attempt, waitedMs, maxTotalWaitMs);
			if (delayMs === null) throw this.apiError(failure, path, attempt, waitedMs, timeoutMs, itemIndex);
			waitedMs += delayMs;
			await sleep(delayMs);
		}
	}

	private parseResponse(response: FullResponse, path: string, itemIndex?: number): CxoneResponse {
		const status = Number(response.statusCode ?? response.status ?? 200);
		const headers: Record<string, string> = {};
		for (const [key, value] of Object.entries(response.headers ?? {})) {
			if (value !== undefined && value !== null) headers[key.toLowerCase()] = String(value);
		}
		const text = typeof response.body === 'string' ? response.body : Buffer.isBuffer(response.body) ? response.body.toString('utf8') : response.body;
		if (NO_CONTENT_STATUS.has(status) || text === undefined || text === null || text === '') {
			return { status, headers, body: null };
		}
		if (typeof text !== 'string') return { status, headers, body: text };
		try {
			return { status, headers, body: JSON.parse(text) };
		} catch {
			throw this.failure(
				`CXone answered ${path} with something that is not JSON`,
				`The answer starts with: ${JSON.stringify(this.redact(text.slice(0, 120)))}. Check the Base URL in the credential: it may point at a web page or a proxy.`,
				itemIndex,
				String(status),
			);
		}
	}

	private retryDelay(failure: HttpFailure, attempt: number, waitedMs: number, maxTotalWaitMs: number): number | null {
		const retryable =
			(failure.status !== null && RETRYABLE_STATUS.has(failure.status)) ||
			(failure.status === null && failure.code !== null && RETRYABLE_NETWORK_CODES.has(failure.code));
		if (!retryable || attempt >= this.policy.maxRetries) return null;
		const retryAfterMs = parseRetryAfter(failure.headers['retry-after'], Date.now());
		const backoffMs = this.policy.baseDelayMs * 2 ** attempt * (1 + Math.random() * 0.25);
		const delayMs = Math.round(retryAfterMs ?? backoffMs);
		return waitedMs + delayMs > maxTotalWaitMs ? null : delayMs;
	}

	private redact(text: string): string {
		return redactSecrets(text, secretsOf(this.data));
	}

	/** An error for the user: secrets masked, marked so a retry loop upstream never re-wraps it. */
	failure(message: string, description: string, itemIndex?: number, httpCode?: string): NodeApiError {
		const safe = { message: this.redact(message), description: this.redact(description), httpCode };
		const error = new NodeApiError(this.node, safe as JsonObject, { ...safe, itemIndex });
		error.context.cxone = true;
		return error;
	}

	private signInError(error: unknown, itemIndex?: number): NodeApiError {
		const cause = signInCause(error) as { message: string; description?: string; httpCode?: string };
		return this.failure(cause.message, cause.description ?? '', itemIndex, cause.httpCode);
	}

	private apiError(failure: HttpFailure, path: string, attempt: number, waitedMs: number, timeoutMs: number, itemIndex?: number): NodeApiError {
		const status = failure.status;
		const said = failure.detail ? `CXone said: ${failure.detail}. ` : '';
		const code = status === null ? undefined : String(status);
		if (status === 401) {
			return this.failure(
				'CXone rejected the access token (HTTP 401), even after signing in again',
				`${said}The credential signed in, but the API refused the token. Check that the Base URL belongs to the same tenant as the client${this.mode === 'accessKey' ? ', and that the API user is active' : ''}.`,
				itemIndex,
				code,
			);
		}
		if (status === 403) {
			return this.mode === 'accessKey'
				? this.failure(
						'The CXone API user is not allowed to read agent states (HTTP 403)',
						`${said}Give the API user's role permission to view real-time agent data (CXone Admin > Security Profiles), then run again.`,
						itemIndex,
						code,
					)
				: this.failure(
						`The CXone client lacks the '${AGENT_STATE_READ_SCOPE}' scope (HTTP 403)`,
						`${said}In CXone Admin go to Security > OAuth Clients, select your client and add the scope ${AGENT_STATE_READ_SCOPE}; also check the credential's Scope field. The next sign-in picks it up.`,
						itemIndex,
						code,
					);
		}
		if (status === 404) {
			return this.mode === 'accessKey' && path.startsWith('/incontactapi/')
				? this.failure(
						`This tenant does not serve API version ${this.apiVersion} (HTTP 404)`,
						`${said}Change API Version in the credential (for example v30.0 or v34.0).`,
						itemIndex,
						code,
					)
				: this.failure(
						`CXone has no endpoint at ${path} (HTTP 404)`,
						`${said}Check the Tenant and Base URL in the credential.`,
						itemIndex,
						code,
					);
		}
		if (status === 400 && /updated ?since/i.test(failure.detail ?? '')) {
			return this.failure('CXone refused the updatedSince cursor (Invalid Updated Since)', `${said}The next poll starts again from a full snapshot.`, itemIndex, code);
		}
		const tries = attempt + 1;
		const waited = `${tries} ${tries === 1 ? 'attempt' : 'attempts'}, ${Math.round(waitedMs / 1000)} s of waiting`;
		if (status === 429 || status === 503) {
			const retryAfterMs = parseRetryAfter(failure.headers['retry-after'], Date.now());
			const when = retryAfterMs === null ? 'in a minute' : `after ${new Date(Date.now() + retryAfterMs).toISOString()}`;
			return this.failure(
				`CXone is throttling requests (HTTP ${status}); gave up after ${waited}`,
				`${said}Try again ${when}, or run the workflow less often.`,
				itemIndex,
				code,
			);
		}
		if (status !== null) {
			const html = typeof failure.body === 'string' && /^\s*</.test(failure.body);
			return this.failure(
				`CXone answered HTTP ${status}${status >= 500 ? ` after ${waited}` : ''}`,
				html ? 'CXone (or a proxy in front of it) sent an HTML error page. Check the Base URL, or try again later.' : said.trim() || 'No further detail was given.',
				itemIndex,
				code,
			);
		}
		const timedOut = failure.code === 'ECONNABORTED' || failure.code === 'ETIMEDOUT' || /timeout/i.test(failure.detail ?? '');
		return this.failure(
			timedOut
				? `CXone did not answer within ${timeoutMs / 1000} s (${waited})`
				: `Could not reach CXone (${waited})`,
			`Network error${failure.code ? ` ${failure.code}` : ''}. Check the Base URL in the credential and that CXone is reachable from n8n.`,
			itemIndex,
			undefined,
		);
	}
}

/** Retry-After in seconds (what CXone sends) or as an HTTP date. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
	if (value === undefined || value.trim() === '') return null;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isFinite(date) ? Math.max(0, date - nowMs) : null;
}

function signInCause(error: unknown): unknown {
	const outer = error as { name?: string; cause?: unknown };
	if (outer?.name === 'CxoneSignInError') return outer;
	const cause = outer?.cause as { name?: string } | undefined;
	return cause?.name === 'CxoneSignInError' ? cause : undefined;
}

function isSignInError(error: unknown): boolean {
	return signInCause(error) !== undefined;
}
