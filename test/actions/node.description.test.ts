/** n8n's UX guidelines for what the editor shows, checked over every property of both nodes and the credential. */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { CxoneApi } from '../../credentials/CxoneApi.credentials';
import { CxoneAgentStates } from '../../nodes/Cxone/CxoneAgentStates.node';
import { CxoneAgentStatesTrigger } from '../../nodes/Cxone/CxoneAgentStatesTrigger.node';

/** Every property, including those inside collections. */
function walk(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => [
		property,
		...walk(((property.options ?? []) as Array<INodeProperties | INodePropertyOptions | INodePropertyCollection>).filter((option): option is INodeProperties => 'type' in option)),
	]);
}

const sources: Array<[string, INodeProperties[]]> = [
	['CXone Agent States', new CxoneAgentStates().description.properties],
	['CXone Agent States Trigger', new CxoneAgentStatesTrigger().description.properties],
	['NICE CXone API credential', new CxoneApi().properties],
];
// Where the order means something: the sign-in method (the real-tenant choice first), environments (by reach),
// and the states (CXone's order, from Ready to Logged Out; one shared list for the node and the trigger).
const ORDERED = new Set(['authMode', 'environment', 'states']);

describe.each(sources)('%s', (_name, properties) => {
	const all = walk(properties);

	it('sorts options and collections alphabetically where order has no meaning', () => {
		for (const property of all) {
			if (ORDERED.has(property.name) || !property.options || property.options.length < 2) continue;
			const names = (property.options as Array<{ name?: string; displayName?: string }>).map((option) => option.displayName ?? option.name ?? '');
			expect({ [property.name]: names }).toEqual({ [property.name]: [...names].sort((a, b) => a.localeCompare(b)) });
		}
	});

	it('starts placeholders of inputs with "e.g." and boolean descriptions with "Whether"', () => {
		for (const property of all) {
			if (property.placeholder && property.type !== 'collection' && property.type !== 'fixedCollection') expect(property.placeholder).toMatch(/^e\.g\. /);
			if (property.type === 'boolean') expect(property.description).toMatch(/^Whether /);
		}
	});
});
