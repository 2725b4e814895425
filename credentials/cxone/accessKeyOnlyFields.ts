/** The credential fields only the access-key-only sign-in has: which User Hub issues the token. */
import type { INodeProperties } from 'n8n-workflow';

export const accessKeyOnlyFields: INodeProperties[] = [
	{
		displayName: 'Region',
		name: 'region',
		type: 'options',
		// Sorted by name; NICE lists these three User Hub domains (developer.niceincontact.com UserHubGettingStarted).
		options: [
			{ name: 'Australia (au1.nice-incontact.com)', value: 'au1' },
			{ name: 'Europe (eu1.nice-incontact.com)', value: 'eu1' },
			{ name: 'North America (na1.nice-incontact.com)', value: 'na1' },
			{ name: 'Other: Custom User Hub URL', value: 'custom' },
		],
		default: 'na1',
		description: 'The NICE User Hub that issues the token for your access key (NICE lists na1, au1 and eu1); your tenant\'s API host is found after sign-in',
		displayOptions: { show: { authMode: ['accessKeyOnly'] } },
	},
	{
		displayName: 'User Hub URL',
		name: 'userHubUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://na1.nice-incontact.com',
		description: 'The User Hub\'s address; the token comes from {User Hub URL}/authentication/v1/token/access-key. https:// only; http:// only for 127.0.0.1 or localhost.',
		displayOptions: { show: { authMode: ['accessKeyOnly'], region: ['custom'] } },
	},
];
