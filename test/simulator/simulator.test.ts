/** The simulator is a test instrument: it must be deterministic and each fault must do what it says. */
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

	it('generates 100,000 agents quickly', () => {
		const started = Date.now();
		expect(generateTenant({ ...options, agents: 100_000 }).agents).toHaveLength(100_000);
		expect(Date.now() - started).toBeLessThan(2000);
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
		expect(first._links.next).toBe(`${simulator.url}/incontactapi/services/v31.0/agents/states?top=2&skip=2`);
	});

	it('lists agents with their locations', async () => {
		simulator = await startSimulator({ quiet: true });
		const { token } = await signIn(simulator);
		const body = (await getStates(simulator, token, '/incontactapi/services/v31.0/agents?top=5')).json as { totalRecords: number; agents: Array<Record<string, unknown>> };
		expect(body.totalRecords).toBe(36);
		expect(body.agents[0]).toMatchObject({ agentId: 1001, location: 'Manila', locationId: 500 });
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
