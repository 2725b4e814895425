/** Contact → Get Active through a real workflow execution: against the simulator, and nock for CXone's edges. */
import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { startSimulator, type Simulator } from '../../support/simulator';
import { simulatorRealTenantCredentials, simulatorTutorialCredentials } from '../../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';
import { signedInRealTenant, useNock } from '../../support/harness/fixtures';

const active = (options: IDataObject = {}, parameters: IDataObject = { returnAll: true }) => ({ resource: 'contact', operation: 'getActive', parameters, options }) as const;

describe('against the simulator', () => {
	let simulator: Simulator;
	beforeAll(async () => {
		simulator = await startSimulator({ agents: 40, seed: 11, quiet: true });
	});
	afterAll(async () => await simulator.stop());
	const store = () => new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url));
	const asked = () => simulator.requests.filter((request) => request.path.split('?')[0].endsWith('/contacts/active'));
	const onContact = () => simulator.tenant.agents.filter((agent) => agent.state === 'ON_CONTACT');

	it('gives one item per contact in progress, with its agent, skill and age', async () => {
		const { items, error } = await executeWorkflow(store(), active());
		expect(error).toBeUndefined();
		expect(onContact().length).toBeGreaterThan(0);
		expect(items.map((item) => item.json.agentId)).toEqual(onContact().map((agent) => String(agent.agentId)));
		const agent = onContact()[0];
		expect(items[0].json).toMatchObject({
			contactId: String(agent.contactId),
			skillId: String(agent.skillId),
			skillName: agent.skillName,
			mediaTypeName: 'Call',
			state: 'Active',
			startedAt: new Date(Date.parse(agent.stateSince)).toISOString(),
		});
		expect(items[0].json.ageSeconds as number).toBeGreaterThanOrEqual(0);
		expect(asked().at(-1)?.query).toEqual({ top: '100', skip: '0' });
	});

	it('Only Waiting in Queue keeps the contacts no agent has, with how long each has waited', async () => {
		const skill = simulator.reports.skills()[0];
		simulator.reports.fillQueue(skill.skillId, 2, Date.now() - 150_000);
		const { items } = await executeWorkflow(store(), active({ onlyWaiting: true }));
		simulator.reports.fillQueue(skill.skillId, 0);
		expect(items).toHaveLength(2);
		for (const { json } of items) {
			expect(json).toMatchObject({ agentId: null, skillId: String(skill.skillId) });
			expect(json.ageSeconds as number).toBeGreaterThanOrEqual(148);
		}
	});

	it('sends the Agent, Team and Skill filters to CXone; a filter that is not a number is refused before any request', async () => {
		const agent = onContact()[0];
		const { items } = await executeWorkflow(store(), active({ agentId: String(agent.agentId), skillId: ` ${agent.skillId} ` }));
		expect(items.map((item) => item.json.agentId)).toEqual([String(agent.agentId)]);
		expect(asked().at(-1)?.query).toMatchObject({ agentId: String(agent.agentId), skillId: String(agent.skillId) });
		const before = asked().length;
		const { error } = await executeWorkflow(store(), active({ teamId: 'Support' }));
		expect(error?.message).toBe('Team ID must be a numeric ID, not "Support"');
		expect(asked().length).toBe(before);
	});

	it('no contacts (204) is zero items and a hint, not an error', async () => {
		const { items, error, hints } = await executeWorkflow(store(), active({ agentId: '999999' }));
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(hints.map((hint) => hint.message)).toContain('No contacts are in progress that match: CXone answered none.');
	});

	it('Return All off gives at most Limit contacts', async () => {
		const { items } = await executeWorkflow(store(), active({}, { returnAll: false, limit: 2 }));
		expect(items).toHaveLength(2);
	});

	it('says the tutorial sign-in cannot read contacts, before any request', async () => {
		const before = simulator.requests.length;
		const { error } = await executeWorkflow(new TestCredentialsHelper(simulatorTutorialCredentials(simulator.url)), active());
		expect(error?.message).toBe('Get Active Contacts needs the CXone Access Key sign-in');
		expect(simulator.requests.length).toBe(before);
	});
});

