/* eslint-disable @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * Contract tests: the simulator's real-tenant answers must fit the schemas written from NICE's definitions
 * (test/support/schemas.ts), and the normalizer must turn any record those schemas allow into a sound item.
 * A simulator drifting from the definitions, or a normalizer that only knows the simulator, fails here.
 */
import fc from 'fast-check';

import { decodeJwtPayload } from '../../../credentials/cxone/accessKey';
import { normalizeAgentStates } from '../../../nodes/Cxone/helpers/normalize';
import { normalizePerformance } from '../../../nodes/Cxone/helpers/performance';
import { CANONICAL_STATES, STATE_TABLE } from '../../../nodes/Cxone/helpers/states';
import { startSimulator, type Simulator } from '.';
import {
	agentPerformanceSchema,
	agentsSchema,
	agentStatesSchema,
	cxoneConfigurationSchema,
	idTokenClaimsSchema,
	locationsSchema,
	openIdConfigurationSchema,
	tokenAnswerSchema,
	violations,
} from '../schemas';

let simulator: Simulator;
beforeAll(async () => {
	simulator = await startSimulator({ quiet: true, agents: 40, seed: 7 });
	// Make sure every state id the definitions list is on the wire at least once.
	STATE_TABLE.filter((mapping) => mapping.id !== null).forEach((mapping, index) => simulator.setAgentState(1001 + index, mapping.name));
});
afterAll(async () => await simulator?.stop());

async function getJson(url: string, init: RequestInit = {}) {
	const response = await fetch(url, { ...init, headers: { Accept: 'application/json', ...(init.headers ?? {}) } });
	expect(response.status).toBe(200);
	return (await response.json()) as Record<string, unknown>;
}

async function signIn() {
	const basic = Buffer.from('demo-client-id:demo-client-secret').toString('base64');
	return await getJson(`${simulator.url}/auth/token`, {
		method: 'POST',
		headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'password', username: 'demo-access-key-id', password: 'demo-access-key-secret' }).toString(),
	});
}

describe('the simulator answers as NICE defines the real API', () => {
	it('openid-configuration', async () => {
		expect(violations(openIdConfigurationSchema, await getJson(`${simulator.url}/.well-known/openid-configuration`))).toEqual([]);
	});

	it('the token answer and its id_token claims', async () => {
		const answer = await signIn();
		expect(violations(tokenAnswerSchema, answer)).toEqual([]);
		expect(violations(idTokenClaimsSchema, decodeJwtPayload(answer.id_token))).toEqual([]);
	});

	it('cxone-configuration', async () => {
		const claims = decodeJwtPayload((await signIn()).id_token) as { tenantId: string; iss: string };
		expect(violations(cxoneConfigurationSchema, await getJson(`${claims.iss}/.well-known/cxone-configuration?tenantId=${claims.tenantId}`))).toEqual([]);
	});

	const api = async (path: string) => {
		const { access_token } = (await signIn()) as { access_token: string };
		return await getJson(`${simulator.url}/incontactapi/services/v31.0${path}`, { headers: { Authorization: `Bearer ${access_token}` } });
	};

	it('agents/states, whole and paged', async () => {
		const whole = await api('/agents/states');
		expect(violations(agentStatesSchema, whole)).toEqual([]);
		const names = new Set((whole.agentStates as Array<{ agentStateName: string }>).map((record) => record.agentStateName));
		expect(names).toEqual(new Set(STATE_TABLE.filter((mapping) => mapping.id !== null).map((mapping) => mapping.name)));
		expect(violations(agentStatesSchema, await api('/agents/states?top=5&skip=5'))).toEqual([]);
	});

	it('agents (location names, no locationId) and locations', async () => {
		expect(violations(agentsSchema, await api('/agents'))).toEqual([]);
		expect(violations(agentsSchema, await api('/agents?fields=agentId,location&top=10&skip=0'))).toEqual([]);
		expect(violations(locationsSchema, await api('/locations'))).toEqual([]);
	});

	it('agents/performance, every agent and one, for a past day and a week', async () => {
		const day = 'startDate=2026-12-01T00:00:00Z&endDate=2026-12-02T00:00:00Z';
		const all = await api(`/agents/performance?${day}`);
		expect(violations(agentPerformanceSchema, all)).toEqual([]);
		expect((all.agentPerformance as unknown[]).length).toBe(simulator.tenant.agents.length);
		expect(violations(agentPerformanceSchema, await api(`/agents/1001/performance?${day}`))).toEqual([]);
		expect(violations(agentPerformanceSchema, await api('/agents/performance?startDate=2026-11-20T00:00:00Z&endDate=2026-11-27T00:00:00Z'))).toEqual([]);
	});

	it('the schemas are not vacuous: a locationId on GET /agents, an unknown state name, a missing token fail them', () => {
		expect(violations(agentPerformanceSchema, { agentPerformance: [{ agentId: 1, totalHandled: 'many' }] })).not.toEqual([]);
		expect(violations(agentPerformanceSchema, { agentPerformance: [{ agentId: 1, loginTime: '05:48:01' }] })).not.toEqual([]);
		expect(violations(agentsSchema, { agents: [{ agentId: 1, locationId: 5 }] })).not.toEqual([]);
		expect(violations(agentStatesSchema, { agentStates: [{ agentId: 1, agentStateId: 1, agentStateName: 'Sleeping' }] })).not.toEqual([]);
		expect(violations(tokenAnswerSchema, { token_type: 'bearer' })).not.toEqual([]);
	});
});

