/** Contact → Get Active: the contacts in progress right now, with their agent, skill and age (real tenants). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { DistinctContacts } from '../../helpers/activeContacts';
import type { CxoneSession } from '../../transport';
import { fetchActiveContacts, type ContactFilters } from '../../transport/reports';
import { optionsCollection, returnAllAndLimit } from '../common.descriptions';
import { readLimit, requestCallFromOptions, type RequestBounds } from '../parameters';
import { requireRealTenant } from '../realTenantOnly';

const idFilter = (displayName: string, name: keyof ContactFilters, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder: 'e.g. 1001',
	description,
});

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['contact'], operation: ['getActive'] } }, [
	...returnAllAndLimit({}),
	optionsCollection([
		idFilter('Agent ID', 'agentId', 'Only the contacts of this agent (the numeric agent ID)'),
		idFilter('Team ID', 'teamId', 'Only the contacts of this team\'s agents'),
		idFilter('Skill ID', 'skillId', 'Only the contacts of this skill'),
		idFilter('Media Type ID', 'mediaTypeId', 'Only contacts of this media type (CXone\'s mediaTypeId, e.g. 4 for calls)'),
		{
			displayName: 'Only Waiting in Queue',
			name: 'onlyWaiting',
			type: 'boolean',
			default: false,
			description: 'Whether to keep only contacts no agent has yet, e.g. for "a contact has waited too long" alerts',
		},
	]),
]);

interface ActiveOptions extends RequestBounds, Partial<Record<keyof ContactFilters, unknown>> {
	onlyWaiting?: unknown;
}

const FILTER_LABELS: Record<keyof ContactFilters, string> = { agentId: 'Agent ID', teamId: 'Team ID', skillId: 'Skill ID', mediaTypeId: 'Media Type ID' };

/** CXone refuses a filter that is not a whole number (walterplaza/protractor, "must be an integer"): refused here first, saying which. */
function readFilters(context: IExecuteFunctions, options: ActiveOptions, itemIndex: number): ContactFilters {
	const filters: ContactFilters = {};
	for (const name of Object.keys(FILTER_LABELS) as Array<keyof ContactFilters>) {
		const value = options[name];
		if (value === undefined || value === null || value === '') continue;
		const text = String(value).trim();
		if (!/^\d{1,15}$/.test(text)) {
			throw new NodeOperationError(context.getNode(), `${FILTER_LABELS[name]} must be a numeric ID, not ${JSON.stringify(value).slice(0, 60)}`, {
				description: 'CXone filters contacts by numeric IDs only. Leave the option out to list every contact.',
				itemIndex,
			});
		}
		filters[name] = text;
	}
	return filters;
}

export async function execute(this: IExecuteFunctions, session: CxoneSession, itemIndex: number): Promise<IDataObject[]> {
	requireRealTenant(session, 'Get Active Contacts', 'read contacts in progress', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as ActiveOptions;
	const filters = readFilters(this, options, itemIndex);
	const call = requestCallFromOptions(this, options, itemIndex);
	const limit = readLimit(this, itemIndex);
	const onlyWaiting = options.onlyWaiting === true;
	const contacts = new DistinctContacts(Date.now(), onlyWaiting ? (contact) => contact.agentId === null : undefined);
	await fetchActiveContacts(session, filters, call, (records) => {
		for (const record of records) contacts.add(record);
		return contacts.size < limit;
	});
	if (contacts.skipped > 0) {
		this.addExecutionHints({ message: `${contacts.skipped} record(s) from CXone named no contact ID and were skipped.`, location: 'outputPane' });
	}
	if (contacts.size === 0) {
		const message =
			onlyWaiting && contacts.seen > 0
				? `No contact is waiting in queue: all ${contacts.seen} in progress have an agent.`
				: 'No contacts are in progress that match: CXone answered none.';
		this.addExecutionHints({ message, location: 'outputPane' });
	}
	return contacts.contacts.slice(0, limit) as unknown as IDataObject[];
}
