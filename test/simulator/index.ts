/**
 * A dependency-free CXone API simulator on 127.0.0.1: the tutorial's API (client-credentials token,
 * /api/v2/agents/states) and a real tenant's (OpenID discovery, access-key password grant, cxone-configuration,
 * versioned agents/states with updatedSince and paging, the agents list with locations), plus fault injection.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { FaultQueue, type FaultPath, type FaultSchedule, type FaultSpec, type RecordedRequest } from './faults';
import { cxoneStateFields, generateTenant, STATE_IDS, type SimAgent, type SimState, type SimulatedTenant } from './tenant';

export type { FaultSpec, RecordedRequest } from './faults';
export type { SimAgent, SimulatedTenant } from './tenant';
export { generateTenant } from './tenant';

export const AGENT_STATE_SCOPE = 'urn:nice:cxone:agent:state:read';

export interface SimulatorOptions {
	port?: number;
	seed?: number;
	agents?: number;
	sites?: number;
	teams?: number;
	clientId?: string;
	clientSecret?: string;
	accessKeyId?: string;
	accessKeySecret?: string;
	/** Scopes the OAuth client may have (space-separated). */
	scope?: string;
	/** Token lifetime in seconds; 0 leaves expires_in out of the token answer. */
	expiresIn?: number;
	/** The tutorial token answer names resource_server_base_uri (this simulator). */
	resourceServerBaseUri?: boolean;
	/** Shape of /api/v2/agents/states: the tutorial's flat array, or real CXone's wrapper. */
	tutorialShape?: 'flat' | 'wrapped';
	/** Real mode: page size when the caller sends no `top` (0 = everything at once). */
	pageSize?: number;
	/** Real mode: how a poll with updatedSince answers when nothing changed. */
	unchangedStatus?: 200 | 204 | 304;
	now?: () => number;
	/** The tenant's generation time (defaults to now, to the minute). */
	epochMs?: number;
	quiet?: boolean;
}

export interface Simulator {
	url: string;
	port: number;
	requests: RecordedRequest[];
	tenant: SimulatedTenant;
	stop(): Promise<void>;
	fault(spec: FaultSpec | FaultSpec[]): void;
	schedule(fn: FaultSchedule | undefined): void;
	revokeTokens(): void;
	tokenRequests(): number;
	tokensIssued(): number;
	discoveryRequests(): number;
	setAgentState(agentId: number | string, state: SimState, options?: { reason?: string; at?: number }): void;
	reset(): void;
}

interface IssuedToken {
	expiresAt: number;
	scopes: string[];
}

const REAL_VERSIONS = /^v(2[6-9]|3[0-5])\.0$/i;
const OLD_VERSIONS = /^v([2-9]|1[0-2])\.0$/i;

function tutorialRecord(agent: SimAgent) {
	const subState = agent.state === 'NOT_READY' ? agent.outStateDescription.toUpperCase() : null;
	return { agentId: `a${agent.agentId}`, state: { type: agent.state, subState }, siteId: agent.siteId, timestamp: agent.stateSince };
}

function cxoneRecord(agent: SimAgent, businessUnitId: number) {
	return {
		agentId: agent.agentId,
		agentStateId: agent.agentStateId,
		agentStateName: agent.stateName,
		businessUnitId,
		contactId: agent.contactId,
		firstName: agent.firstName,
		isACW: agent.isAcw,
		isOutbound: agent.stateName === 'OutboundContact',
		lastName: agent.lastName,
		lastUpdateTime: agent.lastUpdateTime,
		mediaTypeName: agent.contactId ? 'Call' : null,
		outStateDescription: agent.outStateDescription,
		outStateId: agent.outStateDescription ? 1 : null,
		skillId: agent.skillId,
		skillName: agent.skillName,
		startDate: agent.stateSince,
		teamId: agent.teamId,
		teamName: agent.teamName,
		userName: agent.userName,
	};
}

