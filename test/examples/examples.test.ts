/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * Every example imports into a workflow object, and every CXone node in it uses only parameters (and option
 * values) the node really has. The examples' n8n-nodes-base nodes are checked by activating them in a real
 * n8n: `npm run test:e2e:examples`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INode, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestNodeTypes } from '../support/harness/workflow';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const files = readdirSync(EXAMPLES).filter((file) => file.endsWith('.json'));

interface ExampleNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
}

/** Parameter names, including those n8n adds to every polling trigger. */
function knownParameters(description: INodeTypeDescription): Map<string, INodeProperties> {
	const known = new Map(description.properties.map((property) => [property.name, property]));
	if (description.polling) known.set('pollTimes', { displayName: 'Poll Times', name: 'pollTimes', type: 'fixedCollection', default: {} });
	return known;
}

/** Several properties may share a name (one Operation list per resource): take the one this node's settings show. */
function shownFor(description: INodeTypeDescription, parameters: Record<string, unknown>, name: string): INodeProperties | undefined {
	return description.properties.find(
		(property) =>
			property.name === name &&
			Object.entries(property.displayOptions?.show ?? {}).every(([key, values]) => {
				const value = parameters[key] ?? description.properties.find((other) => other.name === key)?.default;
				return (values as unknown[]).includes(value);
			}),
	);
}

function checkValue(property: INodeProperties, value: unknown, where: string) {
	const allowed = (property.options ?? []).map((option) => (option as { value?: unknown; name: string }).value ?? option.name);
	const check = (item: unknown) => expect({ where, item: String(item), allowed: allowed.includes(item as never) }).toEqual({ where, item: String(item), allowed: true });
	if (property.type === 'options') check(value);
	if (property.type === 'multiOptions') (value as unknown[]).forEach(check);
	if (property.type === 'collection') {
		const options = new Map((property.options as INodeProperties[]).map((option) => [option.name, option]));
		for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
			expect({ where: `${where}.${key}`, known: options.has(key) }).toEqual({ where: `${where}.${key}`, known: true });
			checkValue(options.get(key)!, inner, `${where}.${key}`);
		}
	}
}

it('there are examples to check', () => {
	expect(files.length).toBeGreaterThanOrEqual(4);
});

describe.each(files)('%s', (file) => {
	const workflow = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as { name: string; nodes: ExampleNode[]; connections: object };

	it('has a name, a sticky note saying what to change, and connections between nodes that exist', () => {
		expect(workflow.name).toMatch(/^CXone: /);
		expect(workflow.nodes.some((node) => node.type === 'n8n-nodes-base.stickyNote' && /Change:/.test(String(node.parameters.content)))).toBe(true);
		const names = new Set(workflow.nodes.map((node) => node.name));
		for (const [from, outputs] of Object.entries(workflow.connections as Record<string, { main: Array<Array<{ node: string }>> }>)) {
			expect(names.has(from)).toBe(true);
			for (const output of outputs.main) for (const target of output) expect(names.has(target.node)).toBe(true);
		}
	});

	it('uses only parameters the CXone nodes have, with valid values', () => {
		const nodeTypes = new TestNodeTypes();
		const cxoneNodes = workflow.nodes.filter((node) => node.type.startsWith('n8n-nodes-cxone.'));
		expect(cxoneNodes.length).toBeGreaterThan(0);
		for (const node of cxoneNodes) {
			const { description } = nodeTypes.getByNameAndVersion(node.type);
			expect([description.version].flat()).toContain(node.typeVersion);
			const known = knownParameters(description);
			for (const [name, value] of Object.entries(node.parameters)) {
				expect({ node: node.name, name, known: known.has(name) }).toEqual({ node: node.name, name, known: true });
				checkValue(shownFor(description, node.parameters, name) ?? known.get(name)!, value, `${node.name}.${name}`);
			}
		}
	});

	it('loads into an n8n Workflow object', () => {
		const cxoneOnly = workflow.nodes.filter((node) => node.type.startsWith('n8n-nodes-cxone.'));
		const nodes = cxoneOnly.map((node, index) => ({ ...node, id: String(index), position: [0, 0] })) as unknown as INode[];
		const loaded = new Workflow({ nodes, connections: {}, active: false, nodeTypes: new TestNodeTypes() });
		expect(Object.keys(loaded.nodes)).toEqual(cxoneOnly.map((node) => node.name));
	});
});
