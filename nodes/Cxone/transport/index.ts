/** The one place that talks HTTP to CXone: an execution's session, with token renewal and retries. */
// What a failure means to the user is worded in errorMessages.ts; when to retry is credentials/cxone/http/retry.ts.
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
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { boundedOptions, sendBounded } from '../../../credentials/cxone/http/boundedResponse';
import { apiFlavourOf, CREDENTIAL_TYPE, DEFAULT_API_VERSION, EMPLOYEES_SCREEN, type ApiFlavour } from '../../../credentials/cxone/constants';
import { realTenantPaths, TUTORIAL_STATES_PATH } from '../../../credentials/cxone/http/paths';
import type { CxoneCredentialData } from '../../../credentials/cxone/credentialData';
import { describeHttpFailure, maskThenCut, redactSecrets, secretsOf, type HttpFailure } from '../../../credentials/cxone/http/httpFailure';
import { DEFAULT_RETRY_POLICY, isRetryableApiFailure, retryDelay, type RetryPolicy } from '../../../credentials/cxone/http/retry';
import { DEFAULT_SIGN_IN_LIMITS } from '../../../credentials/cxone/tokenRequest';
import type { AgentSites } from './agentStates';
import { budgetSpentText, describeApiFailure } from './errorMessages';

export type CxoneContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export interface RequestCall {
	itemIndex?: number;
	/** GET unless said otherwise: the supervisor actions (transport/agentWrites.ts) POST. */
	method?: 'GET' | 'POST';
	/** Sent as a JSON body, with Content-Type application/json. */
	body?: IDataObject;
	/** Which failures the request is sent again after: by default the reads' (429, 5xx, dropped connections). */
	resendAfter?: (failure: HttpFailure) => boolean;
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

/** Assumed (no NICE source found): 304 "nothing new" on polls, 204 no content. Both mean no agents, not an error. */
const NO_CONTENT_STATUS = new Set([204, 304]);

/** How long, at most, an execution whose token was refused waits before renewing it (see renewRefusedToken). */
const RENEWAL_SPREAD_MS = 2_000;

/**
 * One execution's connection to CXone. It holds the credential object n8n refreshes in place, so a token
 * renewed for page one is reused for page two instead of signing in again.
 */
export class CxoneSession {
	private agentSitesLoad?: Promise<AgentSites>;
	/** When a budgeted session (a picker's) must have its answers: no request starts or waits past it. */
	private deadlineAt?: number;

	private constructor(
		private readonly context: CxoneContext,
		private readonly credentials: ICredentialsDecrypted,
		private readonly policy: RetryPolicy,
		private readonly budgetMs?: number,
	) {
		if (budgetMs !== undefined) this.deadlineAt = Date.now() + budgetMs;
	}

	/** `budgetMs` bounds every request of the session together, retries and waits included (a dropdown's wait). */
	static async open(context: CxoneContext, policy: Partial<RetryPolicy> = {}, budgetMs?: number): Promise<CxoneSession> {
		const data = await context.getCredentials(CREDENTIAL_TYPE);
		const reference = context.getNode().credentials?.[CREDENTIAL_TYPE];
		return new CxoneSession(
			context,
			{ id: reference?.id ?? '', name: reference?.name ?? '', type: CREDENTIAL_TYPE, data: { ...data } },
			{ ...DEFAULT_RETRY_POLICY, ...policy },
			budgetMs,
		);
	}

	private budgetLeftMs(): number {
		return this.deadlineAt === undefined ? Number.POSITIVE_INFINITY : this.deadlineAt - Date.now();
	}

	private budgetSpent(itemIndex?: number): NodeApiError {
		const text = budgetSpentText(this.budgetMs ?? 0);
		return this.apiError(text.message, text.description, itemIndex);
	}

	private get data(): CxoneCredentialData {
		return (this.credentials.data ?? {}) as CxoneCredentialData;
	}

	get flavour(): ApiFlavour {
		return apiFlavourOf(this.data);
	}

	get apiVersion(): string {
		return this.data.apiVersion?.trim() || DEFAULT_API_VERSION;
	}

	/** Real tenants' API paths at this credential's version. */
	get paths(): ReturnType<typeof realTenantPaths> {
		return realTenantPaths(this.apiVersion);
	}

	get statesPath(): string {
		return this.flavour === 'realTenant' ? this.paths.agentStates : TUTORIAL_STATES_PATH;
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

	/**
	 * The agents' sites (real tenants), read once per execution and shared by all items: `load` runs on the first
	 * call; a failed load is forgotten so the next item asks again.
	 */
	async agentSites(load: () => Promise<AgentSites>): Promise<AgentSites> {
		if (!this.agentSitesLoad) {
			this.agentSitesLoad = load();
			this.agentSitesLoad.catch(() => (this.agentSitesLoad = undefined));
		}
		return await this.agentSitesLoad;
	}

	/** n8n renews the token when the hidden field is empty; empty it when we know it has run out. */
	private dropTokenIfExpired(nowMs: number) {
		// The sign-in stores when to renew, already ahead of the token's end (credentials/cxone/tokenRequest.ts renewalTime).
		const renewAt = Date.parse(this.data.tokenExpiresAt ?? '');
		if (Number.isFinite(renewAt) && nowMs >= renewAt) this.data.accessToken = '';
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

	async request(path: string, qs: IDataObject = {}, call: RequestCall = {}): Promise<CxoneResponse> {
		const { itemIndex } = call;
		const budgetLeftMs = this.budgetLeftMs();
		if (budgetLeftMs <= 0) throw this.budgetSpent(itemIndex);
		const maxTotalWaitMs = Math.min(call.maxTotalWaitMs ?? this.policy.maxTotalWaitMs, budgetLeftMs);
		const timeoutMs = Math.min(call.timeoutMs ?? this.policy.timeoutMs, budgetLeftMs);
		const maxBodyBytes = call.maxBodyBytes ?? this.policy.maxBodyBytes;
		const resendAfter = call.resendAfter ?? isRetryableApiFailure;
		const body = call.body === undefined ? {} : { body: JSON.stringify(call.body), headers: { Accept: 'application/json', 'Content-Type': 'application/json' } };
		let waitedMs = 0;
		let renewedRefusedToken = false;
		for (let attempt = 0; ; attempt++) {
			this.dropTokenIfExpired(Date.now());
			const options: IHttpRequestOptions = boundedOptions(
				{ method: call.method ?? 'GET', url: path, qs, headers: { Accept: 'application/json' }, ...body },
				timeoutMs,
			);
			const sentToken = this.data.accessToken;
			// With no token n8n signs in first, inside this call: the sign-in keeps its own bound and error, so
			// this call's deadline makes room for it rather than cutting it short and retrying it.
			const deadlineMs = sentToken ? timeoutMs : timeoutMs + DEFAULT_SIGN_IN_LIMITS.totalMs;
			let ownError: NodeApiError | undefined;
			let caught: unknown;
			try {
				// n8n replaces an abortSignal given here with the execution's own, so the deadline is kept by
				// sendBounded, which stops waiting and drops the body (see credentials/cxone/http/boundedResponse.ts).
				const sent = await sendBounded<FullResponse>(
					async () =>
						await this.context.helpers.httpRequestWithAuthentication.call(
							this.context,
							CREDENTIAL_TYPE,
							options,
							// A 401 is renewed below, not by n8n's own immediate retry: see renewRefusedToken.
							{ credentialsDecrypted: this.credentials, preAuthenticationRetryStatusCode: [] },
						),
					{ timeoutMs: deadlineMs, maxBodyBytes },
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
			if (this.budgetLeftMs() <= 0) throw this.budgetSpent(itemIndex);
			const delayMs = resendAfter(failure) ? retryDelay(failure, attempt, waitedMs, { ...this.policy, maxTotalWaitMs }) : null;
			if (delayMs === null) {
				const { flavour, apiVersion } = this;
				const text = describeApiFailure({ failure, path, requestUrl: this.absolute(path), flavour, apiVersion, attempt, waitedMs, timeoutMs, maxBodyBytes });
				throw this.apiError(text.message, text.description, itemIndex, text.httpCode);
			}
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
			throw this.apiError(
				`CXone answered ${path} with something that is not JSON`,
				`The answer starts with: ${JSON.stringify(maskThenCut(text, secretsOf(this.data), 120))}. Check the Base URL in the credential: it may point at a web page or a proxy.`,
				itemIndex,
				String(status),
			);
		}
	}

	private redact(text: string): string {
		return redactSecrets(text, secretsOf(this.data));
	}

	/**
	 * An ID as one URL path segment. encodeURIComponent leaves `.` and `..` as they are, and the URL parser then
	 * resolves them (`/agents/./states` is `/agents/states`: every agent), so those are refused, also percent-encoded.
	 */
	pathSegment(value: string, label: string, itemIndex?: number): string {
		const text = value.trim();
		let decoded = text;
		try {
			decoded = decodeURIComponent(text).trim();
		} catch {
			// Not percent-encoding: encodeURIComponent below keeps it literal.
		}
		if (text === '' || decoded === '' || decoded === '.' || decoded === '..') {
			throw new NodeOperationError(this.node, `${label} ${JSON.stringify(value).slice(0, 40)} is not an ID`, {
				description: `${label} must be an ID such as 1001${label === 'Agent ID' ? ` (real tenants: the numeric agent ID in ${EMPLOYEES_SCREEN})` : ''}. Check the expression that gives it; nothing was sent to CXone.`,
				itemIndex,
			});
		}
		return encodeURIComponent(text);
	}

	/** An error for the user: secrets masked, marked so a retry loop upstream never re-wraps it. */
	apiError(message: string, description: string, itemIndex?: number, httpCode?: string): NodeApiError {
		const safe = { message: this.redact(message), description: this.redact(description), httpCode };
		const error = new NodeApiError(this.node, safe as JsonObject, { ...safe, itemIndex });
		error.context.cxone = true;
		return error;
	}

	private signInError(error: unknown, itemIndex?: number): NodeApiError {
		const cause = signInCause(error) as { message: string; description?: string; signInHttpStatus?: string };
		return this.apiError(cause.message, cause.description ?? '', itemIndex, cause.signInHttpStatus);
	}
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
