/**
 * Signing in to CXone, in both modes the credential offers. Pure apart from the injected `httpRequest`,
 * so it runs inside n8n's `preAuthentication` and in tests alike, and keeps nothing in module memory:
 * the token and the API base it finds are returned to n8n, which stores them with the credential.
 */
import { createHash } from 'node:crypto';

import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import {
	AGENT_STATE_READ_SCOPE,
	CXONE_ISSUERS,
	TUTORIAL_TOKEN_PATH,
} from '../nodes/CxoneAgentStates/helpers/constants';
import {
	boundedOptions,
	isRedirectStatus,
	MB,
	redirectTarget,
	sendBounded,
	type ResponseBounds,
} from '../nodes/CxoneAgentStates/helpers/boundedResponse';
import {
	describeHttpFailure,
	redactSecrets,
	secretsOf,
	type HttpFailure,
} from '../nodes/CxoneAgentStates/helpers/httpFailure';
import { DEFAULT_RETRY_POLICY, parseRetryAfter } from '../nodes/CxoneAgentStates/transport';

export type HttpRequester = (options: IHttpRequestOptions) => Promise<unknown>;

export interface CxoneCredentialData {
	authMode?: 'clientCredentials' | 'accessKey';
	tenant?: string;
	clientId?: string;
	clientSecret?: string;
	scope?: string;
	baseUrl?: string;
	tokenUrl?: string;
	environment?: 'global' | 'fedramp' | 'au' | 'eu' | 'custom';
	issuerUrl?: string;
	accessKeyId?: string;
	accessKeySecret?: string;
	apiVersion?: string;
	accessToken?: string;
	apiBaseUrl?: string;
	tokenExpiresAt?: string;
}

/** What `preAuthentication` hands back to n8n, which saves every field with the credential. */
export interface SignInResult extends IDataObject {
	accessToken: string;
	apiBaseUrl: string;
	/** ISO time the token stops working; '' when CXone did not say (n8n then renews on the first 401). */
	tokenExpiresAt: string;
}

/**
 * Thrown for anything that stops a sign-in. Its message and description are written for the user and
 * never carry a secret; the transport recognises it by `name` because n8n wraps it before it gets there.
 */
export class CxoneSignInError extends Error {
	constructor(
		message: string,
		readonly description: string,
		// Not `httpCode`/`status`: n8n's NodeApiError (how the credential Test button wraps this error) would
		// swap the message for its generic "Authorization failed" text (n8n-workflow errors/node-api.error.ts).
		readonly signInHttpStatus?: string,
	) {
		super(message);
		this.name = 'CxoneSignInError';
	}
}

const TENANT_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

export function validateTenant(tenant: unknown): string {
	const value = typeof tenant === 'string' ? tenant.trim() : '';
	if (!TENANT_PATTERN.test(value)) {
		throw new CxoneSignInError(
			'The Tenant must be a plain tenant name such as "acme" (letters, digits and hyphens)',
			'Enter only the tenant name, not a host name or URL. To use another host, set Base URL instead.',
		);
	}
	return value;
}

export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** IPv4 as written in a URL's host (WHATWG URL has already normalised it to dotted decimal). */
function ipv4Octets(host: string): number[] | null {
	const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
	return match ? match.slice(1).map(Number) : null;
}

/**
 * A host that is an IP literal in a loopback, private, shared (CGNAT), link-local or unspecified range, or
 * `localhost`: somewhere inside the network n8n runs in, which no CXone answer has reason to point at.
 */
export function isInternalAddress(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	if (isLoopbackHost(host)) return true;
	const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
	const octets = mapped
		? [parseInt(mapped[1], 16) >> 8, parseInt(mapped[1], 16) & 255, parseInt(mapped[2], 16) >> 8, parseInt(mapped[2], 16) & 255]
		: ipv4Octets(host);
	if (octets) {
		const [a, b] = octets;
		return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
	}
	if (!host.includes(':')) return false;
	return host === '::' || /^f[cd][0-9a-f]{0,2}:/.test(host) || /^fe[89ab][0-9a-f]?:/.test(host) || host.startsWith('::ffff:');
}

