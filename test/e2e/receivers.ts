/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/** What the examples deliver into, on 127.0.0.1: an SMTP server and an HTTP endpoint, both recording. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpReceiver {
	port: number;
	messages: ParsedMail[];
	stop(): Promise<void>;
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
	const messages: ParsedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, _session, callback) {
			simpleParser(stream)
				.then((mail) => {
					messages.push(mail);
					callback();
				})
				.catch((error: Error) => callback(error));
		},
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.server.address() as AddressInfo).port;
	return { port, messages, stop: async () => await new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface HttpReceiver {
	url: string;
	/** JSON bodies received, per path. */
	received: (path: string) => Array<Record<string, unknown>>;
	stop(): Promise<void>;
}

/** `status`: what every call is answered with (200 by default; 500 plays a downstream system that is down). */
export async function startHttpReceiver(status = 200): Promise<HttpReceiver> {
	const bodies = new Map<string, Array<Record<string, unknown>>>();
	const server: Server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const path = (request.url ?? '/').split('?')[0];
			let body: Record<string, unknown>;
			try {
				body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
			} catch {
				body = { unparsed: Buffer.concat(chunks).toString('utf8') };
			}
			bodies.set(path, [...(bodies.get(path) ?? []), body]);
			response.writeHead(status, { 'Content-Type': 'application/json' }).end(status === 200 ? '{"ok":true}' : '{"error":"down"}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received: (path) => bodies.get(path) ?? [],
		stop: async () =>
			await new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** Polls `condition` every 250 ms until it holds or `timeoutMs` passes; says what it waited for on failure. */
export async function waitFor(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
