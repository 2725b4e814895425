/** The sign-in's error type and the texts that tell a user what went wrong at which step, and what to fix. */
import { isRedirectStatus, MB, redirectTarget, type ResponseBounds } from './http/boundedResponse';
import { AGENT_STATE_READ_SCOPE, type ApiFlavour } from './constants';
import type { HttpFailure } from './http/httpFailure';

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

export interface Explanation {
	message: string;
	description: string;
}

/** A step's own reading of a failure (e.g. the token request's), or undefined for the generic text. */
export type ExplainFailure = (failure: HttpFailure) => Explanation | undefined;

/** The failures any sign-in request can meet (a redirect, a huge or slow answer), else the step's own reading, else generic. */
export function explainRequestFailure(
	failure: HttpFailure,
	step: string,
	requestUrl: string,
	bounds: ResponseBounds,
	explain: ExplainFailure,
): Explanation {
	const explained = isRedirectStatus(failure.status)
		? {
				message: `CXone sign-in failed at ${step}: HTTP ${failure.status}, redirecting to ${redirectTarget(failure.headers, requestUrl) ?? 'no address'}; the node does not follow redirects with your credentials`,
				description: 'Check Base URL, Token URL and Issuer URL in the credential: each must be the CXone address itself, not one that forwards to it.',
			}
		: failure.code === 'CXONE_RESPONSE_TOO_LARGE'
			? {
					message: `CXone sign-in failed at ${step}: the answer is larger than ${Math.round(bounds.maxBodyBytes / MB)} MB`,
					description: 'A sign-in answer is a few kilobytes. Check the URLs in the credential: one may point at a file or a web page.',
				}
			: failure.code === 'ETIMEDOUT' && failure.status === null
				? {
						message: `Signing in to CXone did not finish within ${bounds.timeoutMs / 1000} s: no complete answer to ${step}`,
						description: 'The node did not try to sign in again. Check the URLs in the credential and that CXone is reachable from n8n, then run again.',
					}
				: explain(failure);
	return {
		message: explained?.message ?? `CXone sign-in failed at ${step}${failure.status ? ` (HTTP ${failure.status})` : ''}`,
		description:
			explained?.description ??
			(failure.detail ? `CXone said: ${failure.detail}` : 'Check the URLs in the credential and that CXone is reachable.'),
	};
}

/**
 * What the token endpoint's refusal means for each API flavour, followed by CXone's own words when it gave any
 * (`error_description`, NICE's `errorDescription`, the `icStatusDescription` header), already masked: the
 * credential's Test button shows only the message, and CXone's words may name what our reading cannot (a key
 * disabled by an administrator).
 */
export function explainTokenFailure(failure: HttpFailure, flavour: ApiFlavour, scope?: string): Explanation | undefined {
	const explained = explainTokenRefusal(failure, flavour, scope);
	// A body with only the OAuth code says nothing more: then the header may. Masked whole by signInRequest.
	const words = failure.detail !== null && failure.detail !== failure.oauthError ? failure.detail : failure.headers.icstatusdescription;
	const said = words?.trim().replace(/[.\s]+$/, '');
	if (!explained || !said || said === failure.oauthError) return explained;
	return { ...explained, message: `${explained.message}. CXone said: ${said}` };
}

function explainTokenRefusal(failure: HttpFailure, flavour: ApiFlavour, scope?: string): Explanation | undefined {
	const code = failure.oauthError;
	const realTenant = flavour === 'realTenant';
	if (code === 'invalid_grant' && realTenant) {
		return {
			message: 'CXone refused the access key: the Access Key ID or Access Key Secret is wrong or deactivated',
			description:
				'In CXone go to Admin > Employees, open the API user, and on its Access Keys tab create a new key (the secret is shown once). Paste both into the credential.',
		};
	}
	if (code === 'invalid_client' || (failure.status === 401 && !code)) {
		return {
			message: realTenant
				? 'CXone refused the client: the Client ID or Client Secret of your registered back-end application is wrong'
				: 'The token endpoint refused the Client ID or Client Secret',
			description: realTenant
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

export function requireField(value: string | undefined, fieldName: string): string {
	const trimmed = value?.trim() ?? '';
	if (!trimmed) {
		throw new CxoneSignInError(`${fieldName} is empty`, `Fill in ${fieldName} in the NICE CXone API credential.`);
	}
	return trimmed;
}
