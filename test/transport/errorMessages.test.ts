/** The words a user reads when a CXone call fails: CXone's own text quoted once, in a sentence that reads. */
import { describeApiFailure, unknownAgentText, type FailedCall } from '../../nodes/Cxone/transport/errorMessages';

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

describe('an unknown agent is explained once, in the same words for every per-agent call', () => {
	const realCall = (path: string, detail: string): FailedCall => ({
		...call(404, detail),
		path,
		requestUrl: `https://api-na1.niceincontact.com${path}`,
		flavour: 'realTenant',
	});

	it.each([
		['Get', '/incontactapi/services/v31.0/agents/1001/states', 'Invalid Agent Id'],
		['Get History', '/incontactapi/services/v31.0/agents/1001/state-history', 'InvalidAgentId'],
		['Set State', '/incontactapi/services/v31.0/agents/1001/state', 'Invalid Agent Id'],
		['Log Out', '/incontactapi/services/v31.0/agents/1001/logout', 'Invalid Agent Id'],
	])('%s', (_operation, path, detail) => {
		const text = describeApiFailure(realCall(path, detail));
		const once = unknownAgentText('1001', `CXone said: ${detail}. `);
		expect(text).toEqual(once);
		expect(text.message).toBe('CXone knows no agent with ID 1001 (HTTP 404 Invalid Agent Id)');
		expect(text.description).toContain('CXone Admin > Employees');
	});

	it('decodes the agent ID the path carried as one segment', () => {
		expect(describeApiFailure(realCall('/incontactapi/services/v31.0/agents/a%2F1/states', 'Invalid Agent Id')).message).toContain('agent with ID a/1 ');
	});

	it('a 404 on a list without an agent is still about the API version', () => {
		expect(describeApiFailure(realCall('/incontactapi/services/v31.0/agents/state-history', 'Invalid Agent Id')).message).toContain('API version v31.0');
	});
});
