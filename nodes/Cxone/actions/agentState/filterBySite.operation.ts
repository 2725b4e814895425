/** Agent State → Filter by Site: the agents of one or more sites. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { CxoneSession } from '../../transport';
import { agentListFields } from '../common.descriptions';
import { listParameter } from '../parameters';
import { agentStateOptions } from './options';
import { queryAgentStates } from './query';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['agentState'], operation: ['filterBySite'] } }, [
	{
		displayName: 'Site IDs',
		name: 'siteIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. Austin, Lisbon',
		description:
			'One or more sites, comma-separated (an array from an expression works too). Real tenants have no site in the state feed: a site is the Location of each agent, matched by name in any case, or by location ID where CXone lists locations. The tutorial API matches the siteId of each agent.',
		hint: "Real tenants: each agent's Location name, e.g. Austin. Tutorial API: the siteId, e.g. site-1.",
	},
	// Beside Site IDs rather than replacing it: saved workflows keep their typed string.
	{
		displayName: 'Sites From List Names or IDs',
		name: 'siteList',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLocations' },
		default: [],
		description: 'Sites picked from CXone\'s list (adds to Site IDs): Locations on real tenants, site IDs on the tutorial API. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	...agentListFields,
	agentStateOptions({ stateFilter: true }),
]);

export async function execute(this: IExecuteFunctions, session: CxoneSession, itemIndex: number): Promise<IDataObject[]> {
	const sites = [
		...listParameter(this, this.getNodeParameter('siteIds', itemIndex), 'Site IDs', itemIndex),
		...listParameter(this, this.getNodeParameter('siteList', itemIndex, []), 'Sites From List', itemIndex),
	];
	if (sites.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Site IDs is empty', {
			description: 'Enter at least one site ID (several are separated by commas) or pick sites in Sites From List, or use Get Many for every site.',
			itemIndex,
		});
	}
	return await queryAgentStates.call(this, session, itemIndex, { sites });
}
