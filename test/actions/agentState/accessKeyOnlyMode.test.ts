/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-dangerous-functions -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * A credential with only an access key (Sign-In Method "CXone Access Key Only") against the simulator as a custom
 * User Hub: sign-in, renewal, the credential's Test request, an operation and the trigger, over real HTTP.
 */
import type { ICredentialDataDecryptedObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { CxoneApi } from '../../../credentials/CxoneApi.credentials';
import { startSimulator, type Simulator } from '../../support/simulator';
import { simulatorAccessKeyOnlyCredentials } from '../../support/harness/credentials';
import { TriggerHarness } from '../../support/harness/poll';
import { executeWorkflow, TestCredentialsHelper } from '../../support/harness/workflow';

let simulator: Simulator;
beforeEach(async () => {
	simulator = await startSimulator({ agents: 12, seed: 5, quiet: true });
});
afterEach(async () => await simulator?.stop());

const store = () => new TestCredentialsHelper(simulatorAccessKeyOnlyCredentials(simulator.url));
const signIns = () => simulator.requests.filter((request) => request.path === '/authentication/v1/token/access-key');
const readyIds = () => simulator.tenant.agents.filter((agent) => agent.state === 'READY').map((agent) => String(agent.agentId)).sort();

it('signs in with the access key alone (JSON, no Authorization header), discovers the API and returns the ready agents', async () => {
	const credentials = store();
	const { items, error } = await executeWorkflow(credentials, { operation: 'getReady' });
	expect(error).toBeUndefined();
	expect(items.map((item) => String(item.json.agentId)).sort()).toEqual(readyIds());
	const [signIn] = signIns();
	expect(signIns()).toHaveLength(1);
	expect(signIn).toMatchObject({ method: 'POST', status: 200 });
	expect(signIn.headers.authorization).toBeUndefined();
	expect(signIn.headers['content-type']).toMatch(/^application\/json/);
	expect(JSON.parse(signIn.body)).toEqual({ accessKeyId: 'demo-access-key-id', accessKeySecret: 'demo-access-key-secret' });
	expect(simulator.requests.map((request) => request.path.split('?')[0])).toContain('/.well-known/cxone-configuration');
	expect(simulator.requests.some((request) => request.path.includes('openid-configuration'))).toBe(false);
	expect(credentials.stored.apiBaseUrl).toBe(simulator.url);
});

it('keeps the token for the next executions, signs in again once it has expired, and once after a 401', async () => {
	const credentials = store();
	for (let run = 0; run < 3; run++) expect((await executeWorkflow(credentials, { operation: 'getReady' })).error).toBeUndefined();
	expect(signIns()).toHaveLength(1);

	credentials.stored.tokenExpiresAt = new Date(Date.now() - 1_000).toISOString();
	expect((await executeWorkflow(credentials, { operation: 'getReady' })).error).toBeUndefined();
	expect(signIns()).toHaveLength(2);

	simulator.revokeTokens();
	const afterRevocation = await executeWorkflow(credentials, { operation: 'getReady' });
	expect(afterRevocation.error).toBeUndefined();
	expect(afterRevocation.items.length).toBe(readyIds().length);
	expect(signIns()).toHaveLength(3);
});

it('a wrong access key stops the execution with the package\'s text, and no piece of the secret', async () => {
	const credentials = new TestCredentialsHelper({ ...simulatorAccessKeyOnlyCredentials(simulator.url), accessKeySecret: 'wrong-secret-Zr81' });
	const { error } = await executeWorkflow(credentials, { operation: 'getReady' });
	expect(error?.message).toMatch(/^CXone refused the access key: the Access Key ID or Access Key Secret is wrong or deactivated\. CXone said: /);
	expect(JSON.stringify(error)).not.toContain('wrong-secret-Zr81');
});

/** n8n's credential Test: preAuthentication, then the test request through `authenticate`, its URL expression resolved. */
async function credentialTest(credentials: ICredentialDataDecryptedObject): Promise<number> {
	const type = new CxoneApi();
	const helper = {
		helpers: {
			httpRequest: async (options: IHttpRequestOptions) => {
				const response = await fetch(options.url + (options.qs ? `?${new URLSearchParams(options.qs as Record<string, string>).toString()}` : ''), {
					method: options.method,
					headers: options.headers as Record<string, string>,
					body: options.body as string | undefined,
				});
				return { statusCode: response.status, headers: {}, body: await response.text() };
			},
		},
	} as unknown as IHttpRequestHelper;
	const signedIn = { ...credentials, ...(await type.preAuthentication.call(helper, credentials)) };
	const expression = String(type.test.request.url).replace(/^=\{\{/, '').replace(/\}\}$/, '');
	const url = new Function('$credentials', `return ${expression}`)(signedIn) as string;
	const authenticated = await (type.authenticate as (c: object, o: IHttpRequestOptions) => Promise<IHttpRequestOptions>)(signedIn, { ...type.test.request, url } as IHttpRequestOptions);
	const response = await fetch(`${authenticated.baseURL}${authenticated.url}`, { headers: authenticated.headers as Record<string, string> });
	return response.status;
}

it('the credential Test signs in and reads one agent state on the versioned real-tenant path', async () => {
	expect(await credentialTest(simulatorAccessKeyOnlyCredentials(simulator.url))).toBe(200);
	expect(signIns()).toHaveLength(1);
	expect(simulator.requests.at(-1)?.path).toBe('/incontactapi/services/v31.0/agents/states?top=1');
});

it('the trigger polls with the access key alone and reports a state change', async () => {
	const trigger = new TriggerHarness(store(), { event: 'anyChange' });
	expect(await trigger.poll()).toBeNull();
	const agent = simulator.tenant.agents.find((candidate) => candidate.state === 'READY');
	if (!agent) throw new Error('seed 5 should have a ready agent');
	simulator.setAgentState(agent.agentId, 'NOT_READY', { reason: 'Break' });
	const events = await trigger.poll();
	expect(events?.map((event) => [String(event.agentId), event.previousState, event.state])).toEqual([[String(agent.agentId), 'READY', 'NOT_READY']]);
	expect(signIns()).toHaveLength(1);
});
