/** The trigger's poll: read the agents, compare them with the snapshot, emit what changed, keep the new snapshot. */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { sampleAgents, SAMPLE_NONE_DESCRIPTION } from '../helpers/sample';
import { decodeSnapshot, encodeSnapshot } from '../helpers/snapshot';
import { detectChanges, type DetectedChanges } from '../helpers/stateChanges';
import { readAgentStates, type AgentStatesRead } from '../shared/readAgentStates';
import { CxoneSession } from '../transport';
import { PAGE_CAP_WARNING } from '../transport/agentStates';
import { holdBackDrop } from './holdBack';
import { inactiveAgentIds } from './inactiveAgents';
import { readTriggerSettings, type TriggerSettings } from './settings';
import { decodeIds, encodeIds, openTriggerState, type TriggerState } from './triggerState';

function sample(context: IPollFunctions, read: AgentStatesRead, { rule }: TriggerSettings): INodeExecutionData[][] {
	const found = sampleAgents(read.unfiltered ?? read.agents, read.agents, rule, read.nowMs);
	if (typeof found === 'string') throw new NodeOperationError(context.getNode(), found, { description: SAMPLE_NONE_DESCRIPTION, level: 'warning' });
	const items = found.map((agent) => ({ ...agent, event: 'sample', previousState: null, previousStateSince: null, secondsInPreviousState: null }));
	return [context.helpers.returnJsonArray(items as unknown as IDataObject[])];
}

/**
 * A real tenant lists logged-out agents too, so an agent missing from its full list has not logged out: the
 * list was short (a glitch), or the agent was deleted. Either way no cursor is kept, so the next poll reads the
 * full list again and no change of theirs is skipped; missing from two full lists in a row, they leave the
 * snapshot. Returns the agents to hold and whether the cursor may be kept.
 */
function missingFromRealTenant(read: AgentStatesRead, detected: DetectedChanges, heldBefore: Set<string>) {
	if (read.delta || read.fetched.cut || detected.unlisted.length === 0) return { held: [], gone: [], keepCursor: true };
	const listed = new Set((read.unfiltered ?? read.agents).map((agent) => agent.agentId));
	const missing = detected.unlisted.filter((agentId) => !listed.has(agentId));
	const gone = missing.filter((agentId) => heldBefore.has(agentId));
	const held = missing.filter((agentId) => !heldBefore.has(agentId));
	return { held, gone, keepCursor: held.length === 0 };
}

export async function poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readTriggerSettings(this);
	const { rule, sites, teams, watching } = settings;
	const manual = this.getMode() === 'manual';
	const store = manual ? undefined : openTriggerState(this, watching);
	const state: TriggerState = store?.state ?? {};
	const session = await CxoneSession.open(this);
	const realTenant = session.flavour === 'realTenant';
	// Deltas cannot tell how long an unchanged agent has been in its state: that rule needs the full list. Nor can a
	// delta rebuild a snapshot that cannot be read.
	const useCursor = realTenant && !manual && rule.event !== 'inStateFor' && state.cursor !== undefined && decodeSnapshot(state.snapshot) !== null;
	const read = await readAgentStates(session, { filter: { sites, teams }, updatedSince: useCursor ? state.cursor : undefined, keepUnfiltered: true });
	if (manual || !store) return sample(this, read, settings);

	const { fetched, nowMs } = read;
	if (fetched.noContent) {
		// 204/304 or an empty body: nothing to compare, never "everyone left". After any answer to a delta but a 200,
		// NICE's agent SDK reads the full list next (nice-devone/nice-cxone-agent-sdk core-sdk util-worker.js).
		if (read.delta) store.write({ ...state, cursor: undefined });
		return null;
	}
	if (fetched.cut) this.logger.warn(`CXone Agent States Trigger: ${PAGE_CAP_WARNING}`);

	const heldBefore = decodeIds(state.heldBack);
	// Only the tutorial API's full list names every logged-in agent; a list cut at the page cap does not.
	const missingMeansLoggedOut = !realTenant && !fetched.cut;
	const leaving = inactiveAgentIds(fetched.records);
	const listEmpty = (read.unfiltered ?? read.agents).length === 0;
	const spare = holdBackDrop(heldBefore, listEmpty);
	let detected = state.snapshot === undefined ? null : detectChanges(state.snapshot, read.agents, { nowMs, rule, missing: missingMeansLoggedOut ? 'loggedOut' : 'unchanged', spare, leaving });
	// The first poll after activation (or after the rule or filters changed) only records where everyone is.
	const baseline = detected === null;
	detected ??= detectChanges('', read.agents, { nowMs, rule, missing: 'unchanged', leaving }) as DetectedChanges;

	let { next } = detected;
	let held = detected.spared;
	let cursor = fetched.lastPollTime ?? undefined;
	if (realTenant && !baseline) {
		const missing = missingFromRealTenant(read, detected, heldBefore);
		held = missing.held;
		if (!missing.keepCursor) cursor = undefined;
		if (missing.gone.length) {
			const snapshot = decodeSnapshot(next);
			for (const agentId of missing.gone) snapshot?.delete(agentId);
			if (snapshot) next = encodeSnapshot(snapshot);
		}
	}
	store.write({ snapshot: next, watching, cursor, heldBack: encodeIds(held) });
	if (baseline || detected.events.length === 0) return null;
	return [this.helpers.returnJsonArray(detected.events as unknown as IDataObject[])];
}