/** Old API versions answered in PascalCase. */
function pascalCase(record: Record<string, unknown>) {
	const result: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(record)) result[key[0].toUpperCase() + key.slice(1)] = value;
	return result;
}

function encodeJwtPart(value: object): string {
	return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const now = options.now ?? Date.now;
	const config = {
		clientId: options.clientId ?? 'demo-client-id',
		clientSecret: options.clientSecret ?? 'demo-client-secret',
		accessKeyId: options.accessKeyId ?? 'demo-access-key-id',
		accessKeySecret: options.accessKeySecret ?? 'demo-access-key-secret',
		scopes: (options.scope ?? AGENT_STATE_SCOPE).split(/\s+/).filter(Boolean),
		expiresIn: options.expiresIn ?? 3600,
		shape: options.tutorialShape ?? 'flat',
		pageSize: options.pageSize ?? 0,
		unchangedStatus: options.unchangedStatus ?? 200,
	};
	const tenant = generateTenant({
		agents: options.agents ?? 36,
		seed: options.seed ?? 42,
		sites: options.sites ?? 3,
		teams: options.teams ?? 4,
		epochMs: options.epochMs ?? Math.floor(now() / 60_000) * 60_000,
	});
	const byId = new Map(tenant.agents.map((agent) => [agent.agentId, agent]));
	const tokens = new Map<string, IssuedToken>();
	const requests: RecordedRequest[] = [];
	const faults = new FaultQueue();
	const timers = new Set<NodeJS.Timeout>();
	let tokenRequestCount = 0;
	let tokensIssuedCount = 0;
	let discoveryCount = 0;
	// Serialized bodies are cached until an agent changes: a 100,000-agent answer is built once, not per request.
	let revision = 0;
	const cache = new Map<string, { revision: number; body: string }>();
	let url = '';

	const cached = (key: string, build: () => unknown) => {
		const hit = cache.get(key);
		if (hit && hit.revision === revision) return hit.body;
		const body = JSON.stringify(build());
		cache.set(key, { revision, body });
		return body;
	};

	const send = (response: ServerResponse, record: RecordedRequest, status: number, body: string | object | null, headers: Record<string, string> = {}) => {
		record.status = status;
		const text = body === null ? '' : typeof body === 'string' ? body : JSON.stringify(body);
		const contentType = headers['Content-Type'] ?? (typeof body === 'string' ? 'text/plain' : 'application/json');
		if (status === 204 || status === 304) response.writeHead(status, headers).end();
		else response.writeHead(status, { 'Content-Type': contentType, ...headers }).end(text);
	};

	const issueToken = (scopes: string[]) => {
		const token = randomBytes(24).toString('base64url');
		tokens.set(token, { expiresAt: config.expiresIn > 0 ? now() + config.expiresIn * 1000 : Number.POSITIVE_INFINITY, scopes });
		tokensIssuedCount++;
		return token;
	};

	const bearer = (request: IncomingMessage): IssuedToken | undefined => {
		const match = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '');
		const token = match ? tokens.get(match[1]) : undefined;
		return token && token.expiresAt > now() ? token : undefined;
	};

	const basicMatches = (request: IncomingMessage) => {
		const match = /^Basic (.+)$/i.exec(request.headers.authorization ?? '');
		return match !== null && Buffer.from(match[1], 'base64').toString() === `${config.clientId}:${config.clientSecret}`;
	};

	/** Applies a fault; returns true when it answered (or dropped) the request itself. */
	const applyFault = async (fault: FaultSpec, response: ServerResponse, record: RecordedRequest, normalBody: () => string): Promise<boolean> => {
		if (fault.delayMs) {
			await new Promise<void>((resolve) => {
				const timer = setTimeout(() => {
					timers.delete(timer);
					resolve();
				}, fault.delayMs);
				timers.add(timer);
			});
			if (response.destroyed) return true;
		}
		const headers: Record<string, string> = {};
		if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
		if (fault.icStatusDescription) headers.icStatusDescription = fault.icStatusDescription;
		switch (fault.kind) {
			case 'reset':
				record.status = 0;
				response.socket?.destroy();
				return true;
			case 'nonJson':
				send(response, record, fault.status ?? 200, 'Service temporarily unavailable', headers);
				return true;
			case 'html':
				send(response, record, fault.status ?? 502, '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>', { ...headers, 'Content-Type': 'text/html' });
				return true;
			case 'truncatedJson': {
				const body = normalBody();
				send(response, record, 200, body.slice(0, Math.max(1, Math.floor(body.length / 2))), { ...headers, 'Content-Type': 'application/json' });
				return true;
			}
			case 'emptyArray':
				send(response, record, 200, record.path.startsWith('/api/v2/') && config.shape === 'flat' ? '[]' : '{"agentStates":[]}', { ...headers, 'Content-Type': 'application/json' });
				return true;
			case 'unexpectedShape':
				send(response, record, 200, { data: { items: 'nope' } }, headers);
				return true;
			default:
				break;
		}
		if (fault.body !== undefined) {
			send(response, record, fault.status ?? 200, fault.body, headers);
			return true;
		}
		if (fault.status) {
			const messages: Record<number, object> = {
				401: { error: 'invalid_token', message: 'The access token expired or was revoked' },
				403: { error: 'insufficient_scope', message: `Client lacks '${AGENT_STATE_SCOPE}' scope.` },
				429: { error: 'too_many_requests', message: 'Rate limit exceeded' },
			};
			const body = fault.status === 204 || fault.status === 304 ? null : (messages[fault.status] ?? { error: 'server_error', message: `Simulated HTTP ${fault.status}` });
			send(response, record, fault.status, body, headers);
			return true;
		}
		return false;
	};

	const tutorialToken = (request: IncomingMessage, response: ServerResponse, record: RecordedRequest) => {
		tokenRequestCount++;
		if (!basicMatches(request)) return send(response, record, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
		if (!(request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
			return send(response, record, 400, { error: 'invalid_request', error_description: 'Use application/x-www-form-urlencoded' });
		}
		const form = new URLSearchParams(record.body);
		if (form.get('grant_type') !== 'client_credentials') return send(response, record, 400, { error: 'unsupported_grant_type' });
		const requested = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
		if (requested.some((scope) => !config.scopes.includes(scope))) return send(response, record, 400, { error: 'invalid_scope' });
		const token = issueToken(requested);
		send(response, record, 200, {
			access_token: token,
			token_type: 'Bearer',
			scope: requested.join(' '),
			...(config.expiresIn > 0 ? { expires_in: config.expiresIn } : {}),
			...(options.resourceServerBaseUri ? { resource_server_base_uri: `${url}/` } : {}),
		});
	};

	const realToken = (request: IncomingMessage, response: ServerResponse, record: RecordedRequest) => {
		tokenRequestCount++;
		if (!basicMatches(request)) return send(response, record, 401, { error: 'invalid_client' }, { icStatusDescription: 'invalid_client' });
		const form = new URLSearchParams(record.body);
		if (form.get('grant_type') !== 'password') return send(response, record, 400, { error: 'unsupported_grant_type' });
		if (form.get('username') !== config.accessKeyId || form.get('password') !== config.accessKeySecret) {
			return send(response, record, 400, { error: 'invalid_grant', error_description: 'Invalid access key' });
		}
		const token = issueToken([AGENT_STATE_SCOPE]);
		const iat = Math.floor(now() / 1000);
		const idToken = `${encodeJwtPart({ alg: 'none', typ: 'JWT' })}.${encodeJwtPart({
			iss: url,
			tenantId: tenant.tenantId,
			icBUId: tenant.businessUnitId,
			icClusterId: 'SIM1',
			area: 'na1',
			iat,
			exp: iat + (config.expiresIn || 3600),
		})}.`;
		send(response, record, 200, {
			access_token: token,
			token_type: 'bearer',
			refresh_token: randomBytes(16).toString('base64url'),
			id_token: idToken,
			...(config.expiresIn > 0 ? { expires_in: config.expiresIn } : {}),
		});
	};

	const loggedIn = () => tenant.agents.filter((agent) => agent.state !== 'LOGGED_OUT');

	const tutorialStatesBody = (siteId: string | undefined) =>
		cached(`tutorial:${config.shape}:${siteId ?? ''}`, () => {
			const agents = loggedIn().filter((agent) => !siteId || agent.siteId === siteId);
			return config.shape === 'flat'
				? agents.map(tutorialRecord)
				: { agentStates: agents.map((agent) => cxoneRecord(agent, tenant.businessUnitId)), lastPollTime: new Date(now()).toISOString() };
		});

	const unauthorized = (response: ServerResponse, record: RecordedRequest, real: boolean) =>
		send(response, record, 401, { error: 'invalid_token', message: 'Unauthorized' }, real ? { icStatusDescription: 'Unauthorized' } : {});

	const realStates = (response: ServerResponse, record: RecordedRequest, version: string) => {
		const old = OLD_VERSIONS.test(version);
		const query = record.query;
		let agents = tenant.agents;
		if (query.updatedSince !== undefined) {
			const since = Date.parse(query.updatedSince);
			if (!Number.isFinite(since) || !/^\d{4}-\d\d-\d\d/.test(query.updatedSince)) {
				return send(response, record, 400, '', { icStatusDescription: 'Invalid Updated Since' });
			}
			// ">=": a change in the same millisecond as the previous lastPollTime is delivered (again) rather than lost.
			agents = agents.filter((agent) => Date.parse(agent.lastUpdateTime) >= since);
			if (agents.length === 0 && config.unchangedStatus !== 200) return send(response, record, config.unchangedStatus, null);
		}
		const top = Number(query.top ?? config.pageSize) || 0;
		const skip = Number(query.skip ?? 0) || 0;
		const page = top > 0 ? agents.slice(skip, skip + top) : agents;
		const links: Record<string, string> = { self: `${url}${record.path}` };
		if (top > 0 && skip + top < agents.length) {
			const next = new URLSearchParams({ ...query, top: String(top), skip: String(skip + top) });
			links.next = `${url}${record.path.split('?')[0]}?${next.toString()}`;
		}
		const build = () => {
			const records = page.map((agent) => cxoneRecord(agent, tenant.businessUnitId));
			return { totalRecords: agents.length, _links: links, lastPollTime: new Date(now()).toISOString(), agentStates: old ? records.map(pascalCase) : records };
		};
		const full = query.updatedSince === undefined && top === 0;
		send(response, record, 200, full ? cached(`real:${old ? 'old' : 'new'}`, build) : JSON.stringify(build()), { 'Content-Type': 'application/json' });
	};

	const realAgents = (response: ServerResponse, record: RecordedRequest) => {
		const top = Number(record.query.top ?? 100) || 100;
		const skip = Number(record.query.skip ?? 0) || 0;
		const agents = tenant.agents.slice(skip, skip + top).map((agent) => ({
			agentId: agent.agentId,
			firstName: agent.firstName,
			lastName: agent.lastName,
			userName: agent.userName,
			teamId: agent.teamId,
			teamName: agent.teamName,
			locationId: agent.locationId,
			location: agent.locationName,
			isActive: true,
		}));
		send(response, record, 200, { totalRecords: tenant.agents.length, agents });
	};

	const endpointOf = (method: string, path: string): FaultPath | 'unknown' => {
		const lower = path.toLowerCase();
		if (method === 'POST' && (lower === '/oauth2/token' || lower === '/auth/token')) return 'token';
		if (lower.startsWith('/.well-known/')) return 'discovery';
		if (lower === '/api/v2/agents/states' || /^\/incontactapi\/services\/[^/]+\/agents\/states$/.test(lower)) return 'states';
		if (/^\/incontactapi\/services\/[^/]+\/agents$/.test(lower)) return 'agents';
		return 'unknown';
	};

	const handle = async (request: IncomingMessage, response: ServerResponse, body: string) => {
		const parsed = new URL(request.url ?? '/', url);
		const record: RecordedRequest = {
			method: request.method ?? 'GET',
			path: parsed.pathname + parsed.search,
			query: Object.fromEntries(parsed.searchParams),
			headers: { ...request.headers } as Record<string, string | undefined>,
			body,
			status: 0,
			at: now(),
		};
		requests.push(record);
		const path = parsed.pathname;
		const endpoint = endpointOf(record.method, path);
		if (endpoint === 'discovery') discoveryCount++;
		if (endpoint === 'unknown') return send(response, record, 404, { error: 'not_found', message: `No route ${record.method} ${path}` });

		const real = path.toLowerCase().startsWith('/incontactapi/');
		const fault = faults.take(endpoint, record, requests.length - 1);
		if (fault && (await applyFault(fault, response, record, () => (real ? '{"agentStates":[]}' : tutorialStatesBody(record.query.siteId))))) return;

		if (endpoint === 'token') return path.toLowerCase() === '/oauth2/token' ? tutorialToken(request, response, record) : realToken(request, response, record);
		if (path === '/.well-known/openid-configuration') {
			return send(response, record, 200, { issuer: url, token_endpoint: `${url}/auth/token`, token_endpoint_auth_methods_supported: ['client_secret_basic'] });
		}
		if (path === '/.well-known/cxone-configuration') {
			if (record.query.tenantId !== tenant.tenantId) return send(response, record, 404, { error: 'unknown_tenant' });
			return send(response, record, 200, { private: false, api_endpoint: url, auth_endpoint: url, ui_endpoint: url, area: 'na1', cluster: 'SIM1', domain: 'niceincontact.com', uhDomain: 'nice-incontact.com', tenantId: tenant.tenantId });
		}

		const token = bearer(request);
		if (!token) return unauthorized(response, record, real);
		if ((request.headers.accept ?? '').indexOf('application/json') < 0) return send(response, record, 406, 'No known way to render data');
		if (!token.scopes.includes(AGENT_STATE_SCOPE)) {
			return send(response, record, 403, { error: 'insufficient_scope', message: `Client lacks '${AGENT_STATE_SCOPE}' scope.` }, real ? { icStatusDescription: 'Forbidden' } : {});
		}
		if (!real) return send(response, record, 200, tutorialStatesBody(record.query.siteId), { 'Content-Type': 'application/json' });

		const version = path.split('/')[3];
		if (!REAL_VERSIONS.test(version) && !OLD_VERSIONS.test(version)) {
			return send(response, record, 404, '', { icStatusDescription: 'Invalid API version' });
		}
		return endpoint === 'states' ? realStates(response, record, version) : realAgents(response, record);
	};

	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			handle(request, response, Buffer.concat(chunks).toString('utf8')).catch((error: Error) => {
				if (!response.headersSent) response.writeHead(500).end(error.message);
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	url = `http://127.0.0.1:${port}`;
	if (!options.quiet) process.stdout.write(`CXone simulator listening on ${url}\n`);

	return {
		url,
		port,
		requests,
		tenant,
		async stop() {
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
		fault: (spec) => faults.add(spec),
		schedule: (fn) => faults.setSchedule(fn),
		revokeTokens: () => tokens.clear(),
		tokenRequests: () => tokenRequestCount,
		tokensIssued: () => tokensIssuedCount,
		discoveryRequests: () => discoveryCount,
		setAgentState(agentId, state, change = {}) {
			const agent = byId.get(typeof agentId === 'number' ? agentId : Number(String(agentId).replace(/^a/, '')));
			if (!agent) throw new Error(`No simulated agent ${agentId}`);
			const at = new Date(change.at ?? now()).toISOString();
			const fields = cxoneStateFields(state, () => 0.5, change.reason);
			Object.assign(agent, fields, { state, agentStateId: STATE_IDS[fields.stateName], stateSince: at, lastUpdateTime: at });
			revision++;
		},
		reset() {
			requests.length = 0;
			faults.clear();
		},
	};
}
