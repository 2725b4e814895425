/** Which hosts a paging link may send the token to. */
/**
 * A tenant called on https://api-na1.niceincontact.com has been seen answering with `_links.next` on
 * https://api-b32.nice-incontact.com (another host, other path casing: /inContactAPI/services/V35.0/...), so
 * NICE's own domains are followed; anything else is refused. Assumed, not confirmed by a NICE source: the
 * observation comes from public notes ("What the access-key mode relies on" in docs/REAL-TENANTS.md);
 * singer-io/tap-nice-incontact tap_nice_incontact/streams.py follows `_links.next` verbatim.
 */

/** NICE's API domains, and the sovereign clouds' (Cognigy/Extensions extensions/cxone connection options). */
const NICE_API_DOMAINS = ['niceincontact.com', 'nice-incontact.com', 'nicecxone-sov1.au', 'nicecxone-sov1.eu'] as const;

const isUnder = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/**
 * True when the token may follow `link`: the API host itself (same origin, which also covers a loopback test
 * server), or an https:// URL on one of NICE's domains, without user:password.
 */
export function isTrustedNextLink(link: string, apiBase: string): boolean {
	let url: URL;
	let base: URL;
	try {
		url = new URL(link, apiBase);
		base = new URL(apiBase);
	} catch {
		return false;
	}
	if (url.username || url.password) return false;
	if (url.origin === base.origin) return true;
	if (url.protocol !== 'https:' || (url.port !== '' && url.port !== '443')) return false;
	const host = url.hostname.toLowerCase();
	return NICE_API_DOMAINS.some((domain) => isUnder(host, domain));
}
