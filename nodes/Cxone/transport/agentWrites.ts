/** Set State, Log Out and Send Message: each write is sent once, again only when CXone provably never got it. */
/**
 * POST is not idempotent (RFC 9110 §9.2.2), and a state change sent twice can overwrite one the agent made in
 * between (the agent went to Lunch; a second "Available" takes it back). As undici retries only idempotent
 * methods (nodejs/undici lib/handler/retry-handler.js) and gRPC only calls the server provably did not process
 * (gRFC A6), a write is sent again only after a 429 (CXone turned it away) or ECONNREFUSED (no connection, so no
 * byte of it left). A reset is not resent: n8n's helper reports an axios error whose code (ECONNRESET, "socket
 * hang up") is the same whether the socket broke before the request was written or after CXone read it.
 * After a failure that may have been applied (5xx, timeout, dropped connection) the agent is read back once.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { HttpFailure } from '../../../credentials/cxone/http/httpFailure';
import { normalizeAgentRecord, type NormalizedAgentState } from '../helpers/normalize';
import { asBoolean, asString, isRecord, lowerCaseKeys } from '../helpers/values';
import { agentPath, explain, fetchOneAgentState, isApiError, unknownAgent } from './agents';
import { saysInvalidAgent } from './errorMessages';
import type { CxoneSession, RequestCall } from './index';

/** How the node knows the change took effect: CXone's answer, or reading the agent back after a failure. */
export type WriteOutcome = { confirmedBy: 'answer' } | { confirmedBy: 'readBack'; agent: NormalizedAgentState };

/** The failures that prove the write was not applied, so it is sent again (within the usual retry bounds). */
export const provesNotApplied = (failure: HttpFailure): boolean =>
	failure.status === 429 || (failure.status === null && failure.code === 'ECONNREFUSED');

/** Failing before a connection: nothing was sent, and a read-back would fail the same way. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** No answer, or a server error: CXone may have applied the change. 3xx and 4xx say it did not. */
export const mayHaveBeenApplied = (failure: HttpFailure): boolean =>
	failure.status === null ? !NOT_CONNECTED.has(failure.code ?? '') : failure.status >= 500;

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT']);

function whatHappened(failure: HttpFailure): string {
	const said = failure.detail ? ` (CXone said: ${failure.detail.replace(/[.\s]+$/, '')})` : '';
	if (failure.status !== null) return `CXone answered HTTP ${failure.status}${said}`;
	if (TIMEOUT_CODES.has(failure.code ?? '')) return 'CXone did not answer within the timeout';
	if (failure.code === 'CXONE_RESPONSE_TOO_LARGE') return "CXone's answer was larger than the node reads";
	return `the connection dropped before CXone answered${failure.code ? ` (${failure.code})` : ''}`;
}

interface Ambiguous {
	failure: HttpFailure;
}

/** What one write came to: accepted (with CXone's answer, null when it had none), a failure that may have been applied, or an error that says it was not. */
type Sent = { accepted: true; body: unknown } | { accepted: false; ambiguous: Ambiguous } | { accepted: false; refused: unknown };

async function sendOnce(session: CxoneSession, path: string, qs: IDataObject, call: RequestCall, body?: IDataObject): Promise<Sent> {
	// The failure the request gave up on: resendAfter is asked once per failure, last right before the throw.
	let final: HttpFailure | undefined;
	const resendAfter = (failure: HttpFailure) => {
		const again = provesNotApplied(failure);
		final = again ? undefined : failure;
		return again;
	};
	try {
		const answer = await session.request(path, qs, { ...call, method: 'POST', body, resendAfter });
		return { accepted: true, body: answer.body };
	} catch (error) {
		// A 2xx whose body is not JSON: CXone accepted the change, whatever it wrote after.
		if (error instanceof NodeApiError && /^2\d\d$/.test(String(error.httpCode))) return { accepted: true, body: null };
		if (final && mayHaveBeenApplied(final)) return { accepted: false, ambiguous: { failure: final } };
		return { accepted: false, refused: error };
	}
}

