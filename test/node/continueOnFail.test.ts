/** With Continue On Fail, the error item keeps the advice the error would have shown: what to do next. */
import nock from 'nock';

import { tutorialCredentials } from '../helpers/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../helpers/workflow';

const API = 'https://acme.api.cxone.com';
const STATES = '/api/v2/agents/states';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

it('an API refusal (HTTP 403) becomes an error item whose errorDescription says which scope to add where', async () => {
	nock(API).post('/oauth2/token').reply(200, { access_token: 'tok-1', expires_in: 3600 });
	nock(API).get(STATES).reply(403, {});

	const { items, error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getAll', continueOnFail: true });

	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	expect(items[0].pairedItem).toEqual({ item: 0 });
	expect(items[0].json.error).toBe("The CXone client lacks the 'urn:nice:cxone:agent:state:read' scope (HTTP 403)");
	expect(items[0].json.errorDescription).toMatch(
		/^In CXone Admin go to Security > OAuth Clients, select your client and add the scope urn:nice:cxone:agent:state:read/,
	);
});

it('a configuration mistake becomes an error item whose errorDescription says what to enter', async () => {
	const { items, error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), {
		operation: 'filterBySite',
		siteIds: ' , ',
		continueOnFail: true,
	});

	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	expect(items[0].json.error).toBe('Site IDs is empty');
	expect(items[0].json.errorDescription).toMatch(/at least one site ID/);
});

it('a sign-in failure becomes an error item whose errorDescription says which credential fields to check', async () => {
	nock(API).post('/oauth2/token').reply(401, { error: 'invalid_client' });

	const { items, error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getAll', continueOnFail: true });

	expect(error).toBeUndefined();
	expect(items[0].json.error).toBe('The token endpoint refused the Client ID or Client Secret');
	expect(items[0].json.errorDescription).toBe('Check the Client ID and Client Secret of the OAuth client (CXone Admin > Security > OAuth Clients).');
});