/** An API base CXone announced must not lead the token into the local network, unless signing in itself is local. */
function refuseInternalAddress(url: URL, signInHost: string, what: string, step: string): void {
	if (isInternalAddress(url.hostname) && !isLoopbackHost(signInHost)) {
		throw new CxoneSignInError(
			`CXone sign-in stopped at ${step}: ${what} points at an internal address (${url.hostname})`,
			'The package does not send your token to loopback, private or link-local addresses that CXone announces. Check the environment, Issuer URL or Token URL in the credential.',
		);
	}
}

/**
 * Every URL the credential calls or sends a secret to: `https://`, or `http://` only on this machine's
 * loopback (for local testing). No embedded user:password, no fragment.
 */
/** `new URL`, or null when the text is not a URL. */
function parseUrl(value: string): URL | null {
	try {
		return new URL(value);
	} catch {
		return null;
	}
}

export function validateEndpointUrl(value: unknown, fieldName: string): URL {
	const url = parseUrl(typeof value === 'string' ? value.trim() : '');
	if (!url) {
		throw new CxoneSignInError(
			`${fieldName} is not a valid URL`,
			`Enter a full URL starting with https://, for example https://api-na1.niceincontact.com.`,
		);
	}
	const allowedHttp = url.protocol === 'http:' && isLoopbackHost(url.hostname);
	if (url.protocol !== 'https:' && !allowedHttp) {
		throw new CxoneSignInError(
			`${fieldName} must start with https://`,
			'Only https:// URLs are allowed; plain http:// is accepted for 127.0.0.1, localhost or [::1] only (local testing).',
		);
	}
	if (url.username || url.password || url.hash) {
		throw new CxoneSignInError(
			`${fieldName} must not contain a user name, password or #fragment`,
			'Put secrets in their own credential fields, never in a URL.',
		);
	}
	return url;
}

const withoutTrailingSlash = (url: URL) => url.href.replace(/\/+$/, '');

export function tutorialApiBase(credentials: CxoneCredentialData): string {
	if (credentials.baseUrl?.trim()) return withoutTrailingSlash(validateEndpointUrl(credentials.baseUrl, 'Base URL'));
	return `https://${validateTenant(credentials.tenant)}.api.cxone.com`;
}

