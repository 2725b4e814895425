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
import {
	isRedirectStatus,
	MB,
	redirectTarget,
	sendBounded,
	boundedOptions,
} from '../helpers/boundedResponse';
import { describeHttpFailure, maskThenCut, redactSecrets, secretsOf, type HttpFailure } from '../helpers/httpFailure';

export type CxoneContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export interface RetryPolicy {
	/** Retries after the first attempt, for 429, 5xx and dropped connections. */
	maxRetries: number;
	/** All waits of one request together never exceed this. */
	maxTotalWaitMs: number;
	/** First backoff when CXone gives no Retry-After; doubles each time, plus up to 25% jitter. */
	baseDelayMs: number;
	/** Bounds one attempt as a whole: connect, headers and body. */
	timeoutMs: number;
	/** Largest body (after decompression) one answer may have. */
	maxBodyBytes: number;
}

/** The simulator's 100,000-agent answer (real tenant, one page) is 45 MB: the default is four times that. */
export const DEFAULT_MAX_RESPONSE_MB = 200;

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 3,
	maxTotalWaitMs: 30_000,
	baseDelayMs: 1_000,
	timeoutMs: 30_000,
	maxBodyBytes: DEFAULT_MAX_RESPONSE_MB * MB,
};

export interface RequestCall {
	itemIndex?: number;
	/** GET unless said otherwise: the supervisor actions (transport/agents.ts) POST with no body. */
	method?: 'GET' | 'POST';
	/** Overrides the policy's total wait, e.g. from the node's Max Retry Wait option. */
	maxTotalWaitMs?: number;
	/** Overrides the policy's per-request timeout, from the node's Timeout option. */
	timeoutMs?: number;
	/** Overrides the policy's body limit, from the node's Max Response Size option. */
	maxBodyBytes?: number;
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
/** Assumed (no NICE source found): 304 "nothing new" on polls, 204 no content. Both mean no agents, not an error. */
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

