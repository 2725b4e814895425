/** What went wrong in an HTTP call, read safely out of whatever n8n threw, its secrets masked. */
import { maskThenCut } from './secretMasking';

// Where the transport and the sign-in have always found the masking.
export { maskThenCut, redactSecrets, secretsOf } from './secretMasking';

/**
 * Reads what went wrong out of whatever n8n's HTTP helpers threw (an axios-style error, possibly wrapped in
 * a NodeApiError), keeping only what is safe to show: never the request, whose headers carry the token.
 */

export interface HttpFailure {
	status: number | null;
	headers: Record<string, string>;
	body: unknown;
	/** The OAuth `error` code (`invalid_grant`, ...) when the body has one. */
	oauthError: string | null;
	/** CXone's own words: body message, OAuth description, or the `icStatusDescription` header. */
	detail: string | null;
	/** Network-level code such as ECONNRESET or ETIMEDOUT. */
	code: string | null;
}

type Loose = Record<string, unknown>;

const asObject = (value: unknown): Loose | null =>
	typeof value === 'object' && value !== null ? (value as Loose) : null;

function normalizeHeaders(headers: unknown): Record<string, string> {
	const result: Record<string, string> = {};
	const source = asObject(headers);
	if (!source) return result;
	const entries =
		typeof (source as { forEach?: unknown }).forEach === 'function' && !Array.isArray(source)
			? collectHeaders(source)
			: Object.entries(source);
	for (const [key, value] of entries) {
		if (value !== undefined && value !== null) result[key.toLowerCase()] = String(value);
	}
	return result;
}

function collectHeaders(source: Loose): Array<[string, unknown]> {
	const entries: Array<[string, unknown]> = [];
	(source as unknown as { forEach: (fn: (value: unknown, key: string) => void) => void }).forEach(
		(value, key) => entries.push([key, value]),
	);
	return entries;
}

function parseMaybeJson(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/** `errorDescription` is NICE's spelling (calljacob/nice-cxone-api AdminGeneralService.ts ApiErrorResponse), `error_description` OAuth's. */
const MESSAGE_KEYS = ['error_description', 'errorDescription', 'message', 'Message', 'errorMessage', 'error', 'detail', 'title'];

const DETAIL_CHARS = 300;

function detailFrom(body: unknown, headers: Record<string, string>, secrets: string[]): string | null {
	const object = asObject(body);
	if (object) {
		for (const key of MESSAGE_KEYS) {
			const value = object[key];
			if (typeof value === 'string' && value.trim()) return maskThenCut(value.trim(), secrets, DETAIL_CHARS);
		}
	}
	if (typeof body === 'string' && body.trim() && !/^\s*</.test(body)) return maskThenCut(body.trim(), secrets, DETAIL_CHARS);
	const header = headers['icstatusdescription'];
	return header?.trim() ? maskThenCut(header.trim(), secrets, DETAIL_CHARS) : null;
}

/**
 * `secrets` (from secretsOf) are masked in what is kept, before it is cut short: a cut through the middle of a
 * secret would leave a piece that no longer matches it.
 */
export function describeHttpFailure(error: unknown, secrets: string[] = []): HttpFailure {
	const outer = asObject(error) ?? {};
	// n8n wraps axios errors in NodeApiError: the HTTP answer sits on the cause.
	const source = asObject(outer.response) ? outer : (asObject(outer.cause) ?? outer);
	const response = asObject(source.response) ?? {};
	const statusValue = response.status ?? response.statusCode ?? source.httpCode ?? outer.httpCode;
	const status = Number(statusValue);
	const headers = normalizeHeaders(response.headers);
	const body = parseMaybeJson(response.data ?? response.body);
	const bodyObject = asObject(body);
	const oauthError = bodyObject && typeof bodyObject.error === 'string' ? bodyObject.error : null;
	const code = typeof source.code === 'string' ? source.code : typeof outer.code === 'string' ? outer.code : null;
	return {
		status: Number.isInteger(status) && status > 0 ? status : null,
		headers,
		body,
		oauthError,
		detail: detailFrom(body, headers, secrets),
		code,
	};
}