function basicAuthorization(clientId: string, clientSecret: string): string {
	return `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
}

function requireField(value: string | undefined, fieldName: string): string {
	const trimmed = value?.trim() ?? '';
	if (!trimmed) {
		throw new CxoneSignInError(`${fieldName} is empty`, `Fill in ${fieldName} in the NICE CXone API credential.`);
	}
	return trimmed;
}

function expiryFrom(body: IDataObject, nowMs: number): string {
	const seconds = Number(body.expires_in);
	return Number.isFinite(seconds) && seconds > 0 ? new Date(nowMs + seconds * 1000).toISOString() : '';
}

function readJsonObject(body: unknown, step: string): IDataObject {
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

function tokenFrom(body: IDataObject, step: string): string {
	if (typeof body.access_token !== 'string' || !body.access_token) {
		throw new CxoneSignInError(
			`CXone sign-in failed at ${step}: the answer has no access_token`,
			'The token endpoint answered without a token. Check the Token URL and that the OAuth client is enabled.',
		);
	}
	return body.access_token;
}

/** Sign-in has no node options: each request is bounded as a whole by 30 s, a token answer by 1 MB. */
export const SIGN_IN_BOUNDS: ResponseBounds = { timeoutMs: 30_000, maxBodyBytes: 1 * MB };

export interface SignInLimits extends ResponseBounds {
	/** Total of waits for 429/503 before giving up; the API calls' default Max Retry Wait. */
	maxTotalWaitMs: number;
}

const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { ...SIGN_IN_BOUNDS, maxTotalWaitMs: DEFAULT_RETRY_POLICY.maxTotalWaitMs };

/** Like the API calls (transport/index.ts): 429 and 503 are retried, honouring Retry-After, within the same bounds. */
function signInRetryDelay(failure: HttpFailure, attempt: number, waitedMs: number, limits: SignInLimits): number | null {
	if (failure.status !== 429 && failure.status !== 503) return null;
	if (attempt >= DEFAULT_RETRY_POLICY.maxRetries) return null;
	const retryAfterMs = parseRetryAfter(failure.headers['retry-after'], Date.now());
	const delayMs = Math.round(retryAfterMs ?? DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** attempt * (1 + Math.random() * 0.25));
	return waitedMs + delayMs > limits.maxTotalWaitMs ? null : delayMs;
}

async function request(
	http: HttpRequester,
	options: IHttpRequestOptions,
	step: string,
	credentials: CxoneCredentialData,
	explain: (failure: HttpFailure) => { message: string; description: string } | undefined,
	limits: SignInLimits,
	issuedToken?: string,
): Promise<unknown> {
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
		const delayMs = signInRetryDelay(failure, attempt, waitedMs, limits);
		if (delayMs === null) break;
		waitedMs += delayMs;
		await sleep(delayMs);
	}
	const explained = isRedirectStatus(failure.status)
		? {
				message: `CXone sign-in failed at ${step}: HTTP ${failure.status}, redirecting to ${redirectTarget(failure.headers, options.url) ?? 'no address'}; the node does not follow redirects with your credentials`,
				description: 'Check Base URL, Token URL and Issuer URL in the credential: each must be the CXone address itself, not one that forwards to it.',
			}
		: failure.code === 'CXONE_RESPONSE_TOO_LARGE'
			? {
					message: `CXone sign-in failed at ${step}: the answer is larger than ${Math.round(limits.maxBodyBytes / MB)} MB`,
					description: 'A sign-in answer is a few kilobytes. Check the URLs in the credential: one may point at a file or a web page.',
				}
			: failure.code === 'ETIMEDOUT' && failure.status === null
				? {
						message: `CXone sign-in failed at ${step}: no complete answer within ${limits.timeoutMs / 1000} s`,
						description: 'Check the URLs in the credential and that CXone is reachable from n8n.',
					}
				: explain(failure);
	const message = explained?.message ?? `CXone sign-in failed at ${step}${failure.status ? ` (HTTP ${failure.status})` : ''}`;
	const description =
		explained?.description ??
		(failure.detail ? `CXone said: ${failure.detail}` : 'Check the URLs in the credential and that CXone is reachable.');
	throw new CxoneSignInError(
		redactSecrets(message, secrets),
		redactSecrets(description, secrets),
		failure.status ? String(failure.status) : undefined,
	);
}

/** The tutorial's grant (and OAuth gateways in front of CXone): client credentials with Basic auth. */
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

	const answer = await request(
		http,
		{
			method: 'POST',
			url: tokenUrl,
			headers: {
				Authorization: basicAuthorization(clientId, clientSecret),
				'Content-Type': 'application/x-www-form-urlencoded',
				Accept: 'application/json',
			},
			body: new URLSearchParams({ grant_type: 'client_credentials', scope }).toString(),
		},
		'the token request',
		credentials,
		(failure) => explainTokenFailure(failure, 'clientCredentials', scope),
		limits,
	);
	const body = readJsonObject(answer, 'the token request');
	const accessToken = tokenFrom(body, 'the token request');
	// Real CXone's legacy token answer names the API host to use; honour it, but only over a safe URL.
	const announcedBase = typeof body.resource_server_base_uri === 'string' ? body.resource_server_base_uri : '';
	let apiBaseUrl = apiBase;
	if (announcedBase) {
		const announced = validateEndpointUrl(announcedBase, 'The API base CXone announced (resource_server_base_uri)');
		refuseInternalAddress(announced, new URL(tokenUrl).hostname, 'resource_server_base_uri', 'the token request');
		apiBaseUrl = withoutTrailingSlash(announced);
	}
	return { accessToken, apiBaseUrl, tokenExpiresAt: expiryFrom(body, nowMs) };
}

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

/** Discovered URLs must be as safe as the issuer: https (http only when the issuer is loopback). */
function validateDiscoveredUrl(value: unknown, issuer: URL, what: string, step: string): URL {
	if (typeof value !== 'string' || !value.trim()) {
		throw new CxoneSignInError(
			`CXone sign-in failed at ${step}: the answer has no ${what}`,
			'Check the environment or Issuer URL in the credential.',
		);
	}
	const url = parseUrl(value);
	if (!url) {
		throw new CxoneSignInError(`CXone sign-in failed at ${step}: ${what} is not a URL`, 'Check the environment or Issuer URL in the credential.');
	}
	const httpAllowed = issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname) && isLoopbackHost(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && httpAllowed)) {
		throw new CxoneSignInError(
			`CXone sign-in stopped at ${step}: ${what} (${url.origin}) is not https://`,
			'The package only sends credentials over https://. Check the environment or Issuer URL in the credential.',
		);
	}
	if (url.username || url.password) {
		throw new CxoneSignInError(`CXone sign-in stopped at ${step}: ${what} contains a user name or password`, 'Check the Issuer URL.');
	}
	return url;
}

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

