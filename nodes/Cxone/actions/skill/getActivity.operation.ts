/** Skill → Get Activity: each skill's queue and agents right now, or one summary for a queue alert. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { normalizeSkillActivities, skillMatcher, summarizeSkills } from '../../helpers/skillActivity';
import type { CxoneSession } from '../../transport';
import { fetchSkillActivity } from '../../transport/reports';
import { optionsCollection } from '../common.descriptions';
import { listParameter, requestCallFromOptions, type RequestBounds } from '../parameters';
import { requireRealTenant } from '../realTenantOnly';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['skill'], operation: ['getActivity'] } }, [
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'One Item per Skill', value: 'skills', description: 'Queue, agents and service level of each skill' },
			{
				name: 'One Summary Item',
				value: 'summary',
				description: 'Totals, and the skills with contacts waiting while no agent is available',
			},
		],
		default: 'skills',
	},
	optionsCollection([
		{
			displayName: 'Skills',
			name: 'skills',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2001, Billing Inbound',
			description: 'Only these skills: skill IDs or names, comma-separated, case-insensitive (leave empty for all)',
		},
	]),
]);

interface ActivityOptions extends RequestBounds {
	skills?: unknown;
}

export async function execute(this: IExecuteFunctions, session: CxoneSession, itemIndex: number): Promise<IDataObject[]> {
	requireRealTenant(session, 'Skill Get Activity', 'read skill activity', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as ActivityOptions;
	const call = requestCallFromOptions(this, options, itemIndex);
	const records = await fetchSkillActivity(session, call);
	const nowMs = Date.now();
	const matches = skillMatcher(listParameter(this, options.skills, 'Skills', itemIndex));
	const all = normalizeSkillActivities(records, nowMs);
	const skipped = all.skipped;
	const skills = matches ? all.skills.filter(matches) : all.skills;
	if (skipped > 0) {
		this.addExecutionHints({ message: `${skipped} record(s) from CXone named no skill ID and were skipped.`, location: 'outputPane' });
	}
	if (skills.length === 0) {
		this.addExecutionHints({
			message: matches ? 'No skill matched the Skills option: check the IDs or names.' : 'CXone returned no skills for this business unit.',
			location: 'outputPane',
		});
	}
	if (this.getNodeParameter('output', itemIndex, 'skills') === 'summary') {
		return [summarizeSkills(skills, new Date(nowMs)) as unknown as IDataObject];
	}
	return skills as unknown as IDataObject[];
}
