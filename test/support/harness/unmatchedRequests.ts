/**
 * Jest setup (jest.config.js `setupFilesAfterEnv`): no test reaches the network beyond loopback, and a request
 * no nock interceptor matches fails the test that made it, naming the request, instead of surfacing later as
 * an unhandled "No match" that stops jest.
 */
import nock from 'nock';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[?::1\]?)(:\d+)?$/i;

const unmatched: string[] = [];

interface RequestLike {
	method?: string;
	protocol?: string;
	proto?: string;
	host?: string;
	hostname?: string;
	port?: string | number;
	path?: string;
}

function describeRequest(request: RequestLike): string {
	const host = request.hostname ?? request.host ?? '?';
	const protocol = request.protocol ?? (request.proto ? `${request.proto}:` : '');
	return `${request.method ?? 'GET'} ${protocol}//${host}${request.port ? `:${request.port}` : ''}${request.path ?? ''}`;
}

function onNoMatch(request: RequestLike, options?: RequestLike) {
	const seen = options ?? request;
	const host = seen.hostname ?? seen.host ?? '';
	// Tests that start their own server on 127.0.0.1 talk to it unmocked: that is not a miss.
	if (LOOPBACK.test(host) || LOOPBACK.test(String(seen.host ?? ''))) return;
	unmatched.push(describeRequest(seen));
}

beforeAll(() => {
	nock.disableNetConnect();
	nock.enableNetConnect((host: string) => LOOPBACK.test(host));
	nock.emitter.on('no match', onNoMatch);
});

afterEach(() => {
	if (unmatched.length === 0) return;
	const requests = unmatched.splice(0);
	throw new Error(`Requests no nock interceptor matched (and the network is off): ${requests.join(', ')}`);
});

afterAll(() => {
	nock.emitter.removeListener('no match', onNoMatch);
	// Each test file loads its own nock, but they all patch the one http module: left active, this file's nock
	// would still see the next file's requests, refuse them (no interceptors, no net connect) and throw an
	// unhandled 'error' that stops jest when test files share a process (--runInBand, StrykerJS).
	nock.cleanAll();
	nock.restore();
});
