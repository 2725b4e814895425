/** CXone Agent States Trigger: polls agent states and emits the changes its rule watches for, keeping a snapshot between polls. */
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
	NodeApiError,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../credentials/cxone/constants';
import { filterAgents, ListParameterError, parseList } from './helpers/filters';
import { canonicalState, normalizeAgentStates } from './helpers/normalize';
import { sampleAgents, SAMPLE_NONE_DESCRIPTION } from './helpers/sample';
import { decodeSnapshot, snapshotHasActiveAgents } from './helpers/snapshot';
import { detectChanges, type WatchEvent } from './helpers/stateChanges';
import { getLocations, getTeams } from './methods';
import { CxoneSession } from './transport';
import { attachAgentLocations, fetchAgentStates, PAGE_CAP_WARNING } from './transport/agentStates';
import { properties, subtitle } from './trigger/trigger.description';

/** What the trigger keeps between polls in the workflow's static data: plain JSON only. */
interface TriggerState {
	/** Real CXone's lastPollTime: the next poll asks only for agents changed since. */
	cursor?: string;
	/** Every watched agent's state and since, encoded by encodeSnapshot. Absent until the baseline poll. */
	snapshot?: string;
	/** The rule and filters the snapshot was taken for: when they change, the next poll takes a new baseline. */
	watching?: string;
	/** The last full list was empty although the snapshot held agents: reported only if the next poll agrees. */
	emptyListSeen?: true;
}

/** Anything else in static data is from an older version (e.g. `agents`) and is removed. */
const STATE_KEYS = new Set(['cursor', 'snapshot', 'watching', 'emptyListSeen']);

export class CxoneAgentStatesTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CXone Agent States Trigger',
		name: 'cxoneAgentStatesTrigger',
		icon: { light: 'file:cxone.svg', dark: 'file:cxone.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle,
		description: 'Starts the workflow when a NICE CXone agent\'s state changes',
		defaults: { name: 'CXone Agent States Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties,
	};

	methods = { loadOptions: { getLocations, getTeams } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as WatchEvent;
		let states: string[];
		let sites: string[];
		let teams: string[];
		try {
			// Any case and CXone's own names: "ready" and "Available" both mean READY.
			states = event === 'anyChange' ? [] : parseList(this.getNodeParameter('states', []), 'States').map(canonicalState);
			const filters = this.getNodeParameter('filters', {}) as { siteIds?: unknown; teams?: unknown; siteList?: unknown; teamList?: unknown };
			sites = [...parseList(filters.siteIds, 'Site IDs'), ...parseList(filters.siteList, 'Sites From List')];
			teams = [...parseList(filters.teams, 'Teams'), ...parseList(filters.teamList, 'Teams From List')];
		} catch (error) {
			const description = error instanceof ListParameterError ? error.description : undefined;
			throw new NodeOperationError(this.getNode(), error as Error, { description });
		}
		const minutesValue = event === 'inStateFor' ? this.getNodeParameter('minutes', 15) : 0;
		const minutes = typeof minutesValue === 'string' && minutesValue.trim() ? Number(minutesValue) : minutesValue;
		if (typeof minutes !== 'number' || !Number.isFinite(minutes) || (event === 'inStateFor' && minutes <= 0)) {
			throw new NodeOperationError(this.getNode(), `Minutes must be a number greater than 0, not ${JSON.stringify(minutesValue) ?? String(minutesValue)}`, {
				description: 'Set Minutes (Has Been in State For) to how long an agent must stay in the state, e.g. 15.',
			});
		}

		const manual = this.getMode() === 'manual';
		const staticData = this.getWorkflowStaticData('node') as TriggerState & IDataObject;
		const watching = JSON.stringify({ event, states, minutes, sites, teams });
		if (!manual) {
			for (const key of Object.keys(staticData)) if (!STATE_KEYS.has(key)) delete staticData[key];
			// A changed rule, or static data this version cannot read: a new baseline, without a word.
			if (staticData.watching !== watching || (staticData.snapshot !== undefined && typeof staticData.snapshot !== 'string')) {
				delete staticData.snapshot;
				delete staticData.cursor;
				delete staticData.emptyListSeen;
			}
			if (staticData.cursor !== undefined && typeof staticData.cursor !== 'string') delete staticData.cursor;
		}
		const session = await CxoneSession.open(this);
		// Deltas cannot tell how long an unchanged agent has been in its state: that rule needs the full list.
		let useCursor =
			session.flavour === 'realTenant' &&
			!manual &&
			event !== 'inStateFor' &&
			staticData.cursor !== undefined &&
			// A delta cannot rebuild a snapshot that cannot be read: ask for the full list then.
			decodeSnapshot(staticData.snapshot) !== null;
		let fetched = await fetchAgentStates(session, { updatedSince: useCursor ? staticData.cursor : undefined }).catch(
			(error: NodeApiError) => {
				// A cursor CXone no longer accepts ("Invalid Updated Since"): start again from a full list.
				if (useCursor && error.httpCode === '400') return undefined;
				return Promise.reject(error);
			},
		);
		if (fetched === undefined) {
			delete staticData.cursor;
			useCursor = false;
			fetched = await fetchAgentStates(session);
		}

		const nowMs = Date.now();
		const { agents } = normalizeAgentStates(fetched.records, nowMs);
		if (session.flavour === 'realTenant' && sites.length > 0) await attachAgentLocations(session, agents);
		// Only watched agents enter the snapshot, so one who vanishes (logs out) is reported even though the
		// feed no longer says which site or team they were in.
		const watched = filterAgents(agents, { sites, teams });

		if (manual) {
			const sample = sampleAgents(agents, watched, { event, states, minutes }, nowMs);
			if (typeof sample === 'string') throw new NodeOperationError(this.getNode(), sample, { description: SAMPLE_NONE_DESCRIPTION, level: 'warning' });
			const items = sample.map((agent) => ({ ...agent, event: 'sample', previousState: null, previousStateSince: null, secondsInPreviousState: null }));
			return [this.helpers.returnJsonArray(items as unknown as IDataObject[])];
		}

		// 204/304 or an empty body: nothing to compare. Never "everyone left": keep the snapshot and the cursor.
		if (fetched.noContent) return null;
		if (fetched.cut) this.logger.warn(`CXone Agent States Trigger: ${PAGE_CAP_WARNING}`);

		// A list cut at the page cap is not every agent: those past the cut have not logged out.
		const complete = !useCursor && !fetched.cut;
		let baseline = staticData.snapshot === undefined;
		if (!baseline && complete && agents.length === 0 && snapshotHasActiveAgents(staticData.snapshot)) {
			// Everyone gone at once is more often a glitch than an end of shift: believe it when the next poll agrees.
			if (staticData.emptyListSeen !== true) {
				staticData.emptyListSeen = true;
				return null;
			}
		}
		delete staticData.emptyListSeen;
		const rule = { event, states, minutes };
		let detected = baseline ? null : detectChanges(staticData.snapshot, watched, { nowMs, complete, rule });
		if (detected === null) {
			// No snapshot, or one this version cannot read: record where everyone is now.
			baseline = true;
			detected = detectChanges('', watched, { nowMs, complete: true, rule }) ?? { events: [], next: '' };
		}
		staticData.snapshot = detected.next;
		staticData.watching = watching;
		if (fetched.lastPollTime) staticData.cursor = fetched.lastPollTime;

		// The first poll after activation (or after the rule or filters changed) only records where everyone is.
		const { events } = detected;
		if (baseline) return null;
		return events.length ? [this.helpers.returnJsonArray(events as unknown as IDataObject[])] : null;
	}
}
