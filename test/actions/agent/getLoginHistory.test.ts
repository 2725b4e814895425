/** Agent → Get Login History through a real workflow execution: against the simulator, and nock for CXone's edges. */
import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { startSimulator, type Simulator } from '../../support/simulator';
import { simulatorRealTenantCredentials, simulatorTutorialCredentials } from '../../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';
import { signedInRealTenant, useNock } from '../../support/harness/fixtures';

const byId = (agentId: number | string) => ({ __rl: true, mode: 'id', value: String(agentId) });
const logins = (agentId: number | string, parameters: IDataObject = {}) =>
	({
		resource: 'agent',
		operation: 'getLoginHistory',
		parameters: { agentId: byId(agentId), startDate: '2026-11-01T00:00:00Z', endDate: '2026-12-01T00:00:00Z', ...parameters },
	}) as const;

describe('against the simulator', () => {
	let simulator: Simulator;
	beforeAll(async () => {
		simulator = await startSimulator({ agents: 6, seed: 3, quiet: true });
	});
	afterAll(async () => await simulator.stop());
	const store = () => new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url));
	const asked = () => simulator.requests.filter((request) => request.path.split('?')[0].endsWith('/login-history'));

	it('Return All reads every page of 100: one item per login, in the period, with its station', async () => {
		const agent = simulator.tenant.agents[1];
		const before = asked().length;
		const { items, error } = await executeWorkflow(store(), logins(agent.agentId, { returnAll: true }));
		expect(error).toBeUndefined();
		// 30 days, one login a working day, one day in seven off (seeded): between 20 and 30 logins, on one page.
		expect(items.length).toBeGreaterThanOrEqual(20);
		expect(items.length).toBeLessThanOrEqual(30);
		for (const { json } of items) {
			expect(json).toEqual({
				agentId: String(agent.agentId),
				loginDate: expect.stringMatching(/^2026-11-\d\dT08:\d\d:\d\d\.\d{3}Z$/),
				stationId: expect.any(String),
				stationName: expect.stringMatching(/^Desk /),
				stationPhoneNumber: expect.any(String),
				stationCallerId: expect.any(String),
			});
		}
		expect(asked().slice(before).map((request) => [request.query.top, request.query.skip])).toEqual([['100', '0']]);
	});

	it('with Return All off, Limit caps the items', async () => {
		const { items } = await executeWorkflow(store(), logins(simulator.tenant.agents[0].agentId, { returnAll: false, limit: 3 }));
		expect(items).toHaveLength(3);
	});

	it('names an unknown agent', async () => {
		const { error } = await executeWorkflow(store(), logins(999_999));
		expect(error?.message).toBe('CXone knows no agent with ID 999999 (HTTP 404 Invalid Agent Id)');
	});

	it('no logins (204) is zero items and a hint', async () => {
		const { items, error, hints } = await executeWorkflow(store(), logins(simulator.tenant.agents[0].agentId, { startDate: '2099-01-01T00:00:00Z', endDate: '2099-01-02T00:00:00Z' }));
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(hints.map((hint) => hint.message)).toContain(`CXone lists no logins of agent ${simulator.tenant.agents[0].agentId} in this period: check Start and End, and the agent.`);
	});

	it('says the tutorial sign-in cannot read login history, before any request', async () => {
		const before = simulator.requests.length;
		const { error } = await executeWorkflow(new TestCredentialsHelper(simulatorTutorialCredentials(simulator.url)), logins(1001));
		expect(error?.message).toBe('Get Login History needs the CXone Access Key sign-in');
		expect(simulator.requests.length).toBe(before);
	});
});

describe('CXone edge cases (nock)', () => {
	const API = 'https://api-na1.niceincontact.com';
	const PATH = '/incontactapi/services/v31.0/agents/1001/login-history';
	const signedIn = () => signedInRealTenant(API);

	useNock();

	it('reads the older resultSet shape and its field names; a login date without a zone is UTC', async () => {
		nock(API)
			.get(PATH)
			.query(true)
			.reply(200, { resultSet: { totalRecords: 1, agentLogins: [{ StationId: 7, StationName: 'Desk 7', phoneNumber: '+15551234', callerId: '+1555', loginDate: '2026-11-03T08:15:00' }] } });
		const { items } = await executeWorkflow(signedIn(), logins(1001, { returnAll: true }));
		expect(items.map((item) => item.json)).toEqual([
			{ agentId: '1001', loginDate: '2026-11-03T08:15:00.000Z', stationId: '7', stationName: 'Desk 7', stationPhoneNumber: '+15551234', stationCallerId: '+1555' },
		]);
	});

	it('two logins whose dates the node cannot read stay two; a 403 names the Reporting API', async () => {
		nock(API).get(PATH).query(true).reply(200, { agentLogins: [{ stationId: 7, loginDate: '/Date(1764842400000)/' }, { stationId: 7, loginDate: '/Date(1764928800000)/' }] });
		const { items } = await executeWorkflow(signedIn(), logins(1001, { returnAll: true }));
		expect(items.map((item) => item.json.loginDate)).toEqual([null, null]);
		nock(API).get(PATH).query(true).reply(403, '');
		const { error } = await executeWorkflow(signedIn(), logins(1001, { returnAll: true }));
		expect(error?.message).toBe('The CXone API user may not call GET /agents/1001/login-history (Reporting API, agent login-history) (HTTP 403)');
		expect(error?.description).toMatch(/permission to view reports/);
	});

	it('a login a second page lists again is one item', async () => {
		const row = (day: number) => ({ stationId: 1, loginDate: `2026-11-${String(day).padStart(2, '0')}T08:00:00.000Z` });
		nock(API)
			.get(PATH).query((query) => query.skip === '0').reply(200, { totalRecords: 101, agentLogins: Array.from({ length: 100 }, (_, index) => row((index % 28) + 1)) })
			.get(PATH).query((query) => query.skip === '100').reply(200, { totalRecords: 101, agentLogins: [row(29)] });
		const { items } = await executeWorkflow(signedIn(), logins(1001, { returnAll: true }));
		expect(items.map((item) => item.json.loginDate)).toEqual(Array.from({ length: 29 }, (_, index) => `2026-11-${String(index + 1).padStart(2, '0')}T08:00:00.000Z`));
	});
});
