/* eslint-disable @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/** Faults the simulator can inject, per request (a queue per endpoint) or as a schedule over all requests. */
import { gzipSync } from 'node:zlib';

/** `writes`: Set State and Log Out (POST agents/{id}/state and /logout). */
export type FaultPath = 'token' | 'states' | 'agents' | 'discovery' | 'writes' | 'any';

export interface FaultSpec {
	/** HTTP status to answer with (401, 403, 429, 500, 502, 503, 204, 304, ...). */
	status?: number;
	/** Retry-After header (seconds). */
	retryAfter?: number | string;
	/** Answer after this delay; without `status`, `kind` or `body` the normal answer is delayed. */
	delayMs?: number;
	/** Raw body to send instead of the normal one (with `status`, default 200). */
	body?: string;
	/** Send `body` gzip-compressed, with Content-Encoding: gzip (a small answer on the wire that inflates large). */
	gzip?: boolean;
	kind?: 'nonJson' | 'truncatedJson' | 'emptyArray' | 'html' | 'reset' | 'unexpectedShape';
	/** CXone puts error text in this header. */
	icStatusDescription?: string;
	/** Which endpoint the fault applies to (default: agent states). */
	path?: FaultPath;
	/** Writes only: the change is made when the request arrives, before the delay and the faulty answer. */
	applied?: boolean;
	/** How many matching requests it applies to (default 1). */
	times?: number;
}

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | undefined>;
	body: string;
	/** 0 while unanswered, and for a reset connection. */
	status: number;
	at: number;
}

export type FaultSchedule = (request: RecordedRequest, index: number) => FaultSpec | undefined;

/** What the server writes. A body in parts lets a cached 100,000-agent array go out without being copied or re-encoded. */
export interface Answer {
	status: number;
	body: string | Array<string | Buffer>;
	headers: Record<string, string>;
}

export const bodyText = (answer: Answer) => (typeof answer.body === 'string' ? answer.body : Buffer.concat(answer.body.map((part) => (typeof part === 'string' ? Buffer.from(part) : part))).toString('utf8'));

export class FaultQueue {
	private readonly queued: Array<FaultSpec & { remaining: number }> = [];
	private schedule: FaultSchedule | undefined;

	add(specs: FaultSpec | FaultSpec[]) {
		for (const spec of Array.isArray(specs) ? specs : [specs]) this.queued.push({ ...spec, remaining: spec.times ?? 1 });
	}

	setSchedule(schedule: FaultSchedule | undefined) {
		this.schedule = schedule;
	}

	clear() {
		this.queued.length = 0;
		this.schedule = undefined;
	}

	/** The fault for this request, if any: queued ones first (FIFO for its endpoint), then the schedule. */
	take(endpoint: FaultPath, request: RecordedRequest, index: number): FaultSpec | undefined {
		const position = this.queued.findIndex((fault) => appliesTo(fault, endpoint));
		if (position >= 0) {
			const fault = this.queued[position];
			fault.remaining--;
			if (fault.remaining <= 0) this.queued.splice(position, 1);
			return fault;
		}
		const scheduled = this.schedule?.(request, index);
		return scheduled && appliesTo(scheduled, endpoint) ? scheduled : undefined;
	}
}

const appliesTo = (fault: FaultSpec, endpoint: FaultPath) => fault.path === 'any' || (fault.path ?? 'states') === endpoint;

const json = (status: number, value: unknown, headers: Record<string, string>): Answer => ({
	status,
	body: JSON.stringify(value),
	headers: { 'Content-Type': 'application/json', ...headers },
});

function errorBody(status: number, endpoint: FaultPath) {
	if (status === 401) {
		return endpoint === 'token'
			? { error: 'invalid_client', error_description: 'Client authentication failed' }
			: { error: 'invalid_token', message: 'The access token expired or was revoked' };
	}
	if (status === 403) return { error: 'insufficient_scope', message: "Client lacks 'urn:nice:cxone:agent:state:read' scope." };
	if (status === 429) return { error: 'too_many_requests', message: 'Rate limit exceeded' };
	return { error: status >= 500 ? 'server_error' : 'simulated_error', message: `Simulated HTTP ${status}` };
}

/** A raw body is labelled the way a server that produced it would have labelled it. */
function sniffContentType(body: string) {
	const start = body.trimStart()[0];
	if (start === '{' || start === '[') return 'application/json';
	return start === '<' ? 'text/html' : 'text/plain';
}

export interface FaultContext {
	endpoint: FaultPath;
	/** The tutorial's flat shape answers an empty array; every other states shape an empty agentStates. */
	flatShape: boolean;
	/** The answer the request would have had: truncatedJson cuts it. */
	normal: () => Answer;
}

/**
 * What a fault answers: an Answer, 'reset' to drop the connection, or undefined when the fault only
 * delays (the server then answers normally). The delay itself is the server's job.
 */
export function faultAnswer(fault: FaultSpec, context: FaultContext): Answer | 'reset' | undefined {
	const headers: Record<string, string> = {};
	if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
	if (fault.icStatusDescription) headers.icStatusDescription = fault.icStatusDescription;
	switch (fault.kind) {
		case 'reset':
			return 'reset';
		case 'nonJson':
			return { status: fault.status ?? 200, body: 'Service temporarily unavailable', headers: { 'Content-Type': 'text/plain', ...headers } };
		case 'html': {
			const status = fault.status ?? 502;
			const body = `<html><head><title>${status} Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>`;
			return { status, body, headers: { 'Content-Type': 'text/html', ...headers } };
		}
		case 'truncatedJson': {
			const normal = bodyText(context.normal());
			return { status: 200, body: normal.slice(0, Math.max(1, Math.floor(normal.length / 2))), headers: { 'Content-Type': 'application/json', ...headers } };
		}
		case 'emptyArray':
			return json(200, context.flatShape ? [] : { agentStates: [] }, headers);
		case 'unexpectedShape':
			return json(200, { data: { items: 'nope' } }, headers);
		default:
			break;
	}
	if (fault.body !== undefined && fault.gzip) {
		return { status: fault.status ?? 200, body: [gzipSync(fault.body)], headers: { 'Content-Type': sniffContentType(fault.body), 'Content-Encoding': 'gzip', ...headers } };
	}
	if (fault.body !== undefined) return { status: fault.status ?? 200, body: fault.body, headers: { 'Content-Type': sniffContentType(fault.body), ...headers } };
	if (fault.status === 204 || fault.status === 304) return { status: fault.status, body: '', headers };
	if (fault.status) return json(fault.status, errorBody(fault.status, context.endpoint), headers);
	return undefined;
}
