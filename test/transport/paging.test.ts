/* eslint-disable @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * Next links on real tenants: followed across NICE's hosts and path casings, refused anywhere else, and the
 * token never leaves for a refused host.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';

import { isTrustedNextLink } from '../../nodes/Cxone/helpers/nextLinks';
import { executeWorkflow } from '../support/harness/workflow';
import { useNock, signedInRealTenant } from '../support/harness/fixtures';

const signedIn = (apiBaseUrl: string) => signedInRealTenant(apiBaseUrl, 'tok-123456');

const ids = (items: Array<{ json: Record<string, unknown> }>) => items.map((item) => item.json.agentId);

describe('which hosts a next link may go to', () => {
	const base = 'https://api-na1.niceincontact.com';
	it.each([
		['the API host, other path casing', 'https://api-na1.niceincontact.com/inContactAPI/services/V35.0/agents/states?skip=2', true],
		['another host under nice-incontact.com', 'https://api-b32.nice-incontact.com/inContactAPI/services/V35.0/agents/states', true],
		['another host under niceincontact.com', 'https://api-c7.niceincontact.com/incontactapi/services/v31.0/agents/states', true],
		['the AU sovereign cloud', 'https://api-au1.nicecxone-sov1.au/incontactapi/services/v31.0/agents/states', true],
		['the EU sovereign cloud', 'https://api.nicecxone-sov1.eu/incontactapi/services/v31.0/agents/states', true],
		['a relative link', '/incontactapi/services/v31.0/agents/states?skip=2', true],
		['plain http on a NICE host', 'http://api-b32.nice-incontact.com/x', false],
		['a look-alike domain', 'https://api.niceincontact.com.evil.example/x', false],
		['a suffix without the dot', 'https://evilniceincontact.com/x', false],
		['user:password in the link', 'https://user:pw@api-b32.nice-incontact.com/x', false],
		['another port on a NICE host', 'https://api-b32.nice-incontact.com:8443/x', false],
		['another domain', 'https://evil.example/steal', false],
	])('%s', (_case, link, allowed) => {
		expect(isTrustedNextLink(link, base)).toBe(allowed);
	});
});

describe('paging through the node', () => {
	useNock();

	it('follows a next link to another NICE host in other path casing, with the token', async () => {
		const api = 'https://api-na1.niceincontact.com';
		nock(api)
			.get('/incontactapi/services/v31.0/agents/states')
			.reply(200, { agentStates: [{ agentId: 1, agentStateName: 'Available' }], _links: { next: 'https://api-b32.nice-incontact.com/inContactAPI/services/V31.0/agents/states?top=1&skip=1' } });
		const other = nock('https://api-b32.nice-incontact.com', { reqheaders: { authorization: 'Bearer tok-123456' } })
			.get('/inContactAPI/services/V31.0/agents/states')
			.query({ top: '1', skip: '1' })
			.reply(200, { agentStates: [{ agentId: 2, agentStateName: 'Dialer' }] });
		const { items, error } = await executeWorkflow(signedIn(api), { operation: 'getAll' });
		expect(error).toBeUndefined();
		expect(ids(items)).toEqual(['1', '2']);
		expect(items[1].json).toMatchObject({ state: 'DIALER' });
		expect(other.isDone()).toBe(true);
	});
});

describe('a refused host receives no request', () => {
	let api: Server;
	let elsewhere: Server;
	let elsewhereRequests = 0;
	let apiUrl = '';
	let elsewhereUrl = '';

	const listen = async (server: Server) => {
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	};

	beforeAll(async () => {
		elsewhere = createServer((_request, response) => {
			elsewhereRequests++;
			response.end('{"agentStates":[]}');
		});
		elsewhereUrl = await listen(elsewhere);
		api = createServer((_request, response) => {
			response.setHeader('Content-Type', 'application/json');
			response.end(JSON.stringify({ agentStates: [{ agentId: 1, agentStateName: 'Available' }], _links: { next: `${elsewhereUrl}/incontactapi/services/v31.0/agents/states?skip=1` } }));
		});
		apiUrl = await listen(api);
	});
	afterAll(async () => {
		await new Promise((resolve) => api.close(resolve));
		await new Promise((resolve) => elsewhere.close(resolve));
	});

	it('a next link to another origin (here another port on this machine) fails clearly and sends nothing there', async () => {
		const { error } = await executeWorkflow(signedIn(apiUrl), { operation: 'getAll' });
		expect(error?.message).toBe("CXone sent a next-page link to a host outside NICE's domains; the node will not send your token there");
		expect(elsewhereRequests).toBe(0);
	});
});
