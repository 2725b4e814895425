/** The words a user reads when a CXone call fails: CXone's own text quoted once, in a sentence that reads. */
import { describeApiFailure, type FailedCall } from '../../nodes/Cxone/transport/errorMessages';

const call = (status: number, detail: string | null): FailedCall => ({
	failure: { status, headers: {}, body: null, oauthError: null, detail, code: null },
	path: '/api/v2/agents/states',
	requestUrl: 'https://acme.api.cxone.com/api/v2/agents/states',
	flavour: 'tutorial',
	apiVersion: 'v31.0',
	attempt: 0,
	waitedMs: 0,
	timeoutMs: 30_000,
	maxBodyBytes: 200 * 1024 * 1024,
});

it.each([
	['Client lacks the scope.', 'CXone said: Client lacks the scope. This'],
	['Client lacks the scope', 'CXone said: Client lacks the scope. This'],
	['Client lacks the scope. ', 'CXone said: Client lacks the scope. This'],
])('quotes CXone\'s "%s" with one full stop before the advice', (detail, expected) => {
	const { description } = describeApiFailure(call(403, detail));
	expect(description).toContain(expected);
	expect(description).not.toMatch(/\.\./);
});
