/** With Continue On Fail, the error item keeps the advice the error would have shown: what to do next. */
import nock from 'nock';

import { tutorialCredentials } from '../support/harness/credentials';
import { executeWorkflow, TestCredentialsHelper } from '../support/harness/workflow';
import { TUTORIAL_API as API, TUTORIAL_STATES as STATES, useNock } from '../support/harness/fixtures';

useNock();

it('an API refusal (HTTP 403) becomes an error item whose errorDescription says which scope to add where', async () => {
	nock(API).post('/oauth2/token').reply(200, { access_token: 'tok-1', expires_in: 3600 });
	nock(API).get(STATES).reply(403, {});

	const { items, error } = await executeWorkflow(new TestCredentialsHelper(tutorialCredentials()), { operation: 'getAll', continueOnFail: true });

	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	expect(items[0].pairedItem).toEqual({ item: 0 });
	expect(items[0].json.error).toBe('The token was refused for /api/v2/agents/states (HTTP 403): the client may not read agent states');
	expect(items[0].json.errorDescription).toMatch(/ask whoever runs that API or gateway to allow it for your client/);
	expect(items[0].json.errorDescription).toMatch(/urn:nice:cxone:agent:state:read/);
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
	expect(items[0].json.errorDescription).toMatch(/^This sign-in method is for the tutorial's API or an OAuth gateway that speaks it: use the client ID and secret that API or gateway issued/);
});
