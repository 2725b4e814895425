/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * Queue mode, for real: PostgreSQL, Redis, one n8n main and two workers, a webhook workflow answered by
 * CXone Agent States. Every worker must reuse the token stored with the credential. Also measures a
 * 20,000-agent tenant through the same path beside a single regular n8n. Run with `npm run test:e2e:queue`.
 */
import { readFileSync } from 'node:fs';

import { startSimulator, type Simulator } from '../support/simulator';
import { ensureN8n, N8nSandbox, packPackage, type N8nInstall } from './n8n';
import { ensureServicePackages, startPostgres, startRedis, type Postgres, type Redis } from './services';
import { realTenantCredential, tutorialCredential } from './workflows';

const CALLS = 200;
const BATCH = 10;

function webhookWorkflow(id: string, path: string, credentialId: string) {
	return {
		id,
		name: `queue ${path}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'webhook',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${id}-hook`,
				parameters: { httpMethod: 'GET', path, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} },
			},
			{
				id: 'cxone',
				name: 'CXone Agent States',
				type: 'n8n-nodes-cxone.cxoneAgentStates',
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'agentState', operation: 'getReady', options: { output: 'summary' } },
				credentials: { cxoneApi: { id: credentialId, name: `CXone ${credentialId}` } },
			},
		],
		connections: { Webhook: { main: [[{ node: 'CXone Agent States', type: 'main', index: 0 }]] } },
	};
}

interface CallResult {
	status: number;
	body: Record<string, unknown>;
	ms: number;
	/** n8n gave no answer within CALL_TIMEOUT_MS the first time, and the call was made again. */
	retried: boolean;
}

const CALL_TIMEOUT_MS = 45_000;

