/** The Agent resource: reports about agents beyond their state. A new operation is one entry here. */
import { defineResource } from '../resource';
import * as getPerformance from './getPerformance.operation';

export const agent = defineResource({
	key: 'agent',
	label: 'Agent',
	defaultOperation: 'getPerformance',
	operations: {
		getPerformance: {
			module: getPerformance,
			name: 'Get Performance',
			description: 'Get each agent\'s handled contacts, talk, ACW and login time, and occupancy over a period (real tenants)',
			action: 'Get agent performance',
		},
	},
});
