/**
 * Get History counts each agent and each row once, through a real workflow execution: the summary gives every
 * agent whatever Limit says (Return All and Limit are for state changes, hidden for a summary), and a row CXone
 * lists twice or rows that overlap never add time the period does not have.
 */
import nock from 'nock';
import { NodeHelpers, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { CxoneAgentStates } from '../../../nodes/Cxone/CxoneAgentStates.node';
import { startSimulator, type Simulator } from '../../support/simulator';
import { realTenantCredentials, simulatorRealTenantCredentials } from '../../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';
import { useNock } from '../../support/harness/fixtures';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-23T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('the summary output counts every agent, whatever Limit says', () => {
	let simulator: Simulator;
	beforeAll(async () => {
		simulator = await startSimulator({ agents: 120, seed: 7, quiet: true, now: () => NOW, epochMs: NOW });
	});
	afterAll(async () => await simulator.stop());
	const yesterday = { startDate: iso(NOW - 28 * HOUR), endDate: iso(NOW - 4 * HOUR) };
	const store = () => new TestCredentialsHelper(simulatorRealTenantCredentials(simulator.url));

	it.each([
		['the node\'s defaults (Return All off, Limit 50)', {}],
		['a Limit of 50 saved with the node', { returnAll: false, limit: 50 }],
	])('120 agents give 120 summaries with %s, and no hint of a cut', async (_, limitParameters) => {
		const { items, error, hints } = await executeWorkflow(store(), { operation: 'getHistory', parameters: { ...yesterday, output: 'summary', ...limitParameters } });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(120);
		expect(new Set(items.map((item) => item.json.agentId)).size).toBe(120);
		expect(hints).toEqual([]);
	});

	it('One Item per State Change still stops at the Limit', async () => {
		const { items } = await executeWorkflow(store(), { operation: 'getHistory', parameters: { ...yesterday, output: 'changes', returnAll: false, limit: 50 } });
		expect(items).toHaveLength(50);
	});

	it('the editor shows Return All and Limit for state changes only', () => {
		const properties = new CxoneAgentStates().description.properties.filter(
			(property) => ['returnAll', 'limit'].includes(property.name) && (property.displayOptions?.show?.operation ?? []).includes('getHistory'),
		);
		expect(properties.map((property) => property.name)).toEqual(['returnAll', 'limit']);
		const shown = (output: string) =>
			properties.filter((property: INodeProperties) => NodeHelpers.displayParameter({ resource: 'agentState', operation: 'getHistory', output, returnAll: false }, property, null, null)).map((property) => property.name);
		expect(shown('changes')).toEqual(['returnAll', 'limit']);
		expect(shown('summary')).toEqual([]);
	});
});

describe('each row once (nock)', () => {
	const API = 'https://api-na1.niceincontact.com';
	const HISTORY = '/incontactapi/services/v31.0/agents/state-history';
	const signedIn = () =>
		new TestCredentialsHelper(realTenantCredentials({ accessToken: 'tok', apiBaseUrl: API, tokenExpiresAt: new Date(Date.now() + 3600_000).toISOString() }));
	const record = (agentStateName: string, startDate: string, duration: string, extra: IDataObject = {}) => ({ agentId: 1001, agentStateName, startDate, duration, teamId: 12, ...extra });
	const hour = { startDate: '2026-11-22T08:00:00.000Z', endDate: '2026-11-22T09:00:00.000Z' };
	const day = { startDate: '2026-11-22T00:00:00.000Z', endDate: '2026-11-23T00:00:00.000Z' };
	const answer = (period: { startDate: string; endDate: string }, rows: unknown[]) =>
		nock(API).get(HISTORY).query({ ...period, top: '10000', skip: '0' }).reply(200, { totalRecords: rows.length, agentStateHistory: rows });

	useNock();

	it('a row listed twice in a one-hour period: readySeconds 3600, one state change', async () => {
		const ready = record('Available', hour.startDate, 'PT1H');
		const api = answer(hour, [ready, ready]);
		const { items, error } = await executeWorkflow(signedIn(), { operation: 'getHistory', parameters: { ...hour, output: 'summary' } });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([expect.objectContaining({ agentId: '1001', readySeconds: 3600, loggedInSeconds: 3600, stateChanges: 1 })]);
		expect(api.isDone()).toBe(true);
	});

	it('a row listed twice in a one-day period gives one state-change item', async () => {
		const ready = record('Available', '2026-11-22T08:00:00.000Z', 'PT1H');
		answer(day, [ready, record('Unavailable', '2026-11-22T09:00:00.000Z', 'PT10M', { outStateDescription: 'Lunch' }), ready]);
		const { items } = await executeWorkflow(signedIn(), { operation: 'getHistory', parameters: { ...day, output: 'changes', returnAll: true } });
		expect(items.map((item) => [item.json.state, item.json.stateSince])).toEqual([
			['READY', '2026-11-22T08:00:00.000Z'],
			['NOT_READY', '2026-11-22T09:00:00.000Z'],
		]);
	});

	it('READY 08:00 for 2 h and NOT_READY 09:00 for 1 h: loggedInSeconds 7200, the later start ends READY', async () => {
		answer(day, [record('Available', '2026-11-22T08:00:00.000Z', 'PT2H'), record('Unavailable', '2026-11-22T09:00:00.000Z', 'PT1H', { outStateDescription: 'Lunch' })]);
		const { items } = await executeWorkflow(signedIn(), { operation: 'getHistory', parameters: { ...day, output: 'summary' } });
		expect(items[0].json).toMatchObject({ loggedInSeconds: 7200, readySeconds: 3600, notReadySeconds: 3600, notReadySecondsByReason: { Lunch: 3600 } });
	});
});