	/** The full URL of a path the session requests, for messages. */
	private absolute(path: string): string {
		try {
			return new URL(path, this.apiBase || 'https://cxone.invalid').href;
		} catch {
			return 'https://cxone.invalid/';
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
		const maxBodyBytes = call.maxBodyBytes ?? this.policy.maxBodyBytes;
		let waitedMs = 0;
		let renewedRefusedToken = false;
		for (let attempt = 0; ; attempt++) {
			this.dropTokenIfExpired(Date.now());
			const options: IHttpRequestOptions = boundedOptions(
				{ method: call.method ?? 'GET', url: path, qs, headers: { Accept: 'application/json' } },
				timeoutMs,
			);
			const sentToken = this.data.accessToken;
			let ownError: NodeApiError | undefined;
			let caught: unknown;
			try {
				// n8n replaces an abortSignal given here with the execution's own, so the deadline is kept by
				// sendBounded, which stops waiting and drops the body (see helpers/boundedResponse.ts).
				const sent = await sendBounded<FullResponse>(
					async () =>
						await this.context.helpers.httpRequestWithAuthentication.call(
							this.context,
							CREDENTIAL_TYPE,
							options,
							// A 401 is renewed below, not by n8n's own immediate retry: see renewRefusedToken.
							{ credentialsDecrypted: this.credentials, preAuthenticationRetryStatusCode: [] },
						),
					{ timeoutMs, maxBodyBytes },
				);
				if (sent.ok) return this.parseResponse(sent.response, path, itemIndex);
				caught = sent.error;
			} catch (error) {
				caught = error;
			}
			const failure = describeHttpFailure(caught, secretsOf(this.data));
			if (caught instanceof NodeApiError && caught.context?.cxone === true) ownError = caught;
			else if (isSignInError(caught)) ownError = this.signInError(caught, itemIndex);
			if (ownError) throw ownError;
			if (failure.status === 401 && !renewedRefusedToken) {
				renewedRefusedToken = true;
				// n8n before 2.40 ignores preAuthenticationRetryStatusCode: on a 401 it signs in again itself and
				// stores the new token in this same object. When the token changed during the call, CXone refused
				// a token issued for this very request, and signing in once more would not help.
				if (this.data.accessToken === sentToken) {
					await this.renewRefusedToken();
					continue;
				}
			}
			if (failure.status !== null && NO_CONTENT_STATUS.has(failure.status)) {
				return { status: failure.status, headers: failure.headers, body: null };
			}
			const delayMs = this.retryDelay(failure, attempt, waitedMs, maxTotalWaitMs);
			if (delayMs === null) throw this.apiError(failure, path, attempt, waitedMs, { timeoutMs, maxBodyBytes }, itemIndex);
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
				`The answer starts with: ${JSON.stringify(maskThenCut(text, secretsOf(this.data), 120))}. Check the Base URL in the credential: it may point at a web page or a proxy.`,
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
		const cause = signInCause(error) as { message: string; description?: string; signInHttpStatus?: string };
		return this.failure(cause.message, cause.description ?? '', itemIndex, cause.signInHttpStatus);
	}

	private apiError(
		failure: HttpFailure,
		path: string,
		attempt: number,
		waitedMs: number,
		{ timeoutMs, maxBodyBytes }: { timeoutMs: number; maxBodyBytes: number },
		itemIndex?: number,
	): NodeApiError {
		const status = failure.status;
		const said = failure.detail ? `CXone said: ${failure.detail}. ` : '';
		const code = status === null ? undefined : String(status);
		if (isRedirectStatus(status)) {
			const target = redirectTarget(failure.headers, this.absolute(path)) ?? 'no address';
			return this.failure(
				`CXone answered HTTP ${status}, redirecting to ${target}; the node does not follow redirects with your token`,
				'Check Base URL in the credential: it should be the API host itself, not an address that forwards to it.',
				itemIndex,
				code,
			);
		}
		if (failure.code === 'CXONE_RESPONSE_TOO_LARGE') {
			return this.failure(
				`CXone's answer to ${path} is larger than ${Math.round(maxBodyBytes / MB)} MB; the node stopped reading it`,
				'Raise Max Response Size (MB) in the node\'s options if your tenant really is that large, or check the Base URL.',
				itemIndex,
			);
		}
		if (status === 401) {
			return this.failure(
				'CXone rejected the access token (HTTP 401), even after signing in again',
				`${said}The credential signed in, but the API refused the token. Check that the Base URL belongs to the same tenant as the client${this.mode === 'accessKey' ? ', and that the API user is active' : ''}.`,
				itemIndex,
				code,
			);
		}
		if (status === 403) {
			if (this.mode !== 'accessKey') {
				return this.failure(
					`The token was refused for ${path} (HTTP 403): the client may not read agent states`,
					`${said}This is the tutorial's API (or a gateway that speaks it), where reading agent states needs the scope ${AGENT_STATE_READ_SCOPE}: ask whoever runs that API or gateway to allow it for your client, and check the credential's Scope field. Real CXone tenants have no such scope: use the CXone Access Key sign-in for them.`,
					itemIndex,
					code,
				);
			}
			const endpoint = realEndpointOf(path);
			return this.failure(
				`The CXone API user may not call ${endpoint.label} (HTTP 403)`,
				`${said}${endpoint.permission} Then run again.`,
				itemIndex,
				code,
			);
		}
		if (status === 404) {
			// walterplaza/protractor src/test-data/.../returns-the-current-state-for-an-agent-v3.0.json: 404 "Invalid Agent Id".
			if (this.mode === 'accessKey' && /invalid agent ?id/i.test(failure.detail ?? '')) {
				return this.failure(
					`CXone does not know this agent: ${realEndpointOf(path).label} answered "Invalid Agent Id" (HTTP 404)`,
					`${said}Check the agent ID: it is CXone's numeric agentId, as in the node's output.`,
					itemIndex,
					code,
				);
			}
			return this.mode === 'accessKey' && /\/incontactapi\/services\//i.test(path)
				? this.failure(
						`${realEndpointOf(path).label} was not found: this tenant may not serve API version ${this.apiVersion} (HTTP 404)`,
						`${said}Change API Version in the credential (for example v30.0 or v34.0).`,
						itemIndex,
						code,
					)
				: this.failure(
						`The API has no endpoint at ${path} (HTTP 404)`,
						`${said}${this.mode === 'accessKey' ? 'Check the Base URL in the credential.' : 'Check the Tenant and Base URL in the credential: this sign-in method is for the tutorial\'s API or a gateway that speaks it.'}`,
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
			const when = retryAfterWhen(retryAfterMs);
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

/** How a Retry-After reads in an error: a time, or for one beyond any calendar, the wait it asked for. */
export function retryAfterWhen(retryAfterMs: number | null): string {
	if (retryAfterMs === null) return 'in a minute';
	const at = new Date(Date.now() + retryAfterMs);
	return Number.isFinite(at.getTime()) && retryAfterMs <= 366 * 86_400_000
		? `after ${at.toISOString()}`
		: `later (CXone asked to wait ${Math.round(retryAfterMs / 1000)} s)`;
}

/**
 * Which real-tenant endpoint a path is, and what the API user's role needs for it. The permission wording is
 * assumed (no NICE source names the security-profile permissions; see the README's Compatibility table).
 */
export function realEndpointOf(path: string): { label: string; permission: string } {
	let pathname = path;
	try {
		pathname = new URL(path, 'https://api.invalid').pathname;
	} catch {
		// keep the path as given
	}
	const lower = pathname.toLowerCase().replace(/\/+$/, '');
	if (/\/agents\/states$/.test(lower)) {
		return { label: 'GET /agents/states (Real-Time Data API)', permission: 'Give the API user\'s security profile permission to view real-time agent data (agent states).' };
	}
	if (/\/agents$/.test(lower)) {
		return {
			label: 'GET /agents (Admin API agents list, read for each agent\'s Location)',
			permission: 'Give the API user\'s security profile permission to view users/agents in Admin, or turn off Include Site and Filter by Site.',
		};
	}
	if (/\/locations$/.test(lower)) {
		return { label: 'GET /locations (Admin API)', permission: 'Give the API user\'s security profile permission to view locations.' };
	}
	const agentPath = /\/agents\/[^/]+\/[^/]+$/.exec(lower);
	if (agentPath) return { label: `GET ${agentPath[0]}`, permission: 'Give the API user\'s security profile permission to view real-time agent data.' };
	return { label: `GET ${pathname}`, permission: 'Check the API user\'s security profile in CXone Admin.' };
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
