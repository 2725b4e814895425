/** The credential's saved fields and what a sign-in returns: the types credential and nodes share. */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

export type HttpRequester = (options: IHttpRequestOptions) => Promise<unknown>;

export interface CxoneCredentialData {
	authMode?: 'clientCredentials' | 'accessKey' | 'accessKeyOnly';
	tenant?: string;
	clientId?: string;
	clientSecret?: string;
	scope?: string;
	baseUrl?: string;
	tokenUrl?: string;
	environment?: 'global' | 'fedramp' | 'au' | 'eu' | 'custom';
	issuerUrl?: string;
	region?: 'na1' | 'au1' | 'eu1' | 'custom';
	userHubUrl?: string;
	accessKeyId?: string;
	accessKeySecret?: string;
	apiVersion?: string;
	accessToken?: string;
	apiBaseUrl?: string;
	tokenExpiresAt?: string;
}

/** What `preAuthentication` hands back to n8n, which saves every field with the credential. */
export interface SignInResult extends IDataObject {
	accessToken: string;
	apiBaseUrl: string;
	/** ISO time the package renews the token, ahead of its end (tokenRequest.ts renewalTime); '' when CXone gave no lifetime (renewed on the first 401). */
	tokenExpiresAt: string;
}
