/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * The simulator's HTTP server on 127.0.0.1: the tutorial's API (client-credentials token, /api/v2/agents/states)
 * and a real tenant's (OpenID discovery, access-key password grant, User Hub access-key token, cxone-configuration, versioned agents/states
 * with updatedSince and paging, the agents list with locations), with faults injected per request.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { faultAnswer, FaultQueue, type Answer, type FaultPath, type FaultSchedule, type FaultSpec, type RecordedRequest } from './faults';
import { agentRecord, cxoneRecord, pascalCase, tutorialRecord } from './records';
import { adminTopRefused, isAgentWrite, supervisorAnswer, type SetStateReads, type SimMessage, type SupervisorHost } from './supervisor';
import { reportKind, SimReports } from './reports';
import { accessKeyTokenRefusal, USER_HUB_TOKEN_PATH } from './userHub';
import { generateTenant, stateChange, type CxoneStateName, type SimAgent, type SimState, type SimulatedTenant } from './tenant';

export const AGENT_STATE_SCOPE = 'urn:nice:cxone:agent:state:read';

export interface SimulatorOptions {
	/** Default 0: a free port. The host is always 127.0.0.1. */
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
	/** Token lifetime in seconds; 0 leaves expires_in out of the token answer (and the token never expires). */
	expiresIn?: number;
	/** The tutorial token answer names resource_server_base_uri (this simulator's URL + '/'). */
	resourceServerBaseUri?: boolean;
	/** Shape of /api/v2/agents/states: the tutorial's flat array, or real CXone's wrapper. */
	tutorialShape?: 'flat' | 'wrapped';
	/** Real mode: page size when the caller sends no `top` (0 = everything at once). */
	pageSize?: number;
	/** Real mode: how a poll with updatedSince answers when nothing changed (default 200 with no agents). */
	unchangedStatus?: 200 | 204 | 304;
	now?: () => number;
	/** The tenant's generation time; defaults to now() rounded down to the minute. */
	epochMs?: number;
	/** Where Set State reads its parameters (default: the query or a JSON body). */
	setStateReads?: SetStateReads;
	quiet?: boolean;
}

export interface Simulator {
	url: string;
	port: number;
	/** Every request in order, headers as received (Authorization included: tests assert on it). */
	requests: RecordedRequest[];
	tenant: SimulatedTenant;
	stop(): Promise<void>;
	fault(spec: FaultSpec | FaultSpec[]): void;
	/** Called for every request after the queue; undefined clears it. */
	schedule(fn: FaultSchedule | undefined): void;
	revokeTokens(): void;
	tokenRequests(): number;
	tokensIssued(): number;
	discoveryRequests(): number;
	/** READY, NOT_READY, ON_CONTACT, DIALER, LOGGED_OUT, or a CXone name (Available, Dialer, ...). IDs as 1001, '1001' or 'a1001'. */
	setAgentState(agentId: number | string, state: SimState | CxoneStateName | string, options?: { reason?: string; at?: number }): void;
	logIn(agentId: number | string, options?: { at?: number }): void;
	logOut(agentId: number | string, options?: { at?: number }): void;
	/** State history and skill activity: fillQueue and addSkills are its controls. */
	reports: SimReports;
	/** Agent messages CXone accepted (POST /agents/messages), in order. */
	messages: SimMessage[];
	/** Clears requests, faults and the schedule; keeps the tenant and the tokens. */
	reset(): void;
}

interface IssuedToken {
	expiresAt: number;
	scopes: string[];
}

type RouteKind = 'tutorialToken' | 'realToken' | 'userHubToken' | 'openId' | 'cxoneConfig' | 'tutorialStates' | 'realStates' | 'realAgents' | 'realLocations';

interface Route {
	kind: RouteKind;
	endpoint: FaultPath;
	method: 'GET' | 'POST';
	/** Real-tenant routes answer errors with an icStatusDescription header. */
	real: boolean;
	version?: string;
}

const CURRENT_VERSIONS = /^v(2[6-9]|3[0-5])\.0$/i;
const OLD_VERSIONS = /^v([2-9]|1[0-2])\.0$/i;
const ISO_DATE = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/;