async function callOnce(url: string): Promise<Omit<CallResult, 'ms' | 'retried'>> {
	const response = await fetch(url, { signal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
	const text = await response.text();
	let body: Record<string, unknown>;
	try {
		body = JSON.parse(text) as Record<string, unknown>;
	} catch {
		body = { unparsed: text.slice(0, 200) };
	}
	return { status: response.status, body };
}

/**
 * One webhook call. Rarely (about one run in six here) n8n's queue mode never answers one call; it is made
 * once more, counted, and reported, so the run measures the package rather than that hiccup.
 */
async function call(url: string): Promise<CallResult> {
	const started = performance.now();
	let retried = false;
	let answer;
	try {
		answer = await callOnce(url);
	} catch (error) {
		if ((error as Error).name !== 'TimeoutError') throw error;
		retried = true;
		answer = await callOnce(url);
	}
	return { ...answer, ms: performance.now() - started, retried };
}

/** Calls in concurrent batches; `between.run` before the batch at `between.after`, `between.then` after it. */
async function fire(url: string, count: number, between?: { after: number; run: () => void; then?: () => void }): Promise<CallResult[]> {
	const results: CallResult[] = [];
	for (let offset = 0; offset < count; offset += BATCH) {
		if (between && offset === between.after) between.run();
		const batch = Array.from({ length: Math.min(BATCH, count - offset) }, async () => await call(url));
		results.push(...(await Promise.all(batch)));
		if (between && offset === between.after) between.then?.();
	}
	return results;
}

/** n8n answers /healthz before it has registered the active workflows' webhooks: wait for the path itself. */
async function waitForWebhook(url: string, timeoutMs = 120_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const { status } = await call(url).catch(() => ({ status: 0 }));
		if (status !== 404 && status !== 0) return;
		if (Date.now() > deadline) throw new Error(`The webhook ${url} was not registered within ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

const percentile = (values: number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

let n8n: N8nInstall;
let tarball: string;
let postgres: Postgres;
let redis: Redis;
let sandbox: N8nSandbox;
let mainUrl: string;
const workerLogs: string[] = [];
let tutorial: Simulator;
let accessKey: Simulator;
let large: Simulator;
let cold: Simulator;

beforeAll(async () => {
	n8n = await ensureN8n();
	tarball = await packPackage();
	await ensureServicePackages();
	postgres = await startPostgres();
	redis = await startRedis();
	tutorial = await startSimulator({ agents: 36, seed: 42, quiet: true });
	accessKey = await startSimulator({ agents: 36, seed: 43, quiet: true });
	large = await startSimulator({ agents: 20_000, seed: 44, quiet: true });
	cold = await startSimulator({ agents: 36, seed: 45, quiet: true });

	sandbox = await N8nSandbox.create(n8n, tarball, {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: 'postgres',
		DB_POSTGRESDB_PASSWORD: '',
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	});
	await sandbox.importCredentials([
		tutorialCredential('credQueueTut0001', tutorial.url),
		realTenantCredential('credQueueKey0001', accessKey.url),
		tutorialCredential('credQueueBig0001', large.url),
		tutorialCredential('credQueueCold001', cold.url),
	]);
	const workflows = [
		webhookWorkflow('wfQueueTutorial1', 'cxone-tutorial', 'credQueueTut0001'),
		webhookWorkflow('wfQueueAccessKey', 'cxone-access-key', 'credQueueKey0001'),
		webhookWorkflow('wfQueueLarge0001', 'cxone-large', 'credQueueBig0001'),
		webhookWorkflow('wfQueueCold00001', 'cxone-cold', 'credQueueCold001'),
	];
	await sandbox.importWorkflows(workflows);
	for (const workflow of workflows) await sandbox.n8nCommand(['publish:workflow', `--id=${workflow.id}`]);

	const workers = [1, 2].map((worker) => {
		const log = `${sandbox.folder}/worker-${worker}.log`;
		workerLogs.push(log);
		const started = sandbox.startWorker(`worker ${worker}`, ['--concurrency=5'], log);
		started.catch(() => undefined); // awaited below, once main is up; this only keeps the rejection from going unhandled
		return started;
	});
	({ url: mainUrl } = await sandbox.startServer());
	await Promise.all(workers);
	for (const path of ['cxone-tutorial', 'cxone-access-key', 'cxone-large', 'cxone-cold']) await waitForWebhook(`${mainUrl}/webhook/${path}`);
}, 40 * 60_000);

afterAll(async () => {
	if (process.env.E2E_SHOW_LOGS) process.stdout.write(sandbox?.logTail() ?? '');
	await sandbox?.cleanup();
	await redis?.stop();
	await postgres?.stop();
	for (const simulator of [tutorial, accessKey, large, cold]) await simulator?.stop();
});

/** Executions each worker ran, from its own log ("Worker started execution N"). */
function executionsPerWorker(): number[] {
	return workerLogs.map((log) => (readFileSync(log, 'utf8').match(/Worker started execution/g) ?? []).length);
}

const expectedReady = (simulator: Simulator) => simulator.tenant.agents.filter((agent) => agent.state === 'READY').length;

describe.each([
	['client credentials', 'cxone-tutorial', () => tutorial],
	['access key with discovery', 'cxone-access-key', () => accessKey],
])('%s: 200 webhook calls across two workers', (_mode, path, simulatorOf) => {
	it('answers every call correctly, shares one token across workers, and replaces a revoked token at most twice per worker', async () => {
		const simulator = simulatorOf();
		const before = executionsPerWorker();
		let tokensBeforeRevocation = 0;
		let tokensAfterRenewal = 0;
		const results = await fire(`${mainUrl}/webhook/${path}`, CALLS, {
			after: CALLS / 2,
			run: () => {
				tokensBeforeRevocation = simulator.tokensIssued();
				simulator.revokeTokens();
			},
			then: () => {
				tokensAfterRenewal = simulator.tokensIssued();
			},
		});
		const wrong = results.filter((result) => result.status !== 200 || result.body.ready !== expectedReady(simulator));
		expect(wrong.map((result) => [result.status, JSON.stringify(result.body).slice(0, 200)])).toEqual([]);

		// At most one sign-in per worker before the revocation (a race on the very first calls) ...
		expect(tokensBeforeRevocation).toBeGreaterThanOrEqual(1);
		expect(tokensBeforeRevocation).toBeLessThanOrEqual(2);
		// ... and after it, one per worker, plus at most one more per worker: an execution whose request was already
		// on its way with the revoked token when its worker's shared sign-in finished gets its own 401 and signs in
		// again (a CI run on 2026-12-03 saw 3; the package keeps no token in memory to recognise the straggler).
		expect(simulator.tokensIssued() - tokensBeforeRevocation).toBeGreaterThanOrEqual(1);
		expect(simulator.tokensIssued() - tokensBeforeRevocation).toBeLessThanOrEqual(4);
		// ... and none once the renewed token is stored.
		expect(simulator.tokensIssued()).toBe(tokensAfterRenewal);

		const ran = executionsPerWorker().map((count, index) => count - before[index]);
		const retried = results.filter((result) => result.retried).length;
		process.stdout.write(`[e2e] ${path}: ${CALLS} calls, executions per worker ${JSON.stringify(ran)}, tokens issued ${simulator.tokensIssued()} (${simulator.tokensIssued() - tokensBeforeRevocation} after the revocation), discovery requests ${simulator.discoveryRequests()}, calls n8n left unanswered and were made again: ${retried}\n`);
		expect(retried).toBeLessThanOrEqual(1);
		expect(ran.every((count) => count > 0)).toBe(true);
		// A call made again may have run twice (its first execution finished, but n8n lost the answer).
		expect(ran.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(CALLS);
		expect(ran.reduce((sum, count) => sum + count, 0)).toBeLessThanOrEqual(CALLS + retried);
	}, 10 * 60_000);
});

describe('a cold credential: 50 webhook calls at once across two workers', () => {
	it('every call succeeds and each worker signs in at most once', async () => {
		// Importing the credential again drops the token the webhook check stored: the next calls find none.
		await sandbox.importCredentials([tutorialCredential('credQueueCold001', cold.url)]);
		const tokensBefore = cold.tokensIssued();
		const results = await Promise.all(Array.from({ length: 50 }, async () => await call(`${mainUrl}/webhook/cxone-cold`)));
		const wrong = results.filter((result) => result.status !== 200 || result.body.ready !== expectedReady(cold));
		expect(wrong.map((result) => [result.status, JSON.stringify(result.body).slice(0, 200)])).toEqual([]);
		const signIns = cold.tokensIssued() - tokensBefore;
		process.stdout.write(`[e2e] cold credential, 50 concurrent webhook calls on 2 workers (5 executions each at once): ${signIns} sign-in(s)\n`);
		expect(signIns).toBeGreaterThanOrEqual(1);
		expect(signIns).toBeLessThanOrEqual(2);
	}, 5 * 60_000);
});

describe('20,000 agents through the webhook: queue mode beside a single regular n8n', () => {
	const SAMPLE = 60;

	async function measure(url: string) {
		await fire(url, BATCH); // warm-up: sign-in, JIT
		const started = performance.now();
		const results = await fire(url, SAMPLE);
		const seconds = (performance.now() - started) / 1000;
		expect(results.every((result) => result.status === 200 && result.body.total === expectedReady(large))).toBe(true);
		const latencies = results.map((result) => result.ms);
		return { perSecond: SAMPLE / seconds, median: percentile(latencies, 50), p95: percentile(latencies, 95) };
	}

	it('reports executions per second and latency', async () => {
		const queue = await measure(`${mainUrl}/webhook/cxone-large`);

		const single = await N8nSandbox.create(n8n, tarball);
		try {
			await single.importCredentials([tutorialCredential('credQueueBig0001', large.url)]);
			await single.importWorkflows([webhookWorkflow('wfQueueLarge0001', 'cxone-large', 'credQueueBig0001')]);
			await single.n8nCommand(['publish:workflow', '--id=wfQueueLarge0001']);
			const { url } = await single.startServer();
			await waitForWebhook(`${url}/webhook/cxone-large`);
			const regular = await measure(`${url}/webhook/cxone-large`);
			const line = (name: string, figures: typeof queue) =>
				`| ${name} | ${figures.perSecond.toFixed(1)} | ${figures.median.toFixed(0)} | ${figures.p95.toFixed(0)} |`;
			process.stdout.write(
				[
					`[e2e] 20,000 agents, Get Ready (summary) per webhook call, ${SAMPLE} calls, ${BATCH} concurrent:`,
					'| n8n | executions/s | median ms | p95 ms |',
					'| --- | --- | --- | --- |',
					line('queue mode: main + 2 workers, PostgreSQL, Redis', queue),
					line('single regular n8n (SQLite)', regular),
					'',
				].join('\n'),
			);
		} finally {
			await single.cleanup();
		}
	}, 15 * 60_000);
});
