/** The sign-in choice explains in one sentence each which method fits whom; access key only shows just what it needs. */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CxoneApi } from '../../credentials/CxoneApi.credentials';

const properties = new CxoneApi().properties;
const methods = properties.find((property) => property.name === 'authMode')?.options as INodePropertyOptions[];

/** The fields a user sees for a sign-in method (and region), hidden ones left out. */
const visible = (values: Record<string, string>): string[] =>
	properties
		.filter((property: INodeProperties) => {
			const show = property.displayOptions?.show as Record<string, string[]> | undefined;
			return property.type !== 'hidden' && (!show || Object.entries(show).every(([name, allowed]) => allowed.includes(values[name])));
		})
		.map((property) => property.name);

it.each(methods.map((method) => [method.name, method.description ?? '']))('"%s" is described in one sentence that says for whom', (_name, description) => {
	expect(description).toMatch(/^(Only )?[Ff]or /);
	// One sentence: a single full stop, at the end (none inside, as "x. Y" would make two).
	expect(description).toMatch(/\.$/);
	expect(description.slice(0, -1)).not.toMatch(/[.!?]\s/);
});

it('access key only asks for the access key, a region and the optional API Version and Base URL: no client, issuer or tenant', () => {
	expect(visible({ authMode: 'accessKeyOnly', region: 'na1' })).toEqual(['signInNotice', 'authMode', 'region', 'accessKeyId', 'accessKeySecret', 'apiVersion', 'baseUrl']);
	expect(visible({ authMode: 'accessKeyOnly', region: 'custom' })).toContain('userHubUrl');
	expect(properties.find((property) => property.name === 'region')).toMatchObject({ default: 'na1' });
	const regions = (properties.find((property) => property.name === 'region')?.options as INodePropertyOptions[]).map((option) => option.value);
	expect(regions.sort()).toEqual(['au1', 'custom', 'eu1', 'na1']);
});

it('the other methods do not show the access-key-only fields, and keep their own', () => {
	expect(visible({ authMode: 'accessKey', environment: 'global' })).not.toContain('region');
	expect(visible({ authMode: 'accessKey', environment: 'global' })).toEqual(expect.arrayContaining(['clientId', 'clientSecret', 'accessKeyId', 'environment']));
	expect(visible({ authMode: 'clientCredentials' })).toEqual(expect.arrayContaining(['tenant', 'clientId', 'clientSecret']));
	expect(visible({ authMode: 'clientCredentials' })).not.toContain('accessKeyId');
});

it('a saved credential without a Sign-In Method stays on CXone Access Key (with application)', () => {
	expect(properties.find((property) => property.name === 'authMode')?.default).toBe('accessKey');
});
