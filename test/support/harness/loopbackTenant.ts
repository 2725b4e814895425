/* eslint-disable @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * A bare real-tenant API on 127.0.0.1 for the per-agent calls: every request is recorded exactly as it arrived
 * (the raw request line, no decoding), and each is answered by the test's own function.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

import { realTenantCredentials } from './credentials';
import { TestCredentialsHelper } from './workflow';

export interface LoopbackRequest {
	method: string;
	/** The request target as sent: path and query, percent-encoding untouched. */
	url: string;
	contentType: string | undefined;
	body: string;
}

export interface LoopbackAnswer {
	status: number;
	body?: unknown;
	/** Sent as is instead of `body`. */
	text?: string;
	headers?: Record<string, string>;
}

export interface LoopbackTenant {
	url: string;
	requests: LoopbackRequest[];
	/** A credential already signed in to this server, with the token valid for an hour. */
	credentials(): TestCredentialsHelper;
	close(): Promise<void>;
}

export async function serveLoopbackTenant(answer: (request: LoopbackRequest, raw: IncomingMessage) => LoopbackAnswer): Promise<LoopbackTenant> {
	const requests: LoopbackRequest[] = [];
	const server = createServer((raw, response) => {
		const chunks: Buffer[] = [];
		raw.on('data', (chunk: Buffer) => chunks.push(chunk));
		raw.on('end', () => {
			const request = { method: raw.method ?? '', url: raw.url ?? '', contentType: raw.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') };
			requests.push(request);
			const { status, body, text, headers } = answer(request, raw);
			const json = body === undefined ? '' : JSON.stringify(body);
			response.writeHead(status, { ...(json ? { 'Content-Type': 'application/json' } : {}), ...headers }).end(text ?? json);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		requests,
		credentials: () =>
			new TestCredentialsHelper(realTenantCredentials({ accessToken: 'tok', apiBaseUrl: url, tokenExpiresAt: new Date(Date.now() + 3600_000).toISOString() })),
		close: async () =>
			await new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