function routeOf(pathname: string): Route | undefined {
	const lower = pathname.toLowerCase();
	if (lower === '/oauth2/token') return { kind: 'tutorialToken', endpoint: 'token', method: 'POST', real: false };
	if (lower === '/auth/token') return { kind: 'realToken', endpoint: 'token', method: 'POST', real: true };
	if (lower === USER_HUB_TOKEN_PATH) return { kind: 'userHubToken', endpoint: 'token', method: 'POST', real: true };
	if (lower === '/.well-known/openid-configuration') return { kind: 'openId', endpoint: 'discovery', method: 'GET', real: true };
	if (lower === '/.well-known/cxone-configuration') return { kind: 'cxoneConfig', endpoint: 'discovery', method: 'GET', real: true };
	if (lower === '/api/v2/agents/states') return { kind: 'tutorialStates', endpoint: 'states', method: 'GET', real: false };
	const version = pathname.split('/')[3];
	// GET /locations: { locations: [{ locationId, locationName }] } (calljacob/nice-cxone-api src/services/admin/AdminGeneralService.ts).
	if (/^\/incontactapi\/services\/[^/]+\/locations$/.test(lower)) return { kind: 'realLocations', endpoint: 'agents', method: 'GET', real: true, version };
	const versioned = /^\/incontactapi\/services\/([^/]+)\/agents(\/states)?$/.exec(lower);
	if (!versioned) return undefined;
	return versioned[2]
		? { kind: 'realStates', endpoint: 'states', method: 'GET', real: true, version }
		: { kind: 'realAgents', endpoint: 'agents', method: 'GET', real: true, version };
}

const json = (status: number, value: unknown, headers: Record<string, string> = {}): Answer => ({
	status,
	body: JSON.stringify(value),
	headers: { 'Content-Type': 'application/json', ...headers },
});

const jsonText = (...body: Array<string | Buffer>): Answer => ({ status: 200, body, headers: { 'Content-Type': 'application/json' } });

/** Errors are JSON; real CXone also puts the description in the icStatusDescription header. */
const failure = (status: number, error: string, message: string, route: Route | undefined, description = message): Answer =>
	json(status, { error, message }, route?.real ? { icStatusDescription: description } : {});

const jwtPart = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function pageOf(query: Record<string, string>, defaultTop: number) {
	const top = Math.max(0, Math.floor(Number(query.top ?? defaultTop)) || 0);
	const skip = Math.max(0, Math.floor(Number(query.skip ?? 0)) || 0);
	return { top, skip };
}

function configFrom(options: SimulatorOptions) {
	return {
		clientId: options.clientId ?? 'demo-client-id',
		clientSecret: options.clientSecret ?? 'demo-client-secret',
		accessKeyId: options.accessKeyId ?? 'demo-access-key-id',
		accessKeySecret: options.accessKeySecret ?? 'demo-access-key-secret',
		scopes: (options.scope ?? AGENT_STATE_SCOPE).split(/\s+/).filter(Boolean),
		expiresIn: options.expiresIn ?? 3600,
		flat: (options.tutorialShape ?? 'flat') === 'flat',
		pageSize: options.pageSize ?? 0,
		unchangedStatus: options.unchangedStatus ?? 200,
	};
}

class CxoneSimulator {
	readonly requests: RecordedRequest[] = [];
	/** Agent messages CXone accepted (POST /agents/messages), in order; agentMessageId is the position + 900001. */
	readonly messages: SimMessage[] = [];
	readonly tenant: SimulatedTenant;
	readonly reports: SimReports;
	readonly faults = new FaultQueue();
	url = '';
	tokenRequestCount = 0;
	tokensIssuedCount = 0;
	discoveryCount = 0;

	private readonly now: () => number;
	private readonly config: ReturnType<typeof configFrom>;
	private readonly byId: Map<number, SimAgent>;
	private readonly tokens = new Map<string, IssuedToken>();
	private readonly refreshTokens = new Set<string>();
	// Delays waiting to answer: stop() releases them so no timer outlives the server.
	private readonly delays = new Map<NodeJS.Timeout, () => void>();
	// Serialized record arrays, dropped whenever an agent changes: a 100,000-agent answer is built once.
	private readonly cache = new Map<string, Buffer>();
	private stopped = false;

	constructor(private readonly options: SimulatorOptions) {
		this.now = options.now ?? Date.now;
		this.config = configFrom(options);
		this.tenant = generateTenant({
			agents: options.agents ?? 36,
			seed: options.seed ?? 42,
			sites: options.sites ?? 3,
			teams: options.teams ?? 4,
			epochMs: options.epochMs ?? Math.floor(this.now() / 60_000) * 60_000,
		});
		this.byId = new Map(this.tenant.agents.map((agent) => [agent.agentId, agent]));
		this.reports = new SimReports(this.tenant, this.now);
	}

