/** What the user reads when a CXone API call failed: status, flavour and endpoint become a message and what to do. Pure. */
import { isRedirectStatus, MB, redirectTarget } from '../../../credentials/cxone/http/boundedResponse';
import { AGENT_STATE_READ_SCOPE, EMPLOYEES_SCREEN, type ApiFlavour } from '../../../credentials/cxone/constants';
import type { HttpFailure } from '../../../credentials/cxone/http/httpFailure';
import { parseRetryAfter } from '../../../credentials/cxone/http/retry';

export interface ApiErrorText {
	message: string;
	description: string;
	/** The HTTP status, as n8n's NodeApiError carries it; none for network errors and cut-off answers. */
	httpCode?: string;
}

export interface FailedCall {
	failure: HttpFailure;
	/** The path as requested, and the full URL it resolved to. */
	path: string;
	requestUrl: string;
	flavour: ApiFlavour;
	apiVersion: string;
	/** Attempts made minus one, and the time spent waiting between them. */
	attempt: number;
	waitedMs: number;
	timeoutMs: number;
	maxBodyBytes: number;
}

const explained = (message: string, description: string, httpCode?: string): ApiErrorText => ({ message, description, httpCode });

/** 404 "Invalid Agent Id" (numbers) or "InvalidAgentId" (letters): walterplaza/protractor
 * src/test-data/inContact/apis/Real-Time-Data/Real-Time-Reporting/returns-the-current-state-for-an-agent/*.json */
export const saysInvalidAgent = (text: string) => /invalid\s*agent\s*id/i.test(text);

/** The one wording of an unknown agent, for every per-agent call (state, Set State, Log Out, history). */
export const unknownAgentText = (agentId: string, said = ''): ApiErrorText =>
	explained(
		`CXone knows no agent with ID ${agentId} (HTTP 404 Invalid Agent Id)`,
		`${said}Pick the agent from the list, or check the ID: it is the numeric agent ID in ${EMPLOYEES_SCREEN} (not the user name).`,
		'404',
	);

/** A picker's whole wait (every request, retry and wait of one dropdown) ran out. */
export const budgetSpentText = (budgetMs: number): ApiErrorText =>
	explained(
		`Loading this list from CXone took longer than ${Math.round(budgetMs / 1000)} s; the node stopped waiting`,
		'CXone is slow to answer or the list is very long. Try again, or type the value instead (an ID or name, or an expression).',
	);