/** The domain an issuer's hosts share: its last two labels (cxone.niceincontact.com → niceincontact.com); an IP or localhost as is. */
function issuerDomain(hostname: string): string {
	const host = hostname.toLowerCase();
	if (isLoopbackHost(host) || /^[\d.]+$/.test(host) || host.includes(':')) return host;
	return host.split('.').slice(-2).join('.');
}

/**
 * The id_token's `iss`, when it is a safe URL on the configured issuer's domain: tenant discovery asks it, as
 * Cognigy's connector does (Cognigy/Extensions extensions/cxone/src/nodes/send-signal.ts passes decodedToken.iss to
 * getCxoneConfigUrl). Anything else (another domain, http on a non-loopback issuer, a user:password) is ignored
 * and the configured issuer is asked instead.
 */
export function discoveryIssuer(iss: unknown, issuer: URL): string | null {
	if (typeof iss !== 'string') return null;
	const url = parseUrl(iss.trim());
	if (!url || url.username || url.password || url.search || url.hash) return null;
	const loopbackHttp = issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname) && url.protocol === 'http:' && isLoopbackHost(url.hostname);
	if (url.protocol !== 'https:' && !loopbackHttp) return null;
	const domain = issuerDomain(issuer.hostname);
	const host = url.hostname.toLowerCase();
	if (host !== domain && !host.endsWith(`.${domain}`)) return null;
	return withoutTrailingSlash(url);
}

/**
 * Real CXone tenants: OpenID discovery → password grant with the API user's access key → tenant from the
 * `id_token` → `cxone-configuration` for the tenant's API host (skipped when Base URL is set).
 */
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

	const openIdStep = 'OpenID discovery (/.well-known/openid-configuration)';
	const openId = readJsonObject(
		await request(http, { method: 'GET', url: `${issuerBase}/.well-known/openid-configuration`, headers: { Accept: 'application/json' } }, openIdStep, credentials, () => undefined, limits),
		openIdStep,
	);
	const tokenEndpoint = validateDiscoveredUrl(openId.token_endpoint, issuer, 'token_endpoint', openIdStep);
	if (tokenEndpoint.host !== issuer.host) {
		throw new CxoneSignInError(
			`CXone sign-in stopped at ${openIdStep}: the token endpoint is on ${tokenEndpoint.host}, not on the issuer ${issuer.host}`,
			'The package sends your access key only to the issuer itself. Check the environment or Issuer URL.',
		);
	}

	const tokenStep = 'the token request';
	const tokenBody = readJsonObject(
		await request(
			http,
			{
				method: 'POST',
				url: tokenEndpoint.href,
				headers: {
					Authorization: basicAuthorization(clientId, clientSecret),
					'Content-Type': 'application/x-www-form-urlencoded',
					Accept: 'application/json',
				},
				body: new URLSearchParams({ grant_type: 'password', username: accessKeyId, password: accessKeySecret }).toString(),
			},
			tokenStep,
			credentials,
			(failure) => explainTokenFailure(failure, 'accessKey'),
			limits,
		),
		tokenStep,
	);
	const accessToken = tokenFrom(tokenBody, tokenStep);
	const signedIn = { accessToken, tokenExpiresAt: expiryFrom(tokenBody, nowMs) };
	if (baseOverride) return { ...signedIn, apiBaseUrl: baseOverride };

	const claims = decodeJwtPayload(tokenBody.id_token);
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

	const discoveryStep = 'tenant discovery (/.well-known/cxone-configuration)';
	const discoveryBase = discoveryIssuer(claims.iss, issuer) ?? issuerBase;
	const discovery = readJsonObject(
		await request(
			http,
			{
				method: 'GET',
				url: `${discoveryBase}/.well-known/cxone-configuration`,
				qs: { tenantId },
				headers: { Accept: 'application/json' },
			},
			discoveryStep,
			credentials,
			() => undefined,
			limits,
			accessToken,
		),
		discoveryStep,
	);
	const apiEndpoint = validateDiscoveredUrl(discovery.api_endpoint, issuer, 'api_endpoint', discoveryStep);
	refuseInternalAddress(apiEndpoint, issuer.hostname, 'api_endpoint', discoveryStep);
	return { ...signedIn, apiBaseUrl: withoutTrailingSlash(apiEndpoint) };
}

