/** The Skill resource: its operations, their dropdown texts and subtitle labels. A new operation is one entry here. */
import { defineResource } from '../resource';
import * as getActivity from './getActivity.operation';

export const skill = defineResource({
	key: 'skill',
	label: 'Skill',
	defaultOperation: 'getActivity',
	operations: {
		getActivity: { module: getActivity, name: 'Get Activity', description: 'Get each skill\'s queue and agents right now (real tenants)', action: 'Get skill activity' },
	},
});
