/* eslint-disable @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads */
/**
 * The Agent picker (listSearch) as n8n's editor calls it, against a loopback server whose agents list has a record
 * without an agentId: the next page starts after the records read, not after the agents shown.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { searchAgents } from '../../nodes/Cxone/methods';
import { realTenantCredentials } from '../support/harness/credentials';
import { editorContext, TestCredentialsHelper } from '../support/harness/workflow';

const TOTAL = 250;
/** Agent 1000 + i at index i; the record at index 0 has no agentId (e.g. a user without an agent profile). */
const record = (index: number) => (index === 0 ? { firstName: 'No', lastName: 'Agent' } : { agentId: 1000 + index, firstName: 'A', lastName: String(index) });

let url = '';
let close: () => Promise<void> = async () => {};
beforeAll(async () => {
	const server = createServer((request, response) => {
		const parsed = new URL(request.url ?? '/', 'http://127.0.0.1');
		const skip = Number(parsed.searchParams.get('skip') ?? 0);
		const top = Number(parsed.searchParams.get('top') ?? 100);
		const agents = [];
		for (let index = skip; index < Math.min(skip + top, TOTAL); index++) agents.push(record(index));
		response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ totalRecords: TOTAL, agents }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	close = async () =>
		await new Promise<void>((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		});
});
afterAll(async () => await close());

function editor(): ILoadOptionsFunctions {
	const store = new TestCredentialsHelper(
		realTenantCredentials({ accessToken: 'tok-picker', apiBaseUrl: url, tokenExpiresAt: new Date(Date.now() + 3_600_000).toISOString() }),
	);
	return editorContext(store, { operation: 'get' });
}

it('the Agent list shows each agent once while scrolling, even when a record has no agentId', async () => {
	const values: string[] = [];
	let token: string | undefined;
	for (let page = 0; page < 10; page++) {
		const { results, paginationToken } = await searchAgents.call(editor(), '', token);
		values.push(...results.map((result) => String(result.value)));
		token = paginationToken;
		if (!token) break;
	}
	// Counting the agents shown instead of the records read started each next page one record early: 1100 twice.
	expect(values.length).toBe(new Set(values).size);
	expect(values).toHaveLength(TOTAL - 1);
});
