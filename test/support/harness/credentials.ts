/** Credential data as n8n hands it to the credential and the nodes: the test defaults, and the simulator's own. */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

/** API flavour `tutorial`: the client-credentials sign-in to a tutorial API or gateway. */
export function tutorialCredentials(overrides: IDataObject = {}): ICredentialDataDecryptedObject {
	return {
		authMode: 'clientCredentials',
		tenant: 'acme',
		clientId: 'client-id',
		clientSecret: 'client-secret-value',
		scope: 'urn:nice:cxone:agent:state:read',
		baseUrl: '',
		tokenUrl: '',
		accessToken: '',
		apiBaseUrl: '',
		tokenExpiresAt: '',
		...overrides,
	};
}

/** API flavour `realTenant`: the access-key sign-in to a real tenant (OpenID and tenant discovery). */
export function realTenantCredentials(overrides: IDataObject = {}): ICredentialDataDecryptedObject {
	return {
		authMode: 'accessKey',
		environment: 'global',
		issuerUrl: '',
		clientId: 'client-id',
		clientSecret: 'client-secret-value',
		accessKeyId: 'AKID',
		accessKeySecret: 'access-key-secret-value',
		apiVersion: 'v31.0',
		baseUrl: '',
		accessToken: '',
		apiBaseUrl: '',
		tokenExpiresAt: '',
		...overrides,
	};
}

/** The simulator's own client and access key (its defaults), for either sign-in against its URL. */
export const simulatorTutorialCredentials = (url: string) =>
	tutorialCredentials({ clientId: 'demo-client-id', clientSecret: 'demo-client-secret', baseUrl: url });

export const simulatorRealTenantCredentials = (url: string) =>
	realTenantCredentials({
		environment: 'custom',
		issuerUrl: url,
		clientId: 'demo-client-id',
		clientSecret: 'demo-client-secret',
		accessKeyId: 'demo-access-key-id',
		accessKeySecret: 'demo-access-key-secret',
	});

/** The access-key-only sign-in (no registered application): NICE User Hub's access-key token, then tenant discovery. */
export function accessKeyOnlyCredentials(overrides: IDataObject = {}): ICredentialDataDecryptedObject {
	return {
		authMode: 'accessKeyOnly',
		region: 'na1',
		userHubUrl: '',
		accessKeyId: 'AKID',
		accessKeySecret: 'Xq7-secret-9Lm2',
		apiVersion: 'v31.0',
		baseUrl: '',
		accessToken: '',
		apiBaseUrl: '',
		tokenExpiresAt: '',
		...overrides,
	};
}

/** The simulator as a custom-region User Hub, with its access key. */
export const simulatorAccessKeyOnlyCredentials = (url: string) =>
	accessKeyOnlyCredentials({ region: 'custom', userHubUrl: url, accessKeyId: 'demo-access-key-id', accessKeySecret: 'demo-access-key-secret' });
