/** What went wrong in an HTTP call, read safely out of whatever n8n threw, and masking secrets in text. */
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

/** The shortest piece of a secret that is masked wherever it appears (a server may echo a secret cut short). */
const SECRET_PIECE = 8;

/** How a secret may appear in an echoed request: as is, JSON-escaped, URL- or form-encoded. */
function formsOf(secret: string): string[] {
	return [
		secret,
		JSON.stringify(secret).slice(1, -1),
		encodeURIComponent(secret),
		new URLSearchParams({ s: secret }).toString().slice(2),
	];
}

/**
 * Every form in which a secret of this credential (plus any `extra`, such as a token issued during this very
 * sign-in) may come back in an error: the client secret, access key secret and token as is and encoded, and the
 * base64 of the Basic header, which carries the client secret.
 */
export function secretsOf(credentials: object, extra: Array<string | undefined> = []): string[] {
	const record = credentials as Record<string, unknown>;
	const values = [record.clientSecret, record.accessKeySecret, record.accessToken, ...extra].filter(
		(value): value is string => typeof value === 'string' && value.length >= 4,
	);
	const forms = new Set<string>();
	for (const value of values) for (const form of formsOf(value)) forms.add(form);
	for (const clientSecret of [record.clientSecret, typeof record.clientSecret === 'string' ? record.clientSecret.trim() : undefined]) {
		if (typeof clientSecret !== 'string' || clientSecret.length < 4) continue;
		for (const clientId of [record.clientId, typeof record.clientId === 'string' ? record.clientId.trim() : undefined]) {
			if (typeof clientId === 'string') forms.add(Buffer.from(`${clientId}:${clientSecret}`).toString('base64'));
		}
	}
	return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * Masks every secret, and every piece of one at least SECRET_PIECE characters long, as `***`. Secrets shorter
 * than that are masked where they appear whole.
 */
export function redactSecrets(text: string, secrets: string[]): string {
	if (secrets.length === 0 || text.length === 0) return text;
	const pieces = new Set<string>();
	let result = text;
	for (const secret of secrets) {
		if (secret.length < SECRET_PIECE) result = result.split(secret).join('***');
		else for (let i = 0; i + SECRET_PIECE <= secret.length; i++) pieces.add(secret.slice(i, i + SECRET_PIECE));
	}
	if (pieces.size === 0 || result.length < SECRET_PIECE) return result;
	const masked = new Uint8Array(result.length);
	let found = false;
	for (let i = 0; i + SECRET_PIECE <= result.length; i++) {
		if (pieces.has(result.slice(i, i + SECRET_PIECE))) {
			masked.fill(1, i, i + SECRET_PIECE);
			found = true;
		}
	}
	if (!found) return result;
	let out = '';
	for (let i = 0; i < result.length; i++) {
		if (!masked[i]) out += result[i];
		else if (i === 0 || !masked[i - 1]) out += '***';
	}
	return out;
}

/** Masks, then cuts to `maxChars`: reading a secret's length past the cut is enough to mask one that straddles it. */
export function maskThenCut(text: string, secrets: string[], maxChars: number): string {
	const longest = secrets.reduce((max, secret) => Math.max(max, secret.length), 0);
	return redactSecrets(text.slice(0, maxChars + longest), secrets).slice(0, maxChars);
}