/** Reads the agent back once; success when it is in the state asked for, otherwise an error that says what is known. */
async function confirmByReadBack(
	session: CxoneSession,
	agentId: string,
	asked: string,
	isAsked: (agent: NormalizedAgentState, record: Record<string, unknown>) => boolean,
	{ failure }: Ambiguous,
	itemIndex?: number,
): Promise<WriteOutcome> {
	let seen = "the agent's state could not be read back either";
	try {
		const record = await fetchOneAgentState(session, agentId, { itemIndex });
		const agent = normalizeAgentRecord(record, Date.now()) ?? normalizeAgentRecord({ ...record, agentId }, Date.now());
		if (agent && isAsked(agent, record)) return { confirmedBy: 'readBack', agent };
		if (agent) seen = `reading the agent back shows ${agent.state}${agent.subState ? ` (${agent.subState})` : ''}`;
	} catch {
		// Reported below: the change is neither confirmed nor refused.
	}
	throw session.apiError(
		`${asked} for agent ${agentId} may or may not have been applied`,
		`${whatHappened(failure)}, and ${seen}. The node did not send the change again: CXone may have applied it, and a second one could overwrite a state the agent chose since. Check the agent in CXone before running this item again.`,
		itemIndex,
		failure.status === null ? undefined : String(failure.status),
	);
}

/** NICE's API test suite sends outStateId as a number (walterplaza/protractor src/apis/incontact-apis.ts). */
const asJsonId = (id: string): string | number => (/^\d{1,15}$/.test(id) ? Number(id) : id);

/**
 * POST /agents/{agentId}/state. NICE's OpenAPI definition puts `state` and `outStateId` in the query
 * (calljacob/nice-cxone-api src/services/admin/AdminAgentsService.ts setAgentState); NICE's own API test suite
 * (walterplaza/protractor src/apis/incontact-apis.ts postAgentsAgentIdState) sends them as a JSON body. Both
 * are sent, so either reading works.
 */
export async function setAgentState(
	session: CxoneSession,
	agentId: string,
	state: 'Available' | 'Unavailable',
	outStateId: string | null,
	call: RequestCall = {},
): Promise<WriteOutcome> {
	const { itemIndex } = call;
	const withReason = state === 'Unavailable' && outStateId !== null;
	const qs: IDataObject = withReason ? { state, outStateId } : { state };
	const body: IDataObject = withReason ? { state, outStateId: asJsonId(outStateId) } : { state };
	const sent = await sendOnce(session, agentPath(session, agentId, 'state', itemIndex), qs, call, body);
	if (sent.accepted) return { confirmedBy: 'answer' };
	if ('refused' in sent) throw explainRefusal(session, sent.refused, agentId, itemIndex);
	const asked = withReason ? `Set State (Unavailable, reason ${outStateId})` : `Set State (${state})`;
	return await confirmByReadBack(session, agentId, asked, (agent, record) => {
		if (state === 'Available') return agent.state === 'READY';
		const shown = asString(lowerCaseKeys(record).outstateid);
		// The reason counts only when CXone tells it.
		return agent.state === 'NOT_READY' && (!withReason || shown === null || shown === outStateId);
	}, sent.ambiguous, itemIndex);
}

function explainRefusal(session: CxoneSession, error: unknown, agentId: string, itemIndex?: number): unknown {
	if (isApiError(error, 409)) {
		// NICE help (Studio SETAGENTSTATE): ACW codes need a contact in progress, otherwise 409.
		return session.apiError(
			`CXone could not set agent ${agentId}'s state now (HTTP 409)`,
			`${error.description ?? ''} The agent needs an active session (logged in to the agent application), and an ACW reason only works while the agent handles a contact. Log the agent in first, or choose another reason.`.trim(),
			itemIndex,
			'409',
		);
	}
	if (isApiError(error, 400) && !saysInvalidAgent(`${error.description ?? ''} ${error.message}`)) {
		return session.apiError(
			`CXone refused the state change for agent ${agentId} (HTTP 400)`,
			`${error.description ?? ''} Choose the state Available or Unavailable, and a Reason from the list (one of the unavailable codes of the agent's team), or No Reason.`.trim(),
			itemIndex,
			'400',
		);
	}
	return explain(session, error, agentId, 'change', itemIndex);
}

/** POST /agents/{agentId}/logout, 202 Accepted (AdminAgentsService.agentLogout; protractor ADV120037). */
export async function logOutAgent(session: CxoneSession, agentId: string, call: RequestCall = {}): Promise<WriteOutcome> {
	const sent = await sendOnce(session, agentPath(session, agentId, 'logout', call.itemIndex), {}, call);
	if (sent.accepted) return { confirmedBy: 'answer' };
	if ('refused' in sent) throw explain(session, sent.refused, agentId, 'change', call.itemIndex);
	return await confirmByReadBack(session, agentId, 'Log Out', (agent) => agent.state === 'LOGGED_OUT', sent.ambiguous, call.itemIndex);
}

