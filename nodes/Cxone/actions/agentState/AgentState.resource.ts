/** The Agent State resource: its operations, their dropdown texts and subtitle labels. A new operation is one entry here. */
import { defineResource } from '../resource';
import * as filterBySite from './filterBySite.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getHistory from './getHistory.operation';
import * as getReady from './getReady.operation';
import * as logOut from './logOut.operation';
import * as setState from './setState.operation';

export const agentState = defineResource({
	key: 'agentState',
	label: 'Agent State',
	defaultOperation: 'getAll',
	operations: {
		// n8n's wording for "Get All" (its review scanner ignores lint exceptions); the value stays 'getAll',
		// so saved workflows and the tutorial's name for it keep working.
		getAll: { module: getAll, name: 'Get Many', description: 'Get the state of every agent CXone lists', action: 'Get many agent states' },
		getReady: { module: getReady, name: 'Get Ready', description: 'Get only the agents who are ready (Available) to take contacts', action: 'Get ready agents' },
		filterBySite: { module: filterBySite, name: 'Filter by Site', description: 'Get the agents of one or more sites', action: 'Get agent states filtered by site' },
		get: { module: get, name: 'Get', description: 'Get one agent\'s current state', action: 'Get an agent state' },
		setState: { module: setState, name: 'Set State', description: 'Change a live agent\'s state in CXone: Available, or Unavailable with a reason (CXone Access Key sign-in)', action: 'Set an agent state' },
		logOut: { module: logOut, name: 'Log Out', description: 'End a live agent\'s session in CXone (CXone Access Key sign-in)', action: 'Log out an agent' },
		getHistory: { module: getHistory, name: 'Get History', description: 'Get each agent\'s state changes in a period, or time per state and occupancy (real tenants)', action: 'Get agent state history' },
	},
});
