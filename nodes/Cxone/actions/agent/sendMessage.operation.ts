/** Agent → Send Message: show a message to one agent, a team or everyone in the agents' application (real tenants). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { parseDateParameter } from '../../helpers/dates';
import { sendAgentMessage, type AgentMessage } from '../../transport/agentWrites';
import type { CxoneSession } from '../../transport';
import { agentLocator, optionsCollection } from '../common.descriptions';
import { readAgentId, requestCallFromOptions, type RequestBounds } from '../parameters';
import { requireRealTenant } from '../realTenantOnly';

type Target = 'agent' | 'team' | 'everyone';
/** A Map, so an expression giving "constructor" or "__proto__" finds nothing. */
const TARGETS = new Map<string, AgentMessage['targetType']>([
	['agent', 'Agent'],
	['team', 'Team'],
	['everyone', 'Everyone'],
]);

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['agent'], operation: ['sendMessage'] } }, [
	{
		displayName: 'Send To',
		name: 'target',
		type: 'options',
		options: [
			{ name: 'Agent', value: 'agent', description: 'One agent' },
			{ name: 'Everyone', value: 'everyone', description: 'Every agent of the business unit' },
			{ name: 'Team', value: 'team', description: 'Every agent of one team' },
		],
		default: 'agent',
		description: 'Who sees the message in their agent application. This sends a message to live agents in CXone.',
	},
	{
		...agentLocator({ required: true, description: 'The agent to send the message to' }),
		displayOptions: { show: { target: ['agent'] } },
	},
	{
		displayName: 'Team Name or ID',
		name: 'teamId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTeams' },
		required: true,
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: { show: { target: ['team'] } },
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Queue is long',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		placeholder: 'e.g. 5 contacts are waiting in Billing: please go Available',
	},
	optionsCollection([
		{
			displayName: 'Start',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: 'When the message appears (default: now). A time without a zone is in the workflow\'s timezone.',
		},
		{
			displayName: 'Valid Until',
			name: 'validUntil',
			type: 'dateTime',
			default: '',
			description: 'When the message disappears',
		},
		{
			displayName: 'Expire After (Minutes)',
			name: 'expireMinutes',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description: 'How long the message stays up after it appears',
		},
	]),
]);

interface MessageOptions extends RequestBounds {
	startDate?: unknown;
	validUntil?: unknown;
	expireMinutes?: unknown;
}

function readTarget(context: IExecuteFunctions, itemIndex: number): Target {
	const value = context.getNodeParameter('target', itemIndex, 'agent');
	const target = typeof value === 'string' ? value.trim().toLowerCase() : '';
	if (TARGETS.has(target)) return target as Target;
	throw new NodeOperationError(context.getNode(), `Send To must be "agent", "team" or "everyone", not ${JSON.stringify(value ?? '').slice(0, 60)}`, {
		description: 'Choose Agent, Team or Everyone; nothing was sent.',
		itemIndex,
	});
}

function readText(context: IExecuteFunctions, name: 'subject' | 'message', label: string, itemIndex: number): string {
	const value = context.getNodeParameter(name, itemIndex, '');
	const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
	if (text) return text;
	throw new NodeOperationError(context.getNode(), `${label} is empty`, { description: `Write the ${label.toLowerCase()} agents should see; nothing was sent.`, itemIndex });
}

/** An optional date option as ISO 8601 UTC; an unreadable one is an error, never dropped (the message would show at once or forever). */
function readOptionalDate(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const ms = parseDateParameter(value, context.getTimezone());
	if (Number.isNaN(ms)) {
		throw new NodeOperationError(context.getNode(), `${label} is not a date: ${JSON.stringify(String(value)).slice(0, 60)}`, {
			description: `${label} takes an ISO 8601 date such as 2026-12-03T14:00 (in the workflow's timezone) or an n8n date; nothing was sent.`,
			itemIndex,
		});
	}
	return new Date(ms).toISOString();
}