/** The agent ID in a per-agent path (`…/agents/1001/states`), decoded; null for other paths. */
function agentIdInPath(path: string): string | null {
	const match = /\/agents\/([^/?#]+)\/[^/?#]+/i.exec(path);
	if (!match || match[1] === 'state-history') return null;
	try {
		return decodeURIComponent(match[1]);
	} catch {
		return match[1];
	}
}

export function describeApiFailure({ failure, path, requestUrl, flavour, apiVersion, attempt, waitedMs, timeoutMs, maxBodyBytes }: FailedCall): ApiErrorText {
	const realTenant = flavour === 'realTenant';
	const status = failure.status;
	// CXone's own text often ends with a full stop already.
	const said = failure.detail ? `CXone said: ${failure.detail.replace(/[.\s]+$/, '')}. ` : '';
	const code = status === null ? undefined : String(status);
	if (isRedirectStatus(status)) {
		const target = redirectTarget(failure.headers, requestUrl) ?? 'no address';
		return explained(
			`CXone answered HTTP ${status}, redirecting to ${target}; the node does not follow redirects with your token`,
			'Check Base URL in the credential: it should be the API host itself, not an address that forwards to it.',
			code,
		);
	}
	if (failure.code === 'CXONE_RESPONSE_TOO_LARGE') {
		return explained(
			`CXone's answer to ${path} is larger than ${Math.round(maxBodyBytes / MB)} MB; the node stopped reading it`,
			'Raise Max Response Size (MB) in the node\'s options if your tenant really is that large, or check the Base URL.',
		);
	}
	if (status === 401) {
		return explained(
			'CXone rejected the access token (HTTP 401), even after signing in again',
			`${said}The credential signed in, but the API refused the token. Check that the Base URL belongs to the same tenant as the client${realTenant ? ', and that the API user is active' : ''}.`,
			code,
		);
	}
	if (status === 403) {
		if (!realTenant) {
			return explained(
				`The token was refused for ${path} (HTTP 403): the client may not read agent states`,
				`${said}This is the tutorial's API (or a gateway that speaks it), where reading agent states needs the scope ${AGENT_STATE_READ_SCOPE}: ask whoever runs that API or gateway to allow it for your client, and check the credential's Scope field. Real CXone tenants have no such scope: use the CXone Access Key sign-in for them.`,
				code,
			);
		}
		const endpoint = realEndpointOf(path);
		return explained(
			`The CXone API user may not call ${endpoint.label} (HTTP 403)`,
			`${said}${endpoint.permission} Then run again.`,
			code,
		);
	}
	if (status === 404) {
		const agentId = agentIdInPath(path);
		if (realTenant && agentId !== null && saysInvalidAgent(failure.detail ?? '')) return unknownAgentText(agentId, said);
		return realTenant && /\/incontactapi\/services\//i.test(path)
			? explained(
					`${realEndpointOf(path).label} was not found: this tenant may not serve API version ${apiVersion} (HTTP 404)`,
					`${said}Change API Version in the credential (for example v30.0 or v34.0).`,
					code,
				)
			: explained(
					`The API has no endpoint at ${path} (HTTP 404)`,
					`${said}${realTenant ? 'Check the Base URL in the credential.' : 'Check the Tenant and Base URL in the credential: this sign-in method is for the tutorial\'s API or a gateway that speaks it.'}`,
					code,
				);
	}
	// NICE's API test data: InvalidStartDate, InvalidEndDate and InvalidDateRange (walterplaza/protractor
	// src/test-data/inContact/apis/…/returns-a-performance-summary-of-all-agents-v3.0.json).
	if (status === 400 && /invalid ?(start ?date|end ?date|date ?range)/i.test(failure.detail ?? '')) {
		return explained(
			`CXone refused the period of ${realEndpointOf(path).label} (HTTP 400)`,
			`${said}Check Start and End (End after Start, neither in the future); CXone may also serve a shorter span than the node allows: try one day, or one agent.`,
			code,
		);
	}
	if (status === 400 && /updated ?since/i.test(failure.detail ?? '')) {
		return explained('CXone refused the updatedSince cursor (Invalid Updated Since)', `${said}The next poll starts again from a full snapshot.`, code);
	}
	const tries = attempt + 1;
	const waited = `${tries} ${tries === 1 ? 'attempt' : 'attempts'}, ${Math.round(waitedMs / 1000)} s of waiting`;
	if (status === 429 || status === 503) {
		const retryAfterMs = parseRetryAfter(failure.headers['retry-after'], Date.now());
		const when = retryAfterWhen(retryAfterMs);
		return explained(
			`CXone is throttling requests (HTTP ${status}); gave up after ${waited}`,
			`${said}Try again ${when}, or run the workflow less often.`,
			code,
		);
	}
	if (status !== null) {
		const html = typeof failure.body === 'string' && /^\s*</.test(failure.body);
		return explained(
			`CXone answered HTTP ${status}${status >= 500 ? ` after ${waited}` : ''}`,
			html ? 'CXone (or a proxy in front of it) sent an HTML error page. Check the Base URL, or try again later.' : said.trim() || 'No further detail was given.',
			code,
		);
	}
	const timedOut = failure.code === 'ECONNABORTED' || failure.code === 'ETIMEDOUT' || /timeout/i.test(failure.detail ?? '');
	return explained(
		timedOut
			? `CXone did not answer within ${timeoutMs / 1000} s (${waited})`
			: `Could not reach CXone (${waited})`,
		`Network error${failure.code ? ` ${failure.code}` : ''}. Check the Base URL in the credential and that CXone is reachable from n8n.`,
	);
}

/**
 * Which real-tenant endpoint a path is, and what the API user's role needs for it. The permission wording is
 * assumed (no NICE source names the security-profile permissions; see "What the access-key mode relies on" in docs/REAL-TENANTS.md).
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
	if (/\/agents\/messages$/.test(lower)) {
		return { label: 'POST /agents/messages (Admin API, agent messages)', permission: "Give the API user's security profile permission to send messages to agents." };
	}
	if (/\/agents(?:\/[^/]+)?\/(?:performance|state-history|login-history)$/.test(lower)) {
		const report = /\/([a-z-]+)$/.exec(lower)![1];
		return {
			label: `GET ${lower.slice(lower.indexOf('/agents'))} (Reporting API, agent ${report})`,
			permission: "Give the API user's security profile permission to view reports in CXone Admin > Security Profiles.",
		};
	}
	const agentPath = /\/agents\/[^/]+\/[^/]+$/.exec(lower);
	if (agentPath) return { label: `GET ${agentPath[0]}`, permission: 'Give the API user\'s security profile permission to view real-time agent data.' };
	return { label: `GET ${pathname}`, permission: 'Check the API user\'s security profile in CXone Admin.' };
}

/** How a Retry-After reads in an error: a time, or for one beyond any calendar, the wait it asked for. */
function retryAfterWhen(retryAfterMs: number | null): string {
	if (retryAfterMs === null) return 'in a minute';
	const at = new Date(Date.now() + retryAfterMs);
	return Number.isFinite(at.getTime()) && retryAfterMs <= 366 * 86_400_000
		? `after ${at.toISOString()}`
		: `later (CXone asked to wait ${Math.round(retryAfterMs / 1000)} s)`;
}
