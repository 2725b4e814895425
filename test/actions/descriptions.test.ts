/**
 * What saved workflows depend on: for each operation, the parameters it shows (name, type, default, when shown,
 * option values, collection fields). The snapshot was taken on main before the shared fields moved to
 * actions/common.descriptions.ts; a change to it is a change for saved workflows and must be deliberate.
 */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { CxoneAgentStates } from '../../nodes/Cxone/CxoneAgentStates.node';
import { CxoneAgentStatesTrigger } from '../../nodes/Cxone/CxoneAgentStatesTrigger.node';

const properties = new CxoneAgentStates().description.properties;

type Choice = INodePropertyOptions | INodeProperties | INodePropertyCollection;

/** What a saved value depends on, without the texts people read (displayName, description, hint can change). */
function savedShape(property: INodeProperties, [resource, operation]: [string, string]): Record<string, unknown> {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars -- resource and operation are taken out, not used
	const { resource: _resource, operation: _operation, ...otherConditions } = property.displayOptions?.show ?? {};
	const choices = (property.options ?? []) as Choice[];
	return {
		name: property.name,
		type: property.type,
		default: property.default,
		...(property.required ? { required: true } : {}),
		...(Object.keys(otherConditions).length ? { shownWhen: otherConditions } : {}),
		...(property.displayOptions?.hide ? { hiddenWhen: property.displayOptions.hide } : {}),
		...(property.type === 'options' || property.type === 'multiOptions' ? { values: choices.map((choice) => (choice as INodePropertyOptions).value) } : {}),
		...(property.type === 'collection' ? { fields: (choices as INodeProperties[]).map((field) => savedShape(field, [resource, operation])) } : {}),
		...(property.type === 'resourceLocator' ? { modes: (property.modes ?? []).map(({ name, type }) => ({ name, type })) } : {}),
	};
}

const shows = (property: INodeProperties, resource: string, operation: string) =>
	property.displayOptions?.show?.resource?.includes(resource) === true && property.displayOptions?.show?.operation?.includes(operation) === true;

function operations(): Array<[string, string]> {
	return properties
		.filter((property) => property.name === 'operation')
		.flatMap((dropdown) => (dropdown.options as INodePropertyOptions[]).map((option): [string, string] => [String(dropdown.displayOptions?.show?.resource?.[0]), String(option.value)]));
}

describe('each operation keeps the parameters saved workflows have', () => {
	it('lists the same resources and operations', () => {
		expect(operations()).toMatchSnapshot();
	});

	it.each(operations())('%s → %s shows the same parameter names, types, defaults and conditions', (resource, operation) => {
		expect(properties.filter((property) => shows(property, resource, operation)).map((property) => savedShape(property, [resource, operation]))).toMatchSnapshot();
	});
});

/** Every property and collection field by name, with the types it is declared with anywhere in the node. */
function typesByName(list: INodeProperties[], into = new Map<string, Set<string>>(), path = ''): Map<string, Set<string>> {
	for (const property of list) {
		const key = `${path}${property.name}`;
		into.set(key, (into.get(key) ?? new Set()).add(property.type));
		if (property.type === 'collection' || property.type === 'fixedCollection') typesByName((property.options ?? []) as INodeProperties[], into, `${key}.`);
	}
	return into;
}

describe('one parameter name, one type', () => {
	// n8n keeps a parameter's value when the operation changes: a name with two types turns a picked agent into
	// "[object Object]" in a text field (issue 26).
	it.each([
		['CXone Agent States', properties],
		['CXone Agent States Trigger', new CxoneAgentStatesTrigger().description.properties],
	])('no two parameters of %s share a name with different types, whatever displayOptions show them', (_node, list) => {
		const mixed = [...typesByName(list)].filter(([, types]) => types.size > 1).map(([name, types]) => `${name}: ${[...types].join(', ')}`);
		expect(mixed).toEqual([]);
	});
});