/** One agent message; dates already ISO 8601 UTC. */
export interface AgentMessage {
	subject: string;
	message: string;
	targetType: 'Agent' | 'Team' | 'Everyone';
	/** The agent's or team's ID; none for Everyone. */
	targetId?: string;
	startDate?: string;
	validUntil?: string;
	expireMinutes?: number;
}

const messageTarget = ({ targetType, targetId }: AgentMessage) =>
	targetType === 'Everyone' ? 'everyone' : `${targetType === 'Agent' ? 'agent' : 'team'} ${targetId ?? ''}`;

/**
 * POST /agents/messages with one entry (calljacob/nice-cxone-api AdminAgentsService.createMessage; walterplaza/protractor
 * agent-management-v12.ts createAnAgentMessage). The answer is a batch, `{ errorCount, agentMessageResults:
 * [{ agentMessageId, success, error }] }`: a 200 whose entry failed is an error naming CXone's reason. Nothing reads a
 * sent message back, so after an ambiguous failure the error says it may or may not have been sent.
 */
export async function sendAgentMessage(session: CxoneSession, message: AgentMessage, call: RequestCall = {}): Promise<{ agentMessageId: string | null }> {
	const { itemIndex } = call;
	const { targetId, ...rest } = message;
	const entry: IDataObject = { ...rest, ...(targetId === undefined ? {} : { targetId: asJsonId(targetId) }) };
	const target = messageTarget(message);
	const sent = await sendOnce(session, session.paths.agentMessages, {}, call, { agentMessages: [entry] });
	if ('ambiguous' in sent) {
		throw session.apiError(
			`Send Message to ${target} may or may not have been sent`,
			`${whatHappened(sent.ambiguous.failure)}. The node did not send it again: CXone may have delivered it, and a second send would show it twice. Check with the agents before running this item again.`,
			itemIndex,
			sent.ambiguous.failure.status === null ? undefined : String(sent.ambiguous.failure.status),
		);
	}
	if ('refused' in sent) throw explainMessageRefusal(session, sent.refused, message, itemIndex);
	const answer = isRecord(sent.body) ? lowerCaseKeys(sent.body) : {};
	const results = Array.isArray(answer.agentmessageresults) ? answer.agentmessageresults : [];
	const result = isRecord(results[0]) ? lowerCaseKeys(results[0]) : {};
	// A batch answer: an entry failed when it says so, names an error, or CXone counts an error (NICE's definition
	// has errorCount beside the results, calljacob/nice-cxone-api AdminAgentsService.createMessage).
	const failed = asBoolean(result.success) === false || asString(result.error) !== null || Number(answer.errorcount) > 0;
	if (failed) throw messageFailure(session, message, asString(result.error), itemIndex);
	const id = asString(result.agentmessageid);
	return { agentMessageId: id === '0' ? null : id };
}

function messageFailure(session: CxoneSession, message: AgentMessage, said: string | null, itemIndex?: number): NodeApiError {
	const reason = said ? `CXone said: ${said.replace(/[.\s]+$/, '')}. ` : '';
	if (message.targetType === 'Agent' && saysInvalidAgent(said ?? '')) return unknownAgent(session, message.targetId ?? '', itemIndex, reason);
	const fix =
		message.targetType === 'Team'
			? 'Pick the team from the list, or check its ID in CXone Admin > Teams.'
			: 'Check Send To, and Start, Valid Until and Expire After (Minutes).';
	return session.apiError(`CXone did not send the message to ${messageTarget(message)}`, `${reason}${fix}`, itemIndex);
}

function explainMessageRefusal(session: CxoneSession, error: unknown, message: AgentMessage, itemIndex?: number): unknown {
	if (isApiError(error, 403)) {
		return session.apiError(
			'The CXone API user may not send agent messages (HTTP 403)',
			"Give the API user's role permission to send messages to agents (for example an Administrator role, or a Supervisor role in CXone Admin > Security Profiles), then run again.",
			itemIndex,
			'403',
		);
	}
	if (error instanceof NodeApiError && ['400', '404'].includes(String(error.httpCode))) {
		const said = `${error.description ?? ''} ${error.message}`;
		if (message.targetType === 'Agent' && saysInvalidAgent(said)) return unknownAgent(session, message.targetId ?? '', itemIndex);
		if (message.targetType === 'Team' && /invalid\s*team\s*id/i.test(said)) return messageFailure(session, message, 'Invalid Team Id', itemIndex);
	}
	return error;
}
