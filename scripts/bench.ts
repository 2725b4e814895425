/* eslint-disable @n8n/community-nodes/no-restricted-globals -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * `npm run bench`: cost per execution against the simulator on loopback, beside the bare-HTTP floor
 * (fetch + JSON.parse of the same response). Ratios are measured in one run, pair by pair.
 * Run with --expose-gc (the npm script does) so heap figures start from a collected heap.
 */
import { startSimulator, type Simulator } from '../test/support/simulator';
import { TriggerHarness } from '../test/support/harness/poll';
import { simulatorRealTenantCredentials, simulatorTutorialCredentials } from '../test/support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper, type AgentNodeSpec } from '../test/support/harness/workflow';

const SIZES = (process.env.BENCH_SIZES ?? '10,1000,10000,100000').split(',').map(Number);
const WARMUP = 3;
const REPS = Number(process.env.BENCH_REPS ?? 15);
const HEAP_REPS = 3;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function timed(run: () => Promise<unknown>): Promise<number> {
	const start = process.hrtime.bigint();
	await run();
	return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Peak heap growth of one run above a collected heap. Kept apart from the timed runs: forcing a collection
 * and sampling the heap would slow the runs it measures, and a worker polling every minute does neither.
 */
async function peakHeapGrowth(run: () => Promise<unknown>): Promise<number> {
	gc();
	const baseline = process.memoryUsage().heapUsed;
	let peak = baseline;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().heapUsed);
	}, 2);
	await run();
	clearInterval(sampler);
	return Math.max(peak, process.memoryUsage().heapUsed) - baseline;
}

interface PairResult {
	nodeMs: number;
	floorMs: number;
	/** Median of node/floor over pairs run back to back, so both sides of a ratio see the same machine state. */
	ratio: number;
	nodeHeapBytes: number;
	floorHeapBytes: number;
}

async function comparePairwise(floorRun: () => Promise<unknown>, nodeRun: () => Promise<unknown>): Promise<PairResult> {
	for (let i = 0; i < WARMUP; i++) {
		await floorRun();
		await nodeRun();
	}
	const floorMs: number[] = [];
	const nodeMs: number[] = [];
	const ratios: number[] = [];
	for (let i = 0; i < REPS; i++) {
		floorMs.push(await timed(floorRun));
		nodeMs.push(await timed(nodeRun));
		ratios.push(nodeMs[i] / floorMs[i]);
	}
	const floorHeap: number[] = [];
	const nodeHeap: number[] = [];
	for (let i = 0; i < HEAP_REPS; i++) {
		floorHeap.push(await peakHeapGrowth(floorRun));
		nodeHeap.push(await peakHeapGrowth(nodeRun));
	}
	return {
		nodeMs: median(nodeMs),
		floorMs: median(floorMs),
		ratio: median(ratios),
		nodeHeapBytes: median(nodeHeap),
		floorHeapBytes: median(floorHeap),
	};
}

async function floor(simulator: Simulator, token: string) {
	const response = await fetch(`${simulator.url}/api/v2/agents/states`, {
		headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
	});
	return JSON.parse(await response.text()) as unknown;
}

interface Row extends PairResult {
	agents: number;
	what: string;
	requests: number;
	tokenRequests: number;
}

async function benchSize(agents: number): Promise<Row[]> {
	const simulator = await startSimulator({ agents, seed: 7, quiet: true });
	try {
		const store = new TestCredentialsHelper(simulatorTutorialCredentials(simulator.url));
		// Sign in once: from here on every execution reuses the stored token, as in n8n.
		await executeWorkflow(store, { operation: 'getReady', options: { output: 'summary' } });
		const token = String(store.stored.accessToken);

		const rows: Row[] = [];
		const pair = async (what: string, run: () => Promise<unknown>) => {
			let executions = 0;
			let requests = 0;
			let tokenRequests = 0;
			const countedRun = async () => {
				const requestsBefore = simulator.requests.length;
				const tokensBefore = simulator.tokenRequests();
				await run();
				executions++;
				requests += simulator.requests.length - requestsBefore;
				tokenRequests += simulator.tokenRequests() - tokensBefore;
			};
			const result = await comparePairwise(() => floor(simulator, token), countedRun);
			rows.push({ agents, what, ...result, requests: requests / executions, tokenRequests: tokenRequests / executions });
		};
		const execute = (spec: AgentNodeSpec) => async () => {
			const result = await executeWorkflow(store, spec);
			if (result.error) throw result.error;
			return result.items.length;
		};
		await pair('Get Many', execute({ operation: 'getAll' }));
		await pair('Get Ready', execute({ operation: 'getReady' }));
		await pair('Filter by Site', execute({ operation: 'filterBySite', siteIds: 'site-1,site-2' }));
		await pair('Get Many (summary)', execute({ operation: 'getAll', options: { output: 'summary' } }));
		const trigger = new TriggerHarness(store, { event: 'anyChange' });
		await pair('Trigger poll', async () => await trigger.poll());
		return rows;
	} finally {
		await simulator.stop();
	}
}

/** One report operation beside its floor (the same requests, fetched and parsed bare), against a signed-in store. */
async function reportPair(simulator: Simulator, store: TestCredentialsHelper, size: number, what: string, floorRun: () => Promise<unknown>, spec: AgentNodeSpec): Promise<Row> {
	const before = simulator.requests.length;
	let executions = 0;
	const result = await comparePairwise(floorRun, async () => {
		const run = await executeWorkflow(store, spec);
		if (run.error) throw run.error;
		executions++;
	});
	// Floor and node make the same requests, so half are the node's.
	const requests = (simulator.requests.length - before) / 2 / Math.max(executions, 1);
	return { agents: size, what, ...result, requests, tokenRequests: 0 };
}

