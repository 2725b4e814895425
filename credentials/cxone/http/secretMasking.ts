/** Every form a secret may take when a server echoes a request back, and masking them in text. Pure. */

/** The shortest piece of a secret that is masked wherever it appears (a server may echo a secret cut short). */
const SECRET_PIECE = 8;

/** Percent-encoding with RFC 3986's reserved `!'()*` escaped too, as stricter encoders do. */
const strictlyPercentEncoded = (value: string) =>
	encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The base64 characters that come from `value`'s bytes alone, wherever it sits in a longer encoded text (a
 * Bearer or Basic header, a JSON blob): one run for each of the three byte alignments, in base64 and base64url.
 */
function base64Runs(value: string): string[] {
	const bytes = Buffer.from(value, 'utf8');
	const runs: string[] = [];
	for (let offset = 0; offset < 3; offset++) {
		const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
		// Character j holds bits 6j..6j+5: only those wholly inside the value's bits belong to it alone.
		const run = encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6));
		if (run.length >= SECRET_PIECE) runs.push(run, run.replace(/\+/g, '-').replace(/\//g, '_'));
	}
	return runs;
}

/** How a secret may appear in an echoed request: as is, JSON-escaped, URL- or form-encoded, or inside base64. */
function formsOf(secret: string): string[] {
	const json = JSON.stringify(secret).slice(1, -1);
	const form = new URLSearchParams({ s: secret }).toString().slice(2);
	return [
		secret,
		json,
		json.replace(/\//g, '\\/'),
		encodeURIComponent(secret),
		strictlyPercentEncoded(secret),
		form,
		form.replace(/\+/g, '%20'),
		...base64Runs(secret),
	];
}

/**
 * Every form in which a secret of this credential (plus any `extra`, such as a token issued during this very
 * sign-in) may come back in an error: the client secret, access key secret and token as is, encoded and inside
 * base64, and the whole base64 of the Basic header, which carries the client secret.
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
 * RFC 3986 §2.1: `%2f` and `%2F` are the same escape; JSON's `\u002f` and `\u002F` too. Upper-cases the hex of
 * every escape so forms match in either case; keeps every character at its index.
 */
const foldEscapeCase = (text: string) => text.replace(/%[0-9a-f]{2}|\\u[0-9a-f]{4}/gi, (escape) => `${escape.slice(0, 2)}${escape.slice(2).toUpperCase()}`);

/**
 * Masks every secret, and every piece of one at least SECRET_PIECE characters long, as `***`, whatever the case
 * of its escapes. Secrets shorter than that are masked where they appear whole.
 */
export function redactSecrets(text: string, secrets: string[]): string {
	if (secrets.length === 0 || text.length === 0) return text;
	const folded = foldEscapeCase(text);
	const masked = new Uint8Array(text.length);
	const pieces = new Set<string>();
	let found = false;
	for (const secret of secrets.map(foldEscapeCase)) {
		if (secret.length >= SECRET_PIECE) {
			for (let i = 0; i + SECRET_PIECE <= secret.length; i++) pieces.add(secret.slice(i, i + SECRET_PIECE));
			continue;
		}
		for (let at = folded.indexOf(secret); at !== -1; at = folded.indexOf(secret, at + 1)) {
			masked.fill(1, at, at + secret.length);
			found = true;
		}
	}
	for (let i = 0; pieces.size > 0 && i + SECRET_PIECE <= folded.length; i++) {
		if (pieces.has(folded.slice(i, i + SECRET_PIECE))) {
			masked.fill(1, i, i + SECRET_PIECE);
			found = true;
		}
	}
	if (!found) return text;
	let out = '';
	for (let i = 0; i < text.length; i++) {
		if (!masked[i]) out += text[i];
		else if (i === 0 || !masked[i - 1]) out += '***';
	}
	return out;
}

/** Masks, then cuts to `maxChars`: reading a secret's length past the cut is enough to mask one that straddles it. */
export function maskThenCut(text: string, secrets: string[], maxChars: number): string {
	const longest = secrets.reduce((max, secret) => Math.max(max, secret.length), 0);
	return redactSecrets(text.slice(0, maxChars + longest), secrets).slice(0, maxChars);
}