	async handle(request: IncomingMessage, response: ServerResponse, body: string) {
		const parsed = new URL(request.url ?? '/', this.url);
		const record: RecordedRequest = {
			method: request.method ?? 'GET',
			path: parsed.pathname + parsed.search,
			query: Object.fromEntries(parsed.searchParams),
			headers: { ...request.headers } as Record<string, string | undefined>,
			body,
			status: 0,
			at: this.now(),
		};
		this.requests.push(record);
		const host: SupervisorHost = {
			tenant: this.tenant,
			signedIn: this.bearer(request) !== undefined,
			now: this.now,
			change: (id, state, reason) => this.setAgentState(id, state, { reason }),
			setStateReads: this.options.setStateReads,
			deliver: (message) => this.messages.push(message) + 900_000,
		};
		if (isAgentWrite(record.method, parsed.pathname)) return await this.answerWrite(host, record, parsed.pathname, response);
		const supervised = supervisorAnswer(host, record, parsed.pathname);
		if (supervised) return this.write(response, record, supervised);
		const route = routeOf(parsed.pathname);
		const report = route ? undefined : reportKind(parsed.pathname);
		if (report) {
			const answer = this.bearer(request) ? this.reports.answer(report.kind, report.agentId, record, this.url) : failure(401, 'invalid_token', 'Unauthorized', { real: true } as Route);
			return this.write(response, record, answer);
		}
		if (!route) return this.write(response, record, failure(404, 'not_found', `No route ${record.method} ${parsed.pathname}`, undefined));
		if (route.endpoint === 'token' && record.method === 'POST') this.tokenRequestCount++;
		if (route.endpoint === 'discovery' && record.method === 'GET') this.discoveryCount++;
		if (record.method !== route.method) return this.write(response, record, failure(405, 'method_not_allowed', `Use ${route.method}`, route));

		const fault = this.faults.take(route.endpoint, record, this.requests.length - 1);
		if (fault?.delayMs) await this.delay(fault.delayMs);
		if (this.stopped || response.destroyed) return;
		const normal = () => this.answer(route, request, record);
		const faulty = fault ? faultAnswer(fault, { endpoint: route.endpoint, flatShape: route.kind === 'tutorialStates' && this.config.flat, normal }) : undefined;
		if (faulty === 'reset') {
			response.socket?.destroy();
			return;
		}
		this.write(response, record, faulty ?? normal());
	}

	/** Set State and Log Out, with their faults: `applied` makes the change before the fault answers (or drops). */
	private async answerWrite(host: SupervisorHost, record: RecordedRequest, pathname: string, response: ServerResponse) {
		const fault = this.faults.take('writes', record, this.requests.length - 1);
		const apply = () => supervisorAnswer(host, record, pathname) as Answer;
		let answer = fault?.applied ? apply() : undefined;
		if (fault?.delayMs) await this.delay(fault.delayMs);
		if (this.stopped || response.destroyed) return;
		const faulty = fault ? faultAnswer(fault, { endpoint: 'writes', flatShape: false, normal: () => (answer ??= apply()) }) : undefined;
		if (faulty === 'reset') {
			response.socket?.destroy();
			return;
		}
		this.write(response, record, faulty ?? answer ?? apply());
	}

