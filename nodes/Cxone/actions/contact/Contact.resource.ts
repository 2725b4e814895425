/** The Contact resource: the contacts in progress. A new operation is one entry here. */
import { defineResource } from '../resource';
import * as getActive from './getActive.operation';

export const contact = defineResource({
	key: 'contact',
	label: 'Contact',
	defaultOperation: 'getActive',
	operations: {
		getActive: {
			module: getActive,
			name: 'Get Active',
			description: 'Get the contacts in progress right now: agent, skill, media, state and age (real tenants)',
			action: 'Get active contacts',
		},
	},
});
