/** Reading the shared fields back (actions/common.descriptions.ts): the Agent, list fields, the period, the request bounds. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isWithinCalendarDays, parseDateParameter } from '../helpers/dates';
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

const DATE_HELP =
	"takes an ISO 8601 date such as 2026-11-22, 2026-11-22T08:00 (in the workflow's timezone) or 2026-11-22T08:00:00Z, or a Unix time in seconds or milliseconds. Pick a date, or use an expression such as {{ $today.minus({ days: 1 }) }}.";

/** How long a period an operation reads, and the reason given when one is longer. */
export interface PeriodRule {
	maxDays: number;
	why: string;
}

/** Start and End as instants; refused, saying what to fix, when either is not a date, End is not after Start, or the period is too long. */
export function readPeriod(context: IExecuteFunctions, itemIndex: number, rule: PeriodRule): { startMs: number; endMs: number } {
	const node = context.getNode();
	const timeZone = context.getTimezone();
	const read = (name: 'startDate' | 'endDate', label: string) => {
		const value = context.getNodeParameter(name, itemIndex, '') as unknown;
		const ms = parseDateParameter(value, timeZone);
		if (Number.isNaN(ms)) {
			throw new NodeOperationError(node, `${label} is not a date: ${JSON.stringify(String(value ?? '')).slice(0, 60)}`, {
				itemIndex,
				description: `${label} ${DATE_HELP}`,
			});
		}
		return ms;
	};
	const startMs = read('startDate', 'Start');
	const endMs = read('endDate', 'End');
	if (endMs <= startMs) {
		throw new NodeOperationError(node, 'End must be after Start', {
			itemIndex,
			description: `Start is ${new Date(startMs).toISOString()} and End is ${new Date(endMs).toISOString()}.`,
		});
	}
	if (!isWithinCalendarDays(startMs, endMs, rule.maxDays, timeZone)) {
		throw new NodeOperationError(node, `The period is longer than ${rule.maxDays} days`, { itemIndex, description: rule.why });
	}
	return { startMs, endMs };
}

/**
 * Return All and Limit (common.descriptions.ts returnAllAndLimit) as the most items to hand over: Infinity for Return
 * All, else a whole number of at least 1 (an expression skips the editor's minimum). `what` names the items in the error.
 */
export function readLimit(context: IExecuteFunctions, itemIndex: number, what = 'items'): number {
	if (context.getNodeParameter('returnAll', itemIndex, false) === true) return Number.POSITIVE_INFINITY;
	const limit = Number(context.getNodeParameter('limit', itemIndex, 50));
	if (Number.isInteger(limit) && limit >= 1) return limit;
	throw new NodeOperationError(context.getNode(), `Limit must be a whole number of at least 1, not ${String(limit)}`, {
		description: `Set Limit to how many ${what} to return, or turn on Return All.`,
		itemIndex,
	});
}