function explainTokenFailure(
	failure: HttpFailure,
	mode: 'clientCredentials' | 'accessKey',
	scope?: string,
): { message: string; description: string } | undefined {
	const code = failure.oauthError;
	if (code === 'invalid_grant' && mode === 'accessKey') {
		return {
			message: 'CXone refused the access key: the Access Key ID or Access Key Secret is wrong or deactivated',
			description:
				'In CXone go to Admin > Employees, open the API user, and on its Access Keys tab create a new key (the secret is shown once). Paste both into the credential.',
		};
	}
	if (code === 'invalid_client' || (failure.status === 401 && !code)) {
		return {
			message:
				mode === 'accessKey'
					? 'CXone refused the client: the Client ID or Client Secret of your registered back-end application is wrong'
					: 'The token endpoint refused the Client ID or Client Secret',
			description:
				mode === 'accessKey'
					? 'Use the client ID and secret NICE issued when your back-end application was registered (developer.niceincontact.com).'
					: 'This sign-in method is for the tutorial\'s API or an OAuth gateway that speaks it: use the client ID and secret that API or gateway issued. Real CXone tenants have no client-credentials grant: use the CXone Access Key sign-in for them.',
		};
	}
	if (code === 'invalid_scope') {
		return {
			message: `The token endpoint refused the scope "${scope ?? ''}"`,
			description: `The tutorial's API (or your gateway) expects the scope ${AGENT_STATE_READ_SCOPE}: correct the Scope field, or ask whoever runs it to allow the scope for your client. Real CXone tenants have no such scope: use the CXone Access Key sign-in for them.`,
		};
	}
	if (failure.status === 404) {
		return {
			message: 'The token endpoint was not found (HTTP 404)',
			description: 'Check the Tenant, Base URL and Token URL in the credential.',
		};
	}
	return undefined;
}

export async function signIn(
	http: HttpRequester,
	credentials: CxoneCredentialData,
	nowMs: number,
	limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
): Promise<SignInResult> {
	return credentials.authMode === 'accessKey'
		? await signInWithAccessKey(http, credentials, nowMs, limits)
		: await signInWithClientCredentials(http, credentials, nowMs, limits);
}

/** Sign-ins under way in this process, by credential: the only thing this package keeps in module memory. */
const signInsInFlight = new Map<string, Promise<SignInResult>>();

/** Everything that decides which token a sign-in gets, hashed so no secret is kept as a key. */
function signInKey(credentials: CxoneCredentialData): string {
	const { authMode, tenant, clientId, clientSecret, scope, baseUrl, tokenUrl, environment, issuerUrl, accessKeyId, accessKeySecret } = credentials;
	const inputs = [authMode, tenant, clientId, clientSecret, scope, baseUrl, tokenUrl, environment, issuerUrl, accessKeyId, accessKeySecret];
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