function readMessage(context: IExecuteFunctions, itemIndex: number, options: MessageOptions): AgentMessage {
	const target = readTarget(context, itemIndex);
	let targetId: string | undefined;
	if (target === 'agent') targetId = readAgentId(context, itemIndex);
	if (target === 'team') {
		targetId = String(context.getNodeParameter('teamId', itemIndex, '') ?? '').trim();
		if (!targetId) throw new NodeOperationError(context.getNode(), 'Team is empty', { description: 'Pick the team from the list, or give its ID; nothing was sent.', itemIndex });
	}
	const startDate = readOptionalDate(context, options.startDate, 'Start', itemIndex);
	const validUntil = readOptionalDate(context, options.validUntil, 'Valid Until', itemIndex);
	if (validUntil && Date.parse(validUntil) <= Date.now()) {
		throw new NodeOperationError(context.getNode(), 'Valid Until is in the past', { description: `Valid Until is ${validUntil}: no agent would see the message. Nothing was sent.`, itemIndex });
	}
	if (startDate && validUntil && Date.parse(validUntil) <= Date.parse(startDate)) {
		throw new NodeOperationError(context.getNode(), 'Valid Until must be after Start', { description: `Start is ${startDate} and Valid Until is ${validUntil}; nothing was sent.`, itemIndex });
	}
	let expireMinutes: number | undefined;
	if (options.expireMinutes !== undefined && options.expireMinutes !== '') {
		expireMinutes = Number(options.expireMinutes);
		if (!Number.isInteger(expireMinutes) || expireMinutes < 1) {
			throw new NodeOperationError(context.getNode(), `Expire After (Minutes) must be a whole number of at least 1, not ${JSON.stringify(options.expireMinutes)}`, { itemIndex });
		}
	}
	return {
		subject: readText(context, 'subject', 'Subject', itemIndex),
		message: readText(context, 'message', 'Message', itemIndex),
		targetType: TARGETS.get(target)!,
		...(targetId === undefined ? {} : { targetId }),
		...(startDate ? { startDate } : {}),
		...(validUntil ? { validUntil } : {}),
		...(expireMinutes === undefined ? {} : { expireMinutes }),
	};
}

/**
 * n8n's Retry On Fail runs the whole node again after an error: every message before the failed item, and one that
 * may already have been delivered, would be sent again. So Send Message does not run with it.
 */
function refuseRetryOnFail(context: IExecuteFunctions, itemIndex: number): void {
	if (context.getNode().retryOnFail !== true) return;
	throw new NodeOperationError(context.getNode(), 'Send Message does not run with Retry On Fail on', {
		description: "Turn off Retry On Fail in the node's Settings: a retry would send messages again that agents already got. The node already resends what CXone provably did not receive (HTTP 429). Nothing was sent.",
		itemIndex,
	});
}

export async function execute(this: IExecuteFunctions, session: CxoneSession, itemIndex: number): Promise<IDataObject[]> {
	requireRealTenant(session, 'Send Message', 'send messages to agents', itemIndex);
	refuseRetryOnFail(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as MessageOptions;
	const call = requestCallFromOptions(this, options, itemIndex);
	let message: AgentMessage;
	let agentMessageId: string | null;
	try {
		message = readMessage(this, itemIndex, options);
		({ agentMessageId } = await sendAgentMessage(session, message, call));
	} catch (error) {
		throw sentBefore(this, error, itemIndex);
	}
	return [{ sent: true, agentMessageId, targetType: message.targetType, targetId: message.targetId ?? null, subject: message.subject }];
}

/** Stopping at a later item: say that the earlier items' messages went out, so running the node again repeats them. */
function sentBefore(context: IExecuteFunctions, error: unknown, itemIndex: number): unknown {
	if (itemIndex === 0 || context.continueOnFail() || !(error instanceof NodeApiError || error instanceof NodeOperationError)) return error;
	const note = ` The messages of the ${itemIndex} item(s) before this one were sent: running the node again sends them again.`;
	error.description = `${error.description ?? ''}${note}`.trim();
	return error;
}
