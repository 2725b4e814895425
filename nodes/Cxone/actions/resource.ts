/** What a resource module declares (its operations with their dropdown texts), and the operation dropdown built from it. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CxoneSession } from '../transport';

/** An operation returns plain JSON; the router makes the items. */
export type Operation = (this: IExecuteFunctions, session: CxoneSession, itemIndex: number) => Promise<IDataObject[]>;

/** A `<name>.operation.ts` file: its own parameters next to its execute code. */
export interface OperationModule {
	description: INodeProperties[];
	execute: Operation;
}

/** One operation of a resource: its module and the dropdown's name, description and action (the subtitle shows the name). */
export interface OperationEntry {
	module: OperationModule;
	name: string;
	description: string;
	action: string;
}

export interface Resource<Key extends string = string, OperationKey extends string = string> {
	/** The `resource` parameter's value, kept by saved workflows. */
	key: Key;
	label: string;
	/** By the `operation` parameter's value, kept by saved workflows; listed in the order their parameters appear. */
	operations: Record<OperationKey, OperationEntry>;
	defaultOperation: NoInfer<OperationKey>;
}

/** A resource module's declaration, with its key and operation keys kept as literal types (actions/node.type.ts). */
export const defineResource = <Key extends string, OperationKey extends string>(resource: Resource<Key, OperationKey>) => resource;

export function operationDropdown(resource: Resource): INodeProperties {
	const { key, defaultOperation } = resource;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [key] } },
		// n8n's UX guideline: options in alphabetical order.
		options: Object.entries(resource.operations)
			.map(([value, { name, description, action }]) => ({ name, value, description, action }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
}
