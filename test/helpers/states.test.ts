/** One state table: what the normalizer emits is what the node and the trigger let you filter on, and what the simulator serves. */
import { CxoneAgentStates } from '../../nodes/Cxone/CxoneAgentStates.node';
import { CxoneAgentStatesTrigger } from '../../nodes/Cxone/CxoneAgentStatesTrigger.node';
import { normalizeAgentStates } from '../../nodes/Cxone/helpers/normalize';
import { CANONICAL_STATES, STATE_TABLE } from '../../nodes/Cxone/helpers/states';
import { generateTenant } from '../support/simulator';
import { stateChange } from '../support/simulator/tenant';

type Option = { name: string; value: string };
const nodeStates = (): Option[] => {
	const options = new CxoneAgentStates().description.properties.filter((property) => property.name === 'options');
	const states = options.flatMap((collection) => (collection.options ?? []) as Array<{ name: string; options?: Option[] }>).find((option) => option.name === 'states');
	return states?.options ?? [];
};
const triggerStates = (): Option[] => (new CxoneAgentStatesTrigger().description.properties.find((property) => property.name === 'states')?.options ?? []) as Option[];

describe('the States option', () => {
	it('is one list in the node and the trigger, offering every canonical state', () => {
		expect(nodeStates().map((option) => [option.name, option.value])).toEqual(triggerStates().map((option) => [option.name, option.value]));
		expect(nodeStates().map((option) => option.value).sort()).toEqual([...CANONICAL_STATES].sort());
		expect(nodeStates()).toContainEqual(expect.objectContaining({ name: 'Dialer', value: 'DIALER' }));
	});

	it('keeps the values saved workflows use', () => {
		expect(triggerStates().map((option) => option.value)).toEqual(expect.arrayContaining(['READY', 'NOT_READY', 'ON_CONTACT', 'LOGGED_OUT']));
	});
});

describe('the state table', () => {
	it.each(STATE_TABLE.map((mapping) => [mapping.name, mapping.id, mapping.state, mapping.subState] as const))(
		'%s (id %s) becomes %s / %s, by name and by id',
		(name, id, state, subState) => {
			const expectedSub = subState === 'outStateDescription' ? 'Lunch' : subState;
			const [byName] = normalizeAgentStates([{ agentId: 1, agentStateName: name, outStateDescription: 'Lunch' }], 0).agents;
			expect([byName.state, byName.subState]).toEqual([state, expectedSub]);
			if (id !== null) {
				const [byId] = normalizeAgentStates([{ agentId: 1, agentStateId: id, outStateDescription: 'Lunch' }], 0).agents;
				expect([byId.state, byId.subState]).toEqual([state, expectedSub]);
			}
		},
	);

	it('every state the table emits can be chosen in States', () => {
		const offered = new Set(nodeStates().map((option) => option.value));
		for (const mapping of STATE_TABLE) expect(offered.has(mapping.state)).toBe(true);
	});

	it('the simulator agrees: its agents\' canonical state is the table\'s, Dialer included', () => {
		const tenant = generateTenant({ agents: 400, seed: 5 });
		for (const agent of tenant.agents) {
			expect(STATE_TABLE.find((mapping) => mapping.name === agent.stateName)?.state).toBe(agent.state);
		}
		expect(tenant.agents.some((agent) => agent.state === 'DIALER')).toBe(true);
		expect(stateChange('Dialer').state).toBe('DIALER');
		expect(stateChange('LoggedIn').state).toBe('LOGGED_IN');
	});
});