/** Records the agent-states schema allows, including 'True'/'False' strings where the SDK meets them. */
const bool = fc.oneof(fc.boolean(), fc.constantFrom('True', 'False', 'true', 'FALSE'));
const table = STATE_TABLE.filter((mapping) => mapping.id !== null);
const iso = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString());
const record = fc.record(
	{
		agentId: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
		state: fc.constantFrom(...table),
		isACW: bool,
		isOutbound: bool,
		isActive: bool,
		outStateDescription: fc.string({ maxLength: 20 }),
		startDate: iso,
		lastUpdateTime: iso,
		teamId: fc.integer({ min: 0, max: 10_000 }),
		teamName: fc.string({ maxLength: 20 }),
	},
	{ requiredKeys: ['agentId', 'state'] },
).map(({ state, ...rest }) => ({ ...rest, agentStateId: state.id as number, agentStateName: state.name }));

describe('the normalizer on records generated from the definitions', () => {
	it('every generated answer fits the schema, and every record becomes an item with the table\'s state and subState', () => {
		fc.assert(
			fc.property(fc.array(record, { maxLength: 30 }), (records) => {
				expect(violations(agentStatesSchema, { agentStates: records })).toEqual([]);
				const { agents, skipped } = normalizeAgentStates(records, Date.parse('2030-01-02T00:00:00Z'));
				expect(skipped).toBe(0);
				records.forEach((source, index) => {
					const agent = agents[index];
					const mapping = table.find((candidate) => candidate.name === source.agentStateName);
					expect(agent.agentId).toBe(String(source.agentId));
					expect(agent.state).toBe(mapping?.state);
					expect(CANONICAL_STATES).toContain(agent.state);
					const subState = mapping?.subState === 'outStateDescription' ? source.outStateDescription || null : (mapping?.subState ?? null);
					expect(agent.subState).toBe(subState);
					expect(agent.isReady).toBe(agent.state === 'READY');
					const acw = source.isACW === undefined ? null : typeof source.isACW === 'boolean' ? source.isACW : source.isACW.toLowerCase() === 'true';
					expect(agent.isAcw).toBe(acw);
				});
			}),
			{ numRuns: 200 },
		);
	});

	it('the state id alone (no name) gives the same state', () => {
		fc.assert(
			fc.property(fc.constantFrom(...table), fc.boolean(), (mapping, asString) => {
				const id = asString ? String(mapping.id) : mapping.id;
				const [agent] = normalizeAgentStates([{ agentId: 1, agentStateId: id }], 0).agents;
				expect(agent.state).toBe(mapping.state);
			}),
		);
	});
});

describe('the performance normalizer on records generated from the definitions', () => {
	const duration = fc
		.record({ days: fc.integer({ min: 0, max: 40 }), hours: fc.integer({ min: 0, max: 23 }), minutes: fc.integer({ min: 0, max: 59 }), millis: fc.integer({ min: 0, max: 59_999 }) })
		.map(({ days, hours, minutes, millis }) => ({
			text: `P${days ? `${days}D` : ''}T${hours}H${minutes}M${millis / 1000}S`,
			seconds: days * 86_400 + hours * 3_600 + minutes * 60 + millis / 1000,
		}));
	const count = fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 100, noNaN: true }).map((value) => Math.round(value * 100) / 100));

	it('every record the schema allows gives numbers and the durations in seconds, to the millisecond', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), count, fc.boolean(), duration, (agentId, handled, asText, login) => {
				const record = { agentId, totalHandled: asText ? String(handled) : handled, loginTime: login.text };
				expect(violations(agentPerformanceSchema, { agentPerformance: [record] })).toEqual([]);
				const item = normalizePerformance(record, { startMs: 0, endMs: 86_400_000 });
				expect(item).toMatchObject({ agentId: String(agentId), totalHandled: handled });
				expect(item?.loginSeconds).toBeCloseTo(login.seconds, 3);
			}),
			{ numRuns: 300 },
		);
	});
});
