/** The CXone addresses the nock-based tests answer on, a credential already signed in to them, and their nock set-up. */
import nock from 'nock';

import { realTenantCredentials, tutorialCredentials } from './credentials';
import { TestCredentialsHelper } from './workflow';

/** The tutorial API of tenant `acme`, the tenant `tutorialCredentials` signs in to. */
export const TUTORIAL_API = 'https://acme.api.cxone.com';
export const TUTORIAL_STATES = '/api/v2/agents/states';

/** A real tenant's API as discovery announces it (area na1), and its v31.0 paths. */
export const REAL_TENANT_API = 'https://api-na1.niceincontact.com';
export const REAL_TENANT_STATES = '/incontactapi/services/v31.0/agents/states';
export const REAL_TENANT_AGENTS = '/incontactapi/services/v31.0/agents';
export const REAL_TENANT_LOCATIONS = '/incontactapi/services/v31.0/locations';

/** NICE's global OpenID issuer, where a real tenant's sign-in starts. */
export const ISSUER = 'https://cxone.niceincontact.com';

/** No network for the tests of this scope (or file), and no interceptor left over from one test to the next. */
export function useNock(): void {
	beforeAll(() => nock.disableNetConnect());
	afterEach(() => nock.cleanAll());
	afterAll(() => nock.enableNetConnect());
}

const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

/** A tutorial credential holding a token valid for an hour, so the node calls the API without signing in. */
export const signedInTutorial = (apiBaseUrl = TUTORIAL_API, accessToken = 'tok') =>
	new TestCredentialsHelper(tutorialCredentials({ accessToken, apiBaseUrl, tokenExpiresAt: inAnHour() }));

/** A real-tenant credential holding a token valid for an hour, so the node calls the API without signing in. */
export const signedInRealTenant = (apiBaseUrl = REAL_TENANT_API, accessToken = 'tok') =>
	new TestCredentialsHelper(realTenantCredentials({ accessToken, apiBaseUrl, tokenExpiresAt: inAnHour() }));
