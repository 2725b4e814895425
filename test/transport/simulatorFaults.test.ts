/**
 * The same promises as faults.test.ts, with the faults injected by the simulator over real HTTP rather than
 * mocked: what a workflow sees when CXone throttles, fails, answers garbage or revokes the token.
 */
import { startSimulator, type FaultSpec, type Simulator } from '../support/simulator';
import { simulatorTutorialCredentials } from '../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../support/harness/workflow';

let simulator: Simulator;
let store: TestCredentialsHelper;

beforeAll(async () => {
	simulator = await startSimulator({ agents: 30, seed: 5, quiet: true });
});
beforeEach(() => {
	simulator.reset();
	store = new TestCredentialsHelper(simulatorTutorialCredentials(simulator.url));
});
afterAll(async () => await simulator?.stop());

const listed = () => simulator.tenant.agents.filter((agent) => agent.state !== 'LOGGED_OUT').length;
const statesRequests = () => simulator.requests.filter((request) => request.path.startsWith('/api/v2/agents/states')).length;
const run = async (options: object = {}) => await executeWorkflow(store, { operation: 'getAll', options: { maxRetryWaitSeconds: 5, ...options } });

describe('recovered: the workflow gets every agent', () => {
	it.each<[string, FaultSpec[], number]>([
		['429 with Retry-After', [{ status: 429, retryAfter: 0, times: 2 }], 3],
		['503 then 502', [{ status: 503, retryAfter: 0 }, { status: 502 }], 3],
		['a reset connection', [{ kind: 'reset' }], 2],
	])('%s', async (_name, faults, requests) => {
		simulator.fault(faults);
		const { items, error } = await run();
		expect(error).toBeUndefined();
		expect(items).toHaveLength(listed());
		expect(statesRequests()).toBe(requests);
	});

	it('a revoked token: the next execution signs in again once and gets every agent', async () => {
		expect((await run()).items).toHaveLength(listed());
		const tokensBefore = simulator.tokensIssued();
		simulator.revokeTokens();
		const { items, error } = await run();
		expect(error).toBeUndefined();
		expect(items).toHaveLength(listed());
		expect(simulator.tokensIssued()).toBe(tokensBefore + 1);
	});
});

describe('not recoverable: a clear error, no hang', () => {
	it.each<[string, FaultSpec, RegExp]>([
		['500 that persists', { status: 500, times: 10 }, /^CXone answered HTTP 500 after 1 attempt/],
		['a non-JSON answer', { kind: 'nonJson' }, /^CXone answered \/api\/v2\/agents\/states with something that is not JSON$/],
		['truncated JSON', { kind: 'truncatedJson' }, /^CXone answered \/api\/v2\/agents\/states with something that is not JSON$/],
		['a gateway\'s HTML error page', { kind: 'html' }, /^CXone answered HTTP 502 after 1 attempt/],
		['an unexpected shape', { kind: 'unexpectedShape' }, /^CXone's agent-states response has an unexpected shape/],
		['403: the scope is missing', { status: 403 }, /agent state|scope/i],
	])('%s', async (_name, fault, message) => {
		simulator.fault(fault);
		const { error } = await run({ maxRetryWaitSeconds: 0.1 });
		expect(error?.message).toMatch(message);
	});

	it('an empty list is no error: no items and the checklist hint', async () => {
		simulator.fault({ kind: 'emptyArray' });
		const { items, error, hints } = await run();
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(hints.map((hint) => hint.message).join(' ')).toMatch(/only agents with an active session/i);
	});
});