	private write(response: ServerResponse, record: RecordedRequest, answer: Answer) {
		record.status = answer.status;
		if (answer.status === 204 || answer.status === 304) response.writeHead(answer.status, answer.headers).end();
		else if (typeof answer.body === 'string') response.writeHead(answer.status, answer.headers).end(answer.body);
		else {
			const length = answer.body.reduce((sum, part) => sum + (typeof part === 'string' ? Buffer.byteLength(part) : part.length), 0);
			response.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(length) });
			for (const part of answer.body) response.write(part);
			response.end();
		}
	}

	private delay(ms: number) {
		return new Promise<void>((resolve) => {
			const timer = setTimeout(() => {
				this.delays.delete(timer);
				resolve();
			}, ms);
			this.delays.set(timer, resolve);
		});
	}

	releaseDelays() {
		this.stopped = true;
		for (const [timer, resolve] of this.delays) {
			clearTimeout(timer);
			resolve();
		}
		this.delays.clear();
	}

	private answer(route: Route, request: IncomingMessage, record: RecordedRequest): Answer {
		switch (route.kind) {
			case 'tutorialToken':
				return this.tutorialToken(request, record);
			case 'realToken':
				return this.realToken(request, record);
			case 'userHubToken':
				return accessKeyTokenRefusal(request, record.body, this.config) ?? this.realTokenAnswer();
			case 'openId':
				return json(200, {
					issuer: this.url,
					token_endpoint: `${this.url}/auth/token`,
					token_endpoint_auth_methods_supported: ['client_secret_basic'],
					grant_types_supported: ['password', 'refresh_token'],
				});
			case 'cxoneConfig':
				return this.cxoneConfiguration(record);
			default:
				return this.protectedResource(route, request, record);
		}
	}

	// ---- tokens

	private basicClientMatches(request: IncomingMessage) {
		const match = /^Basic (.+)$/i.exec(request.headers.authorization ?? '');
		return match !== null && Buffer.from(match[1], 'base64').toString() === `${this.config.clientId}:${this.config.clientSecret}`;
	}

	private issueToken(scopes: string[]) {
		const token = randomBytes(24).toString('base64url');
		const expiresAt = this.config.expiresIn > 0 ? this.now() + this.config.expiresIn * 1000 : Number.POSITIVE_INFINITY;
		this.tokens.set(token, { expiresAt, scopes });
		this.tokensIssuedCount++;
		return token;
	}

	private tokenLifetime() {
		return this.config.expiresIn > 0 ? { expires_in: this.config.expiresIn } : {};
	}

	private tutorialToken(request: IncomingMessage, record: RecordedRequest): Answer {
		if (!this.basicClientMatches(request)) return json(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
		if (!(request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
			return json(400, { error: 'invalid_request', error_description: 'The body must be application/x-www-form-urlencoded' });
		}
		const form = new URLSearchParams(record.body);
		if (form.get('grant_type') !== 'client_credentials') return json(400, { error: 'unsupported_grant_type', error_description: 'Use grant_type=client_credentials' });
		const requested = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
		if (requested.some((scope) => !this.config.scopes.includes(scope))) return json(400, { error: 'invalid_scope' });
		// OAuth 2.0: a request without scope gets the client's default scopes.
		const granted = requested.length > 0 ? requested : this.config.scopes;
		return json(200, {
			access_token: this.issueToken(granted),
			token_type: 'Bearer',
			...this.tokenLifetime(),
			scope: granted.join(' '),
			...(this.options.resourceServerBaseUri ? { resource_server_base_uri: `${this.url}/` } : {}),
		});
	}

	private realToken(request: IncomingMessage, record: RecordedRequest): Answer {
		const form = new URLSearchParams(record.body);
		const postedClient = form.get('client_id') === this.config.clientId && form.get('client_secret') === this.config.clientSecret;
		if (!this.basicClientMatches(request) && !postedClient) {
			return json(401, { error: 'invalid_client', error_description: 'Client authentication failed' }, { icStatusDescription: 'invalid_client' });
		}
		const grant = form.get('grant_type');
		if (grant === 'refresh_token') {
			const refresh = form.get('refresh_token') ?? '';
			if (!this.refreshTokens.delete(refresh)) return json(400, { error: 'invalid_grant', error_description: 'Unknown or revoked refresh token' });
			return this.realTokenAnswer();
		}
		if (grant !== 'password') return json(400, { error: 'unsupported_grant_type', error_description: 'Use grant_type=password with an access key' });
		if (form.get('username') !== this.config.accessKeyId || form.get('password') !== this.config.accessKeySecret) {
			return json(400, { error: 'invalid_grant', error_description: 'Invalid access key ID or secret' });
		}
		return this.realTokenAnswer();
	}

	private realTokenAnswer(): Answer {
		const iat = Math.floor(this.now() / 1000);
		const claims = {
			iss: this.url,
			sub: `user:${this.tenant.tenantId}`,
			aud: this.config.clientId,
			tenantId: this.tenant.tenantId,
			icBUId: this.tenant.businessUnitId,
			icClusterId: 'SIM1',
			area: 'na1',
			iat,
			exp: iat + (this.config.expiresIn || 3600),
		};
		const refreshToken = randomBytes(16).toString('base64url');
		this.refreshTokens.add(refreshToken);
		return json(200, {
			access_token: this.issueToken([AGENT_STATE_SCOPE]),
			token_type: 'bearer',
			...this.tokenLifetime(),
			refresh_token: refreshToken,
			// Unsigned (alg none): callers read tenantId and iss for routing and need not verify it.
			id_token: `${jwtPart({ alg: 'none', typ: 'JWT' })}.${jwtPart(claims)}.`,
		});
	}

	revokeTokens() {
		this.tokens.clear();
		this.refreshTokens.clear();
	}

	// ---- discovery

	private cxoneConfiguration(record: RecordedRequest): Answer {
		if (record.query.tenantId !== this.tenant.tenantId) {
			return json(404, { error: 'not_found', message: `Unknown tenantId ${record.query.tenantId ?? '(none)'}` }, { icStatusDescription: 'Tenant not found' });
		}
		return json(200, {
			private: false,
			api_endpoint: this.url,
			auth_endpoint: this.url,
			ui_endpoint: this.url,
			area: 'na1',
			cluster: 'SIM1',
			domain: 'niceincontact.com',
			uhDomain: 'nice-incontact.com',
			tenantId: this.tenant.tenantId,
		});
	}

	// ---- agent states and agents

	private bearer(request: IncomingMessage): IssuedToken | undefined {
		const match = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '');
		const token = match ? this.tokens.get(match[1]) : undefined;
		return token && token.expiresAt > this.now() ? token : undefined;
	}

	private protectedResource(route: Route, request: IncomingMessage, record: RecordedRequest): Answer {
		const token = this.bearer(request);
		if (!token) return failure(401, 'invalid_token', 'Unauthorized', route);
		if (!(request.headers.accept ?? '').includes('application/json')) {
			return { status: 406, body: 'No known way to render data', headers: { 'Content-Type': 'text/plain' } };
		}
		if (!token.scopes.includes(AGENT_STATE_SCOPE)) {
			return failure(403, 'insufficient_scope', `Client lacks '${AGENT_STATE_SCOPE}' scope.`, route, 'Forbidden');
		}
		if (route.kind === 'tutorialStates') return this.tutorialStates(record);
		const version = route.version ?? '';
		if (!CURRENT_VERSIONS.test(version) && !OLD_VERSIONS.test(version)) {
			return failure(404, 'not_found', `API version ${version} does not serve this resource`, route, 'Invalid API version');
		}
		if (route.kind === 'realLocations') return this.realLocations();
		return route.kind === 'realStates' ? this.realStates(route, record, OLD_VERSIONS.test(version)) : this.realAgents(record);
	}

	private cached(key: string, build: () => unknown[]) {
		let body = this.cache.get(key);
		if (body === undefined) {
			body = Buffer.from(JSON.stringify(build()));
			this.cache.set(key, body);
		}
		return body;
	}

	private pollTime() {
		return JSON.stringify(new Date(this.now()).toISOString());
	}

	private tutorialStates(record: RecordedRequest): Answer {
		const siteId = record.query.siteId;
		const agents = () => this.tenant.agents.filter((agent) => agent.state !== 'LOGGED_OUT' && (!siteId || agent.siteId === siteId));
		if (this.config.flat) return jsonText(this.cached(`flat:${siteId ?? ''}`, () => agents().map(tutorialRecord)));
		const records = this.cached(`wrapped:${siteId ?? ''}`, () => agents().map((agent) => cxoneRecord(agent, this.tenant.businessUnitId)));
		return jsonText('{"agentStates":', records, `,"lastPollTime":${this.pollTime()}}`);
	}

	private realStates(route: Route, record: RecordedRequest, old: boolean): Answer {
		const { query } = record;
		let agents = this.tenant.agents;
		if (query.updatedSince !== undefined) {
			const since = Date.parse(query.updatedSince);
			if (!ISO_DATE.test(query.updatedSince) || !Number.isFinite(since)) {
				return failure(400, 'bad_request', 'Invalid Updated Since', route);
			}
			// ">=": a change in the same millisecond as the previous lastPollTime is delivered (again) rather than lost.
			agents = agents.filter((agent) => Date.parse(agent.lastUpdateTime) >= since);
			if (agents.length === 0 && this.config.unchangedStatus !== 200) return { status: this.config.unchangedStatus, body: '', headers: {} };
		}
		const { top, skip } = pageOf(query, this.config.pageSize);
		const shape = (agent: SimAgent) => (old ? pascalCase(cxoneRecord(agent, this.tenant.businessUnitId)) : cxoneRecord(agent, this.tenant.businessUnitId));
		const everything = query.updatedSince === undefined && top === 0;
		const records = everything
			? this.cached(old ? 'states:pascal' : 'states:camel', () => agents.map(shape))
			: JSON.stringify((top > 0 ? agents.slice(skip, skip + top) : agents).map(shape));
		const links = JSON.stringify(this.links(record, agents.length, top, skip));
		return jsonText(`{"totalRecords":${agents.length},"_links":${links},"lastPollTime":${this.pollTime()},"agentStates":`, records, '}');
	}

	/** GET /agents: `fields=` narrows every record to those fields, as the Admin API's `fields` query does. */
	private realAgents(record: RecordedRequest): Answer {
		const refused = adminTopRefused(record.query);
		if (refused) return refused;
		const { top, skip } = pageOf(record.query, this.config.pageSize);
		const fields = (record.query.fields ?? '').split(',').map((field) => field.trim()).filter(Boolean);
		const shape = (agent: SimAgent) => {
			const full: Record<string, unknown> = agentRecord(agent);
			return fields.length ? Object.fromEntries(fields.filter((field) => field in full).map((field) => [field, full[field]])) : full;
		};
		const page = top > 0 ? this.tenant.agents.slice(skip, skip + top) : this.tenant.agents;
		const agents = JSON.stringify(page.map(shape));
		const links = JSON.stringify(this.links(record, this.tenant.agents.length, top, skip));
		return jsonText(`{"totalRecords":${this.tenant.agents.length},"_links":${links},"agents":`, agents, '}');
	}

	private realLocations(): Answer {
		const locations = new Map<number, string>();
		for (const agent of this.tenant.agents) locations.set(agent.locationId, agent.locationName);
		return json(200, { locations: [...locations].map(([locationId, locationName]) => ({ locationId, locationName })) });
	}

	/**
	 * Absolute links, as the next page's URL with the same query and the next skip. Real routes spell the path
	 * the way a tenant has been seen to (`/inContactAPI/services/V35.0/...`, other casing than the request):
	 * clients must not depend on path casing.
	 */
	private links(record: RecordedRequest, total: number, top: number, skip: number) {
		const path = record.path.split('?')[0];
		const recased = path.replace(/^\/incontactapi\/services\/v/i, '/inContactAPI/services/V');
		const base = `${this.url}${recased}`;
		const at = (newSkip: number) => `${base}?${new URLSearchParams({ ...record.query, top: String(top), skip: String(newSkip) }).toString()}`;
		const links: Record<string, string> = { self: `${this.url}${record.path}` };
		if (top > 0 && skip + top < total) links.next = at(skip + top);
		if (top > 0 && skip > 0) links.previous = at(Math.max(0, skip - top));
		return links;
	}

	// ---- state changes

	setAgentState(agentId: number | string, state: string, options: { reason?: string; at?: number } = {}) {
		const agent = this.byId.get(typeof agentId === 'number' ? agentId : Number(String(agentId).replace(/^a/i, '')));
		if (!agent) throw new Error(`No simulated agent ${agentId}`);
		const at = new Date(options.at ?? this.now()).toISOString();
		this.reports.recordChange(agent, at);
		Object.assign(agent, stateChange(state, options.reason), { isAcw: false, stateSince: at, lastUpdateTime: at });
		this.cache.clear();
	}
}

