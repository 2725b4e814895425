/** Bounds on every answer the package reads: a deadline, a body size limit, no redirects. */
/**
 * The deadline covers the whole request; the byte limit counts the body after decompression.
 *
 * Why not the helper's own options: n8n's `timeout` is axios' socket-inactivity timeout, so a body trickled one byte
 * a second never trips it; n8n sets `maxContentLength: Infinity` (@n8n/backend-network http/axios/request.ts) and
 * axios counts compressed bytes anyway; and `httpRequestWithAuthentication` replaces any `abortSignal` with the
 * execution's cancel signal (n8n-core request-helpers/authentication.ts). So each request asks for
 * `encoding: 'stream'`, and the body is read here against the deadline and the limit, then dropped at once when
 * either is passed. `disableFollowRedirect` makes a 3xx an error instead of a hop: n8n sends credentials along on
 * cross-origin redirects by default (`sendCredentialsOnCrossOriginRedirect` defaults to true).
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

export const MB = 1024 * 1024;

/** Thrown when the whole request (connect, headers and body) outlasts its Timeout. */
class RequestDeadlineError extends Error {
	readonly code = 'ETIMEDOUT';

	constructor(readonly timeoutMs: number) {
		super(`timeout of ${timeoutMs}ms exceeded`);
		this.name = 'RequestDeadlineError';
	}
}

/** Thrown when a body (after decompression) is larger than the limit. */
class ResponseTooLargeError extends Error {
	readonly code = 'CXONE_RESPONSE_TOO_LARGE';

	constructor(readonly limitBytes: number) {
		super(`response larger than ${limitBytes} bytes`);
		this.name = 'ResponseTooLargeError';
	}
}

export interface ResponseBounds {
	timeoutMs: number;
	maxBodyBytes: number;
}

/** Options every request of the package carries, whatever else it sets. */
export function boundedOptions(options: IHttpRequestOptions, timeoutMs: number): IHttpRequestOptions {
	return {
		...options,
		timeout: timeoutMs,
		encoding: 'stream',
		json: false,
		returnFullResponse: true,
		disableFollowRedirect: true,
	};
}

interface Readable {
	on(event: string, listener: (...args: unknown[]) => void): unknown;
	removeAllListeners(event?: string): unknown;
	destroy(error?: Error): unknown;
	resume?: () => unknown;
}

function isReadable(value: unknown): value is Readable {
	const candidate = value as Partial<Readable> | null;
	return typeof candidate === 'object' && candidate !== null && typeof candidate.on === 'function' && typeof candidate.destroy === 'function';
}

/** Reads a stream to a string, within the deadline and the byte limit; `truncate` keeps the first bytes instead of failing. */
async function readBounded(body: unknown, bounds: ResponseBounds, signal: AbortSignal, truncate = false): Promise<unknown> {
	if (!isReadable(body)) return body;
	const stream = body;
	return await new Promise<string>((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const finish = (error?: Error) => {
			signal.removeEventListener('abort', onAbort);
			if (error) {
				stream.destroy();
				reject(error);
			} else {
				resolve(Buffer.concat(chunks).toString('utf8'));
			}
		};
		const onAbort = () => (truncate ? (stream.destroy(), finish()) : finish(new RequestDeadlineError(bounds.timeoutMs)));
		if (signal.aborted) return onAbort();
		signal.addEventListener('abort', onAbort, { once: true });
		stream.on('data', (chunk: unknown) => {
			const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
			if (size + buffer.length > bounds.maxBodyBytes) {
				stream.removeAllListeners('data');
				if (!truncate) return finish(new ResponseTooLargeError(bounds.maxBodyBytes));
				chunks.push(buffer.subarray(0, bounds.maxBodyBytes - size));
				stream.destroy();
				return finish();
			}
			size += buffer.length;
			chunks.push(buffer);
		});
		stream.on('end', () => finish());
		// Given the deadline as its abortSignal, the helper destroys the stream itself, before onAbort runs.
		stream.on('error', (error: unknown) =>
			truncate ? finish() : finish(signal.aborted ? new RequestDeadlineError(bounds.timeoutMs) : (error as Error)),
		);
	});
}

/** Where n8n keeps the HTTP answer on what it throws (an axios error, possibly wrapped in a NodeApiError). */
function responseOf(error: unknown): { data?: unknown; body?: unknown } | null {
	const outer = error as { response?: unknown; cause?: { response?: unknown } } | null;
	const response = outer?.response ?? outer?.cause?.response;
	return typeof response === 'object' && response !== null ? (response as { data?: unknown }) : null;
}

/** Error answers are read only far enough to explain them. */
const ERROR_BODY_BYTES = 64 * 1024;

/** What sendBounded got: the response, or what stopped it (returned, not thrown, for the caller to explain). */
export type BoundedResult<T> = { ok: true; response: T } | { ok: false; error: unknown };

/**
 * Sends one request and reads its body within `bounds`. Gives n8n's full response, body as text; or what n8n
 * threw (its error body read as text, at most 64 KB), a RequestDeadlineError or a ResponseTooLargeError.
 */
export async function sendBounded<T extends { body?: unknown }>(
	send: (signal: AbortSignal) => Promise<unknown>,
	bounds: ResponseBounds,
): Promise<BoundedResult<T>> {
	const signal = AbortSignal.timeout(bounds.timeoutMs);
	const pending = send(signal);
	let response: T;
	try {
		response = (await Promise.race([
			pending,
			new Promise<never>((_, reject) => {
				const onAbort = () => reject(new RequestDeadlineError(bounds.timeoutMs));
				if (signal.aborted) onAbort();
				else signal.addEventListener('abort', onAbort, { once: true });
				// Whichever comes first, the listener must not outlive the request.
				void pending.then(
					() => signal.removeEventListener('abort', onAbort),
					() => signal.removeEventListener('abort', onAbort),
				);
			}),
		])) as T;
	} catch (error) {
		// An answer that arrives after the deadline is dropped unread.
		void pending.then(
			(late) => isReadable((late as { body?: unknown })?.body) && (late as { body: Readable }).body.destroy(),
			() => undefined,
		);
		const failed = responseOf(error);
		// With the deadline as its abortSignal (sign-in), the helper may report the abort first, as "canceled".
		if (!failed && signal.aborted) return { ok: false, error: new RequestDeadlineError(bounds.timeoutMs) };
		if (failed) {
			const errorBounds = { ...bounds, maxBodyBytes: Math.min(bounds.maxBodyBytes, ERROR_BODY_BYTES) };
			if (isReadable(failed.data)) failed.data = await readBounded(failed.data, errorBounds, signal, true);
			if (isReadable(failed.body)) failed.body = await readBounded(failed.body, errorBounds, signal, true);
		}
		return { ok: false, error };
	}
	try {
		response.body = await readBounded(response.body, bounds, signal);
	} catch (error) {
		return { ok: false, error };
	}
	return { ok: true, response };
}

/** Where a 3xx pointed: the host only (a query may carry a code or a token), or null when there is no Location. */
export function redirectTarget(headers: Record<string, string>, requestUrl: string): string | null {
	const location = headers.location;
	if (!location) return null;
	try {
		return new URL(location, requestUrl).host || 'an address without a host';
	} catch {
		return 'an invalid address';
	}
}

export const isRedirectStatus = (status: number | null): status is number =>
	status !== null && status >= 300 && status < 400 && status !== 304;
