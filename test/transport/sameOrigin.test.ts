/**
 * A next-page link is followed only on the API's own origin (scheme, host and port), never merely the same
 * host name: the token must not go out over plain http, nor to another service on another port.
 */
import nock from 'nock';

import { executeWorkflow } from '../support/harness/workflow';
import { REAL_TENANT_STATES as STATES, useNock, signedInRealTenant as signedIn } from '../support/harness/fixtures';

const HOST = 'api-na1.niceincontact.com';
const API = `https://${HOST}`;

const agent = (agentId: number) => ({ agentId, agentStateName: 'Available', lastUpdateTime: '2026-11-23T10:00:00.000Z' });

useNock();

describe('next links on the API host but another origin are refused, and nothing is sent there', () => {
	it.each([
		['plain http on the API host', `http://${HOST}`],
		['https on the API host but port 8443', `https://${HOST}:8443`],
	])('%s', async (_name, origin) => {
		const api = nock(API).get(STATES).reply(200, { agentStates: [agent(1)], _links: { next: `${origin}${STATES}?top=1&skip=1` } });
		const elsewhere = nock(origin).get(STATES).query(true).reply(200, { agentStates: [agent(2)], _links: {} });

		const { error, items } = await executeWorkflow(signedIn(), {});

		expect(api.isDone()).toBe(true);
		expect(elsewhere.isDone()).toBe(false);
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/next-page link/);
		expect(error?.description).toContain(origin);
	});

	it('a next link on the very same origin is followed (the refusal above is about the origin, not paging)', async () => {
		const api = nock(API)
			.get(STATES)
			.reply(200, { agentStates: [agent(1)], _links: { next: `${API}:443${STATES}?top=1&skip=1` } })
			.get(STATES)
			.query({ top: '1', skip: '1' })
			.reply(200, { agentStates: [agent(2)], _links: {} });
		const { error, items } = await executeWorkflow(signedIn(), {});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.agentId)).toEqual(['1', '2']);
		expect(api.isDone()).toBe(true);
	});
});