function listen(server: Server, port: number) {
	return new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const simulator = new CxoneSimulator(options);
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			simulator.handle(request, response, Buffer.concat(chunks).toString('utf8')).catch((error: Error) => {
				if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' }).end(`Simulator error: ${error.message}`);
			});
		});
	});
	await listen(server, options.port ?? 0);
	const port = (server.address() as AddressInfo).port;
	simulator.url = `http://127.0.0.1:${port}`;
	if (!options.quiet) process.stdout.write(`CXone simulator listening on ${simulator.url}\n`);

	return {
		url: simulator.url,
		port,
		requests: simulator.requests,
		tenant: simulator.tenant,
		reports: simulator.reports,
		messages: simulator.messages,
		async stop() {
			simulator.releaseDelays();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
		fault: (spec) => simulator.faults.add(spec),
		schedule: (fn) => simulator.faults.setSchedule(fn),
		revokeTokens: () => simulator.revokeTokens(),
		tokenRequests: () => simulator.tokenRequestCount,
		tokensIssued: () => simulator.tokensIssuedCount,
		discoveryRequests: () => simulator.discoveryCount,
		setAgentState: (agentId, state, change) => simulator.setAgentState(agentId, state, change),
		logIn: (agentId, change) => simulator.setAgentState(agentId, 'READY', change),
		logOut: (agentId, change) => simulator.setAgentState(agentId, 'LOGGED_OUT', change),
		reset() {
			simulator.requests.length = 0;
			simulator.faults.clear();
		},
	};
}
