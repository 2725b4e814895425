/** Which URLs the sign-in may call or send a secret to, whether a user entered them or CXone announced them. */
import { CxoneSignInError } from './signInErrors';

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

function isLoopbackHost(hostname: string): boolean {
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
function isInternalAddress(hostname: string): boolean {
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
export function refuseInternalAddress(url: URL, signInHost: string, what: string, step: string): void {
	if (isInternalAddress(url.hostname) && !isLoopbackHost(signInHost)) {
		throw new CxoneSignInError(
			`CXone sign-in stopped at ${step}: ${what} points at an internal address (${url.hostname})`,
			'The package does not send your token to loopback, private or link-local addresses that CXone announces. Check the environment, Issuer URL or Token URL in the credential.',
		);
	}
}

/** `new URL`, or null when the text is not a URL. */
function parseUrl(value: string): URL | null {
	try {
		return new URL(value);
	} catch {
		return null;
	}
}

export const withoutTrailingSlash = (url: URL) => url.href.replace(/\/+$/, '');

/** Where a URL comes from: a credential field the user filled in, or an answer of CXone at a sign-in step. */
export type UrlSource = { field: string } | { what: string; step: string; issuer: URL };

/**
 * The one rule for every URL the credential calls or sends a secret to: `https://`, or `http://` only on this
 * machine's loopback (local testing; for a URL CXone announced, only when the issuer itself is loopback http), and
 * no embedded user:password. Entered URLs may not carry a #fragment either. Messages name the field or the step.
 */
export function assertSafeUrl(value: unknown, source: UrlSource): URL {
	const entered = 'field' in source;
	const fail = (enteredMessage: string, enteredHint: string, discoveredMessage: string, discoveredHint: string): never => {
		throw entered
			? new CxoneSignInError(enteredMessage, enteredHint)
			: new CxoneSignInError(discoveredMessage, discoveredHint);
	};
	const name = entered ? source.field : source.what;
	const at = entered ? '' : source.step;
	const checkIssuer = 'Check the environment or Issuer URL in the credential.';
	if (!entered && (typeof value !== 'string' || !value.trim())) {
		fail('', '', `CXone sign-in failed at ${at}: the answer has no ${name}`, checkIssuer);
	}
	const url = parseUrl(entered ? (typeof value === 'string' ? value.trim() : '') : (value as string));
	if (!url) {
		return fail(
			`${name} is not a valid URL`,
			`Enter a full URL starting with https://, for example https://api-na1.niceincontact.com.`,
			`CXone sign-in failed at ${at}: ${name} is not a URL`,
			checkIssuer,
		);
	}
	const httpAllowed = entered
		? isLoopbackHost(url.hostname)
		: source.issuer.protocol === 'http:' && isLoopbackHost(source.issuer.hostname) && isLoopbackHost(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && httpAllowed)) {
		fail(
			`${name} must start with https://`,
			'Only https:// URLs are allowed; plain http:// is accepted for 127.0.0.1, localhost or [::1] only (local testing).',
			`CXone sign-in stopped at ${at}: ${name} (${url.origin}) is not https://`,
			`The package only sends credentials over https://. ${checkIssuer}`,
		);
	}
	if (url.username || url.password || (entered && url.hash)) {
		fail(
			`${name} must not contain a user name, password or #fragment`,
			'Put secrets in their own credential fields, never in a URL.',
			`CXone sign-in stopped at ${at}: ${name} contains a user name or password`,
			'Check the Issuer URL.',
		);
	}
	return url;
}

/** A URL the user entered in the credential field `fieldName`. */
export const validateEndpointUrl = (value: unknown, fieldName: string): URL => assertSafeUrl(value, { field: fieldName });

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
