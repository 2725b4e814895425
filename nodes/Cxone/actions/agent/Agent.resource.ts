/** The Agent resource: what concerns agents beyond their state (messages to them, their performance). A new operation is one entry here. */
import { defineResource } from '../resource';
import * as getLoginHistory from './getLoginHistory.operation';
import * as getPerformance from './getPerformance.operation';
import * as sendMessage from './sendMessage.operation';

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
		getLoginHistory: {
			module: getLoginHistory,
			name: 'Get Login History',
			description: 'Get when an agent logged in during a period, and at which station (real tenants)',
			action: 'Get an agent\'s login history',
		},
		sendMessage: {
			module: sendMessage,
			name: 'Send Message',
			description: 'Show a message to an agent, a team or everyone in their agent application (sends to live agents; real tenants)',
			action: 'Send a message to agents',
		},
	},
});