describe('CXone edge cases (nock)', () => {
	const API = 'https://api-na1.niceincontact.com';
	const PATH = '/incontactapi/services/v31.0/contacts/active';
	const signedIn = () => signedInRealTenant(API);

	useNock();

	it('reads the older resultSet shape and its names; agent 0 means none; every field present', async () => {
		nock(API)
			.get(PATH)
			.query(true)
			.reply(200, { resultSet: { activeContacts: [{ ContactID: 55, AgentId: 0, contactStart: '2026-12-04T10:00:00Z', fromAddr: '+1555', toAddr: '+1666', mediaType: 4, state: 'InQueue' }] } });
		const { items } = await executeWorkflow(signedIn(), active());
		expect(items.map((item) => item.json)).toEqual([
			{
				contactId: '55', masterContactId: null, agentId: null, firstName: null, lastName: null, teamId: null, teamName: null, skillId: null, skillName: null,
				mediaTypeId: '4', mediaTypeName: null, state: 'InQueue', stateId: null, contactStateCategory: null, isOutbound: null,
				fromAddress: '+1555', toAddress: '+1666', startedAt: '2026-12-04T10:00:00.000Z', ageSeconds: expect.any(Number),
			},
		]);
	});

	it('a numeric start that can only be epoch seconds is read as seconds; milliseconds as milliseconds', async () => {
		const seconds = Math.floor(Date.now() / 1000) - 120;
		nock(API).get(PATH).query(true).reply(200, { activeContacts: [{ contactId: 1, contactStartDate: seconds }, { contactId: 2, contactStartDate: seconds * 1000 }] });
		const { items } = await executeWorkflow(signedIn(), active());
		for (const { json } of items) {
			expect(json.startedAt).toBe(new Date(seconds * 1000).toISOString());
			expect(json.ageSeconds as number).toBeGreaterThanOrEqual(119);
			expect(json.ageSeconds as number).toBeLessThan(200);
		}
	});

	it('with Return All off, stops asking for pages once Limit contacts are in', async () => {
		const page = (skip: number) => ({ totalRecords: 300, activeContacts: Array.from({ length: 100 }, (_, index) => ({ contactId: skip + index })) });
		const api = nock(API).get(PATH).query((query) => query.skip === '0').reply(200, page(0));
		const { items } = await executeWorkflow(signedIn(), active({}, { returnAll: false, limit: 30 }));
		expect(items).toHaveLength(30);
		expect(api.isDone()).toBe(true);
	});

	it.each([0, -1, 2.5])('a Limit of %s from an expression is refused, saying what to set', async (limit) => {
		const { error } = await executeWorkflow(signedIn(), active({}, { returnAll: false, limit: `={{ ${limit} }}` }));
		expect(error?.message).toBe(`Limit must be a whole number of at least 1, not ${limit}`);
	});

	it('Only Waiting in Queue with every contact with an agent says so', async () => {
		nock(API).get(PATH).query(true).reply(200, { activeContacts: [{ contactId: 1, agentId: 1001 }] });
		const { items, hints } = await executeWorkflow(signedIn(), active({ onlyWaiting: true }));
		expect(items).toEqual([]);
		expect(hints.map((hint) => hint.message)).toContain('No contact is waiting in queue: all 1 in progress have an agent.');
	});

	it('a contact a later page lists again is one item, with the later values', async () => {
		nock(API)
			.get(PATH).query((query) => query.skip === '0').reply(200, { totalRecords: 101, activeContacts: Array.from({ length: 100 }, (_, index) => ({ contactId: index, stateName: 'Active' })) })
			.get(PATH).query((query) => query.skip === '100').reply(200, { totalRecords: 101, activeContacts: [{ contactId: 7, stateName: 'Holding' }] });
		const { items } = await executeWorkflow(signedIn(), active());
		expect(items).toHaveLength(100);
		expect(items[7].json.state).toBe('Holding');
	});

	it('shows CXone refusing a filter in its own words', async () => {
		nock(API).get(PATH).query(true).reply(400, '', { icStatusDescription: "Invalid filter parameter mediaTypeId - '-5', not a valid mediaTypeId." });
		const { error } = await executeWorkflow(signedIn(), active({ mediaTypeId: '5' }));
		expect(error?.message).toBe('CXone answered HTTP 400');
		expect(error?.description).toContain('not a valid mediaTypeId');
	});
});
