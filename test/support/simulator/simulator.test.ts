/* eslint-disable @n8n/community-nodes/no-restricted-globals -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/** The simulator is a test instrument: it must be deterministic and each fault must do what it says. */
import { parseArguments } from './cli';
import { generateTenant, startSimulator, type Simulator } from './index';

const basic = (id = 'demo-client-id', secret = 'demo-client-secret') => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const form = (values: Record<string, string>) => new URLSearchParams(values).toString();
const formHeaders = (authorization = basic()) => ({ Authorization: authorization, 'Content-Type': 'application/x-www-form-urlencoded' });

let simulator: Simulator;
afterEach(async () => await simulator?.stop());

async function tutorialToken(sim: Simulator, scope = 'urn:nice:cxone:agent:state:read') {
	const response = await fetch(`${sim.url}/oauth2/token`, { method: 'POST', headers: formHeaders(), body: form({ grant_type: 'client_credentials', scope }) });
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function getStates(sim: Simulator, token: string, path = '/api/v2/agents/states', accept = 'application/json') {
	const response = await fetch(`${sim.url}${path}`, { headers: { Authorization: `Bearer ${token}`, Accept: accept } });
	const text = await response.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

describe('tenant generation', () => {
	const options = { agents: 500, seed: 7, sites: 3, teams: 4, epochMs: Date.parse('2026-11-24T09:00:00Z') };

	it('the same seed gives the same tenant, another seed another', () => {
		expect(generateTenant(options)).toEqual(generateTenant(options));
		expect(generateTenant({ ...options, seed: 8 }).agents).not.toEqual(generateTenant(options).agents);
	});

	it('has a realistic mix of states across sites and teams', () => {
		const { agents } = generateTenant({ ...options, agents: 10_000 });
		const share = (state: string) => agents.filter((agent) => agent.state === state).length / agents.length;
		expect(share('READY')).toBeGreaterThan(0.35);
		expect(share('NOT_READY')).toBeGreaterThan(0.15);
		expect(share('ON_CONTACT')).toBeGreaterThan(0.1);
		expect(share('LOGGED_OUT')).toBeGreaterThan(0.05);
		expect(new Set(agents.map((agent) => agent.siteId)).size).toBe(3);
		expect(new Set(agents.map((agent) => agent.teamName)).size).toBe(4);
		expect(agents.filter((agent) => agent.state === 'NOT_READY').every((agent) => agent.outStateDescription.length > 0)).toBe(true);
	});

	it('is pure with defaults: no options give the same seed-42 tenant every time', () => {
		expect(generateTenant()).toEqual(generateTenant());
		expect(generateTenant().agents).toHaveLength(36);
		expect(generateTenant().agents[0].agentId).toBe(1001);
	});

	it('gives each agent consistent CXone fields', () => {
		for (const agent of generateTenant({ ...options, agents: 300 }).agents) {
			expect(agent.locationName).toBe(agent.siteName);
			if (agent.state === 'READY') expect([agent.stateName, agent.agentStateId, agent.contactId]).toEqual(['Available', 1, null]);
			if (agent.state === 'NOT_READY') expect([agent.stateName, agent.agentStateId]).toEqual(['Unavailable', 2]);
			if (agent.state === 'ON_CONTACT') expect(agent.contactId).toEqual(expect.any(Number));
			if (agent.state === 'LOGGED_OUT') expect([agent.stateName, agent.agentStateId]).toEqual(['LoggedOut', 0]);
			expect(Date.parse(agent.lastUpdateTime)).toBeLessThanOrEqual(options.epochMs);
		}
	});

	it('generates 100,000 agents with the seeded mix of states', () => {
		// How fast is the bench's business (npm run bench), not a timed unit test's on a shared machine.
		const { agents } = generateTenant({ ...options, agents: 100_000 });
		expect(agents).toHaveLength(100_000);
		const ready = agents.filter((agent) => agent.state === 'READY').length / agents.length;
		expect(ready).toBeGreaterThan(0.37);
		expect(ready).toBeLessThan(0.43);
	});
});

describe('tutorial API', () => {
	it('issues a token for Basic auth, the grant and a granted scope; refuses the rest', async () => {
		simulator = await startSimulator({ quiet: true });
		const ok = await tutorialToken(simulator);
		expect(ok.status).toBe(200);
		expect(ok.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
		expect((await tutorialToken(simulator, 'urn:nice:cxone:admin')).body).toEqual({ error: 'invalid_scope' });
		const wrongSecret = await fetch(`${simulator.url}/oauth2/token`, { method: 'POST', headers: formHeaders(basic('demo-client-id', 'nope')), body: form({ grant_type: 'client_credentials' }) });
		expect(wrongSecret.status).toBe(401);
		expect(simulator.tokenRequests()).toBe(3);
		expect(simulator.tokensIssued()).toBe(1);
	});

	it('serves the flat array of logged-in agents, filtered by siteId', async () => {
		simulator = await startSimulator({ quiet: true });
		const token = String((await tutorialToken(simulator)).body.access_token);
		const all = (await getStates(simulator, token)).json as Array<{ siteId: string; state: { type: string } }>;
		expect(all.length).toBe(simulator.tenant.agents.filter((agent) => agent.state !== 'LOGGED_OUT').length);
		expect(all.some((record) => record.state.type === 'LOGGED_OUT')).toBe(false);
		const site = (await getStates(simulator, token, '/api/v2/agents/states?siteId=site-2')).json as Array<{ siteId: string }>;
		expect(site.length).toBeGreaterThan(0);
		expect(site.every((record) => record.siteId === 'site-2')).toBe(true);
	});

	it('serves real CXone\'s wrapper when asked', async () => {
		simulator = await startSimulator({ quiet: true, tutorialShape: 'wrapped' });
		const token = String((await tutorialToken(simulator)).body.access_token);
		const body = (await getStates(simulator, token)).json as { agentStates: Array<{ agentStateName: string }> };
		expect(body.agentStates[0]).toHaveProperty('agentStateName');
	});

	it('needs Accept: application/json, like CXone', async () => {
		simulator = await startSimulator({ quiet: true });
		const token = String((await tutorialToken(simulator)).body.access_token);
		const answer = await getStates(simulator, token, '/api/v2/agents/states', 'text/html');
		expect(answer.status).toBe(406);
		expect(answer.text).toBe('No known way to render data');
	});

	it('answers 403 to a token without the agent-state scope, 401 after revocation or expiry', async () => {
		let clock = Date.parse('2026-11-24T09:00:00Z');
		simulator = await startSimulator({ quiet: true, scope: 'urn:nice:cxone:agent:state:read other', now: () => clock, expiresIn: 60 });
		const other = String((await tutorialToken(simulator, 'other')).body.access_token);
		expect((await getStates(simulator, other)).status).toBe(403);
		const token = String((await tutorialToken(simulator)).body.access_token);
		expect((await getStates(simulator, token)).status).toBe(200);
		clock += 61_000;
		expect((await getStates(simulator, token)).status).toBe(401);
		const fresh = String((await tutorialToken(simulator)).body.access_token);
		simulator.revokeTokens();
		expect((await getStates(simulator, fresh)).status).toBe(401);
	});

	it('records every request', async () => {
		simulator = await startSimulator({ quiet: true });
		const token = String((await tutorialToken(simulator)).body.access_token);
		await getStates(simulator, token, '/api/v2/agents/states?siteId=site-1');
		expect(simulator.requests.map((r) => [r.method, r.path, r.status])).toEqual([
			['POST', '/oauth2/token', 200],
			['GET', '/api/v2/agents/states?siteId=site-1', 200],
		]);
		expect(simulator.requests[1].headers.authorization).toBe(`Bearer ${token}`);
	});
});

describe('real-tenant API', () => {
	async function signIn(sim: Simulator) {
		const openId = (await (await fetch(`${sim.url}/.well-known/openid-configuration`)).json()) as { token_endpoint: string };
		const response = await fetch(openId.token_endpoint, {
			method: 'POST',
			headers: formHeaders(),
			body: form({ grant_type: 'password', username: 'demo-access-key-id', password: 'demo-access-key-secret' }),
		});
		const body = (await response.json()) as { access_token: string; id_token: string };
		const claims = JSON.parse(Buffer.from(body.id_token.split('.')[1], 'base64url').toString()) as { tenantId: string; iss: string };
		const config = (await (await fetch(`${sim.url}/.well-known/cxone-configuration?tenantId=${claims.tenantId}`)).json()) as { api_endpoint: string };
		return { token: body.access_token, claims, api: config.api_endpoint };
	}

	it('signs in with an access key and discovers the API host through the id_token\'s tenantId', async () => {
		simulator = await startSimulator({ quiet: true });
		const { token, claims, api } = await signIn(simulator);
		expect(claims).toMatchObject({ iss: simulator.url, tenantId: simulator.tenant.tenantId });
		expect(api).toBe(simulator.url);
		const states = await getStates(simulator, token, '/incontactapi/services/v31.0/agents/states');
		const body = states.json as { agentStates: Array<Record<string, unknown>>; lastPollTime: string };
		expect(body.agentStates).toHaveLength(simulator.tenant.agents.length);
		expect(body.agentStates[0]).toHaveProperty('agentStateName');
		expect(typeof body.lastPollTime).toBe('string');
		expect(simulator.discoveryRequests()).toBe(2);
	});

	it('refuses a wrong access key with invalid_grant', async () => {
		simulator = await startSimulator({ quiet: true });
		const response = await fetch(`${simulator.url}/auth/token`, { method: 'POST', headers: formHeaders(), body: form({ grant_type: 'password', username: 'x', password: 'y' }) });
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
	});

	it('serves PascalCase on an old version and 404 with icStatusDescription on an unknown one', async () => {
		simulator = await startSimulator({ quiet: true });
		const { token } = await signIn(simulator);
		const old = (await getStates(simulator, token, '/inContactAPI/services/v4.0/agents/states')).json as { agentStates: Array<Record<string, unknown>> };
		expect(old.agentStates[0]).toHaveProperty('AgentStateName');
		const unknown = await getStates(simulator, token, '/incontactapi/services/v99.0/agents/states');
		expect(unknown.status).toBe(404);
		expect(unknown.headers.get('icstatusdescription')).toBe('Invalid API version');
	});

	it('returns only agents changed since updatedSince, and refuses an invalid one', async () => {
		let clock = Date.parse('2026-11-24T09:00:00Z');
		simulator = await startSimulator({ quiet: true, now: () => clock, unchangedStatus: 304 });
		const { token } = await signIn(simulator);
		const first = (await getStates(simulator, token, '/incontactapi/services/v31.0/agents/states')).json as { lastPollTime: string };
		expect((await getStates(simulator, token, `/incontactapi/services/v31.0/agents/states?updatedSince=${first.lastPollTime}`)).status).toBe(304);
		clock += 5000;
		simulator.setAgentState(1001, 'NOT_READY', { reason: 'Lunch' });
		const delta = (await getStates(simulator, token, `/incontactapi/services/v31.0/agents/states?updatedSince=${first.lastPollTime}`)).json as { agentStates: Array<Record<string, unknown>> };
		expect(delta.agentStates).toEqual([expect.objectContaining({ agentId: 1001, agentStateName: 'Unavailable', outStateDescription: 'Lunch' })]);
		const invalid = await getStates(simulator, token, '/incontactapi/services/v31.0/agents/states?updatedSince=13/13/2017');
		expect(invalid.status).toBe(400);
		expect(invalid.headers.get('icstatusdescription')).toBe('Invalid Updated Since');
	});

	it('pages with top/skip and an absolute _links.next', async () => {
		simulator = await startSimulator({ quiet: true, agents: 5 });
		const { token } = await signIn(simulator);
		const first = (await getStates(simulator, token, '/incontactapi/services/v31.0/agents/states?top=2')).json as { agentStates: unknown[]; _links: { next: string } };
		expect(first.agentStates).toHaveLength(2);
		// Other path casing than the request, as a real tenant has been seen to answer.
		expect(first._links.next).toBe(`${simulator.url}/inContactAPI/services/V31.0/agents/states?top=2&skip=2`);
	});

	it.each(['agents?fields=agentId,location&top=101', 'teams?top=101', 'agents?searchString=a&top=101'])(
		'refuses more than 100 per page on the Admin lists, as CXone does (%s)',
		async (list) => {
			simulator = await startSimulator({ quiet: true, agents: 5 });
			const { token } = await signIn(simulator);
			expect((await getStates(simulator, token, `/incontactapi/services/v31.0/${list}`)).status).toBe(400);
			expect((await getStates(simulator, token, `/incontactapi/services/v31.0/${list.replace('101', '100')}`)).status).toBe(200);
		},
	);

	it('lists agents with their locations', async () => {
		simulator = await startSimulator({ quiet: true });
		const { token } = await signIn(simulator);
		const body = (await getStates(simulator, token, '/incontactapi/services/v31.0/agents?top=5')).json as { totalRecords: number; agents: Array<Record<string, unknown>> };
		expect(body.totalRecords).toBe(36);
		expect(body.agents[0]).toMatchObject({ agentId: 1001, location: 'Manila' });
		expect(body.agents[0]).not.toHaveProperty('locationId');
	});
});

describe('faults', () => {
	async function startWithToken() {
		simulator = await startSimulator({ quiet: true });
		return String((await tutorialToken(simulator)).body.access_token);
	}

	it.each([
		[{ status: 429, retryAfter: 3 }, 429, 'retry-after', '3'],
		[{ status: 503 }, 503, undefined, undefined],
		[{ status: 403 }, 403, undefined, undefined],
		[{ status: 500, icStatusDescription: 'Boom' }, 500, 'icstatusdescription', 'Boom'],
	])('%p answers %s once, then the normal answer', async (fault, status, header, value) => {
		const token = await startWithToken();
		simulator.fault(fault);
		const faulty = await getStates(simulator, token);
		expect(faulty.status).toBe(status);
		if (header) expect(faulty.headers.get(header)).toBe(value);
		expect((await getStates(simulator, token)).status).toBe(200);
	});

	it('nonJson, html, truncatedJson, emptyArray and unexpectedShape bodies', async () => {
		const token = await startWithToken();
		simulator.fault([{ kind: 'nonJson' }, { kind: 'html' }, { kind: 'truncatedJson' }, { kind: 'emptyArray' }, { kind: 'unexpectedShape' }]);
		expect((await getStates(simulator, token)).text).toBe('Service temporarily unavailable');
		const html = await getStates(simulator, token);
		expect([html.status, html.text.startsWith('<html>')]).toEqual([502, true]);
		expect((await getStates(simulator, token)).json).toBeUndefined();
		expect((await getStates(simulator, token)).json).toEqual([]);
		expect((await getStates(simulator, token)).json).toEqual({ data: { items: 'nope' } });
	});

	it('a slow response and a reset connection', async () => {
		const token = await startWithToken();
		simulator.fault([{ delayMs: 300 }, { kind: 'reset' }]);
		const started = Date.now();
		expect((await getStates(simulator, token)).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		await expect(getStates(simulator, token)).rejects.toThrow();
	});

	it('a fault applies `times` times and only to its endpoint', async () => {
		simulator = await startSimulator({ quiet: true });
		simulator.fault({ status: 500, path: 'token', times: 2 });
		expect((await tutorialToken(simulator)).status).toBe(500);
		expect((await tutorialToken(simulator)).status).toBe(500);
		expect((await tutorialToken(simulator)).status).toBe(200);
	});

	it('a schedule can fault every third request', async () => {
		const token = await startWithToken();
		simulator.schedule((_request, index) => (index % 3 === 0 ? { status: 503 } : undefined));
		const statuses = [];
		for (let i = 0; i < 6; i++) statuses.push((await getStates(simulator, token)).status);
		// Request 0 was the token request; the states requests are 1..6, so 3 and 6 fault.
		expect(statuses).toEqual([200, 200, 503, 200, 200, 503]);
	});
});

describe('tutorial token endpoint in detail', () => {
	const post = (sim: Simulator, headers: Record<string, string>, body: string) => fetch(`${sim.url}/oauth2/token`, { method: 'POST', headers, body });

	it('needs Basic auth, a form body and grant_type=client_credentials', async () => {
		simulator = await startSimulator({ quiet: true });
		const noAuth = await post(simulator, { 'Content-Type': 'application/x-www-form-urlencoded' }, form({ grant_type: 'client_credentials' }));
		expect([noAuth.status, await noAuth.json()]).toEqual([401, expect.objectContaining({ error: 'invalid_client' })]);
		const asJson = await post(simulator, { Authorization: basic(), 'Content-Type': 'application/json' }, JSON.stringify({ grant_type: 'client_credentials' }));
		expect(asJson.status).toBe(400);
		const password = await post(simulator, formHeaders(), form({ grant_type: 'password' }));
		expect([password.status, await password.json()]).toEqual([400, expect.objectContaining({ error: 'unsupported_grant_type' })]);
		expect(simulator.tokensIssued()).toBe(0);
		expect(simulator.tokenRequests()).toBe(3);
	});

	it('echoes the granted scope, grants the client\'s scopes when none is asked for, and can name resource_server_base_uri', async () => {
		simulator = await startSimulator({ quiet: true, resourceServerBaseUri: true });
		const asked = await tutorialToken(simulator);
		expect(asked.body).toMatchObject({ scope: 'urn:nice:cxone:agent:state:read', resource_server_base_uri: `${simulator.url}/` });
		expect(String(asked.body.access_token)).toMatch(/^[\w-]{20,}$/);
		const unasked = await tutorialToken(simulator, '');
		expect(unasked.body.scope).toBe('urn:nice:cxone:agent:state:read');
		expect(unasked.body.access_token).not.toBe(asked.body.access_token);
	});

	it('leaves expires_in out when expiresIn is 0', async () => {
		simulator = await startSimulator({ quiet: true, expiresIn: 0 });
		const { body } = await tutorialToken(simulator);
		expect(body).not.toHaveProperty('expires_in');
		expect((await getStates(simulator, String(body.access_token))).status).toBe(200);
	});

	it('401s a missing or unknown bearer token with invalid_token', async () => {
		simulator = await startSimulator({ quiet: true });
		const missing = await fetch(`${simulator.url}/api/v2/agents/states`, { headers: { Accept: 'application/json' } });
		expect([missing.status, await missing.json()]).toEqual([401, expect.objectContaining({ error: 'invalid_token' })]);
		expect((await getStates(simulator, 'made-up')).status).toBe(401);
	});
});

describe('tutorial agent states in detail', () => {
	it('flat records look like the tutorial\'s, with subState reason codes for NOT_READY', async () => {
		simulator = await startSimulator({ quiet: true, agents: 200 });
		const token = String((await tutorialToken(simulator)).body.access_token);
		const records = (await getStates(simulator, token)).json as Array<{ agentId: string; state: { type: string; subState: string | null }; siteId: string; timestamp: string }>;
		expect(Object.keys(records[0]).sort()).toEqual(['agentId', 'siteId', 'state', 'timestamp']);
		expect(records[0].agentId).toMatch(/^a\d+$/);
		expect(new Set(records.map((record) => record.state.type))).toEqual(new Set(['READY', 'NOT_READY', 'ON_CONTACT']));
		for (const record of records) {
			if (record.state.type === 'NOT_READY') expect(record.state.subState).toMatch(/^[A-Z]+$/);
			else expect(record.state.subState).toBeNull();
			expect(new Date(record.timestamp).toISOString()).toBe(record.timestamp);
		}
	});

	it('wrapped answers carry a fresh lastPollTime on every poll and no logged-out agents', async () => {
		let clock = Date.parse('2026-11-24T09:00:00Z');
		simulator = await startSimulator({ quiet: true, tutorialShape: 'wrapped', now: () => clock });
		const token = String((await tutorialToken(simulator)).body.access_token);
		const first = (await getStates(simulator, token)).json as { lastPollTime: string; agentStates: Array<{ agentStateName: string }> };
		clock += 30_000;
		const second = (await getStates(simulator, token)).json as { lastPollTime: string };
		expect(first.lastPollTime).toBe('2026-11-24T09:00:00.000Z');
		expect(second.lastPollTime).toBe('2026-11-24T09:00:30.000Z');
		expect(first.agentStates.some((record) => record.agentStateName === 'LoggedOut')).toBe(false);
	});

	it('setAgentState, logIn and logOut show on the next poll', async () => {
		simulator = await startSimulator({ quiet: true });
		const token = String((await tutorialToken(simulator)).body.access_token);
		const ids = async () => ((await getStates(simulator, token)).json as Array<{ agentId: string; state: { type: string; subState: string | null } }>);
		const loggedIn = simulator.tenant.agents.find((agent) => agent.state !== 'LOGGED_OUT')!;
		simulator.logOut(loggedIn.agentId);
		expect((await ids()).some((record) => record.agentId === `a${loggedIn.agentId}`)).toBe(false);
		simulator.logIn(`a${loggedIn.agentId}`);
		expect((await ids()).find((record) => record.agentId === `a${loggedIn.agentId}`)?.state).toEqual({ type: 'READY', subState: null });
		simulator.setAgentState(String(loggedIn.agentId), 'NOT_READY', { reason: 'Training' });
		expect((await ids()).find((record) => record.agentId === `a${loggedIn.agentId}`)?.state).toEqual({ type: 'NOT_READY', subState: 'TRAINING' });
	});

	it('setAgentState takes CXone state names and refuses unknown states and agents', async () => {
		simulator = await startSimulator({ quiet: true });
		simulator.setAgentState(1001, 'Dialer', { at: Date.parse('2026-11-24T09:00:00Z') });
		expect(simulator.tenant.agents[0]).toMatchObject({ state: 'DIALER', stateName: 'Dialer', agentStateId: 7, lastUpdateTime: '2026-11-24T09:00:00.000Z', stateSince: '2026-11-24T09:00:00.000Z' });
		simulator.setAgentState(1001, 'unavailable', { reason: 'Lunch' });
		expect(simulator.tenant.agents[0]).toMatchObject({ state: 'NOT_READY', stateName: 'Unavailable', agentStateId: 2, outStateDescription: 'Lunch', contactId: null });
		expect(() => simulator.setAgentState(1001, 'SLEEPING')).toThrow(/Unknown agent state/);
		expect(() => simulator.setAgentState(999_999, 'READY')).toThrow(/No simulated agent/);
	});
});

describe('real-tenant API in detail', () => {
	async function accessKeyToken(sim: Simulator) {
		const response = await fetch(`${sim.url}/auth/token`, {
			method: 'POST',
			headers: formHeaders(),
			body: form({ grant_type: 'password', username: 'demo-access-key-id', password: 'demo-access-key-secret' }),
		});
		return (await response.json()) as { access_token: string; token_type: string; expires_in: number; refresh_token: string; id_token: string };
	}

	it('answers the password grant with an unsigned id_token carrying the routing claims', async () => {
		simulator = await startSimulator({ quiet: true, now: () => Date.parse('2026-11-24T09:00:00Z') });
		const body = await accessKeyToken(simulator);
		expect(body).toMatchObject({ token_type: 'bearer', expires_in: 3600, refresh_token: expect.any(String) });
		const [header, payload, signature] = body.id_token.split('.');
		expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'none', typ: 'JWT' });
		expect(signature).toBe('');
		const iat = Date.parse('2026-11-24T09:00:00Z') / 1000;
		expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({
			iss: simulator.url,
			tenantId: simulator.tenant.tenantId,
			icBUId: simulator.tenant.businessUnitId,
			icClusterId: expect.any(String),
			area: 'na1',
			iat,
			exp: iat + 3600,
		});
	});

	it('refuses a wrong client with 401 invalid_client, and accepts client_secret_post and the refresh grant', async () => {
		simulator = await startSimulator({ quiet: true });
		const wrongClient = await fetch(`${simulator.url}/auth/token`, {
			method: 'POST',
			headers: formHeaders(basic('demo-client-id', 'wrong')),
			body: form({ grant_type: 'password', username: 'demo-access-key-id', password: 'demo-access-key-secret' }),
		});
		expect([wrongClient.status, await wrongClient.json()]).toEqual([401, expect.objectContaining({ error: 'invalid_client' })]);
		const posted = await fetch(`${simulator.url}/auth/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: form({ grant_type: 'password', username: 'demo-access-key-id', password: 'demo-access-key-secret', client_id: 'demo-client-id', client_secret: 'demo-client-secret' }),
		});
		const { refresh_token } = (await posted.json()) as { refresh_token: string };
		expect(posted.status).toBe(200);
		const refreshed = await fetch(`${simulator.url}/auth/token`, { method: 'POST', headers: formHeaders(), body: form({ grant_type: 'refresh_token', refresh_token }) });
		expect(refreshed.status).toBe(200);
		const reused = await fetch(`${simulator.url}/auth/token`, { method: 'POST', headers: formHeaders(), body: form({ grant_type: 'refresh_token', refresh_token }) });
		expect([reused.status, await reused.json()]).toEqual([400, expect.objectContaining({ error: 'invalid_grant' })]);
		expect(simulator.tokensIssued()).toBe(2);
	});

	it('cxone-configuration needs the right tenantId, and openid-configuration names the token endpoint', async () => {
		simulator = await startSimulator({ quiet: true });
		const openId = (await (await fetch(`${simulator.url}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
		expect(openId).toMatchObject({ issuer: simulator.url, token_endpoint: `${simulator.url}/auth/token` });
		const known = await fetch(`${simulator.url}/.well-known/cxone-configuration?tenantId=${simulator.tenant.tenantId}`);
		expect(await known.json()).toEqual({
			private: false,
			api_endpoint: simulator.url,
			auth_endpoint: simulator.url,
			ui_endpoint: simulator.url,
			area: 'na1',
			cluster: 'SIM1',
			domain: 'niceincontact.com',
			uhDomain: 'nice-incontact.com',
			tenantId: simulator.tenant.tenantId,
		});
		expect((await fetch(`${simulator.url}/.well-known/cxone-configuration?tenantId=someone-else`)).status).toBe(404);
		expect(simulator.discoveryRequests()).toBe(3);
	});

	it('401s without a token, with icStatusDescription: Unauthorized', async () => {
		simulator = await startSimulator({ quiet: true });
		const answer = await getStates(simulator, 'nope', '/incontactapi/services/v31.0/agents/states');
		expect(answer.status).toBe(401);
		expect(answer.headers.get('icstatusdescription')).toBe('Unauthorized');
		expect(answer.json).toMatchObject({ error: 'invalid_token' });
	});

	it('serves every agent, logged out included, as camelCase records; fields and reqBUIds are ignored', async () => {
		simulator = await startSimulator({ quiet: true });
		const { access_token } = await accessKeyToken(simulator);
		const answer = await getStates(simulator, access_token, '/InContactAPI/services/V35.0/agents/states?fields=agentId&reqBUIds=1');
		const body = answer.json as { totalRecords: number; _links: { self: string; next?: string }; agentStates: Array<Record<string, unknown>> };
		expect(answer.headers.get('content-type')).toBe('application/json');
		expect(body.totalRecords).toBe(36);
		expect(body._links.self).toBe(`${simulator.url}/InContactAPI/services/V35.0/agents/states?fields=agentId&reqBUIds=1`);
		expect(body._links.next).toBeUndefined();
		expect(body.agentStates.some((record) => record.agentStateId === 0 && record.agentStateName === 'LoggedOut')).toBe(true);
		const first = simulator.tenant.agents[0];
		expect(body.agentStates[0]).toEqual({
			agentId: first.agentId,
			agentStateId: first.agentStateId,
			agentStateName: first.stateName,
			businessUnitId: simulator.tenant.businessUnitId,
			contactId: first.contactId,
			firstName: first.firstName,
			isACW: first.isAcw,
			isOutbound: first.stateName === 'OutboundContact',
			lastName: first.lastName,
			lastUpdateTime: first.lastUpdateTime,
			mediaTypeName: first.contactId ? 'Call' : null,
			outStateDescription: first.outStateDescription,
			outStateId: first.outStateDescription ? expect.any(Number) : null,
			skillId: first.skillId,
			skillName: first.skillName,
			startDate: first.stateSince,
			teamId: first.teamId,
			teamName: first.teamName,
			userName: first.userName,
		});
	});

	it('old versions answer PascalCase records under agentStates', async () => {
		simulator = await startSimulator({ quiet: true });
		const { access_token } = await accessKeyToken(simulator);
		const body = (await getStates(simulator, access_token, '/incontactapi/services/v12.0/agents/states')).json as { agentStates: Array<Record<string, unknown>> };
		expect(Object.keys(body.agentStates[0])).toEqual(expect.arrayContaining(['AgentId', 'AgentStateId', 'AgentStateName', 'IsACW', 'LastUpdateTime', 'StartDate', 'OutStateDescription', 'TeamId', 'TeamName', 'FirstName', 'LastName', 'SkillId', 'SkillName', 'ContactId']));
		expect(body.agentStates[0]).not.toHaveProperty('agentId');
	});

	it('an unknown version and an invalid updatedSince answer JSON errors with icStatusDescription', async () => {
		simulator = await startSimulator({ quiet: true });
		const { access_token } = await accessKeyToken(simulator);
		for (const version of ['v99.0', 'v13.0', 'v25.0', 'latest']) {
			const answer = await getStates(simulator, access_token, `/incontactapi/services/${version}/agents/states`);
			expect([answer.status, answer.headers.get('icstatusdescription')]).toEqual([404, 'Invalid API version']);
			expect(answer.json).toMatchObject({ error: 'not_found' });
		}
		for (const since of ['Invalid', '13/13/2017', '0']) {
			const answer = await getStates(simulator, access_token, `/incontactapi/services/v31.0/agents/states?updatedSince=${since}`);
			expect([answer.status, answer.headers.get('icstatusdescription'), answer.json]).toEqual([400, 'Invalid Updated Since', expect.objectContaining({ message: 'Invalid Updated Since' })]);
		}
	});

	it('with nothing changed answers 200 with no agents by default, or 204 when configured', async () => {
		const clock = Date.parse('2026-11-24T09:00:00Z');
		simulator = await startSimulator({ quiet: true, now: () => clock });
		const { access_token } = await accessKeyToken(simulator);
		const since = new Date(clock + 1).toISOString();
		const empty = await getStates(simulator, access_token, `/incontactapi/services/v31.0/agents/states?updatedSince=${since}`);
		expect([empty.status, (empty.json as { agentStates: unknown[] }).agentStates, (empty.json as { totalRecords: number }).totalRecords]).toEqual([200, [], 0]);
		await simulator.stop();
		simulator = await startSimulator({ quiet: true, now: () => clock, unchangedStatus: 204 });
		const token = (await accessKeyToken(simulator)).access_token;
		const noContent = await getStates(simulator, token, `/incontactapi/services/v31.0/agents/states?updatedSince=${since}`);
		expect([noContent.status, noContent.text]).toEqual([204, '']);
		const epoch = (await getStates(simulator, token, '/incontactapi/services/v31.0/agents/states?updatedSince=1970-01-01T00:00:00.000Z')).json as { agentStates: unknown[] };
		expect(epoch.agentStates).toHaveLength(36);
	});

	it('a change in the same millisecond as the previous lastPollTime is delivered', async () => {
		const clock = Date.parse('2026-11-24T09:00:00Z');
		simulator = await startSimulator({ quiet: true, now: () => clock });
		const { access_token } = await accessKeyToken(simulator);
		const first = (await getStates(simulator, access_token, '/incontactapi/services/v31.0/agents/states')).json as { lastPollTime: string };
		simulator.setAgentState(1002, 'READY');
		const delta = (await getStates(simulator, access_token, `/incontactapi/services/v31.0/agents/states?updatedSince=${first.lastPollTime}`)).json as { agentStates: Array<{ agentId: number }> };
		expect(delta.agentStates.map((record) => record.agentId)).toEqual([1002]);
	});

	it('following _links.next collects every agent exactly once, with pageSize as the default top', async () => {
		simulator = await startSimulator({ quiet: true, agents: 23, pageSize: 5 });
		const { access_token } = await accessKeyToken(simulator);
		const seen: number[] = [];
		let next: string | undefined = `${simulator.url}/incontactapi/services/v31.0/agents/states`;
		let pages = 0;
		while (next) {
			const response = await fetch(next, { headers: { Authorization: `Bearer ${access_token}`, Accept: 'application/json' } });
			const body = (await response.json()) as { totalRecords: number; _links: { next?: string }; agentStates: Array<{ agentId: number }> };
			expect(body.totalRecords).toBe(23);
			seen.push(...body.agentStates.map((record) => record.agentId));
			next = body._links.next;
			pages++;
		}
		expect(pages).toBe(5);
		expect(seen).toEqual(simulator.tenant.agents.map((agent) => agent.agentId));
	});

	it('pages the agents list and names each agent\'s location', async () => {
		simulator = await startSimulator({ quiet: true, agents: 7 });
		const { access_token } = await accessKeyToken(simulator);
		const first = (await getStates(simulator, access_token, '/incontactapi/services/v31.0/agents?top=4')).json as { totalRecords: number; _links: { next: string }; agents: Array<Record<string, unknown>> };
		expect(first.agents).toHaveLength(4);
		expect(first._links.next).toBe(`${simulator.url}/inContactAPI/services/V31.0/agents?top=4&skip=4`);
		const second = (await getStates(simulator, access_token, '/incontactapi/services/v31.0/agents?top=4&skip=4')).json as { agents: Array<Record<string, unknown>>; _links: { next?: string } };
		expect(second.agents).toHaveLength(3);
		expect(second._links.next).toBeUndefined();
		const all = (await getStates(simulator, access_token, '/incontactapi/services/v31.0/agents')).json as { agents: Array<Record<string, unknown>> };
		expect(all.agents.map((agent) => agent.location)).toEqual(simulator.tenant.agents.map((agent) => agent.locationName));
		expect(Object.keys(all.agents[0]).sort()).toEqual(['agentId', 'firstName', 'isActive', 'lastName', 'location', 'teamId', 'teamName', 'userName']);
	});

	it('serves 100,000 agents in one answer, built once and then served from cache', async () => {
		simulator = await startSimulator({ quiet: true, agents: 100_000 });
		const { access_token } = await accessKeyToken(simulator);
		const request = () => fetch(`${simulator.url}/incontactapi/services/v31.0/agents/states`, { headers: { Authorization: `Bearer ${access_token}`, Accept: 'application/json' } });
		// Time to the response headers is the simulator's own work; reading 45 MB is the client's.
		let started = Date.now();
		const first = await request();
		const built = Date.now() - started;
		const body = JSON.parse(await first.text()) as { totalRecords: number; agentStates: unknown[] };
		expect([body.totalRecords, body.agentStates.length]).toEqual([100_000, 100_000]);
		started = Date.now();
		const second = await request();
		const cached = Date.now() - started;
		expect(Number(second.headers.get('content-length'))).toBeGreaterThan(40_000_000);
		await second.arrayBuffer();
		// Sanity bounds for a busy machine, not a benchmark.
		expect(built).toBeLessThan(10_000);
		expect(cached).toBeLessThan(1000);
	});

	it('unknown paths and wrong methods are JSON errors', async () => {
		simulator = await startSimulator({ quiet: true });
		const unknown = await fetch(`${simulator.url}/nothing/here`);
		expect([unknown.status, await unknown.json()]).toEqual([404, expect.objectContaining({ error: 'not_found' })]);
		expect((await fetch(`${simulator.url}/oauth2/token`)).status).toBe(405);
	});
});

describe('faults in detail', () => {
	async function startWithToken(options = {}) {
		simulator = await startSimulator({ quiet: true, ...options });
		return String((await tutorialToken(simulator)).body.access_token);
	}

	it('a faulted token request is counted, and a token 401 reads invalid_client', async () => {
		simulator = await startSimulator({ quiet: true });
		simulator.fault({ status: 401, path: 'token' });
		const refused = await tutorialToken(simulator);
		expect([refused.status, refused.body]).toEqual([401, expect.objectContaining({ error: 'invalid_client' })]);
		expect(simulator.tokenRequests()).toBe(1);
		expect(simulator.tokensIssued()).toBe(0);
	});

	it('faults queue FIFO per endpoint: a states fault waits while the token endpoint answers normally', async () => {
		simulator = await startSimulator({ quiet: true });
		simulator.fault([{ status: 503 }, { status: 429, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' }]);
		const token = String((await tutorialToken(simulator)).body.access_token);
		expect((await getStates(simulator, token)).status).toBe(503);
		const limited = await getStates(simulator, token);
		expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, 'Wed, 21 Oct 2026 07:28:00 GMT']);
		expect(limited.json).toMatchObject({ error: 'too_many_requests' });
		expect((await getStates(simulator, token)).status).toBe(200);
	});

	it('path any, agents and discovery faults hit their endpoints', async () => {
		simulator = await startSimulator({ quiet: true });
		simulator.fault([{ status: 502, path: 'discovery' }, { status: 500, path: 'any' }]);
		expect((await fetch(`${simulator.url}/.well-known/openid-configuration`)).status).toBe(502);
		expect((await tutorialToken(simulator)).status).toBe(500);
		const token = String((await tutorialToken(simulator)).body.access_token);
		simulator.fault({ status: 503, path: 'agents' });
		expect((await getStates(simulator, token)).status).toBe(200);
	});

	it('204 and 304 answer without a body; a raw body override is sent as is', async () => {
		const token = await startWithToken();
		simulator.fault([{ status: 204 }, { status: 304 }, { status: 200, body: '{"agentStates": [' }, { status: 500, body: 'oops' }]);
		expect(await getStates(simulator, token)).toMatchObject({ status: 204, text: '' });
		expect((await getStates(simulator, token)).status).toBe(304);
		const cut = await getStates(simulator, token);
		expect([cut.status, cut.text, cut.headers.get('content-type')]).toEqual([200, '{"agentStates": [', 'application/json']);
		expect(await getStates(simulator, token)).toMatchObject({ status: 500, text: 'oops' });
	});

	it('html takes the given status; truncatedJson cuts the real answer in half; emptyArray follows the shape', async () => {
		const token = await startWithToken({ tutorialShape: 'wrapped', now: () => Date.parse('2026-11-24T09:00:00Z') });
		const full = (await getStates(simulator, token)).text;
		simulator.fault([{ kind: 'html', status: 503 }, { kind: 'truncatedJson' }, { kind: 'emptyArray' }, { kind: 'nonJson', status: 503, icStatusDescription: 'Down' }]);
		const html = await getStates(simulator, token);
		expect([html.status, html.headers.get('content-type'), html.text]).toEqual([503, 'text/html', expect.stringContaining('<html>')]);
		const truncated = await getStates(simulator, token);
		expect(truncated.json).toBeUndefined();
		expect(truncated.text).toBe(full.slice(0, Math.floor(full.length / 2)));
		expect((await getStates(simulator, token)).json).toEqual({ agentStates: [] });
		const down = await getStates(simulator, token);
		expect([down.status, down.text, down.headers.get('icstatusdescription')]).toEqual([503, 'Service temporarily unavailable', 'Down']);
	});

	it('truncatedJson on the real endpoint cuts the real body', async () => {
		simulator = await startSimulator({ quiet: true, agents: 10 });
		const token = (await (await fetch(`${simulator.url}/auth/token`, { method: 'POST', headers: formHeaders(), body: form({ grant_type: 'password', username: 'demo-access-key-id', password: 'demo-access-key-secret' }) })).json()) as { access_token: string };
		simulator.fault({ kind: 'truncatedJson' });
		const cut = await getStates(simulator, token.access_token, '/incontactapi/services/v31.0/agents/states');
		expect(cut.text.startsWith('{"totalRecords":10,')).toBe(true);
		expect(cut.text.length).toBeGreaterThan(1000);
		expect(cut.json).toBeUndefined();
	});

	it('a delay with a status answers that status late', async () => {
		const token = await startWithToken();
		simulator.fault({ delayMs: 200, status: 503, retryAfter: 1 });
		const started = Date.now();
		const answer = await getStates(simulator, token);
		expect([answer.status, answer.headers.get('retry-after')]).toEqual([503, '1']);
		expect(Date.now() - started).toBeGreaterThanOrEqual(190);
	});

	it('revokeTokens 401s tokens already issued; new tokens work', async () => {
		const token = await startWithToken();
		simulator.revokeTokens();
		expect((await getStates(simulator, token)).status).toBe(401);
		const fresh = String((await tutorialToken(simulator)).body.access_token);
		expect((await getStates(simulator, fresh)).status).toBe(200);
	});

	it('reset clears requests, faults and the schedule but keeps tokens', async () => {
		const token = await startWithToken();
		simulator.fault({ status: 500, times: 5 });
		simulator.schedule(() => ({ status: 503 }));
		simulator.reset();
		expect(simulator.requests).toEqual([]);
		expect((await getStates(simulator, token)).status).toBe(200);
		expect(simulator.requests).toHaveLength(1);
	});

	it('the schedule sees the recorded request and its index', async () => {
		const token = await startWithToken();
		const seen: Array<[string, number]> = [];
		simulator.schedule((request, index) => {
			seen.push([request.path, index]);
			return request.query.siteId === 'site-3' ? { kind: 'unexpectedShape' } : undefined;
		});
		expect((await getStates(simulator, token, '/api/v2/agents/states?siteId=site-3')).json).toEqual({ data: { items: 'nope' } });
		expect((await getStates(simulator, token, '/api/v2/agents/states?siteId=site-1')).status).toBe(200);
		expect(seen).toEqual([['/api/v2/agents/states?siteId=site-3', 1], ['/api/v2/agents/states?siteId=site-1', 2]]);
	});
});

describe('lifecycle and CLI', () => {
	const servers = () => process.getActiveResourcesInfo().filter((type) => type === 'TCPServerWrap').length;
	// A closed server's handle is released on the next turn of the event loop.
	const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

	it('stop() closes the server, open keep-alive sockets and a pending delayed answer', async () => {
		await settle();
		const before = servers();
		simulator = await startSimulator({ quiet: true });
		const token = String((await tutorialToken(simulator)).body.access_token);
		expect(servers()).toBeGreaterThan(before);
		simulator.fault({ delayMs: 60_000 });
		const pending = getStates(simulator, token).catch((error: Error) => error);
		await new Promise((resolve) => setTimeout(resolve, 50));
		const started = Date.now();
		await simulator.stop();
		expect(Date.now() - started).toBeLessThan(1000);
		// fetch's TypeError comes from another realm under jest, so not toBeInstanceOf(Error).
		expect(await pending).toHaveProperty('message', 'fetch failed');
		await settle();
		expect(servers()).toBe(before);
		await expect(fetch(`${simulator.url}/.well-known/openid-configuration`)).rejects.toThrow();
	});

	it('listens on the port asked for', async () => {
		const probe = await startSimulator({ quiet: true });
		const port = probe.port;
		await probe.stop();
		simulator = await startSimulator({ quiet: true, port });
		expect(simulator.url).toBe(`http://127.0.0.1:${port}`);
	});

	it('parses the CLI arguments', () => {
		expect(parseArguments(['--port', '8080', '--agents=1000', '--seed', '7', '--expires-in', '0', '--shape', 'wrapped', '--page-size', '50'])).toEqual({
			quiet: true,
			port: 8080,
			agents: 1000,
			seed: 7,
			expiresIn: 0,
			tutorialShape: 'wrapped',
			pageSize: 50,
		});
		expect(() => parseArguments(['--shape', 'round'])).toThrow(/flat or wrapped/);
		expect(() => parseArguments(['--agents', 'many'])).toThrow(/whole number/);
		expect(() => parseArguments(['--verbose'])).toThrow(/Unknown argument/);
	});
});
