/** The Agent picker offers no deactivated agent, even when CXone's list ignores isActive=true. */
import nock from 'nock';

import { searchAgents } from '../../../nodes/Cxone/methods';
import { REAL_TENANT_AGENTS as AGENTS, REAL_TENANT_API as API, signedInRealTenant, useNock } from '../../support/harness/fixtures';
import { editorContext } from '../../support/harness/workflow';

useNock();

it('leaves out agents whose isActive is false (a boolean or NICE\'s "False" string), keeps those that say nothing', async () => {
	nock(API)
		.get(AGENTS)
		.query(true)
		.reply(200, {
			totalRecords: 4,
			agents: [
				{ agentId: 1, firstName: 'Ann', lastName: 'Active', isActive: true },
				{ agentId: 2, firstName: 'Dee', lastName: 'Gone', isActive: false },
				{ agentId: 3, firstName: 'Eve', lastName: 'Gone', IsActive: 'False' },
				{ agentId: 4, firstName: 'Sam', lastName: 'Unsaid' },
			],
		});
	const { results } = await searchAgents.call(editorContext(signedInRealTenant()));
	expect(results.map((result) => result.value)).toEqual(['1', '4']);
});
