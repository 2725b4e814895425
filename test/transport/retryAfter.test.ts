/**
 * A positive Retry-After is honoured: the next attempt waits at least that long, rather than the shorter
 * exponential backoff (1 s, at most 1.25 s with jitter, for the first retry). Measured on the clock.
 */
import nock from 'nock';

import { executeWorkflow } from '../support/harness/workflow';
import { TUTORIAL_API as API, TUTORIAL_STATES as STATES, useNock, signedInTutorial as signedIn } from '../support/harness/fixtures';

const flat = [{ agentId: 'a1', state: { type: 'READY' }, siteId: 's1', timestamp: '2026-11-23T10:00:00Z' }];

useNock();

/** The times at which CXone saw each request: the first answered 429 with the given Retry-After, the second 200. */
function throttledOnce(status: 429 | 503, retryAfter: () => string) {
	const seenAt: number[] = [];
	const api = nock(API)
		.get(STATES)
		.reply(() => {
			seenAt.push(Date.now());
			return [status, { message: 'slow down' }, { 'Retry-After': retryAfter() }];
		})
		.get(STATES)
		.reply(() => {
			seenAt.push(Date.now());
			return [200, flat];
		});
	return { api, seenAt };
}

it.each([429, 503] as const)('HTTP %s with Retry-After: 2 waits 2 s before asking again, then returns the agents', async (status) => {
	const { api, seenAt } = throttledOnce(status, () => '2');
	const { items, error } = await executeWorkflow(signedIn(), { options: { maxRetryWaitSeconds: 10 } });
	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	expect(api.isDone()).toBe(true);
	expect(seenAt).toHaveLength(2);
	expect(seenAt[1] - seenAt[0]).toBeGreaterThanOrEqual(1950);
}, 10_000);

it('Retry-After as an HTTP date 3 s ahead is waited for too', async () => {
	// HTTP dates have whole seconds: aim 3 s ahead, so at least 2 s remain when it is read.
	const { api, seenAt } = throttledOnce(429, () => new Date(Date.now() + 3000).toUTCString());
	const { items, error } = await executeWorkflow(signedIn(), { options: { maxRetryWaitSeconds: 10 } });
	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	expect(api.isDone()).toBe(true);
	expect(seenAt[1] - seenAt[0]).toBeGreaterThanOrEqual(1950);
}, 10_000);

it('a Retry-After longer than Max Retry Wait is not waited for: the error comes at once and says when to try again', async () => {
	const { seenAt } = throttledOnce(429, () => '30');
	const started = Date.now();
	const { error } = await executeWorkflow(signedIn(), { options: { maxRetryWaitSeconds: 5 } });
	expect(Date.now() - started).toBeLessThan(4000);
	expect(seenAt).toHaveLength(1);
	expect(error?.message).toBe('CXone is throttling requests (HTTP 429); gave up after 1 attempt, 0 s of waiting');
	expect(error?.description).toMatch(/Try again after \d{4}-\d\d-\d\dT/);
}, 10_000);
