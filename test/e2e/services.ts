/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * PostgreSQL and Redis for queue mode, from Debian's packages: installed when absent, each started on a free
 * loopback port in a throwaway folder, and stopped by `stop()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, run } from './n8n';

const POSTGRES_ROOT = '/usr/lib/postgresql';

function postgresBin(): string | undefined {
	if (!existsSync(POSTGRES_ROOT)) return undefined;
	const version = readdirSync(POSTGRES_ROOT).sort().pop();
	const bin = version && join(POSTGRES_ROOT, version, 'bin');
	return bin && existsSync(join(bin, 'initdb')) ? bin : undefined;
}

export async function ensureServicePackages(): Promise<void> {
	if (postgresBin() && existsSync('/usr/bin/redis-server')) return;
	const started = Date.now();
	try {
		await run('apt-get', ['update', '-qq'], { timeoutMs: 5 * 60_000 });
		await run('apt-get', ['install', '-y', '-qq', 'postgresql', 'redis-server'], {
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
			timeoutMs: 10 * 60_000,
		});
	} catch (error) {
		throw new Error(`Could not install PostgreSQL and Redis from Debian's packages: ${(error as Error).message}`);
	}
	process.stdout.write(`[e2e] apt-get install postgresql redis-server: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

export interface Postgres {
	port: number;
	database: string;
	stop(): Promise<void>;
}

/** A throwaway cluster owned by the postgres user (initdb refuses root), trust auth on 127.0.0.1 only. */
export async function startPostgres(): Promise<Postgres> {
	const bin = postgresBin();
	if (!bin) throw new Error('PostgreSQL failed to start: initdb not found');
	const folder = mkdtempSync(join(tmpdir(), 'cxone-pg-'));
	chmodSync(folder, 0o777);
	const data = join(folder, 'data');
	const port = await freePort();
	const asPostgres = async (command: string, args: string[]) =>
		await run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], { timeoutMs: 120_000 });
	try {
		await asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres']);
		await asPostgres('pg_ctl', ['-D', data, '-l', join(folder, 'postgres.log'), '-w', '-t', '60', '-o', `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1`, 'start']);
		await asPostgres('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'n8n']);
	} catch (error) {
		await stop();
		throw new Error(`PostgreSQL failed to start: ${(error as Error).message}`);
	}
	async function stop() {
		if (existsSync(join(data, 'postmaster.pid'))) {
			await asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
		}
		rmSync(folder, { recursive: true, force: true });
	}
	return { port, database: 'n8n', stop };
}

export interface Redis {
	port: number;
	stop(): Promise<void>;
}

export async function startRedis(): Promise<Redis> {
	const port = await freePort();
	const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
	const deadline = Date.now() + 30_000;
	for (;;) {
		try {
			const { stdout } = await run('redis-cli', ['-p', String(port), 'ping'], { timeoutMs: 5_000 });
			if (stdout.trim() === 'PONG') break;
		} catch {
			// not up yet
		}
		if (child.exitCode !== null || Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`Redis failed to start on port ${port}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return {
		port,
		async stop() {
			child.kill('SIGKILL');
		},
	};
}