/** Real-tenant reports: Get History (summary) over 100,000 history rows and Get Activity over 1,000 skills. */
async function benchReports(): Promise<Row[]> {
	const epochMs = Date.parse('2026-11-23T10:00:00.000Z');
	// The simulator's seeded past has one state per 15 minutes: 1,042 agents × 96 = 100,032 rows in the day before.
	const simulator = await startSimulator({ agents: 1_042, seed: 7, quiet: true, epochMs, now: () => epochMs });
	try {
		simulator.reports.addSkills(1_000 - simulator.reports.skills().length);
		const store = new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url));
		const startDate = new Date(epochMs - 28 * 3_600_000).toISOString();
		const endDate = new Date(epochMs - 4 * 3_600_000).toISOString();
		const historySpec: AgentNodeSpec = { operation: 'getHistory', parameters: { startDate, endDate, output: 'summary', returnAll: true } };
		const first = await executeWorkflow(store, historySpec);
		if (first.error) throw first.error;
		const token = String(store.stored.accessToken);
		const base = `${simulator.url}/incontactapi/services/v31.0`;
		const get = async (url: string) => {
			const response = await fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
			return JSON.parse(await response.text()) as { totalRecords: number };
		};
		const historyFloor = async () => {
			for (let skip = 0, total = 1; skip < total; skip += 10_000) {
				total = (await get(`${base}/agents/state-history?startDate=${startDate}&endDate=${endDate}&top=10000&skip=${skip}`)).totalRecords;
			}
		};
		return [
			await reportPair(simulator, store, 100_032, 'Get History (summary)', historyFloor, historySpec),
			await reportPair(simulator, store, 1_000, 'Skill Get Activity', async () => await get(`${base}/skills/activity?top=10000&skip=0`), { resource: 'skill', operation: 'getActivity', parameters: { output: 'skills' } }),
		];
	} finally {
		await simulator.stop();
	}
}

/** Agent Get Performance over 10,000 agents: one answer of counts as text and times as ISO 8601 durations. */
async function benchPerformance(): Promise<Row[]> {
	const epochMs = Date.parse('2026-11-23T10:00:00.000Z');
	const simulator = await startSimulator({ agents: 10_000, seed: 7, quiet: true, epochMs, now: () => epochMs });
	try {
		const store = new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url));
		const startDate = new Date(epochMs - 28 * 3_600_000).toISOString();
		const endDate = new Date(epochMs - 4 * 3_600_000).toISOString();
		const spec: AgentNodeSpec = { resource: 'agent', operation: 'getPerformance', parameters: { startDate, endDate } };
		const first = await executeWorkflow(store, spec);
		if (first.error) throw first.error;
		const token = String(store.stored.accessToken);
		const url = `${simulator.url}/incontactapi/services/v31.0/agents/performance?startDate=${startDate}&endDate=${endDate}`;
		const floorRun = async () => JSON.parse(await (await fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } })).text()) as unknown;
		return [await reportPair(simulator, store, 10_000, 'Agent Get Performance', floorRun, spec)];
	} finally {
		await simulator.stop();
	}
}

/** Per-execution counts are averages: show a fraction as one, never round it away. */
const exactly = (count: number) => (Number.isInteger(count) ? String(count) : count.toFixed(3));

function print(rows: Row[]) {
	const header = ['agents', 'operation', 'node ms', 'floor ms', 'node/floor', 'node heap B/agent', 'floor heap B/agent', 'HTTP req/exec', 'token req/exec'];
	const perAgent = (bytes: number, agents: number) => Math.round(bytes / Math.max(agents, 1)).toString();
	const body = rows.map((row) => [
		row.agents.toLocaleString('en-US'),
		row.what,
		row.nodeMs.toFixed(1),
		row.floorMs.toFixed(1),
		row.ratio.toFixed(2),
		perAgent(row.nodeHeapBytes, row.agents),
		perAgent(row.floorHeapBytes, row.agents),
		exactly(row.requests),
		exactly(row.tokenRequests),
	]);
	const lines = [header, header.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`);
	process.stdout.write(`${lines.join('\n')}\n`);
}

function printGrowth(rows: Row[]) {
	const at = (agents: number, what: string) => rows.find((row) => row.agents === agents && row.what === what)?.nodeMs;
	for (const what of ['Get Many', 'Get Ready', 'Trigger poll']) {
		const small = at(10_000, what);
		const large = at(100_000, what);
		if (small && large) process.stdout.write(`${what}: 100,000 agents cost ${(large / small).toFixed(1)}x 10,000 agents\n`);
	}
}

async function main() {
	process.stdout.write(`Benchmark ${new Date().toISOString()} on Node ${process.version}, ${WARMUP} warm-up pairs + ${REPS} timed pairs (floor, node) each, medians; heap from ${HEAP_REPS} more runs each\n\n`);
	const rows: Row[] = [];
	// BENCH_ONLY=reports runs only the real-tenant report rows.
	if (process.env.BENCH_ONLY !== 'reports') for (const size of SIZES) rows.push(...(await benchSize(size)));
	rows.push(...(await benchReports()));
	rows.push(...(await benchPerformance()));
	print(rows);
	process.stdout.write('\n');
	printGrowth(rows);
	if (rows.some((row) => row.tokenRequests > 0)) {
		process.stderr.write('bench: an execution asked for a token although one was stored\n');
		process.exitCode = 1;
	}
}

main().catch((error: Error) => {
	process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
	process.exitCode = 1;
});
