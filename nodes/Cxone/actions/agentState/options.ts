/** The Options collection of Get Many, Get Ready and Filter by Site, and reading it back. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, statesOption, teamListOption, teamsOption } from '../common.descriptions';

// query.ts reads these from here; their home is actions/parameters.ts.
export { listParameter, requestCallFromOptions } from '../parameters';

export interface AgentStateOptions {
	output?: 'agents' | 'summary';
	states?: string[];
	teams?: string;
	teamList?: string[];
	includeRaw?: boolean;
	includeSite?: boolean;
	maxRetryWaitSeconds?: number;
	timeoutSeconds?: number;
	maxResponseSizeMb?: number;
}

/** Get Ready has no States option: it keeps READY agents only. */
export function agentStateOptions({ stateFilter }: { stateFilter: boolean }): INodeProperties {
	const options: INodeProperties[] = [
		{
			displayName: 'Include Raw Record',
			name: 'includeRaw',
			type: 'boolean',
			default: false,
			description: 'Whether to add the record exactly as CXone sent it under "raw"',
		},
		{
			displayName: 'Include Site (Real Tenants)',
			name: 'includeSite',
			type: 'boolean',
			default: false,
			description:
				'Whether to fill siteName from each agent\'s Location (and siteId where GET /locations lists it). Only for the Access Key sign-in, where it costs a request to the agents list; the tutorial API always sends siteId.',
		},
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			options: [
				{ name: 'One Item per Agent', value: 'agents', description: 'For steps that act on each agent' },
				{
					name: 'One Summary Item',
					value: 'summary',
					description:
						'Counts by state, site and team plus ready agent IDs: for one email or message per run. Total, site and team counts are of logged-in agents in both sign-in methods.',
				},
			],
			default: 'agents',
		},
		teamsOption('idsOrNames'),
		teamListOption,
	];
	if (stateFilter) options.push(statesOption('Only agents in these states (leave empty for all)'));
	return optionsCollection(options);
}

export function readOptions(context: IExecuteFunctions, itemIndex: number): AgentStateOptions {
	return context.getNodeParameter('options', itemIndex, {}) as AgentStateOptions;
}
