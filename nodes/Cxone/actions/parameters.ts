/** Reading the shared fields back (actions/common.descriptions.ts): the Agent, list fields, the request bounds. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ListParameterError, parseList } from '../helpers/filters';
import { AgentIdError, agentIdFromValue } from '../helpers/values';
import type { RequestCall } from '../transport';
import { REQUEST_LIMITS } from './common.descriptions';

/** The options every operation has for its requests (see optionsCollection). */
export interface RequestBounds {
	maxRetryWaitSeconds?: unknown;
	timeoutSeconds?: unknown;
	maxResponseSizeMb?: unknown;
}

const AGENT_HELP = 'Pick the agent from the list, type its ID, or use an expression that gives the agentId of an earlier step\'s item (text or a number).';

/**
 * The Agent field as an agent ID: a picked agent, a typed ID, or a plain string saved before the field was a
 * locator (n8n hands those over unchanged). Empty is an error unless the operation can do without an agent ('').
 */
export function readAgentId(context: IExecuteFunctions, itemIndex: number, { required = true }: { required?: boolean } = {}): string {
	const value: unknown = context.getNodeParameter('agentId', itemIndex, '', { extractValue: true });
	let agentId: string;
	try {
		agentId = agentIdFromValue(value);
	} catch (error) {
		const message = error instanceof AgentIdError ? error.message : `Agent could not be read: ${(error as Error).message}`;
		throw new NodeOperationError(context.getNode(), message, { description: AGENT_HELP, itemIndex });
	}
	if (!agentId && required) throw new NodeOperationError(context.getNode(), 'Agent is empty', { description: AGENT_HELP, itemIndex });
	return agentId;
}

/** A list parameter read with parseList; what it cannot read becomes a parameter error naming the field. */
export function listParameter(context: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string[] {
	try {
		return parseList(value, field);
	} catch (error) {
		const description = error instanceof ListParameterError ? error.description : undefined;
		throw new NodeOperationError(context.getNode(), error as Error, { description, itemIndex });
	}
}

function limitedNumber(context: IExecuteFunctions, options: RequestBounds, name: keyof typeof REQUEST_LIMITS, itemIndex: number): number | undefined {
	const value: unknown = options[name];
	if (value === undefined || value === null || value === '') return undefined;
	const { displayName, min, max } = REQUEST_LIMITS[name];
	const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
	if (!Number.isFinite(number) || number < min || number > max) {
		const shown = typeof value === 'number' || typeof value === 'string' ? JSON.stringify(value).slice(0, 40) : `a ${typeof value}`;
		throw new NodeOperationError(context.getNode(), `${displayName} must be a number from ${min} to ${max}, not ${shown}`, {
			itemIndex,
			description: `Set ${displayName} in the node's options to a number from ${min} to ${max} (check the expression if it comes from one).`,
		});
	}
	return number;
}

/** The per-request bounds from the node's options, checked against their ranges. */
export function requestCallFromOptions(context: IExecuteFunctions, options: RequestBounds, itemIndex: number): RequestCall {
	const maxRetryWaitSeconds = limitedNumber(context, options, 'maxRetryWaitSeconds', itemIndex);
	const timeoutSeconds = limitedNumber(context, options, 'timeoutSeconds', itemIndex);
	const maxResponseSizeMb = limitedNumber(context, options, 'maxResponseSizeMb', itemIndex);
	return {
		itemIndex,
		maxTotalWaitMs: maxRetryWaitSeconds === undefined ? undefined : Math.round(maxRetryWaitSeconds * 1000),
		timeoutMs: timeoutSeconds === undefined ? undefined : Math.round(timeoutSeconds * 1000),
		maxBodyBytes: maxResponseSizeMb === undefined ? undefined : Math.round(maxResponseSizeMb * 1024 * 1024),
	};
}
