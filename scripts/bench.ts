/**
 * `npm run bench`: cost per execution against the simulator on loopback, beside the bare-HTTP floor
 * (fetch + JSON.parse of the same response). Ratios are measured in one run, pair by pair.
 * Run with --expose-gc (the npm script does) so heap figures start from a collected heap.
 */
import { startSimulator, type Simulator } from '../test/simulator';
import { TriggerHarness } from '../test/helpers/poll';
import { executeWorkflow, TestCredentialsHelper, tutorialCredentials, type AgentNodeSpec } from '../test/helpers/workflow';

const SIZES = (process.env.BENCH_SIZES ?? '10,1000,10000,100000').split(',').map(Number);
const WARMUP = 2;
const REPS = Number(process.env.BENCH_REPS ?? 7);

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

interface Sample {
	ms: number;
	peakHeapBytes: number;
}

/** Times one run and samples the heap while it runs, for the peak above the collected baseline. */
async function measure(run: () => Promise<unknown>): Promise<Sample> {
	gc();
	const baseline = process.memoryUsage().heapUsed;
	let peak = baseline;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().heapUsed);
	}, 2);
	const start = process.hrtime.bigint();
	const result = await run();
	const ms = Number(process.hrtime.bigint() - start) / 1e6;
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().heapUsed);
	void result;
	return { ms, peakHeapBytes: peak - baseline };
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function series(run: () => Promise<unknown>): Promise<{ ms: number; peakHeapBytes: number }> {
	for (let i = 0; i < WARMUP; i++) await run();
	const samples: Sample[] = [];
	for (let i = 0; i < REPS; i++) samples.push(await measure(run));
	return { ms: median(samples.map((s) => s.ms)), peakHeapBytes: median(samples.map((s) => s.peakHeapBytes)) };
}

async function floor(simulator: Simulator, token: string) {
	const response = await fetch(`${simulator.url}/api/v2/agents/states`, {
		headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
	});
	return JSON.parse(await response.text()) as unknown;
}

interface Row {
	agents: number;
	what: string;
	ms: number;
	floorMs: number;
	heapPerAgent: number;
	requests: number;
	tokenRequests: number;
}

async function benchSize(agents: number): Promise<Row[]> {
	const simulator = await startSimulator({ agents, seed: 7, quiet: true });
	try {
		const store = new TestCredentialsHelper(
			tutorialCredentials({ clientId: 'demo-client-id', clientSecret: 'demo-client-secret', baseUrl: simulator.url }),
		);
		// Sign in once: from here on every execution reuses the stored token, as in n8n.
		await executeWorkflow(store, { operation: 'getReady', options: { output: 'summary' } });
		const token = String(store.stored.accessToken);

		const rows: Row[] = [];
		const pair = async (what: string, run: () => Promise<unknown>) => {
			// Floor and node alternate per pair, so both see the same machine state.
			const floorResult = await series(() => floor(simulator, token));
			const requestsBefore = simulator.requests.length;
			const tokensBefore = simulator.tokenRequests();
			const node = await series(run);
			const executions = WARMUP + REPS;
			rows.push({
				agents,
				what,
				ms: node.ms,
				floorMs: floorResult.ms,
				heapPerAgent: node.peakHeapBytes / Math.max(agents, 1),
				requests: (simulator.requests.length - requestsBefore) / executions,
				tokenRequests: (simulator.tokenRequests() - tokensBefore) / executions,
			});
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

function print(rows: Row[]) {
	const header = ['agents', 'operation', 'node ms', 'floor ms', 'node/floor', 'heap B/agent', 'HTTP req/exec', 'token req/exec'];
	const body = rows.map((row) => [
		row.agents.toLocaleString('en-US'),
		row.what,
		row.ms.toFixed(1),
		row.floorMs.toFixed(1),
		(row.ms / row.floorMs).toFixed(2),
		Math.round(row.heapPerAgent).toString(),
		row.requests.toFixed(0),
		row.tokenRequests.toFixed(0),
	]);
	const lines = [header, header.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`);
	process.stdout.write(`${lines.join('\n')}\n`);
}

function printGrowth(rows: Row[]) {
	const at = (agents: number, what: string) => rows.find((row) => row.agents === agents && row.what === what)?.ms;
	for (const what of ['Get Many', 'Get Ready', 'Trigger poll']) {
		const small = at(10_000, what);
		const large = at(100_000, what);
		if (small && large) process.stdout.write(`${what}: 100,000 agents cost ${(large / small).toFixed(1)}x 10,000 agents\n`);
	}
}

async function main() {
	process.stdout.write(`Benchmark ${new Date().toISOString()} on Node ${process.version}, ${WARMUP} warm-up + ${REPS} runs each, medians\n\n`);
	const rows: Row[] = [];
	for (const size of SIZES) rows.push(...(await benchSize(size)));
	print(rows);
	process.stdout.write('\n');
	printGrowth(rows);
}

main().catch((error: Error) => {
	process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
	process.exitCode = 1;
});
