/** When to try a request again, and how long to wait first: backoff, Retry-After and the total-wait bound. Pure. */
import type { HttpFailure } from './httpFailure';
import { MB } from './boundedResponse';

export interface RetryPolicy {
	/** Retries after the first attempt, for 429, 5xx and dropped connections. */
	maxRetries: number;
	/** All waits of one request together never exceed this. */
	maxTotalWaitMs: number;
	/** First backoff when CXone gives no Retry-After; doubles each time, plus up to 25% jitter. */
	baseDelayMs: number;
	/** Bounds one attempt as a whole: connect, headers and body. */
	timeoutMs: number;
	/** Largest body (after decompression) one answer may have. */
	maxBodyBytes: number;
}

/**
 * The simulator's 100,000-agent answer (real tenant, one page) is 45 MB; the default leaves room above it and keeps
 * a process with a small heap alive (docs/RELIABILITY.md, "What an answer costs in heap").
 */
export const DEFAULT_MAX_RESPONSE_MB = 64;

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 3,
	maxTotalWaitMs: 30_000,
	baseDelayMs: 1_000,
	timeoutMs: 30_000,
	maxBodyBytes: DEFAULT_MAX_RESPONSE_MB * MB,
};

/** What the API calls retry: throttling, server errors and dropped connections. */
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNREFUSED']);

export const isRetryableApiFailure = (failure: HttpFailure): boolean =>
	(failure.status !== null && RETRYABLE_STATUS.has(failure.status)) ||
	(failure.status === null && failure.code !== null && RETRYABLE_NETWORK_CODES.has(failure.code));

/** What a sign-in retries: throttling only (429 and 503). */
export const isThrottled = (failure: HttpFailure): boolean => failure.status === 429 || failure.status === 503;

/** Retry-After in seconds (what CXone sends) or as an HTTP date. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
	if (value === undefined || value.trim() === '') return null;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isFinite(date) ? Math.max(0, date - nowMs) : null;
}

/**
 * The wait before the next attempt, or null to give up: Retry-After when CXone sent one, otherwise exponential
 * backoff with jitter; never past maxRetries nor beyond maxTotalWaitMs of waiting in all.
 */
export function retryDelay(
	failure: HttpFailure,
	attempt: number,
	waitedMs: number,
	policy: Pick<RetryPolicy, 'maxRetries' | 'baseDelayMs' | 'maxTotalWaitMs'>,
): number | null {
	if (attempt >= policy.maxRetries) return null;
	const retryAfterMs = parseRetryAfter(failure.headers['retry-after'], Date.now());
	const delayMs = Math.round(retryAfterMs ?? policy.baseDelayMs * 2 ** attempt * (1 + Math.random() * 0.25));
	return waitedMs + delayMs > policy.maxTotalWaitMs ? null : delayMs;
}
